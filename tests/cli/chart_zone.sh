# sq-chart on the other forms: the zone and zone-radar charts of a
# three-column export and of sq-zone's table (no instrument needed), and
# the charts of an export with P alone (SERVPERF).
Z=tests/oracle/zone
CZ=$TMP/chartzone
mkdir -p "$CZ"
_zc="-c $Z/zone_codebook.csv"

# ztext FILE: the lines of an SVG's text layer.
ztext() {
	sed -n 's/.*<text[^>]*>\(.*\)<\/text>.*/\1/p' "$1"
}

# zsame A B: two SVGs hold the same text, but for the source line.
zsame() {
	ztext "$1" | grep -v Source >"$CZ/a.txt"
	ztext "$2" | grep -v Source >"$CZ/b.txt"
	cmp -s "$CZ/a.txt" "$CZ/b.txt"
}

# zsvg FILE TEXT...: the SVG ends well and its text layer holds each TEXT.
zsvg() {
	f=$1
	shift
	[ "$(tail -n 1 "$f")" = "</svg>" ] || { echo "$f: not ended"; return 1; }
	ztext "$f" | tr '\n' ' ' >"$CZ/text"
	for s in "$@"; do
		grep -qF -- "$s" "$CZ/text" || { echo "$f: no \"$s\""; return 1; }
	done
}

t "chart zone: from the export" 0 - - sq-chart zone $_zc -o "$CZ/z.svg" $Z/zone.csv
t "chart zone: labels, P values, dimensions" 0 - - zsvg "$CZ/z.svg" "Zone of tolerance" "1. Statement 1" "Affect of service" "Overall" "5.75" "5.78" "scale 1–9"
sq-zone $_zc $Z/zone.csv >"$CZ/zone.tsv"
t "chart zone: from sq-zone's table, without the codebook" 0 - - sh -c "sq-chart zone -o $CZ/zt.svg < $CZ/zone.tsv"
t "chart zone: the table draws what the export draws" 0 - - zsame "$CZ/z.svg" "$CZ/zt.svg"
t "chart zone: csv table" 0 - - sh -c "sq-zone -f csv $_zc $Z/zone.csv | sq-chart zone -o $CZ/zc.png"
t "chart zone-radar: png" 0 - - sq-chart zone-radar $_zc -o "$CZ/r.png" $Z/zone.csv
t "chart zone-radar: pdf from the table" 0 - - sh -c "sq-chart zone-radar -o $CZ/r.pdf < $CZ/zone.tsv && head -c 5 $CZ/r.pdf | grep -q '%PDF-'"
t "chart zone-radar: values by dimension" 0 - - sh -c "sq-chart zone-radar $_zc -o $CZ/r.svg $Z/zone.csv && grep -q 'A 4' $CZ/r.svg"
t "chart zone: Spanish" 0 - - sh -c "sq-chart zone --lang es $_zc -o $CZ/es.svg $Z/zone.csv && grep -q 'Zona de tolerancia' $CZ/es.svg"
printf 'scale,1,9\n' >"$CZ/s9.cb"
sq-simulate -n 300 -s 3 --form zone --gap=-1.6,-2.2,-1.2,-0.6,-1.0 --width 1.2 2>/dev/null >"$CZ/sim.csv"
t "chart zone: below the zone in the warning colour" 0 - - sh -c "sq-chart zone -c $CZ/s9.cb -o $CZ/w.svg $CZ/sim.csv && grep -q 'Below the zone' $CZ/w.svg && grep -qi 'rgb(83.[0-9]*%, *36.[0-9]*%, *0%)\|#d55e00\|rgb(83' $CZ/w.svg"
t "chart zone: a SERVQUAL export" 1 - "sq-chart: samples/banco_demo.csv:2: a zone chart needs a three-column export (A, D and P columns) or an sq-zone table; this export is SERVQUAL (expectations and perceptions)" sq-chart zone -o "$CZ/no.png" samples/banco_demo.csv
t "chart zone: nothing left behind" 0 - - sh -c "! ls $CZ/no.png* 2>/dev/null"
t "chart zone-radar: two dimensions" 1 - "~a zone-radar chart needs at least 3 dimensions" sh -c "awk -F'\t' '\$1 != \"dimension\" || \$3 != \"LP\"' $CZ/zone.tsv | sq-chart zone-radar -o $CZ/no.png"
t "chart zone: a table without the scale" 1 - "~the table has no column \"scale_min\"" sh -c "cut -f1-21,23- $CZ/zone.tsv | sq-chart zone -o $CZ/no.png"

# SERVPERF: P where there is no E.
t "chart servperf: gaps" 0 - - sq-chart gaps -o "$CZ/pg.svg" $Z/servperf.csv
t "chart servperf: gaps draws mean P" 0 - - zsvg "$CZ/pg.svg" 'Mean perception by dimension' 'Mean perception (P)' 'Reliability'
t "chart servperf: items" 0 - - sq-chart items -o "$CZ/pi.svg" $Z/servperf.csv
t "chart servperf: items draws mean P" 0 - - zsvg "$CZ/pi.svg" 'Mean perception per item' '22. Employees understand'
t "chart servperf: radar" 0 - - sq-chart radar -o "$CZ/pr.svg" $Z/servperf.csv
t "chart servperf: radar without E" 0 - - zsvg "$CZ/pr.svg" 'Perceptions by dimension' 'Perception (P)'
t "chart servperf: radar has no E" 1 - - grep -q 'Expectation' "$CZ/pr.svg"
t "chart servperf: from sq-gap's table" 0 - - sh -c "sq-gap $Z/servperf.csv | sq-chart gaps -o $CZ/pt.svg"
t "chart servperf: the table draws what the export draws" 0 - - zsame "$CZ/pg.svg" "$CZ/pt.svg"
for _ct in ipa likert scree heatmap; do
	t "chart servperf: $_ct" 0 - - sq-chart $_ct -o "$CZ/p_$_ct.png" $Z/servperf.csv
done
t "chart servperf: groups refuse" 1 - "~a groups chart draws gaps" sq-chart groups -b sucursal -o "$CZ/no.png" $Z/servperf.csv
t "chart servperf: --block E" 1 - "~--block E: the export has no E columns" sq-chart likert --block E -o "$CZ/no.png" $Z/servperf.csv
t "chart zone form: gaps draws P alone" 0 - - sq-chart gaps $_zc -o "$CZ/zg.svg" $Z/zone.csv
t "chart zone form: the P means of the export" 0 - - zsvg "$CZ/zg.svg" 'Mean perception by dimension' 'Affect of service' 'Mean perception (P)'
