# sq-chart cfa: the path diagram from sq-cfa's table and from an export
# (built-in and codebook instruments), its labels in the SVG text layer,
# and the tables it refuses.
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
_cc=$TMP/chart_cfa
_cx=tests/oracle/cfa
mkdir -p "$_cc"

# _cc_text SVG TEXT...: every TEXT among the SVG's text elements.
_cc_text() {
	_cc_f=$1
	shift
	sed -n 's/.*<text[^>]*>\(.*\)<\/text>.*/\1/p' "$_cc_f" | tr '\n' ' ' \
	    >"$_cc/text"
	for _cc_s in "$@"; do
		grep -qF -- "$_cc_s" "$_cc/text" ||
		    { echo "$_cc_f: no \"$_cc_s\""; return 1; }
	done
}

sq-cfa -f tsv $_cx/merged.csv >"$_cc/merged.tsv" 2>/dev/null
t "chart cfa: from sq-cfa's table on stdin" 0 - - sh -c "sq-chart cfa \
    -o $_cc/t.svg < $_cc/merged.tsv"
t "chart cfa: table svg has factors, items, loadings, the merged r" 0 - - \
    _cc_text "$_cc/t.svg" TAN REL RES ASS EMP P1 P13 P22 \
    "$(awk -F'\t' '$1 == "loading" && $2 == "std" && $4 == 7 { printf "%.2f", $6 }' "$_cc/merged.tsv")" \
    "$(awk -F'\t' '$1 == "correlation" && $2 == "std" && $3 == "REL" && $5 == "RES" { printf "%.2f", $6 }' "$_cc/merged.tsv")" \
    "CFI 1.000"
# _cc_same A B: the same texts, but for the subtitle (the source's name)
_cc_same() {
	sed -n 's/.*<text[^>]*>\(.*\)<\/text>.*/\1/p' "$1" | sed 2d >"$_cc/a"
	sed -n 's/.*<text[^>]*>\(.*\)<\/text>.*/\1/p' "$2" | sed 2d >"$_cc/b"
	[ -s "$_cc/a" ] && cmp -s "$_cc/a" "$_cc/b" ||
	    { diff "$_cc/a" "$_cc/b" | head -n 5; return 1; }
}
t "chart cfa: from the export" 0 - - sq-chart cfa -o $_cc/e.svg \
    $_cx/merged.csv
t "chart cfa: the export's chart reads as the table's" 0 - - \
    _cc_same "$_cc/e.svg" "$_cc/t.svg"
t "chart cfa: png and pdf" 0 - - sh -c "sq-chart cfa -o $_cc/t.png \
    < $_cc/merged.tsv && sq-chart cfa -o $_cc/t.pdf < $_cc/merged.tsv &&
    [ -s $_cc/t.png ] && [ -s $_cc/t.pdf ]"
t "chart cfa: --lang es" 0 - - sh -c "sq-chart cfa --lang es \
    -o $_cc/es.svg < $_cc/merged.tsv && grep -q 'confirmatorio' $_cc/es.svg"
t "chart cfa: a codebook instrument from its table" 0 - \
    "sq-cfa: $_cx/five.csv: warning: columns that look like items but the instrument has no such item: E14, E15, E16, E17, E18, E19, E20, E21, E22, P14, P15, P16, P17, P18, P19, P20, P21, P22 (describe them in a codebook, or rename them)" sh -c "sq-cfa \
    -f tsv -c tests/data/cfa/three.cb.csv $_cx/five.csv | sq-chart cfa \
    -o $_cc/three.svg && sed -n 's/.*<text[^>]*>\(.*\)<\/text>.*/\1/p' \
    $_cc/three.svg | grep -qx 'Z' && ! grep -q '>TAN<' $_cc/three.svg"
t "chart cfa: a codebook instrument from the export" 0 - \
    "~warning: columns that look like items but the instrument has no such item: E14," sh -c "sq-chart \
    cfa -c tests/data/cfa/three.cb.csv -o $_cc/three2.svg $_cx/five.csv"
t "chart cfa: a table without loadings" 1 - \
    '~the table has no standardized loadings' sh -c "grep -v '^loading\|^correlation' \
    $_cc/merged.tsv | sq-chart cfa -o $_cc/x.svg"
t "chart cfa: items of a factor apart" 1 - '~the items of TAN are not together' \
    sh -c "awk -F'\t' -v OFS='\t' '\$1 == \"loading\" && \$4 == 6 { \$3 = \"TAN\" } { print }' \
    $_cc/merged.tsv | sq-chart cfa -o $_cc/x.svg"
t "chart cfa: a one-item dimension from an export" 1 - '~has 1 item' \
    sq-chart cfa -c tests/data/cfa/one_item.cb.csv -o $_cc/x.svg $_cx/five.csv
t "chart cfa: no half-written chart" 0 - - sh -c "[ ! -e $_cc/x.svg ]"
t "chart cfa: another tool's table for a cfa chart" 1 - '~no model for a cfa chart' \
    sh -c "sq-gap -f tsv $_cx/five.csv | sq-chart cfa -o $_cc/x.svg"
