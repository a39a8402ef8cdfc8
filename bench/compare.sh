#!/bin/sh
# sq-compare benchmark (run by bench/run.sh; not part of make check):
# 1,000,000 simulated respondents in 4 groups, time beside libcsv's bare
# strict parse of the same file and peak RSS; then peak RSS with 50 groups
# (the memory bound of DESIGN.md: under 64 MB) and of --paired-by over two
# waves of 1,000,000 (memory that grows with respondents there).
# Writes $O/bench/compare.md. Environment as bench/run.sh.
BIN=${BIN:-bin}
O=${O:-build/rel}
DATA=${BENCH_DATA:-$O/bench/data}
CSVPARSE=$O/bench/csvparse
GTIME=/usr/bin/time
OUT=$O/bench/compare.md
mkdir -p "$DATA" || exit 1

gen() {	# gen N SEGMENTS SEED
	f=$DATA/cmp_$1_$2_$3.csv
	if [ ! -s "$f" ] || [ "$BIN/sq-simulate" -nt "$f" ]; then
		echo "generating $f ..." >&2
		"$BIN/sq-simulate" -n "$1" --segments "$2" --seed "$3" \
		    -o "$f.tmp" 2>/dev/null && mv "$f.tmp" "$f" ||
		    { rm -f "$f.tmp"; exit 1; }
	fi
	echo "$f"
}

# run LABEL CMD...: wall and CPU seconds and peak RSS of one run
run() {
	label=$1
	shift
	"$GTIME" -f '%e %U %S %M' -o "$OUT.t" "$@" >/dev/null 2>"$OUT.err" ||
	    { echo "| $label | failed: $(head -n 1 "$OUT.err") | | | |"; return; }
	awk -v l="$label" -v b="$base" 'END { w = $1; c = $2 + $3;
	    r = (b > 0) ? sprintf("%.2f", w / b) : "1.00";
	    printf "| %s | %.2f | %s | %.2f | %.1f |\n", l, w, r, c, $4 / 1024 }' \
	    "$OUT.t"
	[ -z "$base" ] && base=$(awk 'END { print $1 }' "$OUT.t")
}

f4=$(gen 1000000 4 1) || exit 1
f50=$(gen 1000000 50 1) || exit 1
w2=$(gen 1000000 0 2) || exit 1
w1=$(gen 1000000 0 1) || exit 1
base=
{
echo "1,000,000 respondents; $(nproc) CPU, one run each."
echo
echo "| command | wall (s) | × csvparse | CPU (s) | peak RSS (MB) |"
echo "|---|---:|---:|---:|---:|"
run "csvparse (libcsv, reference)" "$CSVPARSE" "$f4"
run "sq-compare -b sucursal, 4 groups" "$BIN/sq-compare" -f tsv -b sucursal "$f4"
run "sq-compare -b sucursal, 4 groups, --items" "$BIN/sq-compare" -f tsv -b sucursal --items "$f4"
run "sq-compare -b sucursal, 50 groups" "$BIN/sq-compare" -f tsv -b sucursal "$f50"
run "sq-compare wave1 wave2 (2 x 1,000,000)" "$BIN/sq-compare" -f tsv "$w1" "$w2"
run "sq-compare --paired-by id (2 x 1,000,000)" "$BIN/sq-compare" -f tsv --paired-by id "$w1" "$w2"
} | tee "$OUT"
rm -f "$OUT.t" "$OUT.err"
