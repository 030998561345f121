#!/usr/bin/env bash
# Tabular ingest benchmark (issue 6): a table mapped by its RML mapping (CARML), validated and loaded
# by `ctkg load --mapping`, against `ctkg load` of the very same triples as an N-Triples file, in the
# same run, each into a fresh store. Prints a Markdown table with the ratio of rates.
#
#   bench/tabular.sh [ROWS...]        # default: 100000 1000000
#
# Rows are generated in the shape of the DOL ILAB goods list (goods_from_XL.csv: real ISO country
# codes, a made-up good per row so every row is a new finding, sectors and Yes/No flags drawn from a
# seeded generator) and mapped with mappings/us-dol-ilab-2014.rml.ttl beside the real country data.
# The N-Triples file is what the mapping makes, written by `ctkg map` in the order the engine makes
# it, so both paths load and validate exactly the same triples in the same order. Work files go to bench/work (or $BENCH_WORK).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000)
graph="https://w3id.org/ctkg/graph/bench-goods"

host_line
echo
echo "| rows | triples | path | seconds | triples/s | peak MB | mapping ÷ RDF rate |"
echo "|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  dir="$work/tabular-$n"; mkdir -p "$dir"
  table="$dir/goods_from_XL.csv"
  [ -f "$table" ] || python3 - "$n" "$root/data/iso-codes/iso_3166-1.json" > "$table" <<'PY'
import json, random, sys
n = int(sys.argv[1])
codes = [c["alpha_3"] for c in json.load(open(sys.argv[2]))["3166-1"]]
rnd = random.Random(42)
sectors = ["Agriculture", "Manufacturing", "Mining", "Other"]
print("Country_Name,Country_ISO2,Country_ISO3,Country_Region,Good_Name,Good_Sector,Child_Labor,Forced_Labor,Forced_Child_Labor")
for i in range(n):
    c = rnd.choice(codes)
    flags = rnd.choice([("Yes", "No", "No"), ("Yes", "Yes", "Yes"), ("No", "Yes", "No"), ("Yes", "Yes", "No")])
    print(f"Country {c},{c[:2]},{c},Region,Good {i},{rnd.choice(sectors)},{flags[0]},{flags[1]},{flags[2]}")
PY
  cp "$root/data/us-dol-ilab-2014/master_data_from_XL.csv" "$dir/"
  for mode in validated no-validate; do
    flag=(); [ "$mode" = no-validate ] && flag=(--no-validate)
    rm -rf "$dir/store"
    timed "mapping ($mode)" "${ctkg[@]}" load --quiet "${flag[@]}" --loc "$dir/store" --graph "$graph" \
        --mapping "$root/mappings/us-dol-ilab-2014.rml.ttl" "$table" "$dir/master_data_from_XL.csv"
    map_secs=$secs; map_kb=$kb
    triples=$(sed -n 's/.* triples_read=\([0-9]*\).*/\1/p' "$work/last.out")
    [ -f "$dir/mapped.nt" ] || "${ctkg[@]}" map --mapping "$root/mappings/us-dol-ilab-2014.rml.ttl" --out "$dir/mapped.nt" \
        "$table" "$dir/master_data_from_XL.csv" 2> /dev/null
    rm -rf "$dir/store"
    timed "rdf ($mode)" "${ctkg[@]}" load --quiet "${flag[@]}" --loc "$dir/store" --graph "$graph" "$dir/mapped.nt"
    rdf_secs=$secs
    ratio=$(awk -v m="$map_secs" -v r="$rdf_secs" 'BEGIN{printf "%.2f", r/m}')
    printf '| %s | %s | table → RML mapping (%s) | %.1f | %.0f | %s | %s |\n' "$n" "$triples" "$mode" "$map_secs" \
      "$(rate "$triples" "$map_secs")" "$((map_kb / 1024))" "$ratio"
    printf '| %s | %s | the same triples as N-Triples (%s) | %.1f | %.0f | %s | |\n' "$n" "$triples" "$mode" "$rdf_secs" \
      "$(rate "$triples" "$rdf_secs")" "$((kb / 1024))"
    rm -rf "$dir/store"
  done
done
