#!/usr/bin/env bash
# Restricted graphs at scale (issue 19, first slice): N triples of generated case records (opaque
# IRIs) loaded restricted into a store with the default content, then asked for on each read route
# by an anonymous client and by a reader allowed every restricted graph. Prints a Markdown table:
# what each got and how long it took; and the time of a scan that restricted records share
# (`?s a ?class`) with and without them in the store (the timing side channel of docs/privacy.md).
#
#   bench/privacy.sh [N]        # default 1000000
#
# Work files go to bench/work (or $BENCH_WORK).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
n="${1:-1000000}"
port=3096
graph="https://w3id.org/ctkg/graph/restricted-cases"
restricted_cases "$n"
first=$(head -1 "$data" | sed 's/^<\([^>]*\)>.*/\1/')

rm -rf "$work/public" "$work/private"
"${ctkg[@]}" load --quiet --loc "$work/public" "$seed" > /dev/null
"${ctkg[@]}" load --quiet --loc "$work/private" "$seed" > /dev/null
t0=$(date +%s.%N)
"${ctkg[@]}" load --quiet --loc "$work/private" --access restricted --graph "$graph" "$data" > /dev/null
load=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')

serve() {  # serve DIR: a server on $port over that store
  "${ctkg[@]}" serve --localhost --port "$port" --loc "$1" --readers "$work/readers" --reader-log "$work/reader-log" > "$work/serve.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  wait_up "$port"
}
stop() { kill "$server"; wait "$server" 2> /dev/null || true; }
base="http://127.0.0.1:$port"
# ask WHO PATH [curl args…]: prints "answer ms" for a GET (the answer: a count, a status, or matches)
sparql() { curl -s -o "$work/ans" -w '%{time_total}' "${auth[@]}" "$base/ctkg/sparql" -H 'Accept: text/csv' --data-urlencode "query=$1"; }
ms() { awk -v t="$1" 'BEGIN{printf "%.0f", t*1000}'; }
count() { t=$(sparql "$1"); echo "$(tail -1 "$work/ans" | tr -d '\r') $(ms "$t")"; }
status() { t=$(curl -s -o "$work/ans" -w '%{http_code} %{time_total}' "${auth[@]}" "$base$1" -H "Accept: $2"); set -- $t; echo "$1 $(ms "$2")"; }
mentions() { t=$(curl -s -o "$work/ans" -w '%{time_total}' "${auth[@]}" "$base$1" -H "Accept: $2"); echo "$(grep -o "$3" "$work/ans" | wc -l) $(ms "$t")"; }

serve "$work/private"
host_line
echo
echo "$n triples of case records ($records records) loaded restricted in $load s. Each cell: the answer, then milliseconds."
echo
echo "| route | anonymous | reader |"
echo "|---|---|---|"
row() {  # row NAME FUNCTION ARGS…: the answer for the public and for the reader
  local name="$1"; shift
  auth=(); a=$("$@")
  auth=(-u reader:bench-reader); r=$("$@")
  echo "| $name | $a | $r |"
}
row "records in the union default graph" count "SELECT (COUNT(*) AS ?n) { ?s a <https://w3id.org/ctkg/ontology#CaseRecord> }"
row "triples in GRAPH <restricted>" count "SELECT (COUNT(*) AS ?n) { GRAPH <$graph> { ?s ?p ?o } }"
row "graphs named by GRAPH ?g {}" count "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { } FILTER(?g = <$graph>) }"
row "triples FROM NAMED <restricted>" count "SELECT (COUNT(*) AS ?n) FROM NAMED <$graph> { GRAPH ?g { ?s ?p ?o } }"
row "DESCRIBE a record: triples" count "SELECT (COUNT(*) AS ?n) { <$first> ?p ?o }"
row "Graph Store ?graph=: status" status "/ctkg/data?graph=$graph" application/n-triples
row "a record's page: status" status "/${first#https://w3id.org/ctkg/}.html" text/html
row "class page /classes/CaseRecord: records listed" mentions "/classes/CaseRecord" text/html "/id/case/"
row "VoID: mentions of CaseRecord" mentions "/ctkg/void" text/turtle "CaseRecord"
scan="SELECT (COUNT(*) AS ?n) { ?s a ?class }"
auth=(); sparql "$scan" > /dev/null; with=$(count "$scan")
stop
serve "$work/public"
auth=(); sparql "$scan" > /dev/null; without=$(count "$scan")
stop
echo
echo "A public scan that restricted records share, \`$scan\` (second run): over the store with them $with; over the same store without them $without (answer, ms)."
