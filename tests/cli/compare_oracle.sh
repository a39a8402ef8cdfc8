# sq-compare against the R oracle (tests/oracle/compare/compare.R and
# panel.R): four branches with one of n = 4, accented names, blanks and
# missing cells; two waves from a column and from two files, with item
# rows, on block P at 90 %; a panel matched by id.
_co=tests/oracle/compare
oracle "compare oracle branches" $_co/branches.tsv \
    sq-compare -f tsv -b sucursal $_co/branches.csv
oracle "compare oracle waves --items" $_co/waves_items.tsv \
    sq-compare -f tsv -b sucursal --items $_co/waves.csv
oracle "compare oracle waves as two files" $_co/waves_items.tsv \
    sq-compare -f tsv --items $_co/ola1.csv $_co/ola2.csv
oracle "compare oracle waves block P 90%" $_co/waves_p90.tsv \
    sq-compare -f tsv -b sucursal --block P --conf 0.9 $_co/waves.csv
oracle "compare oracle panel" $_co/panel.tsv \
    sq-compare -f tsv --paired-by id $_co/panel1.csv $_co/panel2.csv
# the comparer sees a planted error in a Tukey CI and a Dunn p_adj
_co_mut() {
	awk -F'\t' -v OFS='\t' -v c="$1" -v r="$2" '
	    NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i }
	    NR == r + 1 { x = $k; $k = '"$3"' } { print }' \
	    $_co/branches.tsv >"$TMP/cmp_mut.tsv"
	"$TSVCMP" $_co/branches.tsv "$TMP/cmp_mut.tsv"
}
t "compare oracle: tukey ci_low off by 1e-8 is caught" 1 '*' - _co_mut ci_low 5 'sprintf("%.17g", x * (1 + 1e-8))'
t "compare oracle: dunn p_adj off by 1e-5 is caught" 1 '*' - _co_mut p_adj 7 'sprintf("%.17g", x * (1 + 1e-5))'
