# sq-check: usage, every problem listed with its place, flags, summary,
# --clean, --skip-rows, --encoding, output safety.
C=tests/data/check
U='usage: sq-check'
_cb="-c $C/small.codebook.csv"

t "check: unknown option" 2 - "~$U" sq-check -x
t "check: two files" 2 - "~$U" sq-check $C/small.csv $C/small.csv
t "check: bad --min-answers" 2 - "~sq-check: --min-answers must be a whole number" sq-check --min-answers many $C/small.csv
t "check: bad --skip-rows" 2 - "~sq-check: --skip-rows: \"-1\": expected a whole number from 0 to 999999" sq-check --skip-rows -1 $C/small.csv
t "check: unknown encoding" 2 - "~sq-check: --encoding: \"ebcdic\"" sq-check --encoding ebcdic $C/small.csv
t "check: version" 0 '*' - sq-check --version
t "check: missing file" 1 - "sq-check: $C/nope.csv: No such file or directory" sq-check $C/nope.csv

t "check: every problem, flags and summary" 1 $C/problems.out - sq-check $_cb $C/problems.csv
t "check: problems from stdin" 1 '*' - sh -c "sq-check $_cb - < $C/problems.csv"
t "check: a clean export exits 0" 0 '*' - sq-check $_cb $C/small.csv
t "check: --min-answers raises the bar" 1 '*' - sq-check $_cb --min-answers 9 $C/small.csv
t "check: a fatal error prints no report" 1 - "sq-check: tests/data/bad/no_items.csv:1: required column E1 not found (items are E1..E22 and P1..P22; name other columns in a codebook with -c)" sq-check tests/data/bad/no_items.csv
t "check: /dev/full" 1 - "sq-check: standard output: write error: No space left on device" sh -c "sq-check $_cb $C/small.csv > /dev/full"
t "check: --skip-rows" 0 '*' - sq-check $_cb --skip-rows 2 $C/title_rows.csv
t "check: title rows without --skip-rows" 1 - "sq-check: $C/title_rows.csv:1: required column E1 not found (items are E1..E4 and P1..P4; name other columns in a codebook with -c)" sq-check $_cb $C/title_rows.csv
t "check: --encoding cp1252" 0 '*' - sq-check --encoding cp1252 -c samples/formats/excel_es_cp1252.codebook.csv samples/formats/excel_es_cp1252.csv
t "check: UTF-16 read as latin1 is binary" 1 - "sq-check: samples/formats/excel_utf16.txt:1: column #1: binary data (a NUL byte): not a CSV text file" sq-check --encoding latin1 samples/formats/excel_utf16.txt

# --clean writes a canonical CSV that reads back to the same gap table:
# reverse keying undone on the way out, done again on the way in.
sq-gap $_cb -b sucursal $C/small.csv > "$TMP/ck_small.tsv" 2>&1
t "check: --clean writes" 0 '*' - sq-check $_cb --clean "$TMP/ck_clean.csv" $C/small.csv
t "check: --clean reads back the same" 0 "$TMP/ck_small.tsv" - sq-gap $_cb -b sucursal "$TMP/ck_clean.csv"
printf 'id,sucursal,E1,E2,E3,E4,P1,P2,P3,P4\na1,Centro,5,4,2,5,3,4,4,3\n' > "$TMP/ck_head.exp"
t "check: --clean content" 0 "$TMP/ck_head.exp" - sh -c "head -n 2 '$TMP/ck_clean.csv'"
t "check: --clean drops bad cells" 1 '*' - sq-check $_cb --clean "$TMP/ck_prob.csv" $C/problems.csv
printf 'id,sucursal,E1,E2,E3,E4,P1,P2,P3,P4,W_A,W_B\nr3,Norte,,4,,5,3,3,3,3,50,50\n' > "$TMP/ck_prob.exp"
t "check: --clean blank for invalid" 0 "$TMP/ck_prob.exp" - sh -c "sed -n '1p;4p' '$TMP/ck_prob.csv'"
t "check: --clean and a fatal error leave no file" 1 - "~unterminated quoted field" sq-check --clean "$TMP/ck_none.csv" tests/data/bad/unterminated_quote.csv
t "check: no file left behind" 0 - - sh -c "! ls '$TMP'/ck_none.csv* 2>/dev/null"

# every export shape cleans to a file whose table equals the twin's
for _ck in qualtrics_new surveymonkey surveymonkey_matrix google_forms_es limesurvey kobo odk \
    excel_es_cp1252 excel_utf16 spss_pspp; do
	_x=samples/formats/$_ck.csv
	[ -e "$_x" ] || _x=samples/formats/$_ck.txt
	_c=
	[ -e samples/formats/$_ck.codebook.csv ] &&
	    _c="-c samples/formats/$_ck.codebook.csv"
	sq-check $_c --clean "$TMP/ck_$_ck.csv" "$_x" > /dev/null 2>&1
	sq-gap -f tsv --by segment samples/formats/$_ck.twin.csv \
	    > "$TMP/ck_$_ck.exp" 2>&1
	case $_ck in
	surveymonkey) _s='¿A qué sucursal acudió?' ;;
	surveymonkey_matrix) _s=Sucursal ;;
	odk) _s=servqual-sucursal ;;
	*) _s=sucursal ;;
	esac
	t "check: --clean $_ck equals its twin" 0 "$TMP/ck_$_ck.exp" - \
	    sq-gap -f tsv --by "$_s" "$TMP/ck_$_ck.csv"
done
t "check: --clean into a missing directory" 1 - "sq-check: /nonexistent/dir/x.csv: cannot create: No such file or directory" sq-check $_cb --clean /nonexistent/dir/x.csv $C/small.csv

# Duplicate ids past the id table's first growth (1024 slots): 3000
# respondents, then respondent 7 again at the end.
sq-simulate -n 3000 --seed 3 -o "$TMP/many.csv" 2>/dev/null
sed -n 8p "$TMP/many.csv" >> "$TMP/many.csv"
t "check: duplicate id among 3000 respondents" 0 '*' - sh -c "sq-check $TMP/many.csv | grep -qx '$TMP/many.csv:3002: duplicate respondent id \"7\" (first on line 8)'"
t "check: exactly one duplicate among 3000 respondents" 0 '*' - sh -c "sq-check $TMP/many.csv | grep -qx 'duplicate_ids	1'"
