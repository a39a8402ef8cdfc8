# sq-alpha: against the R psych oracle (tests/oracle/alpha/alpha.R), then
# input/output options, quality gates, warnings and bad input.
_ad=tests/data/alpha
_ao=tests/oracle/alpha

# oracle: every data set listwise and pairwise; a codebook instrument
for _an in complete holes reversed; do
	oracle "alpha oracle $_an listwise" $_ao/${_an}_listwise.tsv \
	    sq-alpha -f tsv $_ad/$_an.csv
	oracle "alpha oracle $_an pairwise" $_ao/${_an}_pairwise.tsv \
	    sq-alpha -f tsv --pairwise $_ad/$_an.csv
done
oracle "alpha oracle codebook listwise" $_ao/two_dims_listwise.tsv \
    sq-alpha -c $_ad/two_dims.cb.csv $_ad/reversed.csv
oracle "alpha oracle codebook pairwise" $_ao/two_dims_pairwise.tsv \
    sq-alpha --pairwise -c $_ad/two_dims.cb.csv $_ad/reversed.csv

# input and output
oracle "alpha stdin -" $_ao/holes_pairwise.tsv \
    sh -c "sq-alpha --pairwise - < $_ad/holes.csv"
oracle "alpha stdin, no file" $_ao/holes_listwise.tsv \
    sh -c "sq-alpha < $_ad/holes.csv"
oracle "alpha --skip-rows 1 (a title line)" $_ao/holes_listwise.tsv \
    sh -c "{ echo 'Encuesta de prueba'; cat $_ad/holes.csv; } |
    sq-alpha --skip-rows 1"
oracle "alpha --encoding cp1252 on ASCII" $_ao/complete_listwise.tsv \
    sq-alpha --encoding cp1252 $_ad/complete.csv
t "alpha bad --skip-rows" 2 - '~usage: sq-alpha' \
    sq-alpha --skip-rows -1 $_ad/complete.csv
t "alpha bad --encoding" 2 - '~usage: sq-alpha' \
    sq-alpha --encoding ebcdic $_ad/complete.csv
t "alpha -o writes the file, nothing on stdout" 0 - - \
    sq-alpha -o "$TMP/alpha_o.tsv" $_ad/holes.csv
oracle "alpha -o file content" $_ao/holes_listwise.tsv cat "$TMP/alpha_o.tsv"
t "alpha -o left alone on bad input" 1 - '*' \
    sq-alpha -o "$TMP/alpha_o.tsv" $_ad/bad_value.csv
oracle "alpha -o file unchanged after failure" $_ao/holes_listwise.tsv \
    cat "$TMP/alpha_o.tsv"
t "alpha -o into a missing directory" 1 - \
    "sq-alpha: $TMP/none/a.tsv: cannot create: No such file or directory" \
    sq-alpha -o "$TMP/none/a.tsv" $_ad/complete.csv
t "alpha stdout full" 1 - \
    "sq-alpha: standard output: write error: No space left on device" \
    sh -c "sq-alpha $_ad/complete.csv > /dev/full"
for _af in tsv csv json md pretty; do
	t "alpha -f $_af" 0 '*' - sq-alpha -f $_af $_ad/complete.csv
done
t "alpha json is an array of 150 rows" 0 '*' - sh -c \
    "sq-alpha -f json $_ad/complete.csv | grep -c '\"scope\"' | grep -qx 150"
t "alpha csv header" 0 '*' - sh -c "sq-alpha -f csv $_ad/complete.csv |
    head -n 1 | grep -qx 'scope,block,dimension,item,n,k,alpha,alpha_std,ci_low,ci_high,r_drop,alpha_if_deleted,average_r,omega_total,r_diff,missing,conf,scale_min,scale_max,label,instrument'"
t "alpha pretty in Spanish names dimensions" 0 '*' - sh -c \
    "sq-alpha -f pretty --lang es $_ad/complete.csv | grep -q 'Elementos tangibles'"
t "alpha --lang es keeps column names" 0 '*' - sh -c \
    "sq-alpha --lang es $_ad/complete.csv | head -n 1 | grep -q '^scope	block	dimension'"

# quality gates: holes has alpha < 0.70 in E TAN and G TAN, REL, RES, EMP
t "alpha gate holds: exit 3" 3 '*' \
    "~sq-alpha: gate alpha<0.70 held: E TAN" \
    sq-alpha --fail-if 'alpha<0.70' $_ad/holes.csv
t "alpha gate names every scale" 0 '*' - sh -c \
    "sq-alpha --fail-if 'alpha<0.70' $_ad/holes.csv 2>&1 >/dev/null |
    grep -c 'held' | grep -qx 5"
t "alpha gate holds, -o still written" 3 - '*' \
    sq-alpha --fail-if 'alpha<0.70' -o "$TMP/alpha_g.tsv" $_ad/holes.csv
oracle "alpha gate output" $_ao/holes_listwise.tsv cat "$TMP/alpha_g.tsv"
t "alpha gate does not hold" 0 '*' - \
    sq-alpha --fail-if 'alpha<0.60' $_ad/holes.csv
t "alpha gate <=, two gates" 3 '*' \
    "sq-alpha: gate alpha<=0.6223 held: G EMP" \
    sq-alpha --fail-if 'alpha<=0.6223' --fail-if 'alpha_std<0.6' \
    $_ad/holes.csv
t "alpha gate just below the lowest alpha" 0 '*' - \
    sq-alpha --fail-if 'alpha<0.6222' $_ad/holes.csv
t "alpha gates omega and r_diff" 3 '*' \
    "~sq-alpha: gate r_diff<0.65 held: G TAN" \
    sq-alpha --fail-if 'omega<0.5' --fail-if 'r_diff<0.65' $_ad/holes.csv
t "alpha gate kmo is sq-factor's" 2 - '~"kmo<0.6": expected STAT<X' \
    sq-alpha --fail-if 'kmo<0.6' $_ad/holes.csv
t "alpha gate >" 2 - '*' sq-alpha --fail-if 'alpha>0.7' $_ad/holes.csv
t "alpha gate without a number" 2 - '*' sq-alpha --fail-if 'alpha<' \
    $_ad/holes.csv
t "alpha gate trailing junk" 2 - '*' sq-alpha --fail-if 'alpha<0.7x' \
    $_ad/holes.csv

# warnings
t "alpha negative item-rest r warned" 0 '*' \
    "~sq-alpha: warning: E TAN: item 3 correlates -0.547 with the rest of the scale; is it reverse-keyed?" \
    sq-alpha $_ad/reversed.csv
t "alpha negative item-rest r, Spanish" 0 '*' \
    "~sq-alpha: aviso: P RES: el ítem 11 correlaciona -0.646" \
    sq-alpha --lang es $_ad/reversed.csv
t "alpha reverse keying from a codebook silences it" 0 '*' - \
    sq-alpha -c $_ad/reverse_3_11.cb.csv $_ad/reversed.csv
t "alpha one row: all NaN, told why" 0 '*' \
    "~sq-alpha: warning: G ALL: 1 complete case; try --pairwise" \
    sq-alpha $_ad/one_row.csv
t "alpha one row pairwise" 0 '*' \
    "~sq-alpha: warning: E TAN: some pairs of items have fewer than 2 cases" \
    sq-alpha --pairwise $_ad/one_row.csv

# bad input and usage
t "alpha invalid value" 1 - \
    "sq-alpha: $_ad/bad_value.csv:3: column E2 (#2): \"9\" is outside the scale 1..7" \
    sq-alpha $_ad/bad_value.csv
t "alpha --invalid=missing" 0 '*' \
    "~sq-alpha: $_ad/bad_value.csv: 1 invalid value treated as missing" \
    sq-alpha --invalid=missing $_ad/bad_value.csv
t "alpha header only" 1 - '~no data rows' sq-alpha $_ad/header_only.csv
t "alpha missing file" 1 - \
    "sq-alpha: $_ad/nonexistent.csv: No such file or directory" \
    sq-alpha $_ad/nonexistent.csv
t "alpha bad codebook path" 1 - '*' sq-alpha -c $_ad/nonexistent.cb.csv \
    $_ad/complete.csv
t "alpha unknown option" 2 - '~usage: sq-alpha' sq-alpha --alpha
# two files are one survey (tests/cli/scale_alpha.sh)
{ cat $_ad/complete.csv; sed 1d $_ad/holes.csv; } > "$TMP/alpha_two.csv"
sq-alpha "$TMP/alpha_two.csv" > "$TMP/alpha_two.tsv"
t "alpha two files" 0 "$TMP/alpha_two.tsv" - sq-alpha $_ad/complete.csv \
    $_ad/holes.csv
t "alpha bad --conf" 2 - '~--conf: "95": expected a number from 0.5 to 0.9999' \
    sq-alpha --conf 95 $_ad/complete.csv
t "alpha bad -f" 2 - '~usage: sq-alpha' sq-alpha -f xml $_ad/complete.csv
printf 'sq-alpha %s\n' "$(sed -n 's/^VERSION *= *//p' Makefile)" \
    >"$TMP/alpha_version"
t "alpha --version" 0 "$TMP/alpha_version" - sq-alpha --version
t "alpha constant item warned" 0 '*' \
    "sq-alpha: warning: E TAN: item 1 has no item-rest correlation (no variance?)
sq-alpha: warning: E ALL: item 1 has no item-rest correlation (no variance?)" \
    sq-alpha $_ad/constant_e1.csv
