# sq-report: usage, bad input, the PDF (pages, metadata, outline,
# determinism) and its figures against sq-gap's (text from pdftotext).
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
S=samples/banco_demo.csv
U='usage: sq-report'

t "report: unknown option" 2 - "~$U" sq-report -x $S
t "report: no output" 2 - "~give -o FILE.pdf, --summary or both" sq-report $S
t "report: bad paper" 2 - "~--paper: \"a5\"" sq-report --paper a5 -o "$TMP/r.pdf" $S
t "report: bad date" 2 - "~--date" sq-report --date 2026-13-01 -o "$TMP/r.pdf" $S
t "report: two files" 2 - "~$U" sq-report -o "$TMP/r.pdf" $S $S
t "report: version" 0 '*' - sq-report --version
t "report: help" 0 "*" - sq-report -h
t "report: missing file" 1 - "sq-report: tests/data/gap/nope.csv: No such file or directory" sq-report -o "$TMP/r.pdf" tests/data/gap/nope.csv
t "report: bad value" 1 - "~is outside the scale 1..7" sq-report -o "$TMP/bad.pdf" tests/data/gap/off.csv
t "report: a failed run leaves no file" 0 - - test ! -e "$TMP/bad.pdf"
t "report: unknown segment column" 1 - "~segment column \"region\" not found" sq-report -b region -o "$TMP/bad.pdf" $S

if command -v pdftotext >/dev/null 2>&1; then
	t "report: English A4" 0 - - sq-report -b sucursal --title "Banco Demo" --date 2026-11-30 -o "$TMP/en.pdf" $S
	pdfinfo "$TMP/en.pdf" > "$TMP/info"
	t "report: A4 pages" 0 - - grep -q "^Page size: *595.276 x 841.89 pts (A4)" "$TMP/info"
	t "report: several pages" 0 - - test "$(awk '/^Pages:/ { print $2 }' "$TMP/info")" -ge 8
	t "report: title metadata" 0 - - grep -q "^Title: *Banco Demo" "$TMP/info"
	t "report: creation date is the data's" 0 - - grep -q "^CreationDate: .*2026" "$TMP/info"
	t "report: outline" 0 - - grep -aq "/Outlines" "$TMP/en.pdf"
	sq-report -b sucursal --title "Banco Demo" --date 2026-11-30 -o "$TMP/en2.pdf" $S
	t "report: deterministic" 0 - - cmp -s "$TMP/en.pdf" "$TMP/en2.pdf"
	t "report: letter" 0 - - sh -c "sq-report --paper letter -o '$TMP/l.pdf' $S && pdfinfo '$TMP/l.pdf' | grep -q 'pts (letter)'"

	# Every row of sq-gap's table for people is in the report, figure
	# for figure (the report prints true minus signs).
	for l in en es; do
		sq-report --lang $l -b sucursal --date 2026-11-30 -o "$TMP/$l.pdf" $S
		pdftotext -layout "$TMP/$l.pdf" - | sed 's/\xe2\x88\x92/-/g; s/\xc2\xa0/ /g; s/^ *//; s/  */ /g' > "$TMP/$l.txt"
		sq-gap -f pretty --lang $l $S | grep '^  ' | sed 's/^ *//; s/  */ /g' > "$TMP/$l.gap"
		n=0
		while IFS= read -r line; do
			grep -qxF -- "$line" "$TMP/$l.txt" || { n=$((n + 1)); echo "  not in the $l report: $line"; }
		done < "$TMP/$l.gap"
		t "report: $l gap table rows equal sq-gap's ($(wc -l < "$TMP/$l.gap") rows)" 0 - - test "$n" -eq 0 -a -s "$TMP/$l.gap"
		# the same for sq-alpha's scales and sq-factor's loadings
		{ sq-alpha -f pretty --lang $l $S; sq-factor --block P -f pretty --lang $l $S 2>/dev/null | sed -n '/^  [^ ]*tem  /,/^(/p'; } |
		    grep -E '^  .*[0-9]' | sed 's/^ *//; s/  */ /g' > "$TMP/$l.rel"
		n=0
		while IFS= read -r line; do
			grep -qxF -- "$line" "$TMP/$l.txt" || { n=$((n + 1)); echo "  not in the $l report: $line"; }
		done < "$TMP/$l.rel"
		t "report: $l reliability and loadings rows equal the tools' ($(wc -l < "$TMP/$l.rel") rows)" 0 - - test "$n" -eq 0 -a "$(wc -l < "$TMP/$l.rel")" -ge 40
	done
	# The key drivers are sq-drivers' (SERVPERF b, p, beta, LMG %, stated %, ranks).
	sq-drivers -f pretty $S | awk 'NF == 11 && $10 == "/" { gsub(/[()]/, "", $5); print $1, $4, $5, $6, $7, $8, $9, $11 }' > "$TMP/drv"
	n=0
	while IFS= read -r line; do
		grep -qxF -- "$line" "$TMP/en.txt" || { n=$((n + 1)); echo "  not in the report: $line"; }
	done < "$TMP/drv"
	t "report: drivers rows equal sq-drivers' ($(wc -l < "$TMP/drv") rows)" 0 - - test "$n" -eq 0 -a "$(wc -l < "$TMP/drv")" -eq 5
	# The confirmatory fit is sq-cfa's.
	sq-cfa -f tsv $S | awk -F'\t' '$1 == "fit" { v[$2] = $6 } END {
	    printf "chi-square = %.3f (df %d), p = %.3f; CFI = %.3f, TLI = %.3f, RMSEA = %.3f\n", v["chisq"], v["df"], v["p"], v["cfi"], v["tli"], v["rmsea"] }' > "$TMP/cfa"
	t "report: CFA fit equals sq-cfa's" 0 - - grep -qF "$(cat "$TMP/cfa")" "$(tr '\n' ' ' < "$TMP/en.txt" | sed 's/  */ /g' > "$TMP/en1.txt"; echo "$TMP/en1.txt")"
	# The executive summary's SERVQUAL score and interval are sq-gap's.
	sq-gap $S | awk -F'\t' '$1 == "servqual" && $2 == "all" { printf "is %.2f, with a 95%% confidence interval from %.2f to %.2f, over %d\n", $8, $11, $12, $5 }' > "$TMP/want"
	t "report: summary figures" 0 - - grep -qF "$(cat "$TMP/want")" "$(sq-report --summary -f tsv $S > "$TMP/sum"; echo "$TMP/sum")"
	t "report: Spanish summary" 0 - - sh -c "sq-report --lang es --summary -f pretty $S | grep -q '^Resumen ejecutivo'"
	t "report: summary json" 0 - - sh -c "sq-report --summary -f json $S | grep -q '\"summary\": \"The SERVQUAL score'"
	t "report: absent sections say why" 0 - - grep -q "no segment column was given" "$(pdftotext "$TMP/l.pdf" "$TMP/l.txt"; echo "$TMP/l.txt")"
fi
t "report: full disk" 1 - "sq-report: /dev/full: write error: No space left on device" sq-report -o /dev/full $S
t "report: summary to a full disk" 1 - "sq-report: standard output: write error" sh -c "sq-report --summary $S > /dev/full"
t "report: empty export" 1 - "sq-report: tests/data/gap/empty.csv: empty file: no header row" sq-report -o "$TMP/e.pdf" tests/data/gap/empty.csv
t "report: codebook export" 0 '*' - sq-report -c tests/data/gap/codebook.csv -b Sucursal --summary tests/data/gap/coded.csv

# Other forms: three-column (the zone of tolerance is sq-zone's) and SERVPERF.
_zc="-c tests/oracle/zone/zone_codebook.csv"
sq-zone $_zc tests/oracle/zone/zone.csv | awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i }
    $1 == "overall" { printf "Zone of tolerance: %.1f%% of the respondents perceive the service below the adequate level, %.1f%% within the zone and %.1f%% above the desired level (MSA %.2f, MSS %.2f).\n",
    100 * $h["below"], 100 * $h["within"], 100 * $h["above"], $h["msa"], $h["mss"] }' > "$TMP/zone"
t "report: zone figures equal sq-zone's" 0 "$TMP/zone" - sh -c "sq-report $_zc --summary -f tsv tests/oracle/zone/zone.csv | grep '^Zone of tolerance'"
t "report: zone section" 0 - - sh -c "sq-report $_zc -o '$TMP/z.pdf' tests/oracle/zone/zone.csv && pdftotext '$TMP/z.pdf' - | grep -q 'Zone of tolerance$'"
t "report: SERVPERF export" 0 - - sh -c "sq-report --summary -f tsv tests/oracle/zone/servperf.csv | grep -q 'perceptions only (SERVPERF)'"
