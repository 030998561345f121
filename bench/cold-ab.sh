#!/usr/bin/env bash
# ctkg against plain Fuseki on the stores bench/peers.sh left (bench/work/p-ctkg and its copy
# p-fuseki, the size it loaded last), on every cold template of the mix, request by request: both
# servers started afresh, then bench/Alternate.java for SECONDS a template (thousands of requests,
# where peers.sh has 20-30 a query; ctkg's answer cache off, since templates drawing only a
# country repeat), p25/p50/p75 in ms and ctkg's p50 over plain Fuseki's, and the same for the mean of
# the middle 80 %: requests of a millisecond or two come in two modes here, about 2.4 ms apart on
# both servers and Fuseki's own log alike (docs/benchmarks.md), and a p50 falls in either.
#
#   bench/cold-ab.sh SIZE [SECONDS]     # SIZE: the triples peers.sh loaded last (for the record count)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
n="$1"; secs="${2:-45}"
jena_classpath
cport=3181; fport=3182; pids=()
trap 'kill "${pids[@]}" 2> /dev/null || true' EXIT
cstore="${CTKG_STORE:-$work/p-ctkg}"; fstore="${FUSEKI_STORE:-$work/p-fuseki}"   # or two copies of one store
[ -d "$cstore" ] && [ -d "$fstore" ] || { echo "bench: run bench/peers.sh $n first" >&2; exit 1; }
"${ctkg[@]}" serve --loc "$cstore" --port "$cport" --localhost --timeout 300 --max-rows 0 \
    --query-budget 0 --max-concurrent-queries 0 --max-requests-per-second 0 --cache-size 0 > "$work/peers/ab-ctkg.out" 2>&1 &
pids+=($!)
java -cp "$jena_cp" org.apache.jena.fuseki.main.cmds.FusekiMainCmd --tdb2 --loc "$fstore" --port "$fport" --localhost \
     --timeout 300000 --set tdb2:unionDefaultGraph=true /ctkg > "$work/peers/ab-fuseki.out" 2>&1 &
pids+=($!)
wait_up "$cport"; wait_up "$fport"
records=$(grep -c 'yearOfRegistration' "$work/cases-$n.nt")
host_line
echo
echo "| size | cold query | requests each | p25/p50/p75 ms ctkg | p25/p50/p75 ms plain Fuseki | ctkg ÷ plain Fuseki (p50) | (mean of p10-p90) |"
echo "|---|---|---|---|---|---|---|"
base=1000000
for template in "$here"/peers/cold/[0-9]*.rq; do
  name="$(basename "$template" .rq)"
  [[ "$name" == *.* ]] && continue                      # a server's variant
  grep -q '^DESCRIBE' "$template" && [[ "$name" == 9-* ]] && continue   # pages: peers.sh
  # the GROUP BY takes seconds a request at 10M: give it more time for a dozen of each
  s="$secs"; [[ "$name" == 3-* ]] && s=$((secs * 3))
  RECORDS="$records" java "$here/Alternate.java" "$template" "$s" "$base" \
      "http://127.0.0.1:$cport/ctkg/sparql" "http://127.0.0.1:$fport/ctkg/sparql" > "$work/peers/ab.txt"
  base=$((base + 1000000))
  awk -v size="$n" -v name="$name" '
    { split($0, f, " "); for (i in f) { split(f[i], kv, "="); v[NR, kv[1]] = kv[2] } }
    END { printf "| %s | %s | %s | %s / %s / %s | %s / %s / %s | %.2f | %.2f |\n", size, name, v[1, "n"],
          v[1, "p25"], v[1, "p50"], v[1, "p75"], v[2, "p25"], v[2, "p50"], v[2, "p75"], v[1, "p50"] / v[2, "p50"],
          v[1, "mean10-90"] / v[2, "mean10-90"] }' "$work/peers/ab.txt"
done
