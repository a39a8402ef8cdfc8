# Export shapes (samples/formats/, synthetic): each export, read with its
# codebook, gives byte for byte the sq-gap --by table of its canonical
# twin (plain UTF-8 E1..E22, P1..P22), which is read with no codebook.
_fd=samples/formats
# A file read as Windows-1252 by guess is said so on stderr (issue 11).
_w1252="~warning: not valid UTF-8; read as Windows-1252"
_fmt() {	# NAME EXPORT BY-COLUMN [CODEBOOK]
	sq-gap -f tsv -c $_fd/twin.codebook.csv --by segment $_fd/$1.twin.csv > "$TMP/fmt_$1.tsv" 2>&1
	case $1 in *cp1252*) _e=$_w1252 ;; *) _e=- ;; esac
	if [ -n "${4:-}" ]; then
		t "formats: $1 equals its twin" 0 "$TMP/fmt_$1.tsv" "$_e" \
		    sq-gap -f tsv -c "$4" --by "$3" "$2"
	else
		t "formats: $1 equals its twin" 0 "$TMP/fmt_$1.tsv" "$_e" \
		    sq-gap -f tsv --by "$3" "$2"
	fi
}
_fmt qualtrics_new $_fd/qualtrics_new.csv sucursal \
    $_fd/qualtrics_new.codebook.csv
_fmt qualtrics_legacy $_fd/qualtrics_legacy.csv sucursal \
    $_fd/qualtrics_legacy.codebook.csv
_fmt surveymonkey $_fd/surveymonkey.csv "¿A qué sucursal acudió?" \
    $_fd/surveymonkey.codebook.csv
_fmt surveymonkey_matrix $_fd/surveymonkey_matrix.csv Sucursal \
    $_fd/surveymonkey_matrix.codebook.csv
_fmt google_forms_es $_fd/google_forms_es.csv Sucursal \
    $_fd/google_forms_es.codebook.csv
_fmt limesurvey $_fd/limesurvey.csv sucursal $_fd/limesurvey.codebook.csv
_fmt kobo $_fd/kobo.csv sucursal $_fd/kobo.codebook.csv
_fmt odk $_fd/odk.csv servqual-sucursal
_fmt excel_es_cp1252 $_fd/excel_es_cp1252.csv Sucursal \
    $_fd/excel_es_cp1252.codebook.csv
_fmt excel_utf16 $_fd/excel_utf16.txt Sucursal
_fmt spss_pspp $_fd/spss_pspp.csv sucursal $_fd/spss_pspp.codebook.csv

# The twins differ from one another: a test that cannot fail is no test.
t "formats: twins are not all alike" 1 - - \
    cmp -s "$TMP/fmt_kobo.tsv" "$TMP/fmt_odk.tsv"
# Segment values keep their accents through CP1252 and UTF-16.
t "formats: accents survive cp1252" 0 - - \
    grep -q "	Señorío	" "$TMP/fmt_excel_es_cp1252.tsv"

# --encoding and --skip-rows on sq-gap
t "formats: --encoding cp1252 forced" 0 "$TMP/fmt_excel_es_cp1252.tsv" - \
    sq-gap -f tsv --encoding cp1252 -c $_fd/excel_es_cp1252.codebook.csv \
    --by Sucursal $_fd/excel_es_cp1252.csv
t "formats: --encoding utf-16le forced" 0 "$TMP/fmt_excel_utf16.tsv" - \
    sq-gap -f tsv --encoding utf-16le --by Sucursal $_fd/excel_utf16.txt
t "formats: unknown --encoding" 2 - "~usage: sq-gap" \
    sq-gap --encoding ebcdic $_fd/kobo.csv
{ printf 'Encuesta 2024\nExportado por Excel\n'; cat $_fd/kobo.csv; } \
    > "$TMP/fmt_title.csv"
t "formats: --skip-rows 2" 0 "$TMP/fmt_kobo.tsv" - \
    sq-gap -f tsv -c $_fd/kobo.codebook.csv --skip-rows 2 --by sucursal "$TMP/fmt_title.csv"
# Excel's "sep=" first line, in front of a Windows-1252 file
{ printf 'sep=;\r\n'; cat $_fd/excel_es_cp1252.csv; } > "$TMP/fmt_sep.csv"
t "formats: sep= line before cp1252" 0 "$TMP/fmt_excel_es_cp1252.tsv" "$_w1252" \
    sq-gap -f tsv -c $_fd/excel_es_cp1252.codebook.csv --by Sucursal \
    "$TMP/fmt_sep.csv"

# Windows-1252 whose first accent comes after the first 64 KiB read (the
# start looked like UTF-8), and UTF-16 across many reads: the same table
# as the UTF-8 text.
_late() {	# ENYE-BYTES
	awk -v n="$1" 'BEGIN {
		printf "seg"; for (k = 1; k <= 22; k++) printf ",E%d,P%d", k, k
		printf "\n"
		for (i = 0; i < 3000; i++) {
			s = i < 1500 ? "Norte" : "Se" n "or"
			printf "%s", s
			for (k = 1; k <= 44; k++) printf ",%d", (i * 7 + k * 3) % 7 + 1
			printf "\n"
		}
	}'
}
_late "$(printf '\303\261')" > "$TMP/late8.csv"
_late "$(printf '\361')" > "$TMP/late1252.csv"
sq-gap -f tsv --by seg "$TMP/late8.csv" > "$TMP/late8.tsv" 2>&1
t "formats: cp1252 detected late" 0 "$TMP/late8.tsv" "$_w1252" \
    sq-gap -f tsv --by seg "$TMP/late1252.csv"
t "formats: the late file is over 64 KiB" 0 - - \
    test "$(wc -c < "$TMP/late1252.csv")" -gt 65536
