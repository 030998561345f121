#!/usr/bin/env bash
# Query load test on loopback: ctkg against plain Fuseki main serving the same data, in the same run.
#   bench/query-load.sh [CLIENTS] [SECONDS]     # default 32 clients, 60 s per run (4 runs)
# Both servers get a copy of the same TDB2 store (the curated graph, made by ctkg load), the union of
# the named graphs as default graph, and a 5 s query timeout. Each run is bounded in time; the
# servers are stopped at the end. Only 127.0.0.1 is used. ctkg's query budget is off: the clients all
# connect from 127.0.0.1, one client to it (bench/query-budget.sh measures the budget).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
clients="${1:-32}"; seconds="${2:-60}"
jena_classpath

rm -rf "$work/q-ctkg" "$work/q-fuseki"
printf '<https://w3id.org/ctkg/id/test/bench> <http://www.w3.org/2000/01/rdf-schema#label> "bench" .\n' > "$work/seed.nt"
"${ctkg[@]}" load --quiet --no-validate --loc "$work/q-ctkg" "$work/seed.nt" > /dev/null
cp -r "$work/q-ctkg" "$work/q-fuseki"

"${ctkg[@]}" serve --loc "$work/q-ctkg" --port 3071 --localhost --timeout 5 --query-budget 0 --max-concurrent-queries 0 > "$work/ctkg.out" 2> /dev/null &
ctkg_pid=$!
java -cp "$jena_cp" org.apache.jena.fuseki.main.cmds.FusekiMainCmd --tdb2 --loc "$work/q-fuseki" --port 3072 --localhost \
     --timeout 5000 --set tdb2:unionDefaultGraph=true /ctkg > "$work/fuseki.out" 2>&1 &
fuseki_pid=$!
trap 'kill $ctkg_pid $fuseki_pid 2> /dev/null || true' EXIT
wait_up 3071; wait_up 3072
# Warm both JVMs up (JIT) before measuring.
java "$here/QueryLoad.java" "http://127.0.0.1:3071/ctkg/sparql" "$clients" 10 cheap warmup > /dev/null
java "$here/QueryLoad.java" "http://127.0.0.1:3072/ctkg/sparql" "$clients" 10 cheap warmup > /dev/null

echo "Host: $(nproc) cores; $(java -version 2>&1 | head -1); $(date -u +%Y-%m-%d); $clients clients, $seconds s per run"
echo
echo "| server | clients | load | cheap requests | cheap req/s | cheap p50 ms | cheap p99 ms | pathological requests | errors |"
echo "|---|---|---|---|---|---|---|---|---|"
for mix in "" "--mix"; do
  java "$here/QueryLoad.java" "http://127.0.0.1:3071/ctkg/sparql" "$clients" "$seconds" ${mix:-cheap} "ctkg"
  java "$here/QueryLoad.java" "http://127.0.0.1:3072/ctkg/sparql" "$clients" "$seconds" ${mix:-cheap} "plain Fuseki main" 
done
printf '\nAfter the runs, a query answers: ctkg HTTP %s, plain Fuseki HTTP %s\n' "$(alive 3071)" "$(alive 3072)"
