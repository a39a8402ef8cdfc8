# sq-alpha at scale: --partial states of 4 shards of unequal size (one a
# header and no rows) merged by sq-merge in any order print the single
# run's table byte for byte, listwise and pairwise, in tsv and json; a
# tree of merges too; -j 2 equals -j 1; files read as one survey; bad
# states are errors naming the line.
SA=$TMP/scale_alpha
mkdir -p "$SA"
sq-simulate -n 1500 -s 57 --missing 0.08 -o "$SA/all.csv" 2>/dev/null
hdr() { head -n 1 "$SA/all.csv"; }
{ hdr; sed -n 2,90p "$SA/all.csv"; } > "$SA/a.csv"
hdr > "$SA/b.csv"
{ hdr; sed -n 91,1210p "$SA/all.csv"; } > "$SA/c.csv"
{ hdr; sed -n '1211,$p' "$SA/all.csv"; } > "$SA/d.csv"
for s in a b c d; do
	sq-alpha --partial "$SA/$s.csv" > "$SA/$s.st"
	sq-alpha --partial --pairwise "$SA/$s.csv" > "$SA/$s.pst"
done
sq-alpha "$SA/all.csv" > "$SA/one.tsv"
sq-alpha -f json --lang es "$SA/all.csv" > "$SA/one.json"
sq-alpha --pairwise "$SA/all.csv" > "$SA/onep.tsv"
sq-alpha --pairwise -f json "$SA/all.csv" > "$SA/onep.json"

t "scale alpha: header-only shard is an empty state" 0 - - sq-alpha --partial -o "$SA/b2.st" "$SA/b.csv"
t "scale alpha: shards a b c d equal the single run" 0 "$SA/one.tsv" - sq-merge "$SA/a.st" "$SA/b.st" "$SA/c.st" "$SA/d.st"
t "scale alpha: shards d b a c equal the single run" 0 "$SA/one.tsv" - sq-merge "$SA/d.st" "$SA/b.st" "$SA/a.st" "$SA/c.st"
t "scale alpha: shards c d b a, json, Spanish" 0 "$SA/one.json" - sq-merge -f json --lang es "$SA/c.st" "$SA/d.st" "$SA/b.st" "$SA/a.st"
t "scale alpha: pairwise, a b c d" 0 "$SA/onep.tsv" - sq-merge "$SA/a.pst" "$SA/b.pst" "$SA/c.pst" "$SA/d.pst"
t "scale alpha: pairwise, d c b a, json" 0 "$SA/onep.json" - sq-merge -f json "$SA/d.pst" "$SA/c.pst" "$SA/b.pst" "$SA/a.pst"
sq-merge --partial "$SA/d.st" "$SA/a.st" > "$SA/da.st"
sq-merge --partial "$SA/c.st" "$SA/b.st" > "$SA/cb.st"
t "scale alpha: a tree of merges equals the single run" 0 "$SA/one.tsv" - sq-merge "$SA/cb.st" "$SA/da.st"
t "scale alpha: state of the merge equals state of one run" 0 - - sh -c "sq-alpha --partial '$SA/all.csv' > '$SA/x1'; sq-merge --partial '$SA/a.st' '$SA/b.st' '$SA/c.st' '$SA/d.st' | cmp -s - '$SA/x1'"
t "scale alpha: --merge directly, states on standard input" 0 "$SA/one.tsv" - sh -c "cat '$SA/c.st' '$SA/a.st' | sq-alpha --merge - '$SA/d.st' '$SA/b.st'"
sq-alpha -f pretty --items "$SA/all.csv" > "$SA/one.pretty"
# (sq-merge passes no tool's own output options: sq-alpha --merge does)
t "scale alpha: --items is not recorded, pretty with items" 0 "$SA/one.pretty" - sq-alpha --merge -f pretty --items "$SA/a.st" "$SA/c.st" "$SA/d.st"
# gates are recorded: the merged run applies them
sq-alpha --fail-if 'alpha<0.99' "$SA/all.csv" > "$SA/gate.tsv" 2> "$SA/gate.err"
sq-alpha --fail-if 'alpha<0.99' --partial "$SA/a.csv" > "$SA/ga.st"
sq-alpha --fail-if 'alpha<0.99' --partial "$SA/c.csv" "$SA/d.csv" > "$SA/gcd.st"
t "scale alpha: a recorded gate holds after the merge" 3 "$SA/gate.tsv" "$(cat "$SA/gate.err")" sq-merge "$SA/gcd.st" "$SA/ga.st"
# many files, standard input
t "scale alpha: files a b c d equal their concatenation" 0 "$SA/one.tsv" - sq-alpha "$SA/a.csv" "$SA/b.csv" "$SA/c.csv" "$SA/d.csv"
t "scale alpha: a file and standard input" 0 "$SA/one.tsv" - sh -c "sq-alpha '$SA/a.csv' '$SA/b.csv' - '$SA/d.csv' < '$SA/c.csv'"
t "scale alpha: --partial of two files merges" 0 "$SA/onep.tsv" - sh -c "sq-alpha --pairwise --partial '$SA/a.csv' '$SA/c.csv' | sq-merge - '$SA/d.pst'"
t "scale alpha: headers only everywhere" 1 - "sq-alpha: no data rows in any file" sq-alpha "$SA/b.csv" "$SA/b.csv"
t "scale alpha: files of different forms refused" 1 - "~not the form of" sq-alpha "$SA/a.csv" tests/oracle/zone/servperf.csv
# P alone (SERVPERF): two shards
n=$(wc -l < tests/oracle/zone/servperf.csv)
{ head -n 1 tests/oracle/zone/servperf.csv; sed -n "2,$((n / 3))p" tests/oracle/zone/servperf.csv; } > "$SA/p1.csv"
{ head -n 1 tests/oracle/zone/servperf.csv; sed -n "$((n / 3 + 1)),\$p" tests/oracle/zone/servperf.csv; } > "$SA/p2.csv"
sq-alpha -f md tests/oracle/zone/servperf.csv > "$SA/perf.md"
t "scale alpha: SERVPERF shards, md" 0 "$SA/perf.md" - sh -c "sq-alpha --partial '$SA/p2.csv' > '$SA/p2.st' && sq-alpha --partial '$SA/p1.csv' | sq-merge -f md - '$SA/p2.st'"

# -j: byte ranges parsed on threads fold to the same table
sq-simulate -n 20000 -s 5 --missing 0.05 -o "$SA/big.csv" 2>/dev/null
for o in "" --pairwise; do
	sq-alpha -j 1 $o "$SA/big.csv" > "$SA/big1$o"
	t "scale alpha: -j 2 equals -j 1 $o" 0 "$SA/big1$o" - sq-alpha -j 2 $o "$SA/big.csv"
	t "scale alpha: -j 5 equals -j 1 $o" 0 "$SA/big1$o" - sq-alpha -j 5 $o "$SA/big.csv"
done
sq-alpha -j 1 --partial "$SA/big.csv" > "$SA/big.st1"
t "scale alpha: --partial -j 3 equals -j 1" 0 "$SA/big.st1" - sq-alpha -j 3 --partial "$SA/big.csv"
n=$(wc -l < "$SA/big.csv")
awk -F, -v OFS=, -v n="$n" 'NR == n - 5 { $3 = "9" } 1' "$SA/big.csv" > "$SA/bigbad.csv"
sq-alpha -j 1 "$SA/bigbad.csv" 2> "$SA/bigbad.err"
t "scale alpha: -j 4: an error in the last range names the line" 1 - "$(cat "$SA/bigbad.err")" sq-alpha -j 4 "$SA/bigbad.csv"
t "scale alpha: that line is the file's" 0 - - grep -q "bigbad.csv:$((n - 5)): column" "$SA/bigbad.err"

# Refusals: other options, another tool, hostile states
t "scale alpha: listwise and pairwise states refused" 1 - "~not the same analysis as the first state" sq-merge "$SA/a.st" "$SA/c.pst"
sq-alpha --partial --conf 0.9 "$SA/a.csv" > "$SA/conf.st"
t "scale alpha: other --conf refused" 1 - "~not the same analysis as the first state" sq-merge "$SA/a.st" "$SA/conf.st"
sq-gap --partial "$SA/a.csv" > "$SA/gap.st"
t "scale alpha: a state of sq-gap refused" 1 - "sq-alpha: $SA/gap.st:9: a state of sq-gap, not of sq-alpha" sq-alpha --merge "$SA/gap.st"
t "scale alpha: sq-merge of mixed tools refused" 1 - "~one analysis at a time" sq-merge "$SA/gap.st" "$SA/a.st"
t "scale alpha: other instrument refused" 1 - "~the state is of another instrument" sq-merge -c tests/data/alpha/two_dims.cb.csv "$SA/a.st"
l=$(grep -n '^diff ' "$SA/c.st" | sed -n 3p | cut -d: -f1)
head -n "$l" "$SA/c.st" > "$SA/trunc.st"
t "scale alpha: truncated state" 1 - "sq-alpha: $SA/trunc.st:$((l + 1)): not a valid servqual state: unexpected end (truncated?)" sq-merge "$SA/trunc.st"
# helper: state c with line L's field F set to V
_bad() { # OUT LINE FIELD VALUE
	awk -v l="$2" -v f="$3" -v v="$4" 'NR == l { $f = v } 1' "$SA/c.st" > "$SA/$1"
}
l=$(grep -n '^covacc ' "$SA/c.st" | sed -n 2p | cut -d: -f1)
_bad n.st "$l" 6 9999999
t "scale alpha: more complete cases than rows" 1 - "sq-alpha: $SA/n.st:$l: not a valid servqual state: a count out of range" sq-merge "$SA/n.st"
_bad k.st "$l" 2 5
t "scale alpha: moments of another size" 1 - "sq-alpha: $SA/k.st:$l: not a valid servqual state: moments of another number of items" sq-merge "$SA/k.st"
_bad x.st "$l" 4 2
t "scale alpha: exactness flag 2" 1 - "sq-alpha: $SA/x.st:$l: not a valid servqual state: exactness flag not 0 or 1" sq-merge "$SA/x.st"
l=$((l + 1))
_bad s.st "$l" 2 99999999999
t "scale alpha: a sum no answers reach" 1 - "sq-alpha: $SA/s.st:$l: not a valid servqual state: an integer sum out of range" sq-merge "$SA/s.st"
l=$(grep -n '^dsq ' "$SA/c.st" | sed -n 1p | cut -d: -f1)
_bad q.st "$l" 3 -4
t "scale alpha: a negative sum of squares" 1 - "sq-alpha: $SA/q.st:$l: not a valid servqual state: an integer sum out of range" sq-merge "$SA/q.st"
_bad f.st "$l" 3 12x
t "scale alpha: a field that is no number" 1 - "sq-alpha: $SA/f.st:$l: not a valid servqual state: an integer sum out of range" sq-merge "$SA/f.st"
l=$(grep -n '^scope ' "$SA/c.st" | sed -n 2p | cut -d: -f1)
_bad sc.st "$l" 2 0
t "scale alpha: scopes out of order" 1 - "sq-alpha: $SA/sc.st:$l: not a valid servqual state: a scope out of order" sq-merge "$SA/sc.st"
l=$(grep -n '^relacc ' "$SA/c.st" | cut -d: -f1)
_bad pw.st "$l" 4 1
t "scale alpha: listwise body, pairwise head" 1 - "sq-alpha: $SA/pw.st:$l: not a valid servqual state: pairwise and listwise moments mixed" sq-merge "$SA/pw.st"
