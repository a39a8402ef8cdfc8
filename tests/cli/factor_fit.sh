# sq-factor's fit rows (section "fit") against psych::fa's own fit
# statistics (tests/oracle/factor/fit.R): maximum likelihood at 1e-7
# relative (measured: 1.6e-8, on a small RMSEA); minres at 1e-4, since psych's minres
# optimum differs from sq-factor's in the sixth digit, and the fit
# statistics follow the loadings.
_ff() {
	_ff_exp=tests/oracle/factor/expected/$1 _ff_tol=$2
	shift 2
	if ! sq-factor "$@" >"$TMP/ff.tsv" 2>/dev/null; then
		bad "factor fit $_ff_exp: sq-factor failed"
		return
	fi
	awk -F'\t' 'NR == 1 || $1 == "fit"' "$TMP/ff.tsv" >"$TMP/ff.act"
	if "$TSVCMP" -t value=$_ff_tol "$_ff_exp" "$TMP/ff.act" >"$TMP/ff.cmp"; then
		ok
	else
		bad "factor fit: differs from $_ff_exp"
		head -n 8 "$TMP/ff.cmp"
	fi
}
_fd=tests/data/factor
_ff five_E.ml.fit.tsv 1e-7 --block E -n 5 --extract ml $_fd/five.csv
_ff five_P.ml.fit.tsv 1e-7 -n 5 --extract ml --block P $_fd/five.csv
_ff five_E_k3.ml.fit.tsv 1e-7 --block E -n 3 --extract ml $_fd/five.csv
_ff merged_E.ml.fit.tsv 1e-7 --block E -n 4 --extract ml $_fd/merged.csv
_ff five_missing_E.ml.fit.tsv 1e-7 --block E -n 5 --extract ml $_fd/five_missing.csv
_ff five_E.minres.fit.tsv 1e-4 --block E -n 5 --extract minres $_fd/five.csv
t "factor json: fit appended after structure" 0 '*' - sh -c "sq-factor -n 5 \
    --extract ml -f json $_fd/five.csv | grep -q '^  \"fit\": {\"objective\": '"
