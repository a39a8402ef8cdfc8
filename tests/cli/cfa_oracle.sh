# sq-cfa against lavaan 0.6 (tests/oracle/cfa/cfa.R): each dataset's long
# table, row by row, with the tolerances: 1e-5 relative for the
# fit figures, 1e-3 for loadings, variances, correlations, CR and AVE,
# 1e-6 for HTMT.
_co=tests/oracle/cfa

# _co_cmp EXPECTED SECTIONS TOL: the rows of $TMP/cfa.tsv that EXPECTED
# has, in the sections given (a regular expression), compared with tsvcmp.
_co_cmp() {
	awk -F'\t' -v sec="^($2)\$" '
	    NR == FNR { if (FNR == 1 || $1 ~ sec) { want[$1 FS $2 FS $3 FS $4 FS $5] = 1; print > "/dev/stderr" } next }
	    FNR == 1 || want[$1 FS $2 FS $3 FS $4 FS $5]' \
	    "$1" "$TMP/cfa.tsv" >"$TMP/cfa.act" 2>"$TMP/cfa.exp" &&
	"$TSVCMP" -t value="$3" "$TMP/cfa.exp" "$TMP/cfa.act"
}

# _co_case NAME TAG ARGS...: fit, then compare every section.
_co_case() {
	_co_n=$1 _co_tag=$2
	shift 2
	if ! sq-cfa -f tsv "$@" >"$TMP/cfa.tsv" 2>"$TMP/cfa.err"; then
		bad "cfa oracle $_co_tag: sq-cfa failed"
		head -n 5 "$TMP/cfa.err"
		return
	fi
	for _co_s in "model|fit 1e-5" "loading|residual|factor|correlation|reliability 1e-3" "htmt 1e-6"; do
		set -- $_co_s
		if _co_cmp "$_co/$_co_tag.tsv" "$1" "$2" >"$TMP/cfa.cmp" 2>&1; then
			ok
		else
			bad "cfa oracle $_co_tag ($1) differs from lavaan"
			head -n 12 "$TMP/cfa.cmp"
		fi
	done
}

_co_case five five_P $_co/five.csv
_co_case five five_P_stdlv --std-lv $_co/five.csv
_co_case five five_E_stdlv --std-lv --block E $_co/five.csv
_co_case five five_G --block G $_co/five.csv
_co_case merged merged_P $_co/merged.csv
_co_case misfit misfit_P $_co/misfit.csv
_co_case five three_P -c tests/data/cfa/three.cb.csv $_co/five.csv
