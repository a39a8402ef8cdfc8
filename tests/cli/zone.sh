# sq-zone and the three forms (SERVQUAL, SERVPERF, three-column): the R
# oracles of tests/oracle/zone (zone.R, servperf.R), codebook recodes,
# usage and bad input.
Z=tests/oracle/zone
DZ=tests/data/zone
_zc="-c $Z/zone_codebook.csv"
_zt="-t msa_p=1e-6 -t mss_p=1e-6"

# sq-zone against R: every column, whole sample and -b; the MIN/DES/PER
# names through codebook roles give the same table.
t "zone oracle" 0 - - sh -c "sq-zone $_zc $Z/zone.csv >$TMP/z.tsv && $TSVCMP $_zt $Z/zone.tsv $TMP/z.tsv"
t "zone oracle -b" 0 - - sh -c "sq-zone $_zc -b campus $Z/zone.csv >$TMP/z.tsv && $TSVCMP $_zt $Z/zone_by.tsv $TMP/z.tsv"
t "zone oracle, codebook roles" 0 - - sh -c "sq-zone -c $Z/zone_names_codebook.csv $Z/zone_names.csv >$TMP/z.tsv && $TSVCMP $_zt $Z/zone.tsv $TMP/z.tsv"
t "zone oracle, stdin" 0 - - sh -c "sq-zone $_zc < $Z/zone.csv >$TMP/z.tsv && $TSVCMP $_zt $Z/zone.tsv $TMP/z.tsv"
t "zone: comparer catches a changed share" 1 '*' - sh -c "awk -F'\t' -v OFS='\t' 'NR == 3 { \$18 = \$18 + 1e-6 } { print }' $Z/zone.tsv >$TMP/zm.tsv && $TSVCMP $_zt $Z/zone.tsv $TMP/zm.tsv"

# Formats and labels.
t "zone: json is valid" 0 '*' - sh -c "sq-zone -f json $_zc $Z/zone.csv | python3 -m json.tool >/dev/null"
t "zone: csv has 16 rows" 0 '*' - sh -c "sq-zone -f csv $_zc $Z/zone.csv | awk 'NR>1{n++} END{exit n!=16}'"
t "zone: md has a title" 0 '*' - sh -c "sq-zone -f md $_zc $Z/zone.csv | grep -q '^### Zone of tolerance: 240 respondents'"
t "zone: pretty in Spanish" 0 '*' - sh -c "sq-zone -f pretty --lang es $_zc $Z/zone.csv | grep -q '^global '"
t "zone: --lang changes labels, not column names" 0 '*' - sh -c "sq-zone --lang es $_zc $Z/zone.csv | head -1 | grep -q 'inverted	scale_min	scale_max	label\$'"
t "zone: -o writes the table" 0 - - sq-zone $_zc -o "$TMP/zo.tsv" $Z/zone.csv
t "zone: -o content equals stdout" 0 "$TMP/zo.tsv" - sq-zone $_zc $Z/zone.csv
t "zone: /dev/full" 1 - "sq-zone: standard output: write error: No space left on device" sh -c "sq-zone $_zc $Z/zone.csv > /dev/full"

# Usage and bad input.
t "zone: --help" 0 '*' - sq-zone --help
t "zone: -h on stdout" 0 '*' - sh -c "sq-zone -h | grep -q '^usage: sq-zone'"
t "zone: version" 0 '*' - sq-zone --version
t "zone: unknown option" 2 - '*' sq-zone -x
# two files are one survey: twice the 193 overall scores of one
t "zone: two files are one survey" 0 '*' - sh -c "sq-zone $_zc $Z/zone.csv $Z/zone.csv | awk -F'\t' '\$1 == \"overall\" && \$5 == 386 {ok=1} END{exit !ok}'"
t "zone: a SERVQUAL export" 1 - "sq-zone: samples/banco_demo.csv:1: sq-zone needs a three-column export (columns A1..Ak, D1..Dk and P1..Pk, or codebook roles A, D and P); this one is SERVQUAL (expectations and perceptions)" sq-zone samples/banco_demo.csv
t "zone: a SERVPERF export" 1 - "~this one is SERVPERF (perceptions only)" sq-zone $Z/servperf.csv
t "zone: 12 items without a codebook" 1 - "sq-zone: $Z/zone.csv:1: required column P13 not found (items are A1..A22, D1..D22 and P1..P22; name other columns in a codebook with -c)" sq-zone $Z/zone.csv
t "zone: off the scale" 1 - "sq-zone: $Z/zone.csv:2: column D3 (#17): \"8\" is outside the scale 1..7" sh -c "grep -v '^scale' $Z/zone_codebook.csv >$TMP/z7.cb && sq-zone -c $TMP/z7.cb $Z/zone.csv"
t "zone: a D column missing" 1 - "sq-zone: $TMP/zd.csv:1: required column D3 not found (items are A1..A12, D1..D12 and P1..P12; name other columns in a codebook with -c)" sh -c "cut -d, -f17 --complement $Z/zone.csv >$TMP/zd.csv && sq-zone $_zc $TMP/zd.csv"
t "zone: E and A columns by codebook" 1 - "~gives both E and A/D columns" sh -c "printf 'column,X1,E,1\ncolumn,A1,A,1\n' | cat $Z/zone_codebook.csv - >$TMP/zb.cb && awk -F, -v OFS=, 'NR==1{\$1=\"X1\"}{print}' $Z/zone.csv >$TMP/zb.csv && sq-zone -c $TMP/zb.cb $TMP/zb.csv"

# The other tools on the three-column form.
t "zone: sq-gap gives P - D (block MSS)" 0 '*' - sh -c "sq-gap $_zc $Z/zone.csv | awk -F'\t' 'NR>1 && \$21 != \"MSS\" {exit 1}'"
t "zone: sq-check flags A > D" 0 '*' - sh -c "sq-check $_zc $Z/zone.csv | grep -q 'inverted zone (adequate above desired) on item'"
t "zone: sq-check reports the form" 0 '*' - sh -c "sq-check --summary $_zc $Z/zone.csv | grep -q '^plain	zone	rows_read	'"
t "zone: sq-check --clean writes A, D, P" 1 '*' - sh -c "sq-check $_zc --clean $TMP/zc.csv $Z/zone.csv >/dev/null; head -1 $TMP/zc.csv | grep -q '^id,campus,A1,.*,D1,.*,P12\$' && exit 1"
t "zone: sq-alpha on P" 0 '*' '*' sh -c "sq-alpha $_zc $Z/zone.csv | awk -F'\t' 'NR>1 && \$2 != \"P\" {exit 1}'"
t "zone: sq-factor on P" 0 '*' '*' sh -c "sq-factor -f json $_zc $Z/zone.csv | grep -q '\"block\": \"P\"'"

# SERVPERF against R: P means and CIs, alpha on P (psych), KMO on P.
t "servperf oracle: sq-gap P rows" 0 - - sh -c "sq-gap $Z/servperf.csv >$TMP/sp.tsv && $TSVCMP $Z/servperf_gap.tsv $TMP/sp.tsv"
t "servperf oracle: sq-alpha on P" 0 - - sh -c "sq-alpha $Z/servperf.csv >$TMP/sa.tsv && $TSVCMP -t alpha=1e-6 -t alpha_std=1e-6 -t ci_low=1e-6 -t ci_high=1e-6 -t r_drop=1e-6 -t alpha_if_deleted=1e-6 $Z/servperf_alpha.tsv $TMP/sa.tsv"
t "servperf oracle: KMO on P" 0 - - sh -c "sq-factor -f json $Z/servperf.csv | awk -v want=\$(awk '\$1==\"kmo\"{print \$2}' $Z/servperf_kmo.txt) -v n=\$(awk '\$1==\"n\"{print \$2}' $Z/servperf_kmo.txt) '/\"kmo\": /&&!k{gsub(/[,]/,\"\",\$2); k=\$2} /\"n\": /&&!m{gsub(/[,]/,\"\",\$2); m=\$2} END{d=k-want; if(d<0)d=-d; exit !(d<=1e-6*want && m==n)}'"
t "servperf: sq-check reports the form" 0 '*' - sh -c "sq-check --summary $Z/servperf.csv | grep -q '^plain	servperf	rows_read	'"
t "servperf: sq-factor --block E" 1 - "~--block E: the export has no E columns (SERVPERF (perceptions only)); use --block P" sq-factor --block E $Z/servperf.csv
t "servperf: sq-gap title" 0 '*' - sh -c "sq-gap -f md $Z/servperf.csv | grep -q '^### SERVPERF perceptions (P): 350 respondents, 95% CI'"
t "servqual: sq-check reports the form" 0 '*' - sh -c "sq-check --summary -c tests/data/check/small.codebook.csv tests/data/check/small.csv | grep -q '^plain	servqual	rows_read	'"

# Codebook recodes: 0, 20, ..., 100 as a 6-point scale; 0 as "not
# applicable" on 1..5. Each gives exactly what its plain twin gives.
# (The instrument column names each codebook: left out.)
sq-gap -c $DZ/six.cb.csv $DZ/six.csv | cut -f1-22 >"$TMP/six.tsv"
t "recode: 0/20/.../100 equals 1..6" 0 "$TMP/six.tsv" - sh -c \
    "sq-gap -c $DZ/six100.cb.csv $DZ/six100.csv | cut -f1-22"
t "recode: without the rows, 20 is off the scale" 1 - "sq-gap: $DZ/six100.csv:2: column E2 (#4): \"100\" is outside the scale 1..6" sq-gap -c $DZ/six.cb.csv $DZ/six100.csv
sq-gap -c $DZ/five.cb.csv $DZ/five.csv | cut -f1-22 >"$TMP/five.tsv"
t "recode: 0 as NA equals a blank" 0 "$TMP/five.tsv" - sh -c \
    "sq-gap -c $DZ/five0.cb.csv $DZ/five0.csv | cut -f1-22"
t "recode: without the row, 0 is off the scale" 1 - "sq-gap: $DZ/five0.csv:2: column P3 (#9): \"0\" is outside the scale 1..5" sq-gap -c $DZ/five.cb.csv $DZ/five0.csv
t "recode: 0.00 is 0" 0 "$TMP/five.tsv" - sh -c "sed 's/,0,/,0.00,/g' $DZ/five0.csv | sq-gap -c $DZ/five0.cb.csv | cut -f1-22"
t "recode: the value is not a number" 1 - "sq-gap: $DZ/cb_badrecode.csv:2: column #2: recode value \"cero\" is not a number" sq-gap -c $DZ/cb_badrecode.csv $DZ/five.csv
t "recode: a value twice" 1 - "sq-gap: $DZ/cb_recode_twice.csv:3: column #2: value \"0.0\" is recoded twice" sq-gap -c $DZ/cb_recode_twice.csv $DZ/five.csv
t "recode: the target is not a number" 1 - "sq-gap: $DZ/cb_recode_target.csv:2: column #3: recode target \"nada\" is not a number or NA" sq-gap -c $DZ/cb_recode_target.csv $DZ/five.csv
t "recode: a target off the scale is caught" 1 - "~is outside the scale 1..5" sh -c "printf 'recode,1,9\n' | cat $DZ/five.cb.csv - >$TMP/r9.cb && sq-gap -c $TMP/r9.cb $DZ/five.csv"

# sq-simulate writes every form; the tools read them back.
t "simulate: servperf is read as SERVPERF" 0 '*' '*' sh -c "sq-simulate -n 50 --form servperf | sq-check --summary | grep -q '^plain	servperf	rows_read	'"
t "simulate: zone on 1..9" 0 '*' '*' sh -c "printf 'scale,1,9\n' >$TMP/s9.cb && sq-simulate -n 200 --form zone --missing 0.05 | sq-zone -c $TMP/s9.cb | awk -F'\t' '\$1==\"overall\" && \$5 > 100 {ok=1} END{exit !ok}'"
t "simulate: bad --form" 2 - '*' sq-simulate --form two
