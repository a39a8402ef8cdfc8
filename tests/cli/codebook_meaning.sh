# Codebooks that cannot silently mean something else (issue 11): a column
# row naming an item the instrument lacks is refused; item-like columns no
# role claims are warned about, named; -b '#k' picks a column by position.
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
CM=$TMP/cbmean
mkdir -p "$CM"
printf 'column,Pregunta 23,E,23\n' > "$CM/cb23.csv"
t "codebook: a column row for item 23 of the built-in 22 is refused" 1 - \
    "sq-gap: $CM/cb23.csv:1: column #4: there is no item \"23\"" \
    sq-gap -c "$CM/cb23.csv" tests/data/chart/survey.csv
# The built-in export with E23 and P23 beside E1..E22, P1..P22.
awk -F, 'BEGIN { OFS = "," } NR == 1 { print $0, "E23", "P23"; next }
    { print $0, 4, 5 }' tests/data/chart/survey.csv > "$CM/e23.csv"
t "codebook: E23 and P23 no role claims are named" 0 '*' \
    "sq-gap: $CM/e23.csv: warning: columns that look like items but the instrument has no such item: E23, P23 (describe them in a codebook, or rename them)" \
    sq-gap "$CM/e23.csv"
# A codebook naming Q1_1..Q1_22 and Q2_1..Q2_22; the export adds Q1_23.
{
	i=1; while [ $i -le 22 ]; do
		printf 'column,Q1_%d,E,%d\ncolumn,Q2_%d,P,%d\n' $i $i $i $i
		i=$((i + 1))
	done
} > "$CM/q.cb.csv"
awk -F, 'BEGIN { OFS = "," } NR == 1 { for (i = 3; i <= 24; i++) $i = "Q1_" (i - 2);
    for (i = 25; i <= 46; i++) $i = "Q2_" (i - 24); print $0, "Q1_23"; next }
    { print $0, 3 }' tests/data/chart/survey.csv > "$CM/q.csv"
t "codebook: Q1_23 beside the codebook's Q1_1..Q1_22 is named" 0 '*' \
    "sq-gap: $CM/q.csv: warning: columns that look like items but the instrument has no such item: Q1_23 (describe them in a codebook, or rename them)" \
    sq-gap -c "$CM/q.cb.csv" "$CM/q.csv"
t "codebook: the plain export has nothing to warn about" 0 '*' - \
    sq-gap tests/data/chart/survey.csv
# -b '#2': the second column (sucursal) by position.
sq-gap -b sucursal tests/data/chart/survey.csv > "$CM/by_name.tsv"
t "codebook: -b '#2' is the column by position" 0 "$CM/by_name.tsv" - \
    sq-gap -b '#2' tests/data/chart/survey.csv
t "codebook: -b '#99' names no column" 1 - \
    "sq-gap: tests/data/chart/survey.csv:1: segment column \"#99\" not found in the header" \
    sq-gap -b '#99' tests/data/chart/survey.csv
