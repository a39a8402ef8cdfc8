# Unicode identity (issue 11): NFC and NFD spellings are one value; values
# that differ only in case or accents are warned about, and folded on
# request; Cairo and Pango get valid UTF-8 only.
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
UT=$TMP/unicode
mkdir -p "$UT"
# 6 respondents: "Atención" in NFC (c3 b3) and NFD (o + cc 81), Sur/sur/SUR.
{
	printf 'id,zona'
	i=1; while [ $i -le 22 ]; do printf ',E%d' $i; i=$((i + 1)); done
	i=1; while [ $i -le 22 ]; do printf ',P%d' $i; i=$((i + 1)); done
	printf '\n'
	n=1
	for z in 'Atenci\303\263n' 'Atencio\314\201n' Sur sur SUR Norte; do
		printf "%d,$z" $n
		i=1; while [ $i -le 44 ]; do printf ',%d' $(((i + n) % 7 + 1)); i=$((i + 1)); done
		printf '\n'
		n=$((n + 1))
	done
} > "$UT/nfd.csv"
printf 'Atenci\303\263n 2\nSur 1\nsur 1\nSUR 1\nNorte 1\n' > "$UT/seg.exp"
t "unicode: NFC and NFD \"Atención\" are one segment" 0 "$UT/seg.exp" \
    "sq-gap: $UT/nfd.csv: warning: segment values that differ only in case or accents: \"Sur\", \"sur\", \"SUR\" (--fold-segments makes them one)" \
    sh -c "sq-gap -b zona $UT/nfd.csv | awk -F'\t' '\$1 == \"dimension\" && \$3 == \"TAN\" && \$2 != \"all\" { print \$2, \$5 }'"
printf 'atencion 2\nsur 3\nnorte 1\n' > "$UT/fold.exp"
t "unicode: --fold-segments makes them one" 0 "$UT/fold.exp" - \
    sh -c "sq-gap -b zona --fold-segments $UT/nfd.csv | awk -F'\t' '\$1 == \"dimension\" && \$3 == \"TAN\" && \$2 != \"all\" { print \$2, \$5 }'"
t "unicode: groups chart warns too" 0 - \
    "sq-chart: $UT/nfd.csv: warning: segment values that differ only in case or accents: \"Sur\", \"sur\", \"SUR\" (--fold-segments makes them one)" \
    sq-chart groups -b zona -o "$UT/g.svg" "$UT/nfd.csv"
# A table must be UTF-8: an invalid byte is refused with its line.
printf 'dimension\timportance\tperformance\tlabel\nTAN\t20\t4\tBad \377 byte\nREL\t30\t5\tOK\n' > "$UT/bad.tsv"
t "unicode: an invalid byte in a table is an error" 1 - \
    "sq-chart: -:2: invalid UTF-8 (byte 0xFF); if the file is Windows-1252 give --encoding cp1252" \
    sh -c "sq-chart ipa -o $UT/bad.svg < $UT/bad.tsv"
# Text from the command line reaches Pango as valid UTF-8 (U+FFFD).
t "unicode: an invalid byte in --title is drawn as U+FFFD" 0 - - sh -c \
    "sq-chart gaps --title \"\$(printf 'Bad \377 byte')\" -o $UT/bad.svg tests/data/chart/survey.csv &&
    grep -qF \"\$(printf 'Bad \357\277\275 byte')\" $UT/bad.svg"
