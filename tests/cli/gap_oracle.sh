# sq-gap against the R oracle (tests/oracle/gap/gap.R): every dataset for
# the whole sample and with --by sucursal; conf90 at --conf 0.90; one run
# from stdin.
_go=tests/oracle/gap
for _go_n in clean missing edge_one edge_var edge_nodim simulated; do
	oracle "gap oracle $_go_n" $_go/$_go_n.tsv \
	    sq-gap -f tsv $_go/$_go_n.csv
	oracle "gap oracle $_go_n --by" $_go/${_go_n}_by.tsv \
	    sq-gap -f tsv --by sucursal $_go/$_go_n.csv
done
oracle "gap oracle conf90" $_go/conf90.tsv \
    sq-gap -f tsv --conf 0.90 $_go/conf90.csv
oracle "gap oracle conf90 --by" $_go/conf90_by.tsv \
    sq-gap -f tsv --conf 0.90 --by sucursal $_go/conf90.csv
oracle "gap oracle missing stdin" $_go/missing.tsv \
    sh -c "sq-gap -f tsv - < $_go/missing.csv"

# tsvcmp itself must catch what it is there to catch. _go_mut COL ROW EXPR
# writes clean.tsv with cell (ROW, COL) replaced by EXPR (awk, x = the
# old value), then compares the original with it.
_go_mut() {
	awk -F'\t' -v OFS='\t' -v c="$1" -v r="$2" '
	    NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i }
	    NR == r + 1 { x = $k; $k = '"$3"' } { print }' \
	    $_go/clean.tsv >"$TMP/tsvcmp_mut.tsv"
	"$TSVCMP" $_go/clean.tsv "$TMP/tsvcmp_mut.tsv"
}
t "tsvcmp: identical" 0 - - "$TSVCMP" $_go/clean.tsv $_go/clean.tsv
t "tsvcmp: gap off by 1e-8" 1 '*' - _go_mut gap 3 'sprintf("%.17g", x * (1 + 1e-8))'
t "tsvcmp: mean_e off by 1e-10" 0 - - _go_mut mean_e 3 'sprintf("%.17g", x * (1 + 1e-10))'
t "tsvcmp: p off by 1e-5" 1 '*' - _go_mut p 10 'sprintf("%.17g", x * (1 + 1e-5))'
t "tsvcmp: p off by 1e-7" 0 - - _go_mut p 10 'sprintf("%.17g", x * (1 + 1e-7))'
t "tsvcmp: NaN for a number" 1 '*' - _go_mut t 3 '"NaN"'
t "tsvcmp: number for NaN" 1 '*' - _go_mut p_adj 24 '"0.5"'
t "tsvcmp: other dimension" 1 '*' - _go_mut dimension 3 '"REL"'
t "tsvcmp: empty for NaN" 1 '*' - _go_mut p_adj 24 '""'
t "tsvcmp: a row short" 1 '*' - sh -c "sed '\$d' $_go/clean.tsv >$TMP/tsvcmp_row.tsv &&
    $TSVCMP $_go/clean.tsv $TMP/tsvcmp_row.tsv"
t "tsvcmp: a column short" 1 '*' - sh -c "cut -f1-16 $_go/clean.tsv >$TMP/tsvcmp_col.tsv &&
    $TSVCMP $_go/clean.tsv $TMP/tsvcmp_col.tsv"
t "tsvcmp: extra column, columns reordered" 0 - - sh -c "awk -F'\t' -v OFS='\t' '{ print \$17, \"x\", \$0 }' $_go/clean.tsv >$TMP/tsvcmp_ext.tsv &&
    $TSVCMP $_go/clean.tsv $TMP/tsvcmp_ext.tsv"
t "tsvcmp: -t loosens one column" 0 - - sh -c "awk -F'\t' -v OFS='\t' 'NR == 4 { \$8 = sprintf(\"%.17g\", \$8 * (1 + 1e-8)) } { print }' $_go/clean.tsv >$TMP/tsvcmp_tol.tsv &&
    $TSVCMP -t gap=1e-7 $_go/clean.tsv $TMP/tsvcmp_tol.tsv"
t "tsvcmp: usage" 2 - '*' "$TSVCMP" $_go/clean.tsv

# --adjust: what p_adj holds (Holm is the default, checked above)
for _go_a in bh bonferroni none; do
	oracle "gap oracle --adjust $_go_a" $_go/missing_$_go_a.tsv \
	    sq-gap -f tsv --by sucursal --adjust $_go_a $_go/missing.csv
done
t "gap: bad --adjust" 2 - "~--adjust: \"hochberg\": expected holm, bh, bonferroni or none" sq-gap --adjust hochberg $_go/clean.csv
