#!/usr/bin/env bash
# Scale benchmark (issue 7): at each size, in the same run,
#   1. load the same generated case-record file with tdb2.tdbloader (phased and parallel, into a
#      named graph as ctkg does) and with ctkg load (validated): seconds, triples/s, peak memory;
#   2. serve the ctkg store with ctkg and a copy of it with plain Fuseki main, and time the analyst
#      query mix (bench/mix/*.rq, one request at a time) on both: p50 and p99, result counts compared;
#   3. time pages on ctkg: resource pages (a case record, and two hubs that thousands of records link
#      to, one of them Mexico's page with its dossier), the home page (counts by class), the first page
#      of the case-record class and the 2012 TIP tier map;
# then draw the growth as docs/img/scale.svg.
#
#   bench/scale.sh [SIZES...]          # default: 100000 1000000 10000000 (about 25 minutes)
#   RUNS=50 BUDGET=60 bench/scale.sh   # repetitions per query, and seconds per query before it stops early (≥ 5 runs)
#
# The generator (ctkg generate --seed 42) writes CTDC-shaped records linked to ctkg's countries and crime
# typology, about 9 triples each. 50M is an optional run: bench/scale.sh 50000000 (about 2 hours, 30 GB of disk).
# Only 127.0.0.1 is used; both servers are stopped at the end. Work files go to bench/work (or $BENCH_WORK).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000 10000000)
runs="${RUNS:-50}"; budget="${BUDGET:-60}"
jena_classpath
out="$work/scale"; mkdir -p "$out"
: > "$out/loads.md"; : > "$out/queries.md"; : > "$out/pages.md"

# load NAME TRIPLES COMMAND... : one row of the load table (also kept for the chart)
load() {
  local name="$1" triples="$2"; shift 2
  timed "$name" "$@"
  printf '| %s | %s | %.1f | %s | %s |\n' "$triples" "$name" "$secs" "$(rate "$triples" "$secs")" "$((kb / 1024))" | tee -a "$out/loads.md" >&2
}
pids=()
trap 'kill "${pids[@]}" 2> /dev/null || true' EXIT

for n in "${sizes[@]}"; do
  data="$work/cases-$n.nt"
  [ -f "$data" ] || "${ctkg[@]}" generate --triples "$n" --seed 42 --out "$data" 2> /dev/null
  graph="https://w3id.org/ctkg/graph/cases-$n"
  for loader in phased parallel; do
    rm -rf "$work/tdb"
    load "tdb2.tdbloader --loader=$loader --graph" "$n" java -cp "$jena_cp" tdb2.tdbloader --loader=$loader --graph="$graph" --loc "$work/tdb" "$data"
  done
  rm -rf "$work/tdb" "$work/s-ctkg" "$work/s-fuseki"
  load "ctkg load (validated)" "$n" "${ctkg[@]}" load --quiet --loc "$work/s-ctkg" "$data"
  cp -r "$work/s-ctkg" "$work/s-fuseki"

  "${ctkg[@]}" serve --loc "$work/s-ctkg" --port 3081 --localhost --timeout 300 --max-rows 0 > "$work/ctkg.out" 2>&1 &
  pids+=($!)
  java -cp "$jena_cp" org.apache.jena.fuseki.main.cmds.FusekiMainCmd --tdb2 --loc "$work/s-fuseki" --port 3082 --localhost \
       --timeout 300000 --set tdb2:unionDefaultGraph=true /ctkg > "$work/fuseki.out" 2>&1 &
  pids+=($!)
  wait_up 3081; wait_up 3082
  java "$here/QueryMix.java" queries "$n" ctkg "http://127.0.0.1:3081/ctkg/sparql" "$here/mix" ctkg "$runs" "$budget" | tee -a "$out/queries.md" >&2
  java "$here/QueryMix.java" queries "$n" "plain Fuseki" "http://127.0.0.1:3082/ctkg/sparql" "$here/mix" fuseki "$runs" "$budget" | tee -a "$out/queries.md" >&2
  java "$here/QueryMix.java" pages "$n" ctkg "http://127.0.0.1:3081" "$runs" "$budget" \
       /id/case/s42-1234 /id/country/mex /id/crime/forced-labour / /classes/CaseRecord "/map/tip-tiers?year=2012" | tee -a "$out/pages.md" >&2
  kill "${pids[@]}" 2> /dev/null || true; wait "${pids[@]}" 2> /dev/null || true; pids=()
  rm -rf "$work/s-ctkg" "$work/s-fuseki"
done

host_line
echo
echo "### Loads"
echo
echo "| triples | loader | seconds | triples/s | peak MB |"
echo "|---|---|---|---|---|"
cat "$out/loads.md"
echo
echo "### Query mix (one request at a time; p50/p99 in ms over the runs)"
echo
echo "| triples | server | query | runs | results | p50 ms | p99 ms |"
echo "|---|---|---|---|---|---|---|"
cat "$out/queries.md"
echo
echo "### Resource pages (ctkg, text/html)"
echo
echo "| triples | server | page | runs | size | p50 ms | p99 ms |"
echo "|---|---|---|---|---|---|---|"
cat "$out/pages.md"
python3 "$here/chart.py" "$out" "$root/docs/img/scale.svg"
echo
echo "Chart: docs/img/scale.svg"
