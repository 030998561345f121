# Sourced by the bench scripts: where things are, the runnable jar (built if missing or stale),
# and the host line that heads every table. Work files go to bench/work (or $BENCH_WORK).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
work="${BENCH_WORK:-$here/work}"
mkdir -p "$work"
"$root/ctkg" --help > /dev/null       # builds the jar if needed
# A copy, so that a build during a long run does not change the jar under it.
cp "$root/cli/target/ctkg.jar" "$work/ctkg.jar"
jar="$work/ctkg.jar"
# ctkg as users run it (./ctkg, with its JVM settings), on that copy: "${ctkg[@]}" load ...
ctkg=(env CTKG_JAR="$jar" "$root/ctkg")

# needs_time: /usr/bin/time measures seconds and peak memory
needs_time() {
  command -v /usr/bin/time > /dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
}

# host_line: the machine, the JVM and the date, for the table's heading
host_line() {
  echo "Host: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); $(date -u +%Y-%m-%d)"
}

# jena_classpath: sets $jena_cp, the class path of Jena's own commands (tdb2.tdbloader, plain Fuseki main)
jena_classpath() {
  (cd "$here" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/jena-cp.txt" > /dev/null)
  jena_cp="$(cat "$work/jena-cp.txt")"
}

# timed NAME COMMAND... : runs the command (its output in $work/last.out); sets $secs, $kb (peak
# resident set, which counts the pages of memory-mapped store files the process touched) and
# $anon_kb (peak anonymous memory of the process: heap and native memory, sampled twice a second);
# stops the bench, showing the end of its errors, if it fails
timed() {
  needs_time
  local name="$1" tf pid; shift
  tf="$(mktemp)"
  /usr/bin/time -f "%e %M" -o "$tf" "$@" > "$work/last.out" 2> "$work/last.err" &
  pid=$!
  anon_kb=0
  while kill -0 "$pid" 2> /dev/null; do
    for p in $(pgrep -P "$pid"); do
      a=$(awk '/^RssAnon/ {print $2}' "/proc/$p/status" 2> /dev/null || true)
      [ -n "$a" ] && [ "$a" -gt "$anon_kb" ] && anon_kb=$a
    done
    sleep 0.5
  done
  wait "$pid" || { echo "bench: $name failed:" >&2; tail -5 "$work/last.err" >&2; exit 1; }
  read -r secs kb < "$tf"; rm -f "$tf"
}

# memory_cgroup MB: makes a memory cgroup limited to MB (the page cache of the files a process
# reads, writes and maps counts against it) and sets $cg to it, for `in_cgroup`; fails (status 1)
# where that cannot be done: not root, or no cgroup memory controller (v1 or v2)
memory_cgroup() {
  local bytes=$(($1 * 1048576))
  if [ -w /sys/fs/cgroup/cgroup.subtree_control ] && grep -qw memory /sys/fs/cgroup/cgroup.controllers 2> /dev/null; then
    cg=/sys/fs/cgroup/ctkg-bench-$$; mkdir -p "$cg" && echo "$bytes" > "$cg/memory.max" || return 1
    { echo 0 > "$cg/memory.swap.max"; } 2> /dev/null || true   # no swapping out of the limit, where swap is accounted
  elif [ -w /sys/fs/cgroup/memory ]; then
    cg=/sys/fs/cgroup/memory/ctkg-bench-$$; mkdir -p "$cg" && echo "$bytes" > "$cg/memory.limit_in_bytes"
  else
    return 1
  fi
}

# in_cgroup: the command prefix that runs a command inside $cg: timed NAME "${in_cgroup[@]}" COMMAND...
in_cgroup=(bash -c 'echo $$ > "$0/cgroup.procs" && exec "$@"')

# rate TRIPLES SECONDS: triples per second, rounded
rate() { awk -v t="$1" -v s="$2" 'BEGIN{printf "%.0f", t/s}'; }

# alive PORT: the HTTP status of a trivial query to the server on 127.0.0.1:PORT
alive() { curl -s -o /dev/null -w '%{http_code}' --data-urlencode 'query=ASK {}' "http://127.0.0.1:$1/ctkg/sparql" || true; }

# wait_up PORT: waits (up to two minutes) until that server answers queries
wait_up() { for _ in $(seq 1 240); do [ "$(alive "$1")" = 200 ] && return; sleep 0.5; done; echo "bench: server on $1 did not start" >&2; exit 1; }

# restricted_cases N: N triples of generated case records with opaque IRIs in $data (made once),
# their count in $records, a seed file of public data in $seed and a readers file in $work/readers
# (reader: bench-reader, allowed every restricted graph)
restricted_cases() {
  data="$work/restricted-cases-$1.nt"
  [ -f "$data" ] || "${ctkg[@]}" generate --triples "$1" --opaque-ids --out "$data" 2> /dev/null
  records=$(grep -c 'ontology#CaseRecord>' "$data")
  seed="$work/seed.ttl"
  printf '<https://w3id.org/ctkg/id/organization/bench> a <https://w3id.org/ctkg/ontology#Organization> ; <http://www.w3.org/2000/01/rdf-schema#label> "bench"@en .\n' > "$seed"
  printf 'reader: bench-reader restricted\n' > "$work/readers"
}
