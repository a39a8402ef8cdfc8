#!/bin/sh
# Benchmarks (make bench; not part of make check). Times sq-gap on
# 1,000,000 simulated respondents beside libcsv's bare strict parse of the
# same file (bench/csvparse.c), reports the median wall time of several
# runs, the ratio to the parse and the peak resident memory, then peak
# memory at 100,000 and 1,000,000 respondents. sq-alpha, sq-factor and
# sq-drivers are timed too when they have been built. Prints markdown
# tables (also written to $O/bench/results.md).
#
# Environment: BIN (tools, default bin), O (build dir with
# bench/csvparse, default build/rel), RUNS (timed runs, default 5),
# BENCH_DATA (where the simulated exports are cached, default
# $O/bench/data). Uses hyperfine when installed (HYPERFINE= to not),
# otherwise GNU time.
BIN=${BIN:-bin}
O=${O:-build/rel}
RUNS=${RUNS:-5}
DATA=${BENCH_DATA:-$O/bench/data}
CSVPARSE=$O/bench/csvparse
GTIME=/usr/bin/time
OUT=$O/bench/results.md

for x in "$BIN/sq-simulate" "$BIN/sq-gap" "$CSVPARSE"; do
	if [ ! -x "$x" ]; then
		echo "bench: $x is missing; run make first" >&2
		exit 1
	fi
done
[ -x "$GTIME" ] || GTIME=
HYPERFINE=${HYPERFINE-$(command -v hyperfine 2>/dev/null)}
mkdir -p "$DATA" || exit 1
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM

# gen N: the cached export of N respondents (seed 1), made again when
# sq-simulate is newer than it.
gen() {
	f=$DATA/sim_$1.csv
	if [ ! -s "$f" ] || [ "$BIN/sq-simulate" -nt "$f" ]; then
		echo "generating $f ..." >&2
		"$BIN/sq-simulate" -n "$1" --seed 1 -o "$f.tmp" &&
		    mv "$f.tmp" "$f" || { rm -f "$f.tmp"; exit 1; }
	fi
	echo "$f"
}

# median: the median of the numbers on stdin, one a line.
median() {
	sort -g | awk '{ v[NR] = $1 }
	    END { if (NR == 0) print "NaN"
		  else if (NR % 2) print v[(NR + 1) / 2]
		  else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# timeit CMD...: "WALL CPU": the median wall-clock seconds of RUNS runs
# (after a warm-up) and the mean user + system CPU seconds.
timeit() {
	if [ -n "$HYPERFINE" ]; then
		"$HYPERFINE" -N --style none --warmup 1 --runs "$RUNS" \
		    --export-csv "$TMP/h.csv" "$*" >/dev/null 2>&1 ||
		    { echo NaN NaN; return; }
		awk -F, 'NR == 2 { print $4, $5 + $6 }' "$TMP/h.csv"
	elif [ -n "$GTIME" ]; then
		"$@" >/dev/null 2>&1
		i=0
		: >"$TMP/w"
		: >"$TMP/c"
		while [ $i -lt "$RUNS" ]; do
			"$GTIME" -f '%e %U %S' -o "$TMP/t" "$@" >/dev/null 2>&1
			tail -n 1 "$TMP/t" | awk '{ print $1 }' >>"$TMP/w"
			tail -n 1 "$TMP/t" | awk '{ print $2 + $3 }' >>"$TMP/c"
			i=$((i + 1))
		done
		echo "$(median <"$TMP/w") $(awk '{ s += $1 }
		    END { print s / NR }' "$TMP/c")"
	else
		echo NaN NaN
	fi
}

# rss CMD...: peak resident set size in MB (one run).
rss() {
	if [ -z "$GTIME" ]; then
		echo NaN
		return
	fi
	"$GTIME" -f '%M' -o "$TMP/m" "$@" >/dev/null 2>&1 || { echo NaN; return; }
	awk 'END { printf "%.1f\n", $1 / 1024 }' "$TMP/m"
}

# seg FILE: the first column that is not an id, item, weight or overall
# rating: the segment to use for --by.
seg() {
	head -n 1 "$1" | tr -d '\r' | tr ',;\t' '\n\n\n' |
	    grep -viE '^(id|overall|[EP]_?[0-9]+|W_[A-Z]+)$' | head -n 1
}

big=$(gen 1000000) || exit 1
small=$(gen 100000) || exit 1
by=$(seg "$big")
rows=$(($(wc -l <"$big") - 1))
mb=$(du -m "$big" | cut -f1)

# Each case: a label and a command; the file name is appended. Every
# analysis tool once on one core (-j 1) and once on two (-j 2: the file
# parsed in two byte ranges on two threads).
set -- "csvparse (libcsv, reference)|$CSVPARSE"
for tl in "sq-gap -f tsv" "sq-alpha -f tsv" "sq-factor -f json" \
    "sq-compare -f tsv${by:+ -b $by}" "sq-drivers -f json" \
    "sq-zone -f tsv" "sq-cfa -f json" "sq-check --summary -f tsv"; do
	x=${tl%% *}
	[ -x "$BIN/$x" ] || continue
	for j in 1 2; do
		set -- "$@" "$tl -j $j|$BIN/$tl -j $j"
	done
done
[ -n "$by" ] && set -- "$@" "sq-gap -f tsv --by $by|$BIN/sq-gap -f tsv --by $by"
[ -x "$BIN/sq-alpha" ] && set -- "$@" \
    "sq-alpha -f tsv --pairwise|$BIN/sq-alpha -f tsv --pairwise"
[ -x "$BIN/sq-drivers" ] && set -- "$@" \
    "sq-drivers -f json --target REL=5 --by $by|$BIN/sq-drivers -f json --target REL=5 --by $by"
# The whole report (goal: under 10 s); the file is its one pass.
[ -x "$BIN/sq-report" ] && set -- "$@" \
    "sq-report${by:+ -b $by} (whole PDF)|$BIN/sq-report ${by:+-b $by} --date 2026-11-30 -o $TMP/report.pdf"

{
echo "Input: $rows respondents, $mb MB ($big); $(nproc) CPU,"
echo "$(grep -m 1 'model name' /proc/cpuinfo | sed 's/.*: //');" \
    "median of $RUNS runs${HYPERFINE:+ (hyperfine)}."
echo
echo "| command | wall (s) | × csvparse | CPU (s) | × csvparse | peak RSS (MB) |"
echo "|---|---:|---:|---:|---:|---:|"
} | tee "$OUT"

base=
for c in "$@"; do
	label=${c%%|*}
	cmd=${c#*|}
	# shellcheck disable=SC2086
	if ! $cmd "$big" >/dev/null 2>"$TMP/err"; then
		echo "| $label | failed: $(head -n 1 "$TMP/err") | | | | |" |
		    tee -a "$OUT"
		continue
	fi
	# shellcheck disable=SC2086
	t=$(timeit $cmd "$big")
	w=${t% *} u=${t#* }
	# shellcheck disable=SC2086
	m=$(rss $cmd "$big")
	[ -z "$base" ] && base=$w ubase=$u
	awk -v l="$label" -v w="$w" -v u="$u" -v b="$base" -v ub="$ubase" \
	    -v m="$m" 'function r(a, b) {
		return b + 0 > 0 ? sprintf("%.2f", a / b) : "NaN" }
	    BEGIN { printf "| %s | %.3f | %s | %.3f | %s | %s |\n",
		l, w, r(w, b), u, r(u, ub), m }' | tee -a "$OUT"
done

{
echo
echo "Peak RSS (MB) by number of respondents:"
echo
echo "| command | 100,000 | 1,000,000 |"
echo "|---|---:|---:|"
} | tee -a "$OUT"
for c in "$@"; do
	label=${c%%|*}
	cmd=${c#*|}
	# shellcheck disable=SC2086
	a=$(rss $cmd "$small")
	# shellcheck disable=SC2086
	b=$(rss $cmd "$big")
	echo "| $label | $a | $b |" | tee -a "$OUT"
done

# sq-cfa: the fit itself (after the one pass), its iterations.
if [ -x "$BIN/sq-cfa" ]; then
	echo
	"$BIN/sq-cfa" --verbose -f json "$big" 2>&1 >/dev/null |
	    grep 'fit 22' | sed 's/^/    /' | tee -a "$OUT"
fi

# The demo's report (goal: under 2 s).
if [ -x "$BIN/sq-report" ]; then
	t=$(timeit "$BIN/sq-report" -b sucursal --date 2026-11-30 \
	    -o "$TMP/demo.pdf" samples/banco_demo.csv)
	echo
	echo "sq-report of samples/banco_demo.csv (the demo): ${t% *} s wall," \
	    "${t#* } s CPU (goal: under 2 s)" | tee -a "$OUT"
fi

# Charts: every type in every format (bench/chart.sh writes $O/bench/chart.md).
if [ -x "$BIN/sq-chart" ] && [ -f bench/chart.sh ]; then
	echo
	BIN=$BIN O=$O sh bench/chart.sh
fi

# sq-compare (bench/compare.sh writes $O/bench/compare.md).
if [ -x "$BIN/sq-compare" ] && [ -f bench/compare.sh ]; then
	echo
	BIN=$BIN O=$O sh bench/compare.sh
fi

# 10,000,000 respondents (BENCH_10M=0 skips it): one run each, -j 1 and
# -j 2, beside the bare parse; peak memory must stay flat.
if [ "${BENCH_10M:-1}" != 0 ]; then
	huge=$(gen 10000000) || exit 1
	{
	echo
	echo "10,000,000 respondents ($(du -m "$huge" | cut -f1) MB), one run each:"
	echo
	echo "| command | wall (s) | × csvparse | CPU (s) | peak RSS (MB) |"
	echo "|---|---:|---:|---:|---:|"
	} | tee -a "$OUT"
	hbase=
	for c in "$@"; do
		label=${c%%|*}
		cmd=${c#*|}
		case $label in *--by*|*--pairwise*|sq-report*) continue ;; esac
		# shellcheck disable=SC2086
		"$GTIME" -f '%e %U %S %M' -o "$TMP/t" $cmd "$huge" >/dev/null 2>&1 ||
		    { echo "| $label | failed | | | |" | tee -a "$OUT"; continue; }
		read -r hw hu hs hm < "$TMP/t"
		[ -z "$hbase" ] && hbase=$hw
		awk -v l="$label" -v w="$hw" -v u="$hu" -v s="$hs" -v m="$hm" \
		    -v b="$hbase" 'BEGIN { printf "| %s | %.2f | %.2f | %.2f | %.1f |\n",
			l, w, w / b, u + s, m / 1024 }' | tee -a "$OUT"
	done
fi

# Partial results, sq-merge and the GNU parallel recipe (bench/partial.sh).
if [ -f bench/partial.sh ]; then
	echo
	BIN=$BIN O=$O sh bench/partial.sh | tee -a "$OUT"
fi
