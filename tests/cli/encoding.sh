# Encodings (issue 11): --encoding takes any name iconv knows (a Korean
# Windows export in CP949 gives the right segment names, errors keep their
# line numbers); a file read as Windows-1252 by guess is said so once.
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
NT=$TMP/encoding
mkdir -p "$NT"
# A CP949 export: header "지점" (branch), segments 서울 and 부산.
{
	printf 'id,\301\366\301\241'
	i=1; while [ $i -le 22 ]; do printf ',E%d' $i; i=$((i + 1)); done
	i=1; while [ $i -le 22 ]; do printf ',P%d' $i; i=$((i + 1)); done
	printf '\n'
	n=1
	for z in '\274\255\277\357' '\272\316\273\352' '\274\255\277\357'; do
		printf "%d,$z" $n
		i=1; while [ $i -le 44 ]; do printf ',%d' $(((i + n) % 7 + 1)); i=$((i + 1)); done
		printf '\n'
		n=$((n + 1))
	done
} > "$NT/cp949.csv"
printf '\354\204\234\354\232\270 2\n\353\266\200\354\202\260 1\n' > "$NT/seg.exp"
t "encoding: --encoding cp949 gives the right segment names" 0 "$NT/seg.exp" - \
    sh -c "sq-gap --encoding cp949 -b \"\$(printf '\354\247\200\354\240\220')\" $NT/cp949.csv |
    awk -F'\t' '\$1 == \"dimension\" && \$3 == \"TAN\" && \$2 != \"all\" { print \$2, \$5 }'"
t "encoding: EUC-KR is the same here" 0 "$NT/seg.exp" - \
    sh -c "sq-gap --encoding EUC-KR -b \"\$(printf '\354\247\200\354\240\220')\" $NT/cp949.csv |
    awk -F'\t' '\$1 == \"dimension\" && \$3 == \"TAN\" && \$2 != \"all\" { print \$2, \$5 }'"
t "encoding: read by guess, it is said once" 0 '*' \
    "sq-gap: $NT/cp949.csv: warning: not valid UTF-8; read as Windows-1252 (if it is another encoding, say which with --encoding, e.g. cp949)" \
    sq-gap "$NT/cp949.csv"
t "encoding: sq-check says it too" 0 '*' \
    "~sq-check: $NT/cp949.csv: warning: not valid UTF-8; read as Windows-1252" \
    sq-check "$NT/cp949.csv"
t "encoding: valid UTF-8 is not warned about" 0 '*' - \
    sq-gap tests/data/chart/survey.csv
# A byte CP949 does not have, on line 3: the error names the line.
{ head -n 2 "$NT/cp949.csv"; printf '9,\377\377'; i=1; while [ $i -le 44 ]; do printf ',3'; i=$((i + 1)); done; printf '\n'; } > "$NT/bad.csv"
t "encoding: an invalid CP949 byte names its line" 1 - \
    "sq-gap: $NT/bad.csv:3: byte 0xFF is not valid cp949" \
    sq-gap --encoding cp949 "$NT/bad.csv"
t "encoding: an unknown name is a usage error" 2 - \
    "~--encoding: \"no-such-enc\": expected auto, utf-8, cp1252, latin1, utf-16le, utf-16be or a name iconv knows (iconv -l)" \
    sq-gap --encoding no-such-enc "$NT/cp949.csv"
# ISO-8859-15 has the euro sign at 0xA4 (Latin-1 has the currency sign).
LC_ALL=C sed 's/\xbc\xad\xbf\xef/Zona \xa4/; s/\xba\xce\xbb\xea/Sur/; s/^id,[^,]*/id,zona/' \
    "$NT/cp949.csv" > "$NT/latin9.csv"
printf 'Zona \342\202\254 2\nSur 1\n' > "$NT/euro.exp"
t "encoding: ISO-8859-15 reads the euro sign" 0 "$NT/euro.exp" - \
    sh -c "sq-gap --encoding ISO-8859-15 -b zona $NT/latin9.csv |
    awk -F'\t' '\$1 == \"dimension\" && \$3 == \"TAN\" && \$2 != \"all\" { print \$2, \$5 }'"
