#!/bin/sh
# Benchmark of sq-chart (not a test): every chart type of the 22-item
# instrument, in PNG (150 dpi), PDF and SVG, from a simulated export of
# 1,000 respondents with 4 segments. Each cell is the mean over RUNS runs
# of the wall time and of the CPU time (user + system) of one whole
# sq-chart process: start-up, reading the export, drawing, encoding,
# writing. The goal is 100 ms per chart. On a loaded machine the wall
# time grows while the CPU time stays; both are printed.
#
# Environment: BIN (tools, default bin), O (build dir, default build/rel),
# RUNS (runs per cell, default 10), N (respondents, default 1000).
BIN=${BIN:-bin}
O=${O:-build/rel}
RUNS=${RUNS:-10}
N=${N:-1000}
GTIME=/usr/bin/time

for x in "$BIN/sq-simulate" "$BIN/sq-chart"; do
	if [ ! -x "$x" ]; then
		echo "bench/chart: $x is missing; run make first" >&2
		exit 1
	fi
done
if [ ! -x "$GTIME" ]; then
	echo "bench/chart: needs GNU time at $GTIME" >&2
	exit 1
fi
mkdir -p "$O/bench" || exit 1
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
DATA=$TMP/chart_$N.csv
"$BIN/sq-simulate" -n "$N" -s 1 --segments 4 -o "$DATA" 2>/dev/null || exit 1

# cell TYPE EXT: "wall / cpu" in ms, the mean of RUNS runs.
cell() {
	$GTIME -f "%e %U %S" -o "$TMP/t" sh -c '
		i=0
		while [ $i -lt "$1" ]; do
			"$2" "$3" -b sucursal -o "$4" "$5" || exit 1
			i=$((i + 1))
		done' sh "$RUNS" "$BIN/sq-chart" "$1" "$TMP/out.$2" "$DATA" ||
	    { echo "failed"; return; }
	awk -v r="$RUNS" '{ printf "%.0f / %.0f", 1000 * $1 / r,
	    1000 * ($2 + $3) / r }' "$TMP/t"
}

{
	echo "sq-chart, 22 items, $N respondents: ms per chart, wall / CPU" \
	    "(mean of $RUNS runs; $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
	echo
	echo "| chart | png (150 dpi) | pdf | svg |"
	echo "|---|---:|---:|---:|"
	for ty in gaps items radar ipa groups likert scree heatmap drivers; do
		printf '| %s | %s | %s | %s |\n' "$ty" "$(cell $ty png)" \
		    "$(cell $ty pdf)" "$(cell $ty svg)"
	done
} | tee "$O/bench/chart.md"
