# sq-chart refuses tables holding impossible figures or the same key twice
# (a chart never contradicts or silently misreads its table): exit 1 and a
# message naming the file, line and column.
_sd=tests/oracle/drivers/main.tsv
_sz=tests/oracle/zone
_ss=$TMP/chartsanity
mkdir -p "$_ss"
sq-cfa -f tsv tests/oracle/cfa/merged.csv >"$_ss/cfa.tsv" 2>/dev/null
sq-zone -c $_sz/zone_codebook.csv $_sz/zone.csv >"$_ss/zone.tsv"
sq-gap samples/banco_demo.csv >"$_ss/gap.tsv"

# sub FILE AWK-COND COL VALUE OUT: OUT is FILE with column COL set to VALUE
# on the rows where AWK-COND holds.
sub() {
	awk -F'\t' -v OFS='\t' "$2 { \$$3 = \"$4\" } 1" "$1" >"$5"
}

sub $_sd '$1=="model" && $3=="servperf" && $5=="r2"' 6 1e308 "$_ss/r2.tsv"
t "chart sanity: drivers, R² of 1e308" 1 - \
    "sq-chart: $_ss/r2.tsv:61: column value (#6): value is 1e+308, outside 0..1" \
    sq-chart drivers -o "$_ss/no.svg" "$_ss/r2.tsv"
t "chart sanity: ipa, R² of 1e308" 1 - "~r2.tsv:61: column value (#6)" \
    sq-chart ipa -o "$_ss/no.svg" "$_ss/r2.tsv"
sub $_sd '$1=="importance" && $4=="REL" && $5=="derived"' 6 1e308 "$_ss/share.tsv"
t "chart sanity: drivers, a derived share of 1e308" 1 - \
    "sq-chart: $_ss/share.tsv:118: column value (#6): value is 1e+308, outside -1e-06..100" \
    sq-chart drivers -o "$_ss/no.svg" "$_ss/share.tsv"
sub $_sd '$1=="importance" && $4=="REL" && $5=="stated"' 6 -3 "$_ss/neg.tsv"
t "chart sanity: ipa, negative stated importance" 1 - "~neg.tsv:" \
    sq-chart ipa -o "$_ss/no.svg" "$_ss/neg.tsv"
sub $_sd '$1=="ipa" && $4=="REL" && $5=="performance"' 6 1e308 "$_ss/perf.tsv"
t "chart sanity: ipa, performance off the scale" 1 - "~outside 1..7" \
    sq-chart ipa -o "$_ss/no.svg" "$_ss/perf.tsv"
t "chart sanity: nothing left behind" 0 - - sh -c "! ls $_ss/no.svg* 2>/dev/null"
t "chart sanity: the untouched drivers table draws" 0 - - \
    sq-chart drivers -o "$_ss/ok.svg" $_sd

sub "$_ss/cfa.tsv" '$1=="loading" && $2=="std" && $3=="TAN" && $4=="2"' 6 1e308 "$_ss/l.tsv"
t "chart sanity: cfa, a standardized loading of 1e308" 1 - \
    "~l.tsv:43: column value (#6): loading std is 1e308, which no fitted model gives" \
    sq-chart cfa -o "$_ss/no.svg" "$_ss/l.tsv"
sub "$_ss/cfa.tsv" '$1=="loading" && $2=="std"' 6 NaN "$_ss/nan.tsv"
t "chart sanity: cfa, every loading NaN" 1 - "~every standardized loading is NaN" \
    sq-chart cfa -o "$_ss/no.svg" "$_ss/nan.tsv"
sub "$_ss/cfa.tsv" '$1=="loading" && $2=="std" && $3=="TAN" && $4=="2"' 6 1.04 "$_ss/hw.tsv"
t "chart sanity: cfa, a Heywood loading of 1.04 still draws" 0 - - \
    sq-chart cfa -o "$_ss/hw.svg" "$_ss/hw.tsv"
sub "$_ss/cfa.tsv" '$1=="fit" && $2=="p"' 6 2 "$_ss/p.tsv"
t "chart sanity: cfa, a p-value of 2" 1 - "~fit p is 2" \
    sq-chart cfa -o "$_ss/no.svg" "$_ss/p.tsv"

# the same key twice
awk -F'\t' 'NR == 1 || $1 != "dimension" || $2 != "all" { print } $1 == "dimension" && $2 == "all" && ($3 == "LP" || $3 == "AS") { print; print }' \
    "$_ss/zone.tsv" >"$_ss/zdup.tsv"
t "chart sanity: zone-radar, a dimension twice" 1 - \
    "~zdup.tsv:" sq-chart zone-radar -o "$_ss/no.svg" "$_ss/zdup.tsv"
t "chart sanity: zone-radar, the message names the dimension" 1 - \
    "~column dimension (#3): a second row for dimension" \
    sq-chart zone-radar -o "$_ss/no.svg" "$_ss/zdup.tsv"
awk 'NR == 3 { print } { print }' "$_ss/gap.tsv" >"$_ss/gdup.tsv"
t "chart sanity: gap table, the same item twice" 1 - \
    "sq-chart: $_ss/gdup.tsv:4: column item (#4): a second row for item \"2\" (the same key as an earlier row)" \
    sq-chart items -o "$_ss/no.svg" "$_ss/gdup.tsv"
t "chart sanity: gap table on standard input" 1 - \
    "sq-chart: -:4: column item (#4): a second row for item \"2\" (the same key as an earlier row)" \
    sh -c "sq-chart items -o $_ss/no.svg < $_ss/gdup.tsv"
awk 'NR == 61 { print } { print }' $_sd >"$_ss/ddup.tsv"
t "chart sanity: drivers table, a figure twice" 1 - \
    "~ddup.tsv:62: column key (#5): a second row for key \"r2\"" \
    sq-chart drivers -o "$_ss/no.svg" "$_ss/ddup.tsv"
printf 'dimension\timportance\tperformance\nTAN\t20\t5\nREL\t30\t4\nTAN\t20\t6\n' >"$_ss/idup.tsv"
t "chart sanity: ipa table, a dimension twice" 1 - \
    "sq-chart: $_ss/idup.tsv:4: column dimension (#1): a second row for dimension \"TAN\" (the same key as an earlier row)" \
    sq-chart ipa -o "$_ss/no.svg" "$_ss/idup.tsv"
t "chart sanity: nothing left behind at the end" 0 - - sh -c "! ls $_ss/no.svg* 2>/dev/null"
