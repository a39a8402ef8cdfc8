# sq-drivers against the R oracle (tests/oracle/drivers/drivers.R): lm,
# car::vif, LMG by all subsets, Spearman, t.test. p rows (key "p") are
# held to 1e-6 relative, every other figure to 1e-9 (tests/tsvcmp.c).
_do=tests/oracle/drivers

# _do_cmp NAME EXPECTED CMD...: split both tables into p rows and the rest.
_do_cmp() {
	_do_name=$1 _do_exp=$2
	shift 2
	if ! "$@" >"$TMP/do_act.tsv" 2>"$TMP/do_err"; then
		bad "$_do_name: command failed: $*"
		sed 's/^/  stderr: /' "$TMP/do_err" | head -n 5
		return
	fi
	awk -F'\t' 'NR == 1 || $5 == "p"' "$_do_exp" >"$TMP/do_exp.p"
	awk -F'\t' 'NR == 1 || $5 != "p"' "$_do_exp" >"$TMP/do_exp.rest"
	awk -F'\t' 'NR == 1 || $5 == "p"' "$TMP/do_act.tsv" >"$TMP/do_act.p"
	awk -F'\t' 'NR == 1 || $5 != "p"' "$TMP/do_act.tsv" >"$TMP/do_act.rest"
	if "$TSVCMP" "$TMP/do_exp.rest" "$TMP/do_act.rest" >"$TMP/cmp" &&
	    "$TSVCMP" -t value=1e-6 "$TMP/do_exp.p" "$TMP/do_act.p" \
	    >>"$TMP/cmp"; then
		ok
	else
		bad "$_do_name: differs from $_do_exp"
		head -n 15 "$TMP/cmp"
	fi
}

_do_cmp "drivers oracle main" $_do/main.tsv sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv $_do/main.csv
_do_cmp "drivers oracle derived" $_do/main_derived.tsv \
    sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv --importance derived $_do/main.csv
_do_cmp "drivers oracle median" $_do/main_median.tsv \
    sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv --crosshair median $_do/main.csv
_do_cmp "drivers oracle scale" $_do/main_scale.tsv \
    sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv --crosshair scale --importance derived $_do/main.csv
_do_cmp "drivers oracle targets" $_do/main_targets.tsv \
    sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv --targets $_do/targets.csv $_do/main.csv
_do_cmp "drivers oracle targets --target" $_do/main_targets.tsv \
    sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv --target REL=5,TAN=5.2 --target P:ASS=5.3,G:REL=-1.5 $_do/main.csv
_do_cmp "drivers oracle targets --by, conf 90" $_do/main_targets_by.tsv \
    sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv --conf 0.9 -b sucursal --targets $_do/targets.csv $_do/main.csv
_do_cmp "drivers oracle --outcome" $_do/main_recommend.tsv \
    sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv --outcome recommend $_do/main.csv
_do_cmp "drivers oracle no weights" $_do/noweights.tsv \
    sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv $_do/noweights.csv
_do_cmp "drivers oracle small sample, targets --by" $_do/small.tsv \
    sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv -b sucursal --targets $_do/targets.csv $_do/small.csv
_do_cmp "drivers oracle 3-dimension codebook, 1..5, scale crosshairs" $_do/cb3.tsv \
    sq-drivers -f tsv -c $_do/cb3_codebook.csv --crosshair scale -b sucursal \
    --target B=3.5,G:C=-0.5 $_do/cb3.csv
_do_cmp "drivers oracle stdin, csv input as tsv output" $_do/main.tsv \
    sh -c "sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv - < $_do/main.csv"

# The comparison can fail: a coefficient off by 1e-8, a p off by 1e-5.
awk -F'\t' -v OFS='\t' '$1 == "coefficient" && $4 == "REL" && $5 == "estimate" { $6 = sprintf("%.17g", $6 * (1 + 1e-8)) } { print }' \
    $_do/main.tsv >"$TMP/do_mut.tsv"
t "drivers oracle: comparer catches a coefficient off by 1e-8" 1 '*' - \
    "$TSVCMP" $_do/main.tsv "$TMP/do_mut.tsv"
awk -F'\t' -v OFS='\t' '!m && $5 == "p" && $6 > 0.001 { m = 1; $6 = sprintf("%.17g", $6 * (1 + 1e-5)) } { print }' \
    $_do/small.tsv | awk -F'\t' 'NR == 1 || $5 == "p"' >"$TMP/do_mutp.tsv"
awk -F'\t' 'NR == 1 || $5 == "p"' $_do/small.tsv >"$TMP/do_p.tsv"
t "drivers oracle: comparer catches a p off by 1e-5" 1 '*' - \
    "$TSVCMP" -t value=1e-6 "$TMP/do_p.tsv" "$TMP/do_mutp.tsv"

# Done means: the true strongest driver (REL) with the worst performance
# is in "concentrate" when importance is derived.
t "drivers: true strongest, worst-performing driver is 'concentrate'" 0 '*' - \
    sh -c "sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv --importance derived $_do/main.csv |
    awk -F'\t' '\$1 == \"ipa\" && \$4 == \"REL\" && \$5 == \"quadrant\" { q = \$6 } END { exit q != \"concentrate\" }'"
