# sq-chart drivers and the new ipa: from an export and from sq-drivers'
# table, the options, the labels that state the rules, the errors.
DC=$TMP/dchart
mkdir -p "$DC"
DM=tests/oracle/drivers/main.csv

for f in png pdf svg; do
	t "drivers chart: $f from an export" 0 - - \
	    sq-chart drivers -c tests/oracle/drivers/overall10.codebook.csv -o "$DC/drivers.$f" $DM
done
t "drivers chart: pdf is 640 x 400 pt" 0 - - pdf_size "$DC/drivers.pdf" 640 400
t "drivers chart: svg is 640 x 400 pt" 0 - - svg_size "$DC/drivers.svg" 640 400
t "drivers chart: legend and both R² in the note" 0 - - \
    svg_has "$DC/drivers.svg" \
    "What drives the overall rating: stated vs derived importance" \
    "Stated (mean of the 100-point weights)" \
    "Derived (share of the SERVPERF R², LMG)" \
    "SERVQUAL (gaps) 0.532, SERVPERF (perceptions) 0.678" \
    "Reliability" "39.8" "Importance (% of the total)"
sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv $DM > "$DC/drv.tsv"
sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f csv $DM > "$DC/drv.csv"
t "drivers chart: from sq-drivers' table on stdin" 0 - - sh -c \
    "sq-chart drivers -o $DC/t-drivers.svg < $DC/drv.tsv"
t "drivers chart: the table draws the same labels" 0 - - \
    svg_has "$DC/t-drivers.svg" "SERVPERF (perceptions) 0.678" "39.8"
t "drivers chart: from sq-drivers -f csv" 0 - - \
    sq-chart drivers -o "$DC/c-drivers.png" "$DC/drv.csv"
t "drivers chart: Spanish" 0 - - sq-chart drivers --lang es \
    -c tests/oracle/drivers/overall10.codebook.csv \
    -o "$DC/drivers.es.svg" $DM
t "drivers chart: Spanish labels" 0 - - svg_has "$DC/drivers.es.svg" \
    "Declarada (media de los pesos sobre 100)" "Fiabilidad"
t "drivers chart: needs the overall rating" 1 - \
    "sq-chart: tests/data/drivers/nooverall.csv: a drivers chart needs the overall rating column and enough respondents to fit the models" \
    sq-chart drivers -o "$DC/x.png" tests/data/drivers/nooverall.csv

# ipa: importance from 0, the rule stated, derived on request.
t "ipa chart: derived importance from an export" 0 - - \
    sq-chart ipa -c tests/oracle/drivers/overall10.codebook.csv --importance derived -o "$DC/ipa-d.svg" $DM
t "ipa chart: derived axis and whiskers stated" 0 - - svg_has "$DC/ipa-d.svg" \
    "Derived importance (share of the SERVPERF R², %)" \
    "Crosshairs at the means over the dimensions: importance 20.0" \
    "Whiskers: 95% confidence intervals of the mean perception."
t "ipa chart: importance axis starts at 0" 0 - - sh -c \
    "sed -n 's/.*<text[^>]*>\(.*\)<\/text>.*/\1/p' $DC/ipa-d.svg | grep -qx '0'"
t "ipa chart: from sq-drivers' table, its own rule" 0 - - sh -c \
    "sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv --crosshair median $DM | sq-chart ipa -c tests/oracle/drivers/overall10.codebook.csv -o $DC/ipa-t.svg"
t "ipa chart: the table's median rule is stated" 0 - - svg_has "$DC/ipa-t.svg" \
    "Crosshairs at the medians over the dimensions" \
    "Stated importance (mean of the 100-point weights, %)"
t "ipa chart: --importance derived over a stated table" 0 - - sh -c \
    "sq-chart ipa --importance derived -o $DC/ipa-td.svg < $DC/drv.tsv"
t "ipa chart: switched to derived" 0 - - svg_has "$DC/ipa-td.svg" \
    "Derived importance (share of the SERVPERF R², %)"
t "ipa chart: --crosshair scale" 0 - - \
    sq-chart ipa -c tests/oracle/drivers/overall10.codebook.csv --crosshair scale -o "$DC/ipa-s.svg" $DM
t "ipa chart: scale rule stated" 0 - - svg_has "$DC/ipa-s.svg" \
    "Crosshairs at equal importance (20.0) and the scale midpoint (4.00)."
t "ipa chart: no derived importance without the overall rating" 1 - \
    "sq-chart: tests/data/drivers/nooverall.csv: no derived importance for an ipa chart: it needs the overall rating column" \
    sq-chart ipa --importance derived -o "$DC/x.png" tests/data/drivers/nooverall.csv
t "ipa chart: no stated importance without weights" 1 - \
    "sq-chart: tests/oracle/drivers/noweights.csv: no stated importance for an ipa chart: the data have no usable weight columns W_TAN..W_EMP; try --importance derived" \
    sq-chart ipa -c tests/oracle/drivers/overall10.codebook.csv --importance stated -o "$DC/x.png" tests/oracle/drivers/noweights.csv
t "ipa chart: bad --importance" 2 - '*' sq-chart ipa -c tests/oracle/drivers/overall10.codebook.csv --importance both -o "$DC/x.png" $DM
t "ipa chart: bad --crosshair" 2 - '*' sq-chart ipa -c tests/oracle/drivers/overall10.codebook.csv --crosshair max -o "$DC/x.png" $DM
printf 'section\tsegment\tmodel\tterm\tkey\tvalue\nipa\tall\t\tXYZ\tperformance\t5\n' > "$DC/bad.tsv"
t "ipa chart: unknown dimension in sq-drivers' table" 1 - \
    "sq-chart: $DC/bad.tsv:2: column term (#4): \"XYZ\" is no dimension of the instrument" \
    sq-chart ipa -c tests/data/gap/codebook.csv -o "$DC/x.png" "$DC/bad.tsv"
