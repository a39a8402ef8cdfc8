# Independent verification (tests/oracle/verify/verify.R, seeds 777, 4242,
# 9001): sq-drivers and sq-cfa -f json, flattened to key/value rows by
# flatten.py, and sq-zone's every column, against R (lm, car::vif, LMG by
# all subsets, Spearman, t.test, lavaan 0.6). Expectations come split by
# tolerance: NAME_1e9.tsv, NAME_1e6.tsv (p, CR/AVE, HTMT), NAME_1e5.tsv
# (lavaan fit), NAME_1e3.tsv (loadings, correlations), NAME_str.tsv.
_vo=tests/oracle/verify

# _vo_cmp NAME KIND PREFIX CMD...: run CMD (-f json), flatten, and compare
# every PREFIX_*.tsv by key, at its tolerance. _vo_mut=1 inverts the
# verdict: the (mutated) output must differ from every file.
_vo_mut=0
_vo_cmp() {
	_vo_name=$1 _vo_kind=$2 _vo_pre=$3
	shift 3
	if ! "$@" >"$TMP/vo.json" 2>"$TMP/vo_err" ||
	    ! python3 $_vo/flatten.py "$_vo_kind" <"$TMP/vo.json" >"$TMP/vo_flat.tsv"; then
		bad "$_vo_name: command failed: $*"
		sed 's/^/  stderr: /' "$TMP/vo_err" | head -n 5
		return
	fi
	for _vo_f in "$_vo_pre"_*.tsv; do
		_vo_tol=${_vo_f##*_}
		_vo_tol=${_vo_tol%.tsv}
		case $_vo_tol in
		str) _vo_tol=0 ;;
		1e*) _vo_tol=1e-${_vo_tol#1e} ;;
		esac
		awk -F'\t' 'NR == FNR { v[$1] = $2; next }
		    { print $1 "\t" (($1 in v) ? v[$1] : "MISSING") }' \
		    "$TMP/vo_flat.tsv" "$_vo_f" >"$TMP/vo_act.tsv"
		if "$TSVCMP" -t value="$_vo_tol" "$_vo_f" "$TMP/vo_act.tsv" >"$TMP/cmp"; then
			[ $_vo_mut = 0 ] && ok || bad "$_vo_name: $_vo_f missed the change"
		elif [ $_vo_mut = 1 ]; then
			ok
		else
			bad "$_vo_name: differs from $_vo_f"
			head -n 15 "$TMP/cmp"
		fi
	done
}

_vo_cb="-c $_vo/a_codebook.csv"
_vo_cmp "verify drivers: 3 dims, 1..5, reverse item, 12% missing, overall 1..10" \
    drivers $_vo/a sq-drivers -f json $_vo_cb \
    --target P:Y=3.2,G:Z=-0.3,P:X=2 $_vo/a.csv
_vo_cmp "verify drivers: SERVPERF export" drivers $_vo/servperf \
    sq-drivers -f json -c tests/oracle/drivers/overall10.codebook.csv $_vo/servperf.csv
_vo_cmp "verify cfa: block P" cfa $_vo/cfa_p sq-cfa -f json $_vo_cb $_vo/a.csv
_vo_cmp "verify cfa: block G" cfa $_vo/cfa_g sq-cfa -f json --block G $_vo_cb $_vo/a.csv
t "verify zone: 1..9, inverted zones, every column" 0 - - sh -c \
    "sq-zone -c $_vo/zone_codebook.csv $_vo/zone.csv >$TMP/vz.tsv && $TSVCMP -t msa_p=1e-6 -t mss_p=1e-6 $_vo/zone.tsv $TMP/vz.tsv"
# Each tolerance class can fail: every number of the JSON moved by 2e-3
# relative, every count by 1, every string (verdict, quadrant) changed.
_vo_mut=1
_vo_bump() {
	"$@" | python3 -c 'import json, sys
def m(v, f):
    if isinstance(v, bool): return v
    if isinstance(v, int): return v + 1
    if isinstance(v, float): return v * f + 1e-9
    if isinstance(v, str): return v + "_"
    if isinstance(v, list): return [m(x, f) for x in v]
    if isinstance(v, dict): return {k: (x if k in ("term", "dimension", "block") else m(x, f)) for k, x in v.items()}
    return v
d = json.load(sys.stdin)
json.dump(m(d, 1 + float(sys.argv[1])), sys.stdout)' "$_vo_f_bump"
}
_vo_f_bump=2e-3
_vo_cmp "verify: mutated drivers json" drivers $_vo/a _vo_bump \
    sq-drivers -f json $_vo_cb --target P:Y=3.2,G:Z=-0.3,P:X=2 $_vo/a.csv
_vo_cmp "verify: mutated cfa json" cfa $_vo/cfa_p _vo_bump \
    sq-cfa -f json $_vo_cb $_vo/a.csv
_vo_mut=0

# The key alignment can fail: a missing key is a string mismatch.
printf 'key\tvalue\nno.such.key\t1\n' >"$TMP/vo_missing_1e9.tsv"
t "verify: a key the tool does not print fails" 1 '*' - sh -c \
    "printf 'key\tvalue\nother\t1\n' >$TMP/vo_a.tsv && $TSVCMP -t value=1e-9 $TMP/vo_missing_1e9.tsv $TMP/vo_a.tsv"
