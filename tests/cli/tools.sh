# Every tool: -h, --version, usage errors, numeric ranges, seeds, empty
# names, standard input twice; the man page's SYNOPSIS lists what -h does.
_td=tests/data/gap/three.csv
for _tool in sq-gap sq-check sq-alpha sq-factor sq-chart sq-simulate sq-drivers sq-cfa sq-zone sq-merge sq-report; do
	t "$_tool: -h on stdout, exit 0" 0 '*' - $_tool -h
	t "$_tool: --help has synopsis, options, example" 0 '*' - sh -c \
	    "$_tool --help | awk 'NR == 1 && /^usage: $_tool /{u=1} /^  -h, --help /{h=1} /^example:/{e=1} END{exit !(u && h && e)}'"
	t "$_tool: --help >/dev/full" 1 - "$_tool: standard output: write error: No space left on device" sh -c "$_tool --help >/dev/full"
	t "$_tool: --version" 0 '*' - $_tool --version
	t "$_tool: --version >/dev/full" 1 - "$_tool: standard output: write error: No space left on device" sh -c "$_tool --version >/dev/full"
	t "$_tool: unknown option" 2 - "~usage: $_tool" $_tool --no-such-option
	t "$_tool: unknown short option" 2 - "~$_tool: unknown option -Z" $_tool -Z
	t "$_tool: -o ''" 2 - "~$_tool: -o: the file name is empty" $_tool -o '' $_td
	t "$_tool: -c ''" 2 - "~$_tool: -c: the file name is empty" $_tool -c '' $_td
	t "$_tool: missing value" 2 - "~$_tool: -c needs a value" $_tool -c
	# SYNOPSIS of the man page and of -h name the same options
	$_tool -h | sed '/^$/q' | grep -o -- '--*[a-z][a-z-]*' | sort -u > "$TMP/syn.h"
	awk '/^\.SH SYNOPSIS/{p=1; next} /^\.SH/{p=0} p' man/$_tool.1 |
	    sed 's/\\-/-/g' | grep -o -- '--*[a-z][a-z-]*' | sort -u > "$TMP/syn.m"
	t "$_tool: man SYNOPSIS lists every option" 0 "$TMP/syn.h" - cat "$TMP/syn.m"
done
for _tool in sq-gap sq-check sq-alpha sq-factor sq-drivers sq-cfa sq-zone; do
	t "$_tool: -c - - (both on stdin)" 2 - "~$_tool: -c - and the export cannot both be standard input" sh -c "$_tool -c - - < $_td"
	t "$_tool: empty input name" 2 - "~$_tool: the input file name is empty" $_tool ''
	# these read any number of files as one survey (tests/cli/files.sh,
	# scale_*.sh)
	case $_tool in sq-gap|sq-alpha|sq-zone|sq-check|sq-factor|sq-cfa|sq-drivers)
		continue ;;
	esac
	t "$_tool: two inputs" 2 - "~$_tool: one input file at most (got 2)" $_tool $_td $_td
done
t "sq-chart: -c - - (both on stdin)" 2 - "~sq-chart: -c - and the export cannot both be standard input" sh -c "sq-chart gaps -o $TMP/x.png -c - - < $_td"
t "sq-simulate: operands" 2 - "~sq-simulate: no operands" sq-simulate x.csv

# Numbers: out of range, NaN, infinity, junk: usage, exit 2, the range said.
_num() { # NAME MESSAGE CMD...
	_n=$1 _m=$2
	shift 2
	t "$_n" 2 - "~$_m" "$@"
}
_num "simulate --missing 1.5" 'sq-simulate: --missing: "1.5": expected a number from 0 to 1' sq-simulate -n 1 --missing 1.5
_num "simulate --missing -0.1" 'sq-simulate: --missing: "-0.1": expected a number from 0 to 1' sq-simulate -n 1 --missing -0.1
_num "simulate --missing nan" 'sq-simulate: --missing: "nan": expected a number from 0 to 1' sq-simulate -n 1 --missing nan
_num "simulate --loading 1.1" 'sq-simulate: --loading: "1.1": expected a number from 0 to 1' sq-simulate -n 1 --loading 1.1
_num "simulate --sd -1" 'sq-simulate: --sd: "-1": expected a number from 0 to 10' sq-simulate -n 1 --sd -1
_num "simulate --sd nan" 'sq-simulate: --sd: "nan": expected a number from 0 to 10' sq-simulate -n 1 --sd nan
_num "simulate --sd inf" 'sq-simulate: --sd: "inf": expected a number from 0 to 10' sq-simulate -n 1 --sd inf
_num "simulate --rho NaN" 'sq-simulate: --rho: "NaN": expected a number from 0 to 1' sq-simulate -n 1 --rho NaN
_num "simulate --rho-ep -nan" 'sq-simulate: --rho-ep: "-nan": expected a number from -1 to 1' sq-simulate -n 1 --rho-ep -nan
_num "simulate --shift 1e308" 'sq-simulate: --shift: "1e308": expected a number from -10 to 10' sq-simulate -n 1 --shift 1e308
_num "simulate --gap nan" 'sq-simulate: --gap: "nan": expected a number from -10 to 10' sq-simulate -n 1 --gap 0,0,nan,0,0
_num "simulate -n 1.5" 'sq-simulate: -n: "1.5": expected a whole number from 0 to 10000000000' sq-simulate -n 1.5
_num "simulate -n junk" 'sq-simulate: -n: "5x": expected a whole number' sq-simulate -n 5x
_num "simulate --segments -1" 'sq-simulate: --segments: "-1": expected a whole number from 0 to 1000' sq-simulate --segments -1
_num "gap --conf nan" 'sq-gap: --conf: "nan": expected a number from 0.5 to 0.9999' sq-gap --conf nan $_td
_num "gap --conf empty" 'sq-gap: --conf: "": expected a number' sq-gap --conf '' $_td
_num "gap --skip-rows 1e3" 'sq-gap: --skip-rows: "1e3": expected a whole number from 0 to 999999' sq-gap --skip-rows 1e3 $_td
_num "factor --iter 100001" 'sq-factor: --iter: "100001": expected a whole number from 0 to 100000' sq-factor --iter 100001 $_td
_num "factor -n 0" 'sq-factor: -n: "0": expected a whole number from 1 to 1000' sq-factor -n 0 $_td
_num "chart --width inf" 'sq-chart: --width: "inf": expected a number from 72 to 14400' sq-chart gaps --width inf -o "$TMP/x.png" $_td
_num "chart --dpi ' 72'" 'sq-chart: --dpi: " 72": expected a number from 36 to 1200' sq-chart gaps --dpi ' 72' -o "$TMP/x.png" $_td
_num "check --min-answers -1" 'sq-check: --min-answers: "-1": expected a whole number from 0 to 1000000' sq-check --min-answers -1 $_td
t "simulate --missing 1: every answer blank" 0 '*' - sh -c "sq-simulate -n 3 --missing 1 2>/dev/null | awk -F, 'NR > 1 && \$3 != \"\" {exit 1}'"
t "simulate --missing 0 and 1 accepted" 0 '*' '*' sq-simulate -n 2 --missing 0

# Seeds: one rule for every tool that draws (mt19937 takes 32 bits and
# turns 0 into 4357): 1..4294967295, printed as given; others refused.
for _s in 0 4294967296 18446744073709551616 -1 1.5 1e3; do
	_num "simulate --seed $_s refused" "sq-simulate: --seed: \"$_s\": expected a whole number from 1 to 4294967295" sq-simulate -n 1 --seed $_s
	_num "factor --seed $_s refused" "sq-factor: --seed: \"$_s\": expected a whole number from 1 to 4294967295" sq-factor --seed $_s $_td
	_num "chart --seed $_s refused" "sq-chart: --seed: \"$_s\": expected a whole number from 1 to 4294967295" sq-chart scree --seed $_s -o "$TMP/x.png" $_td
done
t "simulate: largest seed said exactly" 0 '*' "sq-simulate: 2 respondents, seed 4294967295" sq-simulate -n 2 --seed 4294967295
sq-simulate -n 300 --seed 4294967295 -o "$TMP/seed_a.csv" 2>/dev/null
sq-simulate -n 300 --seed 4294967294 -o "$TMP/seed_b.csv" 2>/dev/null
t "simulate: neighbouring large seeds differ" 1 - - cmp -s "$TMP/seed_a.csv" "$TMP/seed_b.csv"
t "factor: largest seed reported exactly" 0 '*' - sh -c "sq-factor --seed 4294967295 --iter 50 samples/banco_demo.csv | grep -q '^parallel	seed				4294967295	'"
t "factor: largest seed in JSON" 0 '*' - sh -c "sq-factor -f json --seed 4294967295 --iter 50 samples/banco_demo.csv | grep -q '\"seed\": 4294967295,'"
sq-factor --seed 1 --iter 50 samples/banco_demo.csv | grep -v '^parallel	seed' > "$TMP/seed1.tsv"
t "factor: seed 2^32-1 draws other matrices than seed 1" 1 - - sh -c "sq-factor --seed 4294967295 --iter 50 samples/banco_demo.csv | grep -v '^parallel	seed' | cmp -s - $TMP/seed1.tsv"

# The example each help ends with runs (in a scratch directory, since
# sq-chart's and sq-simulate's write files there).
mkdir -p "$TMP/ex"
ln -sf "$(pwd)/samples" "$TMP/ex/samples"
ln -sf "$(pwd)/tests" "$TMP/ex/tests"
for _tool in sq-gap sq-check sq-alpha sq-factor sq-chart sq-simulate sq-drivers sq-cfa sq-zone sq-merge; do
	_ex=$($_tool -h | awk '/^example:/ { getline; sub(/^ +/, ""); print; exit }')
	t "$_tool: the help's example runs" 0 '*' '*' sh -c "cd '$TMP/ex' && $_ex >/dev/null"
done
