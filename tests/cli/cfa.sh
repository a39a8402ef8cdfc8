# sq-cfa: discriminant validity named, gates, formats, usage and bad
# input (agreement with lavaan: tests/cli/cfa_oracle.sh).
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
_cd=tests/data/cfa
_cx=tests/oracle/cfa
_cu='usage: sq-cfa'

# the merged data: REL and RES are one factor, and are named
t "cfa merged: REL and RES fail discriminant validity" 0 '*' \
    '~REL and RES fail discriminant validity' sq-cfa $_cx/merged.csv
t "cfa merged: only that pair fails" 0 '*' '*' sh -c "sq-cfa -f tsv \
    $_cx/merged.csv | awk -F'\t' '\$2 == \"verdict\" && \$6 == \"fail\"
    { print \$3, \$5 }' | grep -qx 'REL RES' &&
    [ \$(sq-cfa -f tsv $_cx/merged.csv 2>/dev/null | grep -c 'fail\$') = 1 ]"
t "cfa merged: factor covariance not positive definite" 0 '*' \
    '~not positive definite' sq-cfa $_cx/merged.csv
t "cfa merged: the discriminant gate" 3 '*' '~gate discriminant held' \
    sq-cfa --fail-if discriminant $_cx/merged.csv
t "cfa five: no pair fails, no note" 0 '*' - sq-cfa -f tsv $_cx/five.csv
t "cfa five: gates that do not hold" 0 '*' - sq-cfa --fail-if 'cfi<0.90' \
    --fail-if 'rmsea>0.08' --fail-if 'srmr>0.08' --fail-if heywood \
    --fail-if convergence --fail-if discriminant $_cx/five.csv
t "cfa five: a gate that holds" 3 '*' '~gate cfi>=0.99 held' \
    sq-cfa --fail-if 'cfi>=0.99' $_cx/five.csv
t "cfa misfit: cfi<0.90 holds" 3 '*' '~gate cfi<0.90 held' \
    sq-cfa --fail-if 'cfi<0.90' $_cx/misfit.csv
t "cfa misfit: rmsea>0.08 holds" 3 '*' '~gate rmsea>0.08 held' \
    sq-cfa --fail-if 'rmsea>0.08' $_cx/misfit.csv
t "cfa misfit: Heywood case reported" 3 '*' \
    '~Heywood case (negative residual variance): item P6' \
    sq-cfa --fail-if heywood $_cx/misfit.csv
t "cfa misfit: gate output still written" 0 - - sh -c "sq-cfa -o $TMP/g.tsv \
    --fail-if 'tli<=0.95' $_cx/misfit.csv 2>/dev/null; [ \$? = 3 ] &&
    grep -q '^fit	tli' $TMP/g.tsv"

# formats
t "cfa json: the contract's keys, in order" 0 '*' - sh -c "sq-cfa -f json \
    $_cx/five.csv | grep -o '^  \"[a-z_]*\"' | tr -d ' \"' | head -n 20 |
    tr '\n' ' ' | grep -qx 'n block converged iterations chisq df p cfi tli rmsea rmsea_ci_low rmsea_ci_high srmr aic bic loglik baseline loadings factor_correlations reliability '"
t "cfa json: fixed loadings have null se, z, p" 0 '*' - sh -c "sq-cfa -f json \
    $_cx/five.csv | grep -c '\"estimate\": 1, \"se\": null, \"z\": null, \"p\": null' |
    grep -qx 5"
t "cfa json: --std-lv frees every loading" 0 '*' - sh -c "! sq-cfa -f json \
    --std-lv $_cx/five.csv | grep -q '\"se\": null'"
t "cfa json: the same chisq as tsv" 0 '*' - sh -c "[ \"\$(sq-cfa -f json \
    $_cx/five.csv | sed -n 's/^  \"chisq\": \(.*\),/\1/p')\" = \
    \"\$(sq-cfa -f tsv $_cx/five.csv | awk -F'\t' '\$2 == \"chisq\" { print \$6 }')\" ]"
t "cfa csv" 0 '*' - sh -c "sq-cfa -f csv $_cx/five.csv | head -n 1 |
    grep -qx 'section,key,dimension,item,dimension2,value'"
t "cfa pretty fits 100 columns" 0 '*' - sh -c "sq-cfa -f pretty \
    $_cx/misfit.csv 2>/dev/null | awk '{ if (length(\$0) > 100) exit 1 }'"
t "cfa pretty --lang es" 0 '*' - sh -c "sq-cfa -f pretty --lang es \
    $_cx/five.csv | grep -q 'Fiabilidad y validez convergente'"
t "cfa md" 0 '*' - sh -c "sq-cfa -f md $_cx/five.csv | grep -q '^| fit'"
t "cfa stdin, - and none" 0 '*' - sh -c "sq-cfa -f tsv $_cx/five.csv \
    >$TMP/cf1 && sq-cfa -f tsv - <$_cx/five.csv >$TMP/cf2 &&
    sq-cfa -f tsv <$_cx/five.csv >$TMP/cf3 && cmp -s $TMP/cf1 $TMP/cf2 &&
    cmp -s $TMP/cf1 $TMP/cf3"
t "cfa --block E and G run" 0 '*' - sh -c "sq-cfa --block E $_cx/five.csv \
    >/dev/null && sq-cfa --block g $_cx/five.csv >/dev/null"
t "cfa -o /dev/full" 1 - '~write error' sq-cfa -o /dev/full $_cx/five.csv

# usage
t "cfa -h" 0 '*' - sh -c "sq-cfa -h | grep -q '^usage: sq-cfa'"
t "cfa --help" 0 '*' - sh -c "sq-cfa --help | grep -q 'std-lv'"
t "cfa --version" 0 '*' - sh -c "sq-cfa --version | grep -q '^sq-cfa '"
t "cfa bad --block" 2 - "~$_cu" sq-cfa --block X $_cx/five.csv
t "cfa bad gate" 2 - '~--fail-if: "cfi=0.9": expected cfi<X' sq-cfa --fail-if cfi=0.9 \
    $_cx/five.csv
t "cfa bad gate number" 2 - '~--fail-if: "rmsea>x": expected' sq-cfa --fail-if 'rmsea>x' \
    $_cx/five.csv
# two files are one survey now (tests/cli/scale_cfa.sh)
t "cfa bad option" 2 - "~$_cu" sq-cfa --bogus $_cx/five.csv

# bad input
t "cfa a dimension of one item" 1 - \
    'sq-cfa: dimension Y has 1 item; a factor needs at least 2' \
    sq-cfa -c $_cd/one_item.cb.csv $_cx/five.csv
t "cfa too few respondents" 1 - \
    "sq-cfa: $_cd/few.csv: 11 complete respondents for 22 items; the model needs more" \
    sq-cfa $_cd/few.csv
t "cfa an item that does not vary" 1 - \
    "sq-cfa: $_cd/constant_p3.csv: P3 does not vary among the complete respondents" \
    sq-cfa $_cd/constant_p3.csv
t "cfa a singular covariance" 1 - \
    "sq-cfa: $_cd/singular.csv: the sample covariance matrix is not positive definite (an item is a linear combination of others)" \
    sq-cfa $_cd/singular.csv
t "cfa a value off the scale" 1 - \
    "sq-cfa: $_cd/off_scale.csv:5: column P2 (#25): \"9\" is outside the scale 1..7" \
    sq-cfa $_cd/off_scale.csv
t "cfa --invalid missing" 0 '*' '~1 invalid value treated as missing' \
    sq-cfa --invalid missing $_cd/off_scale.csv
t "cfa no such file" 1 - '*' sq-cfa $_cd/nonexistent.csv
t "cfa nothing written on error" 1 - '*' sh -c "rm -f $TMP/e.tsv;
    sq-cfa -o $TMP/e.tsv $_cd/singular.csv; r=\$?; [ ! -e $TMP/e.tsv ] && exit \$r"
