#!/usr/bin/env bash
# Load benchmark: ctkg load (validation on and off) against Jena's tdb2.tdbloader (phased, basic)
# on the same generated case-record files, in the same run. Prints a Markdown table.
#
#   bench/load.sh [SIZES...]        # default: 1000000 10000000
#
# Each tool loads into a fresh TDB2 store. tdbloader runs twice: into the default graph (its
# default), and into a named graph with --graph, which is what ctkg does (a named graph per
# source), so the second is the like-for-like comparison. Peak memory is the maximum resident
# set size reported by /usr/bin/time, and the part of it that is the process's own (anonymous)
# memory rather than pages of the store's memory-mapped files. Work files go to bench/work (or $BENCH_WORK).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(1000000 10000000)
jena_classpath

# run NAME TRIPLES COMMAND... : prints "| NAME | triples | seconds | triples/s | peak MB | of which anonymous MB |"
run() {
  local name="$1" triples="$2"; shift 2
  timed "$name" "$@"
  printf '| %s | %s | %.1f | %s | %s | %s |\n' "$name" "$triples" "$secs" "$(rate "$triples" "$secs")" "$((kb / 1024))" "$((anon_kb / 1024))"
}

# With root and a cgroup memory controller, ctkg also runs under a hard 4 GB limit (page cache
# included): without one, the kernel keeps every page of the store's mapped files resident.
limited=no
if memory_cgroup 4096; then limited=yes; trap 'rmdir "$cg" 2> /dev/null' EXIT; fi
host_line
echo
echo "| run | triples | seconds | triples/s | peak MB | of which anonymous MB |"
echo "|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  data="$work/cases-$n.nt"
  [ -f "$data" ] || "${ctkg[@]}" generate --triples "$n" --seed 42 --out "$data" 2> /dev/null
  graph="https://w3id.org/ctkg/graph/cases-$n"
  for loader in phased basic; do
    rm -rf "$work/tdb"; run "tdb2.tdbloader --loader=$loader (default graph)" "$n" java -cp "$jena_cp" tdb2.tdbloader --loader=$loader --loc "$work/tdb" "$data"
    rm -rf "$work/tdb"; run "tdb2.tdbloader --loader=$loader --graph" "$n" java -cp "$jena_cp" tdb2.tdbloader --loader=$loader --graph="$graph" --loc "$work/tdb" "$data"
  done
  rm -rf "$work/ctkg"; run "ctkg load --no-validate" "$n" "${ctkg[@]}" load --quiet --no-validate --loc "$work/ctkg" "$data"
  rm -rf "$work/ctkg"; run "ctkg load (SHACL validation on)" "$n" "${ctkg[@]}" load --quiet --loc "$work/ctkg" "$data"
  if [ "$limited" = yes ]; then
    rm -rf "$work/ctkg"; run "ctkg load --no-validate, 4 GB memory limit" "$n" "${in_cgroup[@]}" "$cg" "${ctkg[@]}" load --quiet --no-validate --loc "$work/ctkg" "$data"
    rm -rf "$work/ctkg"; run "ctkg load (SHACL validation on), 4 GB memory limit" "$n" "${in_cgroup[@]}" "$cg" "${ctkg[@]}" load --quiet --loc "$work/ctkg" "$data"
  fi
  rm -rf "$work/tdb" "$work/ctkg"
done
