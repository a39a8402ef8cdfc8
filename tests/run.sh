#!/bin/sh
# Runs the unit-test binaries given as arguments, then every CLI case
# file tests/cli/*.sh, and ends with "N passed, N failed".
# Environment: BIN (tools), O (build dir with tests/tsvcmp).
BIN=${BIN:-bin}
O=${O:-build/rel}
PATH=$(pwd)/$BIN:$PATH
# English unless a case asks otherwise: the language follows the locale.
LC_ALL=C
unset LANGUAGE LC_MESSAGES LANG
# Fontconfig keeps its configuration to exit (see sq_chart_release_fonts).
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0}
export PATH BIN O LC_ALL LSAN_OPTIONS
TSVCMP=$O/tests/tsvcmp
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

for u in "$@"; do
	out=$("$u" 2>&1)
	rc=$?
	p=$(printf '%s\n' "$out" | grep -c '^ok ')
	f=$(printf '%s\n' "$out" | grep -c '^not ok ')
	pass=$((pass + p))
	fail=$((fail + f))
	if [ "$f" -gt 0 ] || [ "$rc" -ne 0 ]; then
		printf '%s\n' "$out" | grep -A3 '^not ok ' | sed "s|^|$u: |"
		if [ "$f" -eq 0 ]; then
			bad "$u exited $rc"
			printf '%s\n' "$out" | tail -n 20
		fi
	fi
done

# t NAME RC STDOUT STDERR CMD...
#   RC: expected exit code. STDOUT: file with the exact expected output,
#   '-' for none, '*' for any. STDERR: exact expected text, '-' for none,
#   '*' for any, or '~TEXT' for "contains TEXT".
t() {
	name=$1 erc=$2 eout=$3 eerr=$4
	shift 4
	"$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	why=""
	[ "$rc" = "$erc" ] || why="exit $rc, expected $erc"
	case $eout in
	'*') ;;
	-) [ -s "$TMP/out" ] && why="$why; unexpected stdout" ;;
	*) cmp -s "$TMP/out" "$eout" || why="$why; stdout differs from $eout" ;;
	esac
	case $eerr in
	'*') ;;
	-) [ -s "$TMP/err" ] && why="$why; unexpected stderr" ;;
	~*) grep -qF -- "${eerr#\~}" "$TMP/err" || why="$why; stderr lacks '${eerr#\~}'" ;;
	*) [ "$(cat "$TMP/err")" = "$eerr" ] || why="$why; stderr differs" ;;
	esac
	if [ -z "$why" ]; then
		ok
	else
		bad "$name: $why"
		echo "  command: $*"
		sed 's/^/  stderr: /' "$TMP/err" | head -n 5
		case $eout in -|'*') ;; *) diff "$eout" "$TMP/out" | head -n 10 ;; esac
	fi
}

# oracle NAME EXPECTED_TSV CMD...: the command's TSV must match the oracle's
# within the tolerances tsvcmp applies (tests/tsvcmp.c).
oracle() {
	name=$1 exp=$2
	shift 2
	if ! "$@" >"$TMP/out" 2>"$TMP/err"; then
		bad "$name: command failed: $*"
		sed 's/^/  stderr: /' "$TMP/err" | head -n 5
		return
	fi
	if "$TSVCMP" "$exp" "$TMP/out" >"$TMP/cmp" 2>&1; then
		ok
	else
		bad "$name: differs from $exp"
		head -n 15 "$TMP/cmp"
	fi
}

for f in tests/cli/*.sh; do
	[ -e "$f" ] || continue
	. "./$f"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
