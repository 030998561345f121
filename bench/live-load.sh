#!/usr/bin/env bash
# Live-load benchmark (issue 8): the same generated case-record file loaded offline (`ctkg load --loc`)
# and live into a running server (`ctkg load --server`), in the same run, each into a store that holds
# the same content beforehand. Prints a Markdown table with the ratio of rates.
#
#   bench/live-load.sh [SIZES...]        # default: 1000000 10000000
#
# The live path includes streaming the file up (zipped) and staging it on the server's disk.
# Work files go to bench/work (or $BENCH_WORK).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(1000000 10000000)
seed="$work/seed.ttl"
printf '<https://w3id.org/ctkg/id/organization/bench> a <https://w3id.org/ctkg/ontology#Organization> ; <http://www.w3.org/2000/01/rdf-schema#label> "bench"@en .\n' > "$seed"
export CTKG_WRITER_PASSWORD="bench-$$"
port=3097

fresh_store() { rm -rf "$1"; "${ctkg[@]}" load --quiet --loc "$1" "$seed" > /dev/null; }

host_line
echo
echo "| triples | path | seconds | triples/s | live ÷ offline rate |"
echo "|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  data="$work/cases-$n.nt"
  [ -f "$data" ] || "${ctkg[@]}" generate --triples "$n" --seed 42 --out "$data" 2> /dev/null
  graph="https://w3id.org/ctkg/graph/cases-$n"

  fresh_store "$work/offline"
  t0=$(date +%s.%N)
  "${ctkg[@]}" load --quiet --loc "$work/offline" --graph "$graph" "$data" > /dev/null
  offline=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')
  rm -rf "$work/offline"

  fresh_store "$work/live"
  "${ctkg[@]}" serve --localhost --port "$port" --loc "$work/live" > "$work/serve.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  until curl -sf "http://localhost:$port/\$/ping" > /dev/null; do sleep 0.2; done
  t0=$(date +%s.%N)
  "${ctkg[@]}" load --quiet --server "http://localhost:$port" --graph "$graph" "$data" > /dev/null
  live=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')
  kill "$server"; wait "$server" 2>/dev/null || true
  rm -rf "$work/live"

  printf '| %s | offline: ctkg load --loc | %.1f | %s | |\n' "$n" "$offline" "$(rate "$n" "$offline")"
  printf '| %s | live: ctkg load --server | %.1f | %s | %s |\n' "$n" "$live" "$(rate "$n" "$live")" \
    "$(awk -v o="$offline" -v l="$live" 'BEGIN{printf "%.2f", o/l}')"
done
