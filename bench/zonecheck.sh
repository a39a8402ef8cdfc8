#!/bin/sh
# Benchmarks of sq-zone and sq-check at scale (not part of make check): on
# N simulated three-column respondents (default 1,000,000; scale 1..9),
# libcsv's bare parse, sq-zone -j 1 and -j 2, sq-zone --partial and
# sq-check --summary (one reader), with the state sizes. Wall and CPU
# seconds (user + system) of one run each, peak memory; a markdown table.
# Environment: BIN (default bin), O (default build/rel), N.
BIN=${BIN:-bin}
O=${O:-build/rel}
N=${N:-1000000}
DATA=${BENCH_DATA:-$O/bench/data}
GTIME=/usr/bin/time
mkdir -p "$DATA" || exit 1
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
f=$DATA/zone_$N.csv
if [ ! -s "$f" ] || [ "$BIN/sq-simulate" -nt "$f" ]; then
	"$BIN/sq-simulate" -n "$N" --seed 1 --form zone -o "$f.tmp" \
	    2>/dev/null && mv "$f.tmp" "$f" || exit 1
fi
printf 'scale,1,9\n' > "$TMP/nine.cb"
row() {
	label=$1
	shift
	"$GTIME" -f '%e %U %S %M' -o "$TMP/t" sh -c "$*" >/dev/null 2>&1
	awk -v l="$label" 'END { printf "| %s | %.2f | %.2f | %.1f |\n", l,
	    $1, $2 + $3, $4 / 1024 }' "$TMP/t"
}
echo "Input: $N respondents, $(du -m "$f" | cut -f1) MB; $(nproc) CPU;"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| case | wall s | CPU s | peak MB |"
echo "|---|---|---|---|"
row "csvparse (libcsv bare parse)" "$O/bench/csvparse $f"
row "sq-zone -j 1" "$BIN/sq-zone -j 1 -c $TMP/nine.cb -f tsv $f > $TMP/z1"
row "sq-zone -j 2" "$BIN/sq-zone -j 2 -c $TMP/nine.cb -f tsv $f > $TMP/z2"
cmp -s "$TMP/z1" "$TMP/z2" && echo "| (-j 2 output equals -j 1) | | | |" ||
    echo "| (-j 2 OUTPUT DIFFERS) | | | |"
row "sq-zone -j 2 --partial" "$BIN/sq-zone -j 2 -c $TMP/nine.cb --partial $f > $TMP/z.st"
row "sq-check --summary" "$BIN/sq-check --summary -c $TMP/nine.cb $f"
row "sq-check --summary --partial" "$BIN/sq-check --summary --partial -c $TMP/nine.cb $f > $TMP/c.st"
row "sq-check (problem list)" "$BIN/sq-check -c $TMP/nine.cb $f"
echo
echo "State sizes: sq-zone $(wc -c < "$TMP/z.st") bytes, sq-check --summary $(wc -c < "$TMP/c.st") bytes."
