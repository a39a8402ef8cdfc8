# Output for people (pretty, md), languages, and csv for Spanish
# spreadsheets (csv-es, excel, sq-check --clean-format).
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
S=samples/banco_demo.csv
G=tests/data/gap

# widest FILE: the widest line in terminal columns.
widest() { LC_ALL=C.UTF-8 wc -L < "$1"; }

# Every tool's pretty output fits 100 columns, in both languages, with
# no NaN and no trailing blanks.
for l in en es; do
	for cmd in "sq-gap" "sq-gap -b sucursal" "sq-alpha" "sq-alpha --items" \
	    "sq-alpha --pairwise" "sq-factor" "sq-factor --block G -n 3" \
	    "sq-factor --rotate varimax" "sq-drivers" "sq-drivers -b sucursal --target REL=5" \
	    "sq-cfa"; do
		$cmd -f pretty --lang $l $S > "$TMP/p.txt" 2>/dev/null
		w=$(widest "$TMP/p.txt")
		t "human: $cmd ($l) fits 100 columns (is $w)" 0 - - \
		    test "$w" -le 100 -a -s "$TMP/p.txt"
		t "human: $cmd ($l) has no NaN" 1 - - grep -q NaN "$TMP/p.txt"
		t "human: $cmd ($l) has no trailing blanks" 1 - - \
		    grep -q ' $' "$TMP/p.txt"
	done
done

# Figures are the machine table's, rounded: item 5's gap and n.
sq-gap $S | awk -F'\t' '$1 == "item" && $4 == 5 { printf "%.2f %d\n", $8, $5 }' \
    > "$TMP/want"
read -r gap5 n5 < "$TMP/want"
sq-gap -f pretty $S > "$TMP/p.txt"
t "human: gap pretty shows item 5 rounded" 0 - - \
    grep -qE "^  5 +$n5 +[0-9.]+ +[0-9.]+ +$gap5 " "$TMP/p.txt"
gap5es=$(echo "$gap5" | tr . ,)
sq-gap -f pretty --lang es $S > "$TMP/p.txt"
t "human: es uses the decimal comma" 0 - - \
    grep -qE "^  5 +$n5 +[0-9,]+ +[0-9,]+ +$gap5es " "$TMP/p.txt"
t "human: es translates headers" 0 - - grep -q "brecha  IC inf." "$TMP/p.txt"
t "human: es names dimensions" 0 - - grep -q "^Fiabilidad" "$TMP/p.txt"
t "human: gap pretty groups items under dimensions" 0 - - \
    grep -q "^Reliability" $(sq-gap -f pretty $S > "$TMP/q.txt"; echo "$TMP/q.txt")
t "human: p-values as <0.001" 0 - - grep -q "<0.001" "$TMP/q.txt"
t "human: integers as integers" 1 - - grep -q "400\.0" "$TMP/q.txt"
sq-alpha -f pretty $S > "$TMP/a.txt"
t "human: alpha is one table of scales" 0 - - test "$(wc -l < "$TMP/a.txt")" -le 25
t "human: alpha items on request" 0 - - test "$(sq-alpha -f pretty --items $S | grep -c 'alpha if dropped')" -eq 1
sq-factor -f pretty $S > "$TMP/f.txt"
t "human: factor loading matrix" 0 - - grep -qE "^  [EP]7 +0\.[0-9]{2} +[0-9.]+ +[0-9.]+$" "$TMP/f.txt"
t "human: factor variance explained" 0 - - grep -q "^Cumulative variance" "$TMP/f.txt"
t "human: factor --cut 0 shows every loading" 0 - - \
    sh -c "sq-factor -f pretty --cut 0 $S | grep -qE '^  [EP]7( +-?[0-9]\.[0-9]{2}){7}$'"
t "human: factor bad --cut" 2 - "~--cut" sq-factor --cut 2 $S
t "human: md has a header rule" 0 - - sh -c "sq-alpha -f md $S | grep -q '^|:-'"

# The language follows the locale unless --lang says otherwise.
env -u LC_ALL LANG=es_ES.UTF-8 sq-alpha -f pretty $S > "$TMP/a.txt"
t "human: LANG=es_* speaks Spanish" 0 - - grep -q "^Expectativas (E)" "$TMP/a.txt"
env -u LC_ALL LC_MESSAGES=es_MX.UTF-8 LANG=en_US.UTF-8 sq-alpha -f pretty $S > "$TMP/a.txt"
t "human: LC_MESSAGES before LANG" 0 - - grep -q "^Expectativas (E)" "$TMP/a.txt"
env -u LC_ALL LANG=es_ES.UTF-8 sq-alpha -f pretty --lang en $S > "$TMP/a.txt"
t "human: --lang en wins over the locale" 0 - - grep -q "^Expectations (E)" "$TMP/a.txt"
t "human: unknown language" 2 - "~--lang: \"fr\"" sq-gap --lang fr $S
t "human: malformed language" 2 - "~--lang" sq-gap --lang ../x $S

# Machine formats never change with the language.
# (but the label column, the item wording in the chosen language)
for f in tsv csv csv-es excel; do
	d=$(case $f in tsv) printf '\t' ;; csv) echo , ;; *) echo ';' ;; esac)
	sq-gap -f $f -b sucursal $S | cut -d "$d" -f 1-24 > "$TMP/en"
	sq-gap -f $f -b sucursal --lang es $S | cut -d "$d" -f 1-24 > "$TMP/es"
	t "human: $f is the same in Spanish" 0 "$TMP/en" - cat "$TMP/es"
done
sq-alpha -f tsv $S | cut -f 1-19 > "$TMP/en"
t "human: alpha tsv is the same in Spanish" 0 "$TMP/en" - sh -c "sq-alpha --lang es $S | cut -f 1-19"

# csv-es: the tsv with ';' and decimal commas, NaN blank.
sq-gap -b sucursal $S | sed 's/NaN//g; s/\./,/g; s/\t/;/g' > "$TMP/want"
t "human: csv-es" 0 "$TMP/want" - sq-gap -f csv-es -b sucursal $S
{ printf '\357\273\277'; sed 's/$/\r/' "$TMP/want"; } > "$TMP/want.xl"
t "human: excel adds a BOM and CRLF" 0 "$TMP/want.xl" - sq-gap -f excel -b sucursal $S

# sq-check --clean for spreadsheets.
sq-check --clean "$TMP/c.csv" $S > /dev/null
sed 's/,/;/g' "$TMP/c.csv" > "$TMP/want"
t "human: clean csv-es" 0 '*' - sq-check --clean "$TMP/c2.csv" --clean-format csv-es $S
t "human: clean csv-es is the csv with ;" 0 "$TMP/want" - cat "$TMP/c2.csv"
{ printf '\357\273\277'; sed 's/$/\r/' "$TMP/want"; } > "$TMP/want.xl"
sq-check --clean "$TMP/c3.csv" --clean-format excel $S > /dev/null
t "human: clean excel" 0 "$TMP/want.xl" - cat "$TMP/c3.csv"
t "human: clean bad format" 2 - "~--clean-format" sq-check --clean "$TMP/c4.csv" --clean-format xls $S

# Messages in Spanish, with plural forms.
t "human: error in Spanish" 1 - "sq-gap: $G/off.csv:3: columna E1 (n.º 3): \"9\" está fuera de la escala 1..7" sq-gap --lang es $G/off.csv
t "human: error in English" 1 - "sq-gap: $G/off.csv:3: column E1 (#3): \"9\" is outside the scale 1..7" sq-gap $G/off.csv
t "human: sq-check problem in Spanish, plural" 0 - - sh -c \
    "sq-check --lang es -c tests/data/check/small.codebook.csv tests/data/check/problems.csv | grep -q 'respuesta plana: las 4 respuestas E son 5'"

# sq-zone (a three-column export) for people: the levels, MSA, MSS and shares.
_zc="-c tests/oracle/zone/zone_codebook.csv"
for l in en es; do
	sq-zone -f pretty --lang $l $_zc tests/oracle/zone/zone.csv > "$TMP/z.txt"
	w=$(widest "$TMP/z.txt")
	t "human: sq-zone ($l) fits 100 columns (is $w)" 0 - - test "$w" -le 100 -a -s "$TMP/z.txt"
	t "human: sq-zone ($l) has no NaN" 1 - - grep -q NaN "$TMP/z.txt"
done
