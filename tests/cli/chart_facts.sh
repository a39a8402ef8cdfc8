# sq-chart draws what a table says (issue 11): a codebook's dimensions,
# wordings and scale, the table's confidence level, or a refusal naming
# the missing fact; text of any length, valid UTF-8, never cut; a chart
# that does not fit its --width/--height is an error.
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
CD=tests/data/chart
CF=$TMP/chart_facts
HC=$CD/hospital.cb.csv
H=$CD/hospital.csv
mkdir -p "$CF"

# text_of SVG: the SVG's text layer, one line, blanks removed (Pango
# breaks long wordings into lines; the characters must all be there).
text_of() {
	sed -n 's/.*<text[^>]*>\(.*\)<\/text>.*/\1/p' "$1" | tr -d ' \n'
}
# svg_says SVG TEXT...: each TEXT (blanks ignored) in the text layer.
svg_says() {
	f=$1
	shift
	text_of "$f" >"$CF/text"
	for s in "$@"; do
		s=$(printf '%s' "$s" | tr -d ' ')
		grep -qF -- "$s" "$CF/text" || { echo "$f: no \"$s\""; return 1; }
	done
}
# svg_lacks SVG TEXT...: no TEXT in the text layer.
svg_lacks() {
	f=$1
	shift
	text_of "$f" >"$CF/text"
	for s in "$@"; do
		s=$(printf '%s' "$s" | tr -d ' ')
		grep -qF -- "$s" "$CF/text" && { echo "$f: has \"$s\""; return 1; }
	done
	return 0
}

# The 14-item hospital codebook, 1..5 scale, item 4 in REL: the table
# carries it, and the chart draws it, not the built-in 22 items.
sq-gap -c $HC $H > "$CF/h.tsv"
t "facts: sq-gap appends conf scale_min scale_max label instrument" 0 - - \
    sh -c "head -n 1 $CF/h.tsv | grep -q '	d	.*conf	scale_min	scale_max	label	instrument\$'"
printf 'REL\t0.95\t1\t5\tAppointments kept on time\thospital.cb.csv\n' > "$CF/i4.exp"
t "facts: item 4's row says REL, 95%, 1..5, its wording, the codebook" 0 \
    "$CF/i4.exp" - sh -c "awk -F'\t' '\$1 == \"item\" && \$4 == 4 {
    print \$3 \"\t\" \$22 \"\t\" \$23 \"\t\" \$24 \"\t\" \$25 \"\t\" \$26 }' $CF/h.tsv"
t "facts: items chart from the piped table" 0 - - \
    sh -c "sq-chart items -o $CF/items.svg < $CF/h.tsv"
t "facts: items chart has the codebook's wordings and dimensions" 0 - - \
    svg_says "$CF/items.svg" "4. Appointments kept on time" \
    "14. Convenient visiting hours" "Reliability" "Empathy"
t "facts: items chart has no built-in wording" 0 - - \
    svg_lacks "$CF/items.svg" "Modern-looking"
t "facts: items chart has 14 item rows, no item 15..22" 0 - - sh -c \
    "test \$(grep -c '<text[^>]*>[0-9]*\. ' $CF/items.svg) -eq 14 &&
    ! grep -q '<text[^>]*>\(1[5-9]\|2[0-2]\)\. ' $CF/items.svg"
t "facts: gaps chart's mean axis ends at the scale's 5" 0 - - \
    sh -c "sq-chart gaps -o $CF/gaps.svg < $CF/h.tsv &&
    grep -q '>Scale 1–5.' $CF/gaps.svg && ! grep -q '>7.0<' $CF/gaps.svg"

# --conf 0.90 is labelled 90 %, from the table, not 95 %.
sq-gap -c $HC --conf 0.90 $H > "$CF/h90.tsv"
t "facts: gaps from a 90% table" 0 - - \
    sh -c "sq-chart gaps -o $CF/g90.svg < $CF/h90.tsv"
t "facts: 90% intervals are labelled 90%" 0 - - svg_says "$CF/g90.svg" \
    "Gap (P − E) with 90% CI" "Whiskers: 90% confidence intervals."
t "facts: ... and nowhere 95%" 0 - - svg_lacks "$CF/g90.svg" "95%"
t "facts: Spanish, 90 %" 0 - - sh -c "sq-chart gaps --lang es \
    -o $CF/g90es.svg < $CF/h90.tsv && grep -q 'IC 90' $CF/g90es.svg &&
    ! grep -q '<text[^>]*>[^<]*95[^<0-9]*%' $CF/g90es.svg"
t "facts: items from a 90% table" 0 - - sh -c \
    "sq-chart items -o $CF/i90.svg < $CF/h90.tsv && grep -q 'Whiskers: 90% confidence' $CF/i90.svg"
t "facts: --conf that contradicts the table is refused" 1 - \
    "sq-chart: -: the table's intervals are at the 90% level, not the 95% of --conf" \
    sh -c "sq-chart gaps --conf 0.95 -o $CF/x.svg < $CF/h90.tsv"

# A table without its facts: refused, naming them; -c or --conf supply them.
cut -f1-21 "$CF/h.tsv" > "$CF/bare.tsv"
t "facts: a bare table is refused, naming the missing columns" 1 - \
    "sq-chart: -:1: the table does not say its instrument (no column label, scale_min, scale_max): its dimensions, item wordings and scale are unknown; make it with sq-gap -f tsv or csv, or give the codebook with -c" \
    sh -c "sq-chart items -o $CF/x.svg < $CF/bare.tsv"
t "facts: with -c, the confidence level is still missing" 1 - \
    "sq-chart: -: the table does not say the confidence level of its intervals (no column conf); give it with --conf" \
    sh -c "sq-chart items -c $HC -o $CF/x.svg < $CF/bare.tsv"
t "facts: with -c and --conf it is drawn" 0 - - \
    sh -c "sq-chart items -c $HC --conf 0.95 -o $CF/bare.svg < $CF/bare.tsv"
t "facts: ... with the codebook's wording" 0 - - \
    svg_says "$CF/bare.svg" "4. Appointments kept on time"
t "facts: a radar needs no level" 0 - - \
    sh -c "sq-chart radar -c $HC -o $CF/x.svg < $CF/bare.tsv"
t "facts: failed runs left no file" 0 - - test ! -e "$CF/x.png"

# A 605-byte wording with "é" across the old 160-byte cut: whole in the
# table, whole in the chart, valid UTF-8 throughout.
t "facts: the wording is 605 bytes" 0 - - \
    sh -c "test \$(wc -c < $CD/wording605.txt) -eq 605"
t "facts: the wording survives whole into the table" 0 "$CD/wording605.txt" - \
    sh -c "awk -F'\t' '\$1 == \"item\" && \$4 == 5 { printf \"%s\", \$25 }' $CF/h.tsv"
t "facts: items chart of the export" 0 - - \
    sq-chart items -c $HC -o "$CF/long.svg" $H
t "facts: the long wording survives whole into the SVG" 0 - - \
    svg_says "$CF/long.svg" "$(cat $CD/wording605.txt)"
t "facts: ... and from the table" 0 - - \
    svg_says "$CF/items.svg" "$(cat $CD/wording605.txt)"
t "facts: likert with the long wording, PNG" 0 - - \
    sq-chart likert -c $HC -o "$CF/long.png" $H

# A size the user set that the text does not fit: an error, no file.
t "facts: items --height 300 is refused" 1 - \
    "sq-chart: -: the items chart does not fit in 640 x 300 pt; make it larger with --width and --height" \
    sh -c "sq-chart items --height 300 -o $CF/small.png < $CF/h.tsv"
t "facts: ... 22 built-in items too" 1 - \
    "sq-chart: $CD/survey.csv: the items chart does not fit in 640 x 300 pt; make it larger with --width and --height" \
    sq-chart items --height 300 -o "$CF/small.png" $CD/survey.csv
t "facts: likert --height 300 is refused" 1 - \
    "sq-chart: $CD/survey.csv: the likert chart does not fit in 640 x 300 pt; make it larger with --width and --height" \
    sq-chart likert --height 300 -o "$CF/small.png" $CD/survey.csv
t "facts: a long --title that leaves the chart is refused" 1 - \
    "~does not fit in 200 x 120 pt" \
    sq-chart scree --width 200 --height 120 --title "$(cat $CD/wording605.txt)" \
    -o "$CF/small.png" $CD/survey.csv
t "facts: nothing was written" 0 - - test ! -e "$CF/small.png"

# The source in the subtitle is the base name; --subtitle replaces it.
t "facts: subtitle names the base name" 0 - - sh -c \
    "sq-chart gaps -o $CF/sub.svg $(pwd)/$CD/survey.csv &&
    grep -q '>n = 200 respondents · Source: survey.csv<' $CF/sub.svg &&
    ! grep -q '$(pwd)' $CF/sub.svg"
t "facts: --subtitle replaces it" 0 - - sh -c \
    "sq-chart gaps --subtitle 'Encuesta de 2026' -o $CF/sub.svg $CD/survey.csv &&
    grep -q '>Encuesta de 2026<' $CF/sub.svg && ! grep -q 'Source:' $CF/sub.svg"
t "facts: --subtitle '' removes it" 0 - - sh -c \
    "sq-chart gaps --subtitle '' -o $CF/sub.svg $CD/survey.csv &&
    ! grep -q 'Source:' $CF/sub.svg && ! grep -q 'respondents' $CF/sub.svg"

# Tables of other tools and hand-made tables: never the built-in instrument.
t "facts: sq-factor table of the codebook export" 0 - - sh -c \
    "sq-factor -c $HC $H > $CF/f.tsv && sq-chart heatmap -o $CF/load.svg < $CF/f.tsv"
t "facts: loadings labelled with the codebook's wordings" 0 - - \
    svg_says "$CF/load.svg" "Clean wards" "Convenient visiting hours"
t "facts: ... and none of the built-in's" 0 - - svg_lacks "$CF/load.svg" \
    "Modern-looking"
printf 'dimension\timportance\tperformance\nTAN\t20\t4.1\nREL\t30\t3.5\nRES\t50\t3.9\n' > "$CF/ipa.tsv"
t "facts: an ipa table draws its own dimensions" 0 - - sh -c \
    "sq-chart ipa -o $CF/ipa.svg < $CF/ipa.tsv && ! grep -q 'Empathy' $CF/ipa.svg"

# The subtitle's n is the n the figure used.
t "facts: scree names its complete cases" 0 - - sh -c \
    "sq-chart scree --block E --iter 50 -o $CF/scree.svg tests/data/factor/five_missing.csv &&
    grep -q '>n = 510 complete cases of 800 respondents · Source: five_missing.csv<' $CF/scree.svg"
t "facts: heatmap too" 0 - - sh -c \
    "sq-chart heatmap --block E -o $CF/heat.svg tests/data/factor/five_missing.csv &&
    grep -q '>n = 510 complete cases of 800 respondents' $CF/heat.svg"
t "facts: sq-drivers' table draws its own dimension codes, not built-in names" 0 - - sh -c \
    "sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv tests/oracle/drivers/main.csv | sq-chart ipa -o $CF/drv.svg &&
    grep -q '>REL<' $CF/drv.svg && ! grep -q '>Reliability<' $CF/drv.svg"

# The zone chart's labels have no length limit either (sq-zone's table).
sq-zone -c tests/oracle/zone/zone_codebook.csv tests/oracle/zone/zone.csv |
    awk -F'\t' -v w="$(cat $CD/wording605.txt)" 'BEGIN { OFS = "\t" }
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == "label") L = i }
    NR > 1 && $1 == "item" && !done { $L = w; done = 1 } 1' > "$CF/zone.tsv"
t "facts: a 605-byte label in sq-zone's table reaches the zone chart whole" 0 - - \
    sh -c "sq-chart zone -o $CF/zone.svg < $CF/zone.tsv && sed -n 's/.*<text[^>]*>\(.*\)<\/text>.*/\1/p' $CF/zone.svg |
    tr -d ' \n' | grep -qF \"\$(tr -d ' ' < $CD/wording605.txt)\""
