# sq-compare: usage, groups from a column or from files, gates, edge
# groups, formats, output safety.
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
C=tests/oracle/compare
U='usage: sq-compare'

t "compare: unknown option" 2 - "~$U" sq-compare -x
t "compare: help on stdout" 0 '*' - sq-compare --help
t "compare: version" 0 '*' - sq-compare --version
t "compare: neither -b nor files" 2 - "~give -b COLUMN or two or more files" sq-compare $C/waves.csv
t "compare: -b and files together" 2 - "~groups come from -b or from files, not both" sq-compare -b sucursal $C/ola1.csv $C/ola2.csv
t "compare: --labels too few" 2 - "~--labels: 1 names for 2 files" sq-compare --labels a $C/ola1.csv $C/ola2.csv
t "compare: --labels too many" 2 - "~--labels: more names than files" sq-compare --labels a,b,c $C/ola1.csv $C/ola2.csv
t "compare: two files one name" 2 - "~two files named \"ola1\": name them with --labels" sq-compare $C/ola1.csv $C/ola1.csv
t "compare: --paired-by needs two files" 2 - "~--paired-by compares two files" sq-compare --paired-by id $C/ola1.csv $C/ola2.csv $C/panel1.csv
t "compare: bad --block" 2 - "~--block: \"Q\": expected G, P or E" sq-compare --block Q -b sucursal $C/waves.csv
t "compare: bad --fail-if" 2 - "~--fail-if: \"alpha<0.7\"" sq-compare --fail-if 'alpha<0.7' -b sucursal $C/waves.csv
t "compare: bad --fail-if test" 2 - "~--fail-if: \"nope:p<0.05\"" sq-compare --fail-if 'nope:p<0.05' -b sucursal $C/waves.csv
t "compare: missing file" 1 - "sq-compare: $C/nope.csv: No such file or directory" sq-compare $C/ola1.csv $C/nope.csv
t "compare: unknown -b column" 1 - "sq-compare: $C/waves.csv:1: segment column \"region\" not found in the header" sq-compare -b region $C/waves.csv
t "compare: unknown --paired-by column" 1 - "~column \"ident\"" sq-compare --paired-by ident $C/panel1.csv $C/panel2.csv
t "compare: bad cell names file and line" 1 - "~sq-compare: tests/data/gap/off.csv:3: column E1 (#3): \"9\" is outside the scale 1..7" sq-compare tests/data/gap/off.csv $C/ola1.csv

# blank groups are left out and counted
t "compare: blank groups counted" 0 '*' "sq-compare: 6 respondents with a blank group left out" sq-compare -f tsv -b sucursal $C/branches.csv
# --labels name the groups; files name them by base name
t "compare: --labels" 0 '*' - sh -c "sq-compare -f tsv --labels antes,despu\u00e9s $C/ola1.csv $C/ola2.csv | awk -F'\t' 'NR==6 && \$6==\"antes\" {ok=1} END {exit !ok}'"
t "compare: group order is strcmp" 0 '*' '*' sh -c "sq-compare -f tsv -b sucursal $C/branches.csv | awk -F'\t' '\$5==\"tukey\" && \$3==\"TAN\" {print \$6\">\"\$7}' | tr '\n' ' ' | grep -qx 'Bogotá>Córdoba Bogotá>Zaragoza Bogotá>Ñuñoa Córdoba>Zaragoza Córdoba>Ñuñoa Zaragoza>Ñuñoa '"

# gates: Welch's p_adj on REL/RES/EMP is below 0.05 in branches.csv
t "compare: gate holds, exit 3 after writing" 3 '*' "~sq-compare: gate p_adj<0.05 held: REL" sq-compare -f tsv -b sucursal --fail-if 'p_adj<0.05' $C/branches.csv
t "compare: gate on a chosen test" 3 '*' "~gate kruskal:p_adj<0.01 held: EMP" sq-compare -f tsv -b sucursal --fail-if 'kruskal:p_adj<0.01' $C/branches.csv
t "compare: gate that does not hold" 0 '*' '*' sq-compare -f tsv -b sucursal --fail-if 'levene:p_adj<1e-9' $C/branches.csv
t "compare: gate writes the table" 0 - - sh -c "sq-compare -f tsv -b sucursal --fail-if 'p_adj<0.05' -o $TMP/g.tsv $C/branches.csv 2>/dev/null; [ \$? = 3 ] && [ -s $TMP/g.tsv ]"

# a group of one respondent: NaN where undefined, never a crash
{ head -n 40 $C/branches.csv; sed -n 41p $C/branches.csv | sed 's/^"[^"]*"/"Solo"/'; } > "$TMP/one.csv"
t "compare: one-respondent group" 0 '*' '*' sh -c "sq-compare -f tsv -b sucursal $TMP/one.csv > $TMP/one.tsv && awk -F'\t' '\$5==\"games_howell\" && (\$6==\"Solo\" || \$7==\"Solo\") && \$10!=\"NaN\" {exit 1}' $TMP/one.tsv && grep -q 'tukey.*Solo' $TMP/one.tsv"
# a single group: only omnibus rows, all NaN
t "compare: one group only" 0 '*' - sh -c "sq-compare -f tsv --labels a,b $C/ola1.csv $C/ola1.csv >/dev/null"

# formats
t "compare: json is valid" 0 '*' '*' sh -c "sq-compare -f json -b sucursal $C/branches.csv | python3 -m json.tool >/dev/null"
t "compare: csv has the contract's columns first" 0 '*' '*' sh -c "sq-compare -f csv -b sucursal $C/branches.csv | head -n 1 | grep -q '^block,scope,dimension,item,test,group1,group2,n,diff,statistic,df1,df2,p,p_adj,ci_low,ci_high,effect,effect_size'"
t "compare: md" 0 '*' '*' sh -c "sq-compare -f md -b sucursal $C/branches.csv | grep -q '| G '"
t "compare: pretty summary names the pairs" 0 '*' '*' sh -c "sq-compare -f pretty -b sucursal $C/branches.csv | grep 'Empathy' | grep -q 'Córdoba > Ñuñoa'"
t "compare: pretty in Spanish" 0 '*' '*' sh -c "sq-compare -f pretty --lang es $C/ola1.csv $C/ola2.csv | grep 'Capacidad de respuesta' | grep -q 'mayor en ola2'"

# output safety
t "compare: /dev/full" 1 - "sq-compare: standard output: write error: No space left on device" sh -c "sq-compare -f tsv $C/ola1.csv $C/ola2.csv > /dev/full"
rm -f "$TMP/c.tsv"
t "compare: failed run writes no -o file" 1 - '*' sq-compare -o "$TMP/c.tsv" $C/ola1.csv tests/data/gap/off.csv
t "compare: no file left behind" 0 - - sh -c "! ls $TMP/c.tsv* 2>/dev/null"

# the compare chart, from an export and from the table
t "compare chart: from an export" 0 - - sq-chart compare -b sucursal -o "$TMP/cmp1.png" $C/branches.csv
t "compare chart: png written" 0 - - sh -c "head -c 8 $TMP/cmp1.png | od -An -c | grep -q 'P   N   G'"
t "compare chart: from the table" 0 - - sh -c "sq-compare -f tsv -b sucursal $C/branches.csv 2>/dev/null | sq-chart compare -o $TMP/cmp2.svg"
t "compare chart: letters mark the pairs" 0 - - sh -c "grep -q 'abd' $TMP/cmp2.svg"
t "compare chart: two waves draw the change" 0 - - sh -c "sq-compare -f tsv $C/ola1.csv $C/ola2.csv | sq-chart compare --lang es -o $TMP/cmp3.svg && grep -q 'Cambio ola2' $TMP/cmp3.svg"
t "compare chart: paired waves" 0 - - sh -c "sq-compare -f tsv --paired-by id $C/panel1.csv $C/panel2.csv 2>/dev/null | sq-chart compare -o $TMP/cmp4.pdf"
t "compare chart: an export needs -b" 1 - "~a compare chart from an export needs the group column" sq-chart compare -o "$TMP/cmp5.png" $C/waves.csv
t "compare: unnamed gate on paired waves is paired_t" 3 '*' "~gate p_adj<0.05 held: ASS panel1 vs panel2" sq-compare -f tsv --paired-by id --fail-if 'p_adj<0.05' $C/panel1.csv $C/panel2.csv
# more than 200 groups: refused with the line, not hours of pairs
{ head -n 1 $C/waves.csv; { tail -n +2 $C/waves.csv; tail -n +2 $C/waves.csv; } | awk -F, -v OFS=, '{ $1 = "\"g" NR "\""; print }'; } > "$TMP/many.csv"
t "compare: more than 200 groups" 1 - "sq-compare: $TMP/many.csv:202: more than 200 groups" sq-compare -f tsv -b sucursal "$TMP/many.csv"
# a perceptions-only export: block P as with E present; block G says why
# it is empty
python3 -c "
import csv, sys
r = list(csv.reader(open('$C/waves.csv')))
keep = [i for i, h in enumerate(r[0]) if not (h[0] == 'E' and h[1:].isdigit())]
w = csv.writer(open('$TMP/ponly.csv', 'w'))
for row in r: w.writerow([row[i] for i in keep])"
oracle "compare oracle: perceptions-only export, block P" $C/waves_p90.tsv \
    sq-compare -f tsv -b sucursal --block P --conf 0.9 "$TMP/ponly.csv"
t "compare: block G on perceptions only" 0 '*' "sq-compare: no respondent has a score on block G (a perceptions-only export? try --block P)" sq-compare -f tsv -b sucursal "$TMP/ponly.csv"
