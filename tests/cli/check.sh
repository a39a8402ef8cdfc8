# sq-check: usage, every problem listed with its place, flags, summary,
# gates, --clean (--drop, --keep-all), --skip-rows, --encoding, output
# safety.
C=tests/data/check
U='usage: sq-check'
_cb="-c $C/small.codebook.csv"

t "check: unknown option" 2 - "~$U" sq-check -x
# two files are one survey (more in tests/cli/scale_check.sh)
t "check: two files" 0 '*' - sh -c "sq-check $_cb $C/small.csv $C/small.csv | grep -q 'duplicate respondent id .* (first on line 2 of $C/small.csv)	$C/small.csv\$'"
t "check: bad --min-answers" 2 - "~sq-check: --min-answers: \"many\": expected a whole number from 0 to 1000000" sq-check --min-answers many $C/small.csv
t "check: bad --skip-rows" 2 - "~sq-check: --skip-rows: \"-1\": expected a whole number from 0 to 999999" sq-check --skip-rows -1 $C/small.csv
t "check: unknown encoding" 2 - "~sq-check: --encoding: \"ebcdic\"" sq-check --encoding ebcdic $C/small.csv
t "check: version" 0 '*' - sq-check --version
t "check: missing file" 1 - "sq-check: $C/nope.csv: No such file or directory" sq-check $C/nope.csv

# Problems are a table, the summary and the items two others; problems
# alone exit 0: only what stops the reading exits 1, a gate 3.
t "check: every problem and flag" 0 $C/problems.out - sq-check $_cb $C/problems.csv
t "check: --summary" 0 $C/problems.summary.out - sq-check $_cb --summary $C/problems.csv
t "check: --items" 0 $C/problems.items.out - sq-check $_cb --items $C/problems.csv
t "check: --summary and --items" 2 - "~sq-check: --summary and --items: one table at a time" sq-check $_cb --summary --items $C/problems.csv
t "check: problems from stdin" 0 $C/problems.out - sh -c "sq-check $_cb - < $C/problems.csv | sed 's|^|x|; s|^x||'"
t "check: a clean export lists nothing" 0 '*' - sh -c "test \"\$(sq-check $_cb $C/small.csv)\" = \"$(printf 'line\tfield\tcolumn\tkind\tproblem')\""
t "check: --min-answers raises the bar" 0 '*' - sh -c "sq-check $_cb --min-answers 9 $C/small.csv | grep -q too_few_answers"
t "check: -f json" 0 '*' - sh -c "sq-check $_cb -f json $C/problems.csv | python3 -m json.tool >/dev/null"
t "check: -o" 0 - - sq-check $_cb -o "$TMP/ck_o.tsv" $C/problems.csv
t "check: -o content" 0 "$TMP/ck_o.tsv" - sq-check $_cb $C/problems.csv

# Gates: exit 3 after writing; counts, shares (X%), > and >=.
t "check: gate invalid_cells held" 3 $C/problems.out "sq-check: gate invalid_cells>0 held: 2 (4.17%)" sq-check $_cb --fail-if 'invalid_cells>0' $C/problems.csv
t "check: gate duplicate_ids held" 3 '*' "sq-check: gate duplicate_ids>=1 held: 1 (16.67%)" sq-check $_cb --fail-if 'duplicate_ids>=1' $C/problems.csv
t "check: gate straight_lining share held" 3 '*' "sq-check: gate straight_lining>30% held: 2 (33.33%)" sq-check $_cb --fail-if 'straight_lining>30%' $C/problems.csv
t "check: gate straight_lining share passes" 0 '*' - sq-check $_cb --fail-if 'straight_lining>40%' $C/problems.csv
t "check: gate too_few_answers share" 3 '*' "sq-check: gate too_few_answers>=16.6% held: 1 (16.67%)" sq-check $_cb --fail-if 'too_few_answers>=16.6%' $C/problems.csv
t "check: gate weights_not_100" 3 '*' "sq-check: gate weights_not_100>1 held: 2 (33.33%)" sq-check $_cb --fail-if 'weights_not_100>1' $C/problems.csv
t "check: two gates, both said" 3 '*' "sq-check: gate ragged_rows>0 held: 1 (16.67%)
sq-check: gate invalid_cells>0 held: 2 (4.17%)" sq-check $_cb --fail-if 'ragged_rows>0' --fail-if 'invalid_cells>0' --summary $C/problems.csv
t "check: gates pass on a clean export" 0 '*' - sq-check $_cb --fail-if 'invalid_cells>0' --fail-if 'duplicate_ids>0' --fail-if 'straight_lining>0' --fail-if 'too_few_answers>0' --fail-if 'weights_not_100>0' $C/small.csv
t "check: bad gate measure" 2 - "~sq-check: --fail-if: \"alpha<0.7\": expected MEASURE>X" sq-check --fail-if 'alpha<0.7' $C/small.csv
t "check: bad gate number" 2 - "~sq-check: --fail-if: \"invalid_cells>x\"" sq-check --fail-if 'invalid_cells>x' $C/small.csv
t "check: gate share over 100%" 2 - "~sq-check: --fail-if: \"straight_lining>101%\"" sq-check --fail-if 'straight_lining>101%' $C/small.csv
t "check: gate on rows_read refused" 2 - "~expected MEASURE>X" sq-check --fail-if 'rows_read>0' $C/small.csv
t "check: a gate and a write error" 1 - "sq-check: standard output: write error: No space left on device" sh -c "sq-check $_cb --fail-if 'invalid_cells>0' $C/problems.csv > /dev/full"
t "check: a fatal error prints no report" 1 - "sq-check: tests/data/bad/no_items.csv:1: required column E1 not found (items are E1..E22 and P1..P22; name other columns in a codebook with -c)" sq-check tests/data/bad/no_items.csv
t "check: /dev/full" 1 - "sq-check: standard output: write error: No space left on device" sh -c "sq-check $_cb $C/small.csv > /dev/full"
t "check: --skip-rows" 0 '*' - sq-check $_cb --skip-rows 2 $C/title_rows.csv
t "check: title rows without --skip-rows" 1 - "sq-check: $C/title_rows.csv:1: required column E1 not found (items are E1..E4 and P1..P4; name other columns in a codebook with -c)" sq-check $_cb $C/title_rows.csv
t "check: --encoding cp1252" 0 '*' - sq-check --encoding cp1252 -c samples/formats/excel_es_cp1252.codebook.csv samples/formats/excel_es_cp1252.csv
t "check: UTF-16 read as latin1 is binary" 1 - "sq-check: samples/formats/excel_utf16.txt:1: column #1: binary data (a NUL byte): not a CSV text file" sq-check --encoding latin1 samples/formats/excel_utf16.txt

# --clean writes a canonical CSV that reads back to the same gap table:
# reverse keying undone on the way out, done again on the way in.
sq-gap $_cb -b sucursal $C/small.csv > "$TMP/ck_small.tsv" 2>&1
t "check: --clean writes" 0 '*' - sq-check $_cb -b sucursal --clean "$TMP/ck_clean.csv" $C/small.csv
t "check: --clean reads back the same" 0 "$TMP/ck_small.tsv" - sq-gap $_cb -b sucursal "$TMP/ck_clean.csv"
printf 'id,sucursal,E1,E2,E3,E4,P1,P2,P3,P4\na1,Centro,5,4,2,5,3,4,4,3\n' > "$TMP/ck_head.exp"
t "check: --clean content" 0 "$TMP/ck_head.exp" - sh -c "head -n 2 '$TMP/ck_clean.csv'"
t "check: --clean drops bad cells" 0 '*' - sq-check $_cb -b sucursal --clean "$TMP/ck_prob.csv" $C/problems.csv
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
	case $_ck in
	surveymonkey) _s='¿A qué sucursal acudió?' ;;
	surveymonkey_matrix) _s=Sucursal ;;
	odk) _s=servqual-sucursal ;;
	*) _s=sucursal ;;
	esac
	sq-check $_c -b "$_s" --clean "$TMP/ck_$_ck.csv" "$_x" > /dev/null 2>&1
	sq-gap -f tsv -c samples/formats/twin.codebook.csv --by segment samples/formats/$_ck.twin.csv \
	    > "$TMP/ck_$_ck.exp" 2>&1
	t "check: --clean $_ck equals its twin" 0 "$TMP/ck_$_ck.exp" - \
	    sq-gap -f tsv -c samples/formats/twin.codebook.csv --by "$_s" "$TMP/ck_$_ck.csv"
done
t "check: --clean into a missing directory" 1 - "sq-check: /nonexistent/dir/x.csv: cannot create: No such file or directory" sq-check $_cb --clean /nonexistent/dir/x.csv $C/small.csv

# Duplicate ids past the id table's first growth (1024 slots): 3000
# respondents, then respondent 7 again at the end.
sq-simulate -n 3000 --seed 3 -o "$TMP/many.csv" 2>/dev/null
sed -n 8p "$TMP/many.csv" >> "$TMP/many.csv"
t "check: duplicate id among 3000 respondents" 0 '*' - sh -c "sq-check $TMP/many.csv | grep -qx '3002			duplicate_ids	duplicate respondent id \"7\" (first on line 8)'"
t "check: exactly one duplicate among 3000 respondents" 0 '*' - sh -c "sq-check --summary $TMP/many.csv | grep -q '^plain	servqual	duplicate_ids	1	'"

# A pipeline gate: straight-liners in a simulated sample are reported,
# not fatal; the gate decides.
sq-simulate -n 20000 --seed 5 -o "$TMP/ck_sim.csv" 2>/dev/null
t "check: straight-liners alone exit 0" 0 '*' - sh -c "sq-check --summary $TMP/ck_sim.csv | grep -q '^plain	servqual	straight_lining	13	'"
t "check: straight-liners under the gate's share" 0 '*' - sq-check --fail-if 'straight_lining>0.1%' "$TMP/ck_sim.csv"
t "check: straight-liners over the gate's count" 3 '*' "sq-check: gate straight_lining>10 held: 13 (0.07%)" sq-check --fail-if 'straight_lining>10' "$TMP/ck_sim.csv"

# --clean keeps only the id, segment and instrument columns unless
# --keep-all; --drop leaves flagged respondents out.
printf 'id,name,ip,sucursal,E1,E2,E3,E4,P1,P2,P3,P4\nr1,Ana,10.0.0.1,Centro,5,4,4,5,3,4,2,3\nr2,Bo,10.0.0.2,Norte,5,5,5,5,4,3,2,1\nr1,Cy,10.0.0.3,Sur,1,2,3,4,4,3,2,1\nr4,Di,10.0.0.4,Sur,1,,,,,,,\n' > "$TMP/ck_pii.csv"
printf 'id,sucursal,E1,E2,E3,E4,P1,P2,P3,P4\nr1,Centro,5,4,4,5,3,4,2,3\nr2,Norte,5,5,5,5,4,3,2,1\nr1,Sur,1,2,3,4,4,3,2,1\nr4,Sur,1,,,,,,,\n' > "$TMP/ck_pii.exp"
t "check: --clean leaves names and IPs out" 0 '*' - sq-check $_cb -b sucursal --clean "$TMP/ck_pii_out.csv" "$TMP/ck_pii.csv"
t "check: --clean columns" 0 "$TMP/ck_pii.exp" - cat "$TMP/ck_pii_out.csv"
printf 'id,name,ip,sucursal,E1,E2,E3,E4,P1,P2,P3,P4\nr1,Ana,10.0.0.1,Centro,5,4,4,5,3,4,2,3\n' > "$TMP/ck_all.exp"
t "check: --clean --keep-all" 0 '*' - sq-check $_cb --keep-all --clean "$TMP/ck_all_out.csv" "$TMP/ck_pii.csv"
t "check: --keep-all columns" 0 "$TMP/ck_all.exp" - head -n 2 "$TMP/ck_all_out.csv"
printf 'id,sucursal,E1,E2,E3,E4,P1,P2,P3,P4\nr1,Centro,5,4,4,5,3,4,2,3\n' > "$TMP/ck_drop.exp"
t "check: --drop says how many" 0 '*' "sq-check: $TMP/ck_drop_out.csv: 3 respondents dropped" sq-check $_cb -b sucursal --drop duplicates,straight,few --clean "$TMP/ck_drop_out.csv" "$TMP/ck_pii.csv"
t "check: --drop leaves them out" 0 "$TMP/ck_drop.exp" - cat "$TMP/ck_drop_out.csv"
t "check: --drop few only" 0 '*' "sq-check: $TMP/ck_few.csv: 1 respondent dropped" sq-check $_cb --drop few --clean "$TMP/ck_few.csv" "$TMP/ck_pii.csv"
t "check: --drop unknown flag" 2 - "~sq-check: --drop: \"dupes\": expected a list of duplicates, straight, few, weights" sq-check --drop dupes --clean "$TMP/x.csv" "$TMP/ck_pii.csv"
t "check: --drop without --clean" 2 - "~sq-check: --drop and --keep-all go with --clean" sq-check --drop few "$TMP/ck_pii.csv"
t "check: --clean ''" 2 - "~sq-check: --clean: the file name is empty" sq-check --clean '' "$TMP/ck_pii.csv"
for _g in 'invalid_cells> 1' 'invalid_cells>-1' 'invalid_cells>inf' 'invalid_cells>nan' 'invalid_cells>1%x' 'invalid_cells>' 'respondents_usable>1' 'invalid_cells<1'; do
	t "check: gate \"$_g\" refused" 2 - "~sq-check: --fail-if: \"$_g\": expected MEASURE>X" sq-check --fail-if "$_g" $C/small.csv
done
t "check: gate 0%" 3 '*' "sq-check: gate invalid_cells>=0% held: 0 (0.00%)" sq-check $_cb --fail-if 'invalid_cells>=0%' $C/small.csv
t "check: --clean - and the table on stdout" 2 - "~sq-check: --clean - and the table both on standard output" sq-check --clean - $C/small.csv
t "check: --clean - with -o" 0 '*' - sh -c "sq-check $_cb -b sucursal -o $TMP/ck_tab.tsv --clean - $C/small.csv | cmp -s - $TMP/ck_clean.csv"

# Three-column surveys: an inverted zone is a flag like the others.
_zz="-c tests/oracle/zone/zone_codebook.csv tests/oracle/zone/zone.csv"
t "check: inverted zone as a kind" 0 '*' - sh -c "sq-check $_zz | awk -F'\t' '\$4 == \"inverted_zone\"' | grep -q 'inverted zone (adequate above desired) on item'"
t "check: inverted zone gate" 3 '*' "sq-check: gate inverted_zone>0 held: 98 (40.83%)" sq-check --fail-if 'inverted_zone>0' $_zz
t "check: --drop inverted" 0 '*' "sq-check: $TMP/ck_inv.csv: 98 respondents dropped" sq-check --drop inverted --clean "$TMP/ck_inv.csv" $_zz
t "check: --items on a zone export" 0 '*' - sh -c "sq-check --items $_zz | head -n 1 | grep -qx 'item	dimension	missing_a	missing_d	missing_p'"
