# Sourced by the bench scripts: where things are, the runnable jar (built if missing or stale),
# and the host line that heads every table. Work files go to bench/work (or $BENCH_WORK).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
work="${BENCH_WORK:-$here/work}"
mkdir -p "$work"
"$root/ctkg" --help > /dev/null       # builds the jar if needed
# A copy, so that a build during a long run does not change the jar under it.
cp "$root/server/target/ctkg.jar" "$work/ctkg.jar"
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
