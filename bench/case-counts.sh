#!/usr/bin/env bash
# The published case counts (issue 19) at scale: N triples of generated case records (opaque IRIs)
# loaded restricted into a store with the default content, which recomputes the cube; then
# "case records by country of exploitation and year" asked two ways over HTTP: from the cube
# (anonymously: the published table, suppression and all) and as the same GROUP BY over the raw
# records (a reader allowed every restricted graph). Prints a Markdown table: the load's seconds,
# each query's median milliseconds over 5 runs after one warm-up (the answer cache off: each run does
# the query's work), the rows, and the ratio.
#
#   bench/case-counts.sh [N]        # default 1000000
#
# Work files go to bench/work (or $BENCH_WORK).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
n="${1:-1000000}" port=3097 store="$work/case-counts"
restricted_cases "$n"

rm -rf "$store"
"${ctkg[@]}" load --quiet --loc "$store" "$seed" > /dev/null
t0=$(date +%s.%N)
"${ctkg[@]}" load --quiet --loc "$store" --access restricted --graph https://w3id.org/ctkg/graph/restricted-cases "$data" > /dev/null
load=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')

"${ctkg[@]}" serve --localhost --port "$port" --loc "$store" --cache-size 0 --readers "$work/readers" --reader-log "$work/reader-log" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
wait_up "$port"
base="http://127.0.0.1:$port"
prefixes='PREFIX ctkg: <https://w3id.org/ctkg/ontology#> PREFIX qb: <http://purl.org/linked-data/cube#>'
cube="$prefixes SELECT ?country ?year ?n ?status { GRAPH <https://w3id.org/ctkg/graph/case-counts> {
  ?o qb:dataSet <https://w3id.org/ctkg/id/case-counts/country-year> ; ctkg:byCountryOfExploitation ?country ; ctkg:byYearOfRegistration ?year .
  OPTIONAL { ?o ctkg:caseCount ?n } OPTIONAL { ?o ctkg:caseCountStatus ?status } } }"
raw="$prefixes SELECT ?country ?year (COUNT(DISTINCT ?r) AS ?n) {
  ?r a ctkg:CaseRecord ; ctkg:countryOfExploitation ?country ; ctkg:yearOfRegistration ?year } GROUP BY ?country ?year"
# median QUERY [curl args…]: one warm-up, then the median of 5 runs, in ms; the answer's rows in $work/rows
median() {
  local q="$1"; shift
  curl -s -o /dev/null "$@" "$base/ctkg/sparql" -H 'Accept: text/csv' --data-urlencode "query=$q"
  local times=()
  for _ in 1 2 3 4 5; do
    times+=("$(curl -s -o "$work/ans" -w '%{time_total}' "$@" "$base/ctkg/sparql" -H 'Accept: text/csv' --data-urlencode "query=$q")")
  done
  echo $(($(wc -l < "$work/ans") - 1)) > "$work/rows"
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk '{printf "%.0f", $1*1000}'
}
cube_ms=$(median "$cube"); cube_rows=$(cat "$work/rows")
raw_ms=$(median "$raw" -u reader:bench-reader); raw_rows=$(cat "$work/rows")
host_line
echo
echo "$n triples of case records ($records records) loaded restricted, with the cube recomputed, in $load s."
echo
echo "| case records by country of exploitation and year | ms (median of 5) | rows |"
echo "|---|---|---|"
echo "| from the cube (anonymous) | $cube_ms | $cube_rows |"
echo "| GROUP BY over the raw records (reader) | $raw_ms | $raw_rows |"
echo
echo "The cube answers $(awk -v a="$raw_ms" -v b="$cube_ms" 'BEGIN{printf "%.1f", a/(b<1?1:b)}')× faster."
