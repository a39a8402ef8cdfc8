# sq-chart: every chart type in PNG, PDF and SVG from an export and from a
# table on stdin; file validity and size; labels in the SVG text layer;
# usage and data errors; no half-written charts.
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
CD=tests/data/chart
CT=$TMP/chart
U='usage: sq-chart'
mkdir -p "$CT"

# png_size FILE W H: PNG signature, an IHDR of W x H pixels (H '*': any).
png_size() {
	[ "$(od -An -tx1 -N8 "$1" | tr -d ' \n')" = 89504e470d0a1a0a ] ||
	    { echo "$1: no PNG signature"; return 1; }
	[ "$(od -An -c -j12 -N4 "$1" | tr -d ' \n')" = IHDR ] ||
	    { echo "$1: no IHDR chunk first"; return 1; }
	set -- "$1" "$2" "$3" \
	    "$(od -An -tu1 -j16 -N4 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4}')" \
	    "$(od -An -tu1 -j20 -N4 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4}')"
	[ "$4" = "$2" ] && { [ "$3" = '*' ] || [ "$5" = "$3" ]; } ||
	    { echo "$1: ${4}x$5 pixels, expected ${2}x$3"; return 1; }
}

# pdf_size FILE W H: %PDF header, %%EOF trailer, a W x H pt page.
pdf_size() {
	[ "$(head -c 5 "$1")" = "%PDF-" ] || { echo "$1: no %PDF-"; return 1; }
	tail -c 8 "$1" | grep -q '%%EOF' || { echo "$1: no %%EOF"; return 1; }
	grep -aq "/MediaBox \[ 0 0 $2 $3 \]" "$1" ||
	    { echo "$1: no $2 x $3 page"; return 1; }
}

# svg_size FILE W H: well-formed XML (xmllint when installed), an <svg>
# of W x H pt that ends the file.
svg_size() {
	if command -v xmllint >/dev/null 2>&1; then
		xmllint --noout "$1" || return 1
	fi
	grep -q "<svg[^>]* width=\"${2}pt\" height=\"${3}pt\"" "$1" ||
	    { echo "$1: no ${2}pt x ${3}pt <svg>"; return 1; }
	[ "$(tail -n 1 "$1")" = "</svg>" ] || { echo "$1: not ended"; return 1; }
}

# svg_has FILE TEXT...: each TEXT in the SVG's text layer, lines joined
# by blanks (a wrapped label reads whole).
svg_has() {
	f=$1
	shift
	sed -n 's/.*<text[^>]*>\(.*\)<\/text>.*/\1/p' "$f" | tr '\n' ' ' \
	    >"$CT/text"
	for s in "$@"; do
		grep -qF -- "$s" "$CT/text" || { echo "$f: no \"$s\""; return 1; }
	done
}

# Width of a PNG of W pt at 150 dpi: ceil(W * 150 / 72).
px() {
	awk -v w="$1" 'BEGIN { p = w * 150 / 72; q = int(p);
	    print (p > q) ? q + 1 : q }'
}

# The default sizes (points) of the types; 0: as tall as needed.
size_of() {
	case $1 in
	gaps|groups) echo "640 400" ;;
	items|likert) echo "640 0" ;;
	radar) echo "520 460" ;;
	ipa) echo "560 460" ;;
	scree) echo "560 400" ;;
	heatmap) echo "600 0" ;;
	esac
}

# Every type, every format, from the export.
for ty in gaps items radar ipa groups likert scree heatmap; do
	set -- $(size_of $ty)
	w=$1 h=$2
	for f in png pdf svg; do
		t "chart: $ty $f from an export" 0 - - \
		    sq-chart $ty -b sucursal -o "$CT/$ty.$f" $CD/survey.csv
	done
	if [ "$h" = 0 ]; then
		t "chart: $ty png is $w pt wide" 0 - - \
		    png_size "$CT/$ty.png" "$(px $w)" '*'
		h=$(sed -n 's/.*<svg[^>]* height="\([0-9.]*\)pt".*/\1/p' \
		    "$CT/$ty.svg")
	else
		t "chart: $ty png is $w x $h pt at 150 dpi" 0 - - \
		    png_size "$CT/$ty.png" "$(px $w)" "$(px $h)"
	fi
	t "chart: $ty pdf is valid, $w x $h pt" 0 - - \
	    pdf_size "$CT/$ty.pdf" $w $h
	t "chart: $ty svg is valid, $w x $h pt" 0 - - \
	    svg_size "$CT/$ty.svg" $w $h
done

# Labels in the SVG text layer, English and Spanish.
t "chart: gaps svg labels" 0 - - svg_has "$CT/gaps.svg" \
    "SERVQUAL gaps by dimension" "Tangibles" "Reliability" \
    "Responsiveness" "Assurance" "Empathy" "Expectation (E)" \
    "Perception (P)" "Gap (P − E) with 95% CI" "n = 200 respondents"
t "chart: items svg has every wording, wrapped not cut" 0 - - \
    svg_has "$CT/items.svg" \
    "13. Employees are never too busy to respond to requests" \
    "6. Shows sincere interest in solving customers' problems" \
    "4. Visually appealing materials (pamphlets, statements)" \
    "Gap (P − E)"
t "chart: radar svg labels" 0 - - svg_has "$CT/radar.svg" \
    "Expectations and perceptions by dimension" "Responsiveness"
t "chart: ipa svg states the crosshair rule" 0 - - svg_has "$CT/ipa.svg" \
    "Crosshairs at the means over the dimensions" "Concentrate here" \
    "Keep up the good work" "Low priority" "Possible overkill" \
    "Stated importance (mean of the 100-point weights, %)"
t "chart: groups svg names the segments" 0 - - svg_has "$CT/groups.svg" \
    "Dimension gaps by sucursal" "Centro" "Norte" "Sur"
t "chart: likert svg legend" 0 - - svg_has "$CT/likert.svg" \
    "1 (lowest)" "7 (highest)" "Share of answers (%)" \
    "22. Employees understand customers' specific needs"
t "chart: scree svg legend" 0 - - svg_has "$CT/scree.svg" \
    "Parallel analysis: 95th percentile of 1000 null correlation matrices" \
    "Observed" "Eigenvalue" "Component"
t "chart: heatmap svg labels" 0 - - svg_has "$CT/heatmap.svg" \
    "Correlations between items" "P1" "P22" "Correlation"
t "chart: pdf carries its title" 0 - - grep -aq "/Title (Dimension gaps by sucursal)" "$CT/groups.pdf"

for ty in gaps items ipa likert; do
	t "chart: $ty in Spanish" 0 - - sq-chart $ty --lang es \
	    -o "$CT/$ty.es.svg" $CD/survey.csv
done
t "chart: Spanish labels with accents" 0 - - svg_has "$CT/gaps.es.svg" \
    "Brechas SERVQUAL por dimensión" "Elementos tangibles" \
    "Capacidad de respuesta" "Empatía" "Expectativa (E)" \
    "Escala 1–7." "n = 200 encuestados"
t "chart: Spanish wordings" 0 - - svg_has "$CT/items.es.svg" \
    "Brecha por ítem (P − E)" "1. Equipos de apariencia moderna" \
    "intervalos de confianza al 95"
t "chart: Spanish quadrants" 0 - - svg_has "$CT/ipa.es.svg" \
    "Concentrarse aquí" "Las líneas cruzadas están en las medias"
t "chart: Spanish Likert" 0 - - svg_has "$CT/likert.es.svg" \
    "1 (mínimo)" "Porcentaje de respuestas (%)"

# Size options: points, and pixels at --dpi.
t "chart: --width --height --dpi 72" 0 - - sq-chart gaps --width 500 \
    --height 300 --dpi 72 -o "$CT/small.png" $CD/survey.csv
t "chart: 500 x 300 pt at 72 dpi is 500 x 300 px" 0 - - \
    png_size "$CT/small.png" 500 300
t "chart: --dpi 300 doubles the pixels" 0 - - sq-chart radar --dpi 300 \
    -o "$CT/r300.png" $CD/survey.csv
t "chart: 520 x 460 pt at 300 dpi" 0 - - png_size "$CT/r300.png" 2167 1917
t "chart: sized pdf" 0 - - sq-chart items --width 700 --height 900 \
    -o "$CT/items7.pdf" $CD/survey.csv
t "chart: 700 x 900 pt page" 0 - - pdf_size "$CT/items7.pdf" 700 900
t "chart: --title" 0 - - sq-chart radar --title "Banco Andino, 2026" \
    -o "$CT/titled.svg" $CD/survey.csv
t "chart: the title is drawn" 0 - - svg_has "$CT/titled.svg" \
    "Banco Andino, 2026"
t "chart: upper-case extension" 0 - - sq-chart gaps -o "$CT/UP.PNG" \
    $CD/survey.csv
t "chart: .PNG is a PNG" 0 - - png_size "$CT/UP.PNG" 1334 834

# The same charts from the tables other tools print, on stdin.
for ty in gaps items radar groups; do
	t "chart: $ty from sq-gap's table" 0 - - sh -c \
	    "sq-gap -b sucursal $CD/survey.csv | sq-chart $ty -o $CT/t-$ty.svg"
done
t "chart: table gaps labels" 0 - - svg_has "$CT/t-gaps.svg" \
    "Responsiveness" "Source: standard input"
t "chart: segments from the table" 0 - - svg_has "$CT/t-groups.svg" \
    "Centro" "Norte" "Sur" "Dimension gaps by segment"
t "chart: scree from sq-factor" 0 - - sh -c \
    "sq-factor $CD/survey.csv | sq-chart scree -o $CT/t-scree.png"
t "chart: scree from sq-factor is a PNG" 0 - - \
    png_size "$CT/t-scree.png" 1167 834
t "chart: loadings from sq-factor" 0 - - sh -c \
    "sq-factor $CD/survey.csv | sq-chart heatmap -o $CT/t-load.svg"
t "chart: loadings labelled with wordings" 0 - - svg_has "$CT/t-load.svg" \
    "Factor loadings" "F1" "P1 Modern-looking equipment"
t "chart: scree from a three-column table" 0 - - sh -c \
    "sq-chart scree -o $CT/t-scree2.pdf < $CD/scree.tsv"
t "chart: scree table pdf" 0 - - pdf_size "$CT/t-scree2.pdf" 560 400
t "chart: heatmap from a matrix" 0 - - \
    sq-chart heatmap -o "$CT/t-mat.svg" $CD/matrix.tsv
t "chart: matrix labels" 0 - - svg_has "$CT/t-mat.svg" "TAN" "EMP" "0.55"
t "chart: ipa from a table" 0 - - sh -c \
    "sq-chart ipa -o $CT/t-ipa.png < $CD/ipa.tsv"
t "chart: likert counts without a scale are refused" 1 - \
    "sq-chart: -:1: the table does not say the answer scale (columns scale_min, scale_max); add them or give the codebook with -c" \
    sh -c "sq-chart likert -o $CT/t-likert.svg < $CD/likert.tsv"
awk -F'\t' 'BEGIN { OFS = "\t" } NR == 1 { print $0, "scale_min", "scale_max"; next }
    { print $0, 1, 7 }' $CD/likert.tsv > "$CT/likert-scale.tsv"
t "chart: likert from counts with their scale" 0 - - sh -c \
    "sq-chart likert -o $CT/t-likert.svg < $CT/likert-scale.tsv"
t "chart: likert counts labels (no wording assumed)" 0 - - \
    svg_has "$CT/t-likert.svg" "7 (highest)" "1 (lowest)"
t "chart: likert counts do not borrow the built-in wording" 0 - - \
    sh -c "! grep -qF 'Modern-looking equipment' $CT/t-likert.svg"
t "chart: an export on stdin" 0 - - sh -c \
    "sq-chart gaps -o $CT/stdin.png < $CD/survey.csv"
t "chart: sq-gap -f csv is read too" 0 - - sh -c \
    "sq-gap -f csv -b sucursal $CD/survey.csv | sq-chart groups -o $CT/csv.svg"
t "chart: csv table labels" 0 - - svg_has "$CT/csv.svg" "Centro" "Empathy"
# A tab-separated export whose first column is "item" is still an export.
sed 's/^id,/item,/' $CD/survey.csv | tr , '\t' > "$CT/item_first.tsv"
t "chart: an export is not taken for a matrix" 0 - - \
    sq-chart gaps -o "$CT/item_first.svg" "$CT/item_first.tsv"
t "chart: ... and read as one" 0 - - svg_has "$CT/item_first.svg" \
    "n = 200 respondents"

# The same chart from the export and from sq-gap's table: the same labels
# and figures, all but the subtitle (respondents, source).
svg_lines() {
	sed -n 's/.*<text[^>]*>\(.*\)<\/text>.*/\1/p' "$1" | grep -v 'Source: '
}
for ty in gaps items radar groups; do
	sq-chart $ty -b sucursal -o "$CT/e-$ty.svg" $CD/survey.csv
	svg_lines "$CT/e-$ty.svg" > "$CT/e-$ty.txt"
	svg_lines "$CT/t-$ty.svg" > "$CT/t-$ty.txt"
done
for ty in gaps items radar; do
	t "chart: $ty from the table reads as from the export" 0 \
	    "$CT/e-$ty.txt" - cat "$CT/t-$ty.txt"
done
# groups: the table does not know the column's name.
sed 's/Dimension gaps by segment/Dimension gaps by sucursal/; s/^segment$/sucursal/' \
    "$CT/t-groups.txt" > "$CT/t-groups2.txt"
t "chart: groups from the table reads as from the export" 0 \
    "$CT/e-groups.txt" - cat "$CT/t-groups2.txt"
# The scree chart counts the factors as sq-factor does.
n=$(sq-factor --block P $CD/survey.csv | awk -F'\t' '$1 == "parallel" && $2 == "factors" { print $6 }')
t "chart: scree agrees with sq-factor's parallel analysis ($n)" 0 - - \
    svg_has "$CT/scree.svg" "Components above the parallel-analysis line: $n."

# Usage errors: exit 2.
t "chart: no arguments" 2 - "~$U" sq-chart
t "chart: unknown type" 2 - "~sq-chart: unknown chart type \"pie\"" \
    sq-chart pie -o "$CT/x.png" $CD/survey.csv
t "chart: no -o" 2 - "~$U" sq-chart gaps $CD/survey.csv
t "chart: unknown extension" 2 - \
    "~sq-chart: $CT/x.gif: name the output .png, .pdf or .svg" \
    sq-chart gaps -o "$CT/x.gif" $CD/survey.csv
t "chart: bad --dpi" 2 - "~sq-chart: --dpi: \"0\": expected a number from 36 to 1200" \
    sq-chart gaps --dpi 0 -o "$CT/x.png" $CD/survey.csv
t "chart: bad --lang" 2 - "~$U" sq-chart gaps --lang fr -o "$CT/x.png" \
    $CD/survey.csv
t "chart: bad --block" 2 - "~$U" sq-chart likert --block X \
    -o "$CT/x.png" $CD/survey.csv
t "chart: version" 0 '*' - sq-chart --version

# Data errors: exit 1, a message naming the place, no file.
t "chart: missing input" 1 - \
    "sq-chart: $CD/nope.csv: No such file or directory" \
    sq-chart gaps -o "$CT/x.png" $CD/nope.csv
t "chart: groups needs segments" 1 - \
    "sq-chart: $CD/survey.csv: no segments for a groups chart; give --by COLUMN with an export, or an sq-gap table made with --by" \
    sq-chart groups -o "$CT/x.png" $CD/survey.csv
cut -d, -f1-46 $CD/survey.csv > "$CT/noweights.csv"
t "chart: ipa needs weights or the overall rating" 1 - \
    "sq-chart: $CT/noweights.csv: an ipa chart needs the importance weight columns W_TAN..W_EMP (stated importance) or the overall rating (derived importance)" \
    sq-chart ipa -o "$CT/x.png" "$CT/noweights.csv"
printf 'dimension\timportance\tperformance\nXYZ\t20\t5\n' > "$CT/bad.tsv"
t "chart: unknown dimension in a table" 1 - \
    "sq-chart: $CT/bad.tsv:2: column dimension (#1): \"XYZ\" is no dimension of the instrument" \
    sq-chart ipa -c tests/data/gap/codebook.csv -o "$CT/x.png" "$CT/bad.tsv"
printf 'item\tvalue\tn\tscale_min\tscale_max\nP1\t3\tmany\t1\t7\n' > "$CT/bad2.tsv"
t "chart: not a number in a table" 1 - \
    "sq-chart: $CT/bad2.tsv:2: column n (#3): \"many\" is not a number" \
    sq-chart likert -o "$CT/x.png" "$CT/bad2.tsv"
t "chart: a table without what the type needs" 1 - \
    "sq-chart: -: no answer counts for a likert chart; give a survey export or a table \"item value n\"" \
    sh -c "sq-gap $CD/survey.csv | sq-chart likert -o $CT/x.png"
t "chart: too small to draw" 1 - \
    "sq-chart: $CD/survey.csv: the gaps chart does not fit in 100 x 100 pt; make it larger with --width and --height" \
    sq-chart gaps --width 100 --height 100 -o "$CT/x.png" $CD/survey.csv
t "chart: no directory" 1 - \
    "~sq-chart: $CT/no/such/dir/x.png: cannot create: No such file or directory" \
    sq-chart gaps -o "$CT/no/such/dir/x.png" $CD/survey.csv
t "chart: failed runs left no file" 0 - - test ! -e "$CT/x.png"

# Without DejaVu Sans the chart is still drawn, with a warning.
mkdir -p "$CT/fonts"
cp /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf "$CT/fonts/"
printf '%s\n' '<?xml version="1.0"?>' \
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">' \
    "<fontconfig><dir>$CT/fonts</dir><cachedir>$CT/fccache</cachedir></fontconfig>" \
    > "$CT/fonts.conf"
t "chart: a missing font is named" 0 - \
    "sq-chart: warning: the font DejaVu Sans is not installed (Debian: fonts-dejavu-core); text falls back to \"DejaVu Serif\"" \
    env FONTCONFIG_FILE="$CT/fonts.conf" sq-chart gaps -o "$CT/serif.png" \
    $CD/survey.csv

# A failure never touches an existing chart nor leaves a temporary file.
printf 'old chart\n' > "$CT/keep.png"
t "chart: failing over an existing chart" 1 - '*' \
    sq-chart groups -o "$CT/keep.png" $CD/survey.csv
t "chart: the existing chart is intact" 0 - - grep -qx 'old chart' \
    "$CT/keep.png"
t "chart: no temporary files left" 0 - - \
    sh -c "! ls -A $CT | grep -q '\.tmp\$'"
