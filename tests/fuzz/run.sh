#!/bin/sh
# Builds the libFuzzer targets (clang, ASan + UBSan) over lib/*/*.c and runs
# them. Not part of make check; run from anywhere:
#
#   tests/fuzz/run.sh [-t SECONDS] [TARGET...]   fuzz each target in turn
#   tests/fuzz/run.sh -r [TARGET...]             replay the seed corpus only
#
# TARGET is reader, codebook, survey, cli, chart or simulate (default: all). New inputs go
# to build/fuzz/corpus/TARGET, crashes to build/fuzz/crash/. One job only:
# the machine is shared. Exits non-zero if a target found a crash, leak,
# hang or sanitizer report.
set -eu
cd "$(dirname "$0")/../.."
secs=60
replay=0
while getopts rt: o; do
	case $o in
	r) replay=1 ;;
	t) secs=$OPTARG ;;
	*) echo "usage: $0 [-r] [-t SECONDS] [TARGET]..." >&2
	   exit 2 ;;
	esac
done
shift $((OPTIND - 1))
targets=${*:-reader codebook survey state states cli chart simulate}

CC=${FUZZCC:-clang}
O=build/fuzz
FLAGS="-std=c11 -g -O1 -Iinclude -Itests/fuzz -D_GNU_SOURCE -DSQ_VERSION=\"fuzz\""
FLAGS="$FLAGS $(pkg-config --cflags pangocairo cairo 2>/dev/null || true)"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
LIBS="-lcsv $(pkg-config --libs gsl 2>/dev/null || echo -lgsl -lgslcblas)"
LIBS="$LIBS $(pkg-config --libs pangocairo cairo libpng fontconfig 2>/dev/null) -lunistring -lpthread -lm"
mkdir -p $O/lib $O/crash
# Cairo and fontconfig keep process-wide caches: not leaks of ours.
LSAN_OPTIONS=suppressions=$(pwd)/tests/fuzz/lsan.supp
export LSAN_OPTIONS

# The library, instrumented for coverage; its folders hold private headers.
LIBINC=$(for d in lib/*/; do printf ' -I%s' "${d%/}"; done)
objs=""
for c in lib/*/*.c; do
	obj=$O/lib/$(basename "$c" .c).o
	if [ ! -e "$obj" ] || [ "$c" -nt "$obj" ] ||
	    [ -n "$(find include lib -name '*.h' -newer "$obj")" ]; then
		$CC $FLAGS $LIBINC $SAN -fsanitize=fuzzer-no-link -c -o "$obj" "$c"
	fi
	objs="$objs $obj"
done
# An archive, so a target pulls in only the objects it needs.
rm -f $O/libsq.a
# shellcheck disable=SC2086
ar rcs $O/libsq.a $objs

rc=0
for t in $targets; do
	src=tests/fuzz/fuzz_$t.c
	[ -e "$src" ] || { echo "$0: no target $t" >&2; exit 2; }
	# shellcheck disable=SC2086
	$CC $FLAGS $SAN -fsanitize=fuzzer -o $O/fuzz_$t "$src" $O/libsq.a \
	    $LIBS
	seeds=tests/fuzz/corpus/$t
	mkdir -p "$seeds"
	if [ "$replay" = 1 ]; then
		$O/fuzz_$t -runs=0 -artifact_prefix=$O/crash/$t- "$seeds" \
		    >$O/$t.log 2>&1 || {
			echo "$t: replay FAILED (see $O/$t.log)"; rc=1; }
		echo "$t: replayed $(ls "$seeds" | wc -l) seeds"
		continue
	fi
	mkdir -p $O/corpus/$t
	echo "$t: fuzzing for ${secs}s"
	$O/fuzz_$t -max_total_time="$secs" -max_len=8192 -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -dict=tests/fuzz/servqual.dict -artifact_prefix=$O/crash/$t- \
	    $O/corpus/$t "$seeds" >$O/$t.log 2>&1 || {
		echo "$t: FAILED (see $O/$t.log)"; rc=1; }
	grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' \
	    $O/$t.log | sed "s/^/$t: /" || true
done
exit $rc
