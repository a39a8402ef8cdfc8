#!/bin/sh
# Benchmarks of partial results (not part of make check): on N simulated
# respondents (default 1,000,000), sq-gap alone, libcsv's bare parse,
# sq-gap --partial on 4 shards merged, the GNU parallel --pipepart recipe
# (-j 2), and sq-merge over 1,000 states. Wall and CPU seconds (user +
# system) of one run each, peak memory; prints a markdown table.
# Environment: BIN (default bin), O (default build/rel), N, STATES.
BIN=${BIN:-bin}
O=${O:-build/rel}
N=${N:-1000000}
STATES=${STATES:-1000}
DATA=${BENCH_DATA:-$O/bench/data}
GTIME=/usr/bin/time
mkdir -p "$DATA" || exit 1
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
f=$DATA/sim_$N.csv
if [ ! -s "$f" ] || [ "$BIN/sq-simulate" -nt "$f" ]; then
	"$BIN/sq-simulate" -n "$N" --seed 1 -o "$f.tmp" 2>/dev/null &&
	    mv "$f.tmp" "$f" || exit 1
fi
# row LABEL CMD: one timed run: wall, CPU, peak MB
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
echo "| case | wall s | CPU s | peak MB (largest process) |"
echo "|---|---|---|---|"
row "csvparse (libcsv bare parse)" "$O/bench/csvparse $f"
row "sq-gap" "$BIN/sq-gap -f tsv $f"
row "sq-gap --partial" "$BIN/sq-gap --partial $f > $TMP/one.st"
row "parallel --pipepart -j 2 sq-gap --partial - \\| sq-merge -" \
    "HOME=$TMP parallel --will-cite -j 2 --pipepart --header : --block 20M -a $f $BIN/sq-gap --partial - | $BIN/sq-merge - > $TMP/par.tsv"
"$BIN/sq-gap" -f tsv "$f" > "$TMP/single.tsv"
cmp -s "$TMP/single.tsv" "$TMP/par.tsv" && echo "| (recipe output equals the single run) | | | |" ||
    echo "| (RECIPE OUTPUT DIFFERS) | | | |"
i=0
while [ $i -lt "$STATES" ]; do
	cp "$TMP/one.st" "$TMP/s$i.st"
	i=$((i + 1))
done
row "sq-merge of $STATES states" "$BIN/sq-merge $TMP/s*.st"
row "sq-merge of $STATES states (one stream)" "cat $TMP/s*.st | $BIN/sq-merge -"
echo
echo "State size: $(wc -c < "$TMP/one.st") bytes."
