# sq-chart's table readers hold every table to one standard: sq-compare's
# table has its figures held to their ranges and its pairs to one row each
# (exit 1, file, line and column named, nothing written); item labels
# follow the codebook's bound on item numbers (1 to 1,000,000).
_ct=$TMP/charttables
mkdir -p "$_ct"
sq-compare -f tsv -b sucursal tests/oracle/compare/branches.csv \
    >"$_ct/cmp.tsv" 2>/dev/null

# ctab_bad NAME LINE COL VALUE STDERR: the table with cell (LINE, COL) set to
# VALUE, $_cb, is refused with exit 1 and STDERR.
_cb=$_ct/bad.tsv
ctab_bad() {
	awk -F'\t' -v OFS='\t' -v l="$2" -v c="$3" -v v="$4" \
	    'NR == l { $c = v } 1' "$_ct/cmp.tsv" >"$_cb"
	t "chart tables: compare, $1" 1 - "$5" \
	    sq-chart compare -o "$_ct/no.svg" "$_cb"
}

t "chart tables: the sq-compare table draws" 0 - - \
    sq-chart compare -o "$_ct/ok.svg" "$_ct/cmp.tsv"
# line 6: TAN, tukey, Bogotá vs Córdoba; p_adj is column 14, n1 19, sd2 24
ctab_bad "a p_adj of 1.5" 6 14 1.5 \
    "sq-chart: $_cb:6: column p_adj (#14): p_adj is 1.5, outside 0..1"
ctab_bad "a negative p_adj" 6 14 -0.01 \
    "sq-chart: $_cb:6: column p_adj (#14): p_adj is -0.01, outside 0..1"
ctab_bad "a negative n" 6 19 -3 \
    "sq-chart: $_cb:6: column n1 (#19): n1 is -3, outside 0..inf"
ctab_bad "a negative sd" 6 24 -1 \
    "sq-chart: $_cb:6: column sd2 (#24): sd2 is -1, outside 0..inf"
ctab_bad "a figure that is no number" 6 14 0.5x \
    "sq-chart: $_cb:6: column p_adj (#14): \"0.5x\" is not a number"
ctab_bad "the level changes" 7 25 0.9 \
    "sq-chart: $_cb:7: column conf (#25): the confidence level changes from 0.95 to 0.9"
ctab_bad "a level of 1" 6 25 1 \
    "sq-chart: $_cb:6: column conf (#25): conf \"1\" is not a level between 0 and 1"
ctab_bad "a dimension not in the instrument" 6 3 XYZ \
    "sq-chart: $_cb:6: column dimension (#3): dimension \"XYZ\" is not in the instrument (give the codebook with -c)"
# two rows repeated at the end: the first repeat in the table is named
awk 'NR == 40 { r40 = $0 } NR == 9 { r9 = $0 } { print }
    END { print r40; print r9 }' "$_ct/cmp.tsv" >"$_ct/dup.tsv"
t "chart tables: compare, the same pair twice" 1 - \
    "sq-chart: $_ct/dup.tsv:156: column dimension (#3): a second row for dimension \"REL\" (the same key as an earlier row)" \
    sq-chart compare -o "$_ct/no.svg" "$_ct/dup.tsv"
t "chart tables: compare, on standard input" 1 - \
    "~-:156: column dimension (#3): a second row for dimension" \
    sh -c "sq-chart compare -o $_ct/no.svg < $_ct/dup.tsv"
awk 'NR == 2 { print } { print }' "$_ct/cmp.tsv" >"$_ct/omni.tsv"
t "chart tables: compare, an omnibus row twice is not drawn, not refused" \
    0 - - sq-chart compare -o "$_ct/omni.svg" "$_ct/omni.tsv"
t "chart tables: compare, nothing left behind" 0 - - \
    sh -c "! ls $_ct/no.svg* 2>/dev/null"

# item numbers: the codebook's bound, for tables as for codebooks
_bn=tests/data/chart/bignum.cb.csv
t "chart tables: items 150000 and 1000000 of a codebook draw" 0 - - \
    sq-chart likert -c $_bn -o "$_ct/big.svg" tests/data/chart/bignum.tsv
t "chart tables: their wordings are drawn" 0 - - sh -c \
    "grep -q 'Appointments kept on time' $_ct/big.svg && grep -q 'Correct records' $_ct/big.svg"
sed 's/^P1000000/P1000001/' tests/data/chart/bignum.tsv >"$_ct/big2.tsv"
t "chart tables: item 1000001 is past the bound" 1 - \
    "sq-chart: $_ct/big2.tsv:17: column item (#1): \"P1000001\" is no item of the instrument" \
    sq-chart likert -c $_bn -o "$_ct/no.svg" "$_ct/big2.tsv"
awk -F'\t' -v OFS='\t' 'NR == 1 { print $0, "scale_min", "scale_max"; next }
    { print $0, 1, 5 }' "$_ct/big2.tsv" >"$_ct/big3.tsv"
t "chart tables: without a codebook, the same bound" 1 - \
    "sq-chart: $_ct/big3.tsv:17: column item (#1): \"P1000001\" names no item or dimension" \
    sq-chart likert -o "$_ct/no.svg" "$_ct/big3.tsv"
