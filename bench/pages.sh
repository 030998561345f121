#!/usr/bin/env bash
# Pages of the views issue (17) at scale, against the resource page in the same run: N triples of
# generated case records loaded with `ctkg load` into a store with the default content, served with
# the answer cache off (so that each request does the page's work, as a first visit does), then
# QueryMix's pages, one request at a time: a case record's resource page (the baseline: a page
# without pictures), Mexico's and the USA's dossiers, the Palermo Protocol's page with its status map,
# a statistic with its other editions, the 2012 tier map and the home page. Prints the rows and each
# page's p50 over the case record's.
#
#   bench/pages.sh [N]        # default 10000000
#   RUNS=50 BUDGET=60 bench/pages.sh 1000000
#   BEFORE_JAR=old/ctkg.jar bench/pages.sh    # also the same store served by an older jar, and the ratios
#
# Work files go to bench/work (or $BENCH_WORK); the server is stopped at the end.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
n="${1:-10000000}"; runs="${RUNS:-50}"; budget="${BUDGET:-60}"; port=3085
data="$work/cases-$n.nt"
[ -f "$data" ] || "${ctkg[@]}" generate --triples "$n" --seed 42 --out "$data" 2> /dev/null
rm -rf "$work/pages-store"
t0=$(date +%s.%N)
"${ctkg[@]}" load --quiet --loc "$work/pages-store" --graph "https://w3id.org/ctkg/graph/cases-$n" "$data" > /dev/null
load=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
"${ctkg[@]}" serve --loc "$work/pages-store" --port "$port" --localhost --cache-size 0 --timeout 300 \
    --query-budget 0 --max-concurrent-queries 0 --max-requests-per-second 0 > "$work/pages.out" 2>&1 &
server=$!
trap 'kill $server 2> /dev/null || true' EXIT
wait_up "$port"
host_line
echo
pages=(/id/case/s42-1234 /id/country/mex /id/country/usa /id/instrument/palermo-protocol
       /id/statistic/ilo-2022-modern-slavery "/map/tip-tiers?year=2012" /)
# JIT warm-up: HotSpot compiles a page's queries only after some hundreds of requests (docs/benchmarks.md)
java "$here/QueryMix.java" pages "$n" warm-up "http://127.0.0.1:$port" 300 "${WARMUP:-20}" "${pages[@]}" > /dev/null
echo "$n generated triples loaded in $load s; the answer cache off; after a warm-up, $runs runs a page (fewer past $budget s, at least 5):"
echo
echo "| size | server | page | runs | answer | p50 ms | p99 ms |"
echo "|---|---|---|---|---|---|---|"
java "$here/QueryMix.java" pages "$n" ctkg "http://127.0.0.1:$port" "$runs" "$budget" "${pages[@]}" | tee "$work/pages.md"
echo
awk -F'|' 'NR == 1 {base = $(NF-2) + 0} base > 0 {gsub(/^ +| +$/, "", $4); printf "%s: %.2f × the case record'"'"'s page (p50)\n", $4, ($(NF-2) + 0) / base}' "$work/pages.md"
# BEFORE_JAR: the same store served by another jar (the pages before a change; no answer cache then),
# the same warm-up and runs, and each page's p50 now over its p50 then
if [ -n "${BEFORE_JAR:-}" ]; then
  kill "$server" 2> /dev/null || true; wait "$server" 2> /dev/null || true
  java -jar "$BEFORE_JAR" serve --loc "$work/pages-store" --port "$port" --localhost --timeout 300 > "$work/pages-before.out" 2>&1 &
  server=$!
  wait_up "$port"
  before=()   # the pages that jar has (the tier map, say, came later)
  for p in "${pages[@]}"; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -L "http://127.0.0.1:$port$p")" = 200 ] && before+=("$p")
  done
  java "$here/QueryMix.java" pages "$n" warm-up "http://127.0.0.1:$port" 300 "${WARMUP:-20}" "${before[@]}" > /dev/null
  echo
  echo "The same store served by $(basename "$BEFORE_JAR"):"
  echo
  java "$here/QueryMix.java" pages "$n" before "http://127.0.0.1:$port" "$runs" "$budget" "${before[@]}" | tee "$work/pages-before.md"
  echo
  awk -F'|' 'NR == FNR {gsub(/^ +| +$/, "", $4); then[$4] = $7 + 0; next} {gsub(/^ +| +$/, "", $4)} $4 in then {
      printf "%s: %.1f ms now, %.1f ms before: %.2f×\n", $4, $7, then[$4], ($7 + 0) / then[$4]}' "$work/pages-before.md" "$work/pages.md"
fi
rm -rf "$work/pages-store"
