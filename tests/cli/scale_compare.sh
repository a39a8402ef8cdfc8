# sq-compare at scale: --partial states of 4 shards of unequal size (one
# with a header and no rows) merged by sq-merge in any order print the
# single run's table byte for byte; -j 2 equals -j 1; wave files and
# -b file; --paired-by refuses states; hostile states exit 1 naming the
# line.
S=$TMP/scale_compare
mkdir -p "$S"
sq-simulate -n 1500 -s 57 --segments 4 --missing 0.08 -o "$S/all.csv" 2>/dev/null
_sh() { head -n 1 "$S/all.csv"; }
{ _sh; sed -n 2,120p "$S/all.csv"; } > "$S/a.csv"
_sh > "$S/b.csv"
{ _sh; sed -n 121,1300p "$S/all.csv"; } > "$S/c.csv"
{ _sh; sed -n '1301,$p' "$S/all.csv"; } > "$S/d.csv"
for s in a b c d; do
	sq-compare --partial -b sucursal --items "$S/$s.csv" > "$S/$s.st"
done
sq-compare -b sucursal --items "$S/all.csv" > "$S/one.tsv"
sq-compare -f json --lang es -b sucursal --items "$S/all.csv" > "$S/one.json"

t "scale compare: header-only shard is an empty state" 0 - - sq-compare --partial -b sucursal -o "$S/b2.st" "$S/b.csv"
t "scale compare: shards a b c d equal the single run" 0 "$S/one.tsv" - sq-merge "$S/a.st" "$S/b.st" "$S/c.st" "$S/d.st"
t "scale compare: shards d b a c equal the single run" 0 "$S/one.tsv" - sq-merge "$S/d.st" "$S/b.st" "$S/a.st" "$S/c.st"
t "scale compare: shards c d b a, json, Spanish" 0 "$S/one.json" - sq-merge -f json --lang es "$S/c.st" "$S/d.st" "$S/b.st" "$S/a.st"
sq-merge --partial "$S/d.st" "$S/a.st" > "$S/da.st"
sq-merge --partial "$S/c.st" "$S/b.st" > "$S/cb.st"
t "scale compare: a tree of merges equals the single run" 0 "$S/one.tsv" - sq-merge "$S/cb.st" "$S/da.st"
t "scale compare: --merge given directly" 0 "$S/one.tsv" - sq-compare --merge -b sucursal --items "$S/b.st" "$S/d.st" "$S/c.st" "$S/a.st"
sq-compare --partial -b sucursal --items "$S/all.csv" | sed -n '/^compare /,$p' > "$S/body1"
t "scale compare: state of the merge equals state of one run" 0 "$S/body1" - sh -c "sq-merge --partial '$S/c.st' '$S/a.st' '$S/d.st' '$S/b.st' | sed -n '/^compare /,\$p'"
# a gate is recorded and applied by the merged run
sq-compare -b sucursal --fail-if 'kruskal:p<0.5' "$S/all.csv" > "$S/gate.tsv" 2> "$S/gate.err"
sq-compare --partial -b sucursal --fail-if 'kruskal:p<0.5' "$S/a.csv" > "$S/ga.st"
sq-compare --partial -b sucursal --fail-if 'kruskal:p<0.5' "$S/c.csv" > "$S/gc.st"
sq-compare --partial -b sucursal --fail-if 'kruskal:p<0.5' "$S/d.csv" > "$S/gd.st"
t "scale compare: a gate holds in the merged run as in one" 3 "$S/gate.tsv" "$(cat "$S/gate.err")" sq-merge "$S/gd.st" "$S/ga.st" "$S/gc.st"

# -j: a file big enough to be cut into byte ranges
sq-simulate -n 20000 -s 7 --segments 6 --missing 0.05 -o "$S/big.csv" 2>/dev/null
sq-compare -j 1 -b sucursal --items "$S/big.csv" > "$S/big.1"
t "scale compare: -j 2 equals -j 1" 0 "$S/big.1" - sq-compare -j 2 -b sucursal --items "$S/big.csv"
t "scale compare: -j 5 equals -j 1" 0 "$S/big.1" - sq-compare -j 5 -b sucursal --items "$S/big.csv"
sq-compare -j 1 --partial -b sucursal "$S/big.csv" > "$S/big.st1"
t "scale compare: --partial -j 3 equals -j 1" 0 "$S/big.st1" - sq-compare -j 3 --partial -b sucursal "$S/big.csv"
# the 201st group found only when ranges fold: the line one reader names
awk -F, -v OFS=, 'NR > 1 && NR <= 400 { $2 = "g" NR } 1' "$S/big.csv" | head -n 400 > "$S/many.csv"
sed -n 2,10000p "$S/big.csv" >> "$S/many.csv"
t "scale compare: more than 200 groups with -j names the line" 1 - "sq-compare: $S/many.csv:202: more than 200 groups" sq-compare -j 2 -b sucursal "$S/many.csv"
t "scale compare: and -j 1 the same" 1 - "sq-compare: $S/many.csv:202: more than 200 groups" sq-compare -j 1 -b sucursal "$S/many.csv"

# files: waves, -b file, and their concatenation
awk -F, -v OFS=, 'NR == 1 { $2 = "ola" } NR > 1 { $2 = NR <= 801 ? "w1" : "w2" } 1' "$S/all.csv" > "$S/olas.csv"
{ _sh; sed -n 2,801p "$S/all.csv"; } > "$S/w1.csv"
{ _sh; sed -n '802,$p' "$S/all.csv"; } > "$S/w2.csv"
sq-compare -b ola "$S/olas.csv" > "$S/olas.tsv"
t "scale compare: two wave files equal their concatenation by a column" 0 "$S/olas.tsv" - sq-compare "$S/w1.csv" "$S/w2.csv"
sq-compare --labels "$S/w1.csv,$S/w2.csv" "$S/w1.csv" "$S/w2.csv" > "$S/wl.tsv"
t "scale compare: -b file: one group per file, named by its path" 0 "$S/wl.tsv" - sq-compare -b file "$S/w1.csv" "$S/w2.csv"
t "scale compare: --file-column names the file column" 0 "$S/wl.tsv" - sq-compare --file-column ola -b ola "$S/w1.csv" "$S/w2.csv"
sq-compare -b sucursal "$S/w1.csv" > "$S/w1only.tsv"
{ _sh; sed -n 2,400p "$S/all.csv"; } > "$S/w1a.csv"
{ _sh; sed -n 401,801p "$S/all.csv"; } > "$S/w1b.csv"
t "scale compare: -b COLUMN over several files: states and sq-merge" 0 "$S/w1only.tsv" - sh -c "sq-compare --partial -b sucursal '$S/w1a.csv' > '$S/w1a.st' && sq-compare --partial -b sucursal '$S/w1b.csv' | sq-merge '$S/w1a.st' -"
# waves sharded: one wave a shard (named with --labels), wave 2 in two
sq-compare --partial --labels w1 "$S/w1.csv" > "$S/sw1.st"
{ _sh; sed -n 802,1100p "$S/all.csv"; } > "$S/w2a.csv"
{ _sh; sed -n '1101,$p' "$S/all.csv"; } > "$S/w2b.csv"
sq-compare --partial --labels w2,w2b "$S/w2a.csv" "$S/b.csv" > "$S/sw2a.st"
sq-compare --partial --labels w2 - < "$S/w2b.csv" > "$S/sw2b.st"
t "scale compare: wave states merge to the two-file run" 0 "$S/olas.tsv" - sq-merge "$S/sw2b.st" "$S/sw1.st" "$S/sw2a.st"
t "scale compare: a wave file with no rows is named" 0 '*' "sq-compare: $S/b.csv: no respondents: no group \"b\"" sq-compare "$S/w1.csv" "$S/w2.csv" "$S/b.csv"
t "scale compare: one file without --partial is still refused" 2 - "~give -b COLUMN or two or more files" sq-compare "$S/w1.csv"
t "scale compare: --labels with --merge refused" 2 - "~--labels names files, not states" sq-compare --merge --labels a "$S/a.st"
t "scale compare: -b COLUMN and several files still refused" 2 - "~groups come from -b or from files, not both" sq-compare -b sucursal "$S/w1.csv" "$S/w2.csv"

# --paired-by keeps every respondent of wave 1: no state, one reader
P=tests/oracle/compare
t "scale compare: --paired-by --partial refused" 2 - "~--paired-by matches the respondents of two files, so it keeps every one of them: no --partial or --merge" sq-compare --partial --paired-by id $P/panel1.csv $P/panel2.csv
t "scale compare: --paired-by --merge refused" 2 - "~no --partial or --merge" sq-compare --merge --paired-by id "$S/a.st"
sq-compare -j 1 --paired-by id $P/panel1.csv $P/panel2.csv > "$S/pan.1" 2>/dev/null
t "scale compare: --paired-by -j 2 equals -j 1" 0 "$S/pan.1" '*' sq-compare -j 2 --paired-by id $P/panel1.csv $P/panel2.csv

# hostile and foreign states: exit 1 naming the line
_bad() { # NAME MESSAGE FILE
	t "scale compare: $1" 1 - "~$2" sq-merge "$3"
}
head -c 2000 "$S/c.st" > "$S/trunc.st"
_bad "truncated state" "trunc.st:" "$S/trunc.st"
t "scale compare: truncated state says so" 1 - "~not a valid servqual state" sq-merge "$S/trunc.st"
awk '!d && $1 == "group" { $3 = "1"; d = 1 } 1' "$S/c.st" > "$S/cnt.st"
_bad "more counts than respondents" "not a valid servqual state: more" "$S/cnt.st"
awk '!d && /^-?0x/ { $2 = "99999999999999999999"; d = 1 } 1' "$S/c.st" > "$S/huge.st"
_bad "an impossible count" "a count out of range" "$S/huge.st"
awk '/^groups / { $2 = "201" } 1' "$S/c.st" > "$S/g201.st"
_bad "too many groups" "group count out of range" "$S/g201.st"
n=$(grep -n '^group ' "$S/c.st" | sed -n 2p | cut -d: -f1)
awk -v n="$n" 'NR == n { $2 = "2d" } 1' "$S/c.st" > "$S/order.st"
_bad "groups out of order" "order.st:$n: not a valid servqual state: group names not strictly increasing" "$S/order.st"
awk '!d && /^-?0x/ { x = $0; getline; print; print x; d = 1; next } 1' "$S/c.st" > "$S/vals.st"
_bad "values out of order" "values not strictly increasing" "$S/vals.st"
awk '!d && $1 == "group" { $2 = "2020"; d = 1 } 1' "$S/c.st" > "$S/blank.st"
_bad "a blank group name" "a blank group name" "$S/blank.st"
sed 's/^compare 0 1 29$/compare 1 1 29/' "$S/c.st" > "$S/block.st"
_bad "scores of another block" "scores of another block" "$S/block.st"
sq-gap --partial "$S/a.csv" > "$S/gap.st"
t "scale compare: a state of another tool" 1 - "~a state of sq-gap, not of sq-compare" sq-compare --merge "$S/gap.st"
sq-compare --partial -b sucursal "$S/a.csv" > "$S/noitems.st"
t "scale compare: states of other options refused" 1 - "~not the same analysis as the first state" sq-merge "$S/a.st" "$S/noitems.st"
sq-compare --partial -b sucursal --block P "$S/a.csv" > "$S/p.st"
t "scale compare: another block refused" 1 - "~not the same analysis as the first state" sq-merge "$S/noitems.st" "$S/p.st"
# 150 groups in each of two states: 300 in all
awk -F, -v OFS=, 'NR > 1 { $2 = "h" (NR % 150) } 1' "$S/c.csv" > "$S/h1.csv"
awk -F, -v OFS=, 'NR > 1 { $2 = "k" (NR % 150) } 1' "$S/c.csv" > "$S/h2.csv"
sq-compare --partial -b sucursal "$S/h1.csv" > "$S/h1.st"
sq-compare --partial -b sucursal "$S/h2.csv" > "$S/h2.st"
t "scale compare: more than 200 groups over states" 1 - "~h2.st:" sq-merge "$S/h1.st" "$S/h2.st"
t "scale compare: says how many" 1 - "~more than 200 groups" sq-merge "$S/h1.st" "$S/h2.st"

# the GNU parallel recipe (README, sq-merge section) with sq-compare
if command -v parallel > /dev/null; then
	sq-compare -j 1 -b sucursal "$S/big.csv" > "$S/bigb.1"
	t "scale compare: parallel --pipepart blocks merge to the single run" 0 "$S/bigb.1" - sh -c "HOME='$S' parallel --will-cite -j 3 --pipepart --header : --block 400k -a '$S/big.csv' sq-compare --partial -b sucursal - | sq-merge -"
fi
