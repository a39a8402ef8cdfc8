# sq-cfa at scale: --partial states of 4 shards of unequal size (one a
# header and no rows) merged by sq-merge in any order print the single
# run's output byte for byte; -j 2 equals -j 1; files equal their
# concatenation; hostile states are errors naming the line.
S=$TMP/scale_cfa
mkdir -p "$S"
sq-simulate -n 1400 -s 83 --missing 0.01 -o "$S/all.csv" 2>/dev/null
hdr() { head -n 1 "$S/all.csv"; }
{ hdr; sed -n 2,300p "$S/all.csv"; } > "$S/a.csv"
hdr > "$S/b.csv"
{ hdr; sed -n 301,340p "$S/all.csv"; } > "$S/c.csv"
{ hdr; sed -n '341,$p' "$S/all.csv"; } > "$S/d.csv"
for s in a b c d; do
	sq-cfa --partial "$S/$s.csv" > "$S/$s.st"
	sq-cfa --std-lv --block G --partial "$S/$s.csv" > "$S/$s.gst"
done
sq-cfa "$S/all.csv" > "$S/one.tsv" 2>/dev/null
sq-cfa -f json "$S/all.csv" > "$S/one.json" 2>/dev/null
sq-cfa -f pretty --lang es "$S/all.csv" > "$S/one.pretty" 2>/dev/null
sq-cfa --std-lv --block G "$S/all.csv" > "$S/oneg.tsv" 2>/dev/null
sq-cfa "$S/all.csv" > /dev/null 2> "$S/one.err"

t "scale cfa: header-only shard is an empty state" 0 - - sq-cfa --partial -o "$S/b2.st" "$S/b.csv"
t "scale cfa: shards a b c d equal the single run" 0 "$S/one.tsv" "$(cat "$S/one.err")" sq-merge "$S/a.st" "$S/b.st" "$S/c.st" "$S/d.st"
t "scale cfa: shards d c b a equal the single run" 0 "$S/one.tsv" '*' sq-merge "$S/d.st" "$S/c.st" "$S/b.st" "$S/a.st"
t "scale cfa: shards b d a c, json" 0 "$S/one.json" '*' sq-merge -f json "$S/b.st" "$S/d.st" "$S/a.st" "$S/c.st"
t "scale cfa: shards c a d b, pretty, Spanish" 0 "$S/one.pretty" '*' sq-merge -f pretty --lang es "$S/c.st" "$S/a.st" "$S/d.st" "$S/b.st"
t "scale cfa: --std-lv, block G, shards d a c b" 0 "$S/oneg.tsv" '*' sq-merge "$S/d.gst" "$S/a.gst" "$S/c.gst" "$S/b.gst"
sq-merge --partial "$S/a.st" "$S/d.st" > "$S/ad.st"
sq-merge --partial "$S/b.st" "$S/c.st" > "$S/bc.st"
t "scale cfa: a tree of merges equals the single run" 0 "$S/one.tsv" '*' sq-merge "$S/bc.st" "$S/ad.st"
t "scale cfa: state of the merge equals state of one run" 0 - - sh -c "sq-cfa --partial '$S/all.csv' | sed 1,9d > '$S/x1'; sq-merge --partial '$S/a.st' '$S/b.st' '$S/c.st' '$S/d.st' | sed 1,9d | cmp -s - '$S/x1'"
t "scale cfa: gates are replayed by sq-merge" 3 '*' "~gate cfi<0.999 held" sh -c "sq-cfa --fail-if 'cfi<0.999' --partial '$S/d.csv' > '$S/g.st' && sq-merge '$S/g.st'"
t "scale cfa: --verbose is not recorded" 0 - - sh -c "sq-cfa --verbose --partial '$S/d.csv' 2>/dev/null | grep -q verbose && exit 1; exit 0"
sq-cfa "$S/c.csv" > "$S/c.tsv" 2>/dev/null
t "scale cfa: a small shard's state alone equals its run" 0 "$S/c.tsv" '*' sq-merge "$S/c.st"
t "scale cfa: empty states only" 1 - "sq-cfa: no data rows in any state" sq-merge "$S/b.st" "$S/b2.st"
{ hdr; sed -n 2,11p "$S/all.csv"; } > "$S/e.csv"
sq-cfa --partial "$S/e.csv" > "$S/e.st"
t "scale cfa: too few respondents, from states" 1 - "sq-cfa: $S/e.st: 9 complete respondents for 22 items; the model needs more" sq-merge "$S/e.st" "$S/b.st"

# Many files, -j.
t "scale cfa: files equal their concatenation" 0 "$S/one.tsv" '*' sq-cfa "$S/a.csv" "$S/b.csv" "$S/c.csv" "$S/d.csv"
t "scale cfa: a file and standard input" 0 "$S/one.tsv" '*' sh -c "sq-cfa '$S/a.csv' '$S/b.csv' '$S/c.csv' - < '$S/d.csv'"
t "scale cfa: headers only everywhere" 1 - "sq-cfa: no data rows in any file" sq-cfa "$S/b.csv" "$S/b.csv"
sq-simulate -n 20000 -s 6 --missing 0.02 -o "$S/big.csv" 2>/dev/null
sq-cfa -j 1 "$S/big.csv" > "$S/big.1" 2>/dev/null
t "scale cfa: -j 2 equals -j 1" 0 "$S/big.1" '*' sq-cfa -j 2 "$S/big.csv"
sq-cfa -j 1 --block E -f json "$S/big.csv" > "$S/bige.1" 2>/dev/null
t "scale cfa: -j 5 block E json equals -j 1" 0 "$S/bige.1" '*' sq-cfa -j 5 --block E -f json "$S/big.csv"
sq-cfa -j 1 --partial "$S/big.csv" > "$S/big.st1"
t "scale cfa: --partial -j 2 equals -j 1" 0 "$S/big.st1" - sq-cfa -j 2 --partial "$S/big.csv"

# Hostile states.
sq-factor --partial "$S/a.csv" > "$S/factor.st"
t "scale cfa: sq-merge refuses a state of sq-factor" 1 - "~one analysis at a time" sq-merge "$S/a.st" "$S/factor.st"
t "scale cfa: a state of sq-factor refused" 1 - "sq-cfa: $S/factor.st:9: a state of sq-factor, not of sq-cfa" sq-cfa --merge "$S/factor.st"
t "scale cfa: other options refused" 1 - "~not the same analysis as the first state" sq-merge "$S/a.st" "$S/a.gst"
head -c 700 "$S/a.st" > "$S/trunc.st"
t "scale cfa: truncated state" 1 - "~not a valid servqual state" sq-merge "$S/trunc.st"
awk '$1 == "covacc" { $5 = "99999999999999999" } 1' "$S/a.st" > "$S/seen.st"
t "scale cfa: an impossible count" 1 - "sq-cfa: $S/seen.st:10: not a valid servqual state: a count out of range" sq-merge "$S/seen.st"
sed 's/^covacc 22 0 1/covacc 22 1 1/' "$S/a.st" > "$S/pw.st"
t "scale cfa: a pairwise accumulator refused" 1 - "sq-cfa: $S/pw.st:10: not a valid servqual state: pairwise and listwise moments mixed" sq-merge "$S/pw.st"
awk '1; $1 == "xy" && $2 == 21 { print "pair 0 n 0" }' "$S/a.st" > "$S/pairs.st"
t "scale cfa: pairs in a listwise state" 1 - "sq-cfa: $S/pairs.st:34: not a valid servqual state: expected \"end\"" sq-merge "$S/pairs.st"
awk '$1 == "xy" && $2 == 5 { $4 = "x" } 1' "$S/a.st" > "$S/tok.st"
t "scale cfa: a token that is no number" 1 - "sq-cfa: $S/tok.st:17: not a valid servqual state: an integer sum out of range" sq-merge "$S/tok.st"
awk '$1 == "xy" && $2 == 21 { $0 = $0 " 1" } 1' "$S/a.st" > "$S/nf.st"
t "scale cfa: a row with a field too many" 1 - "~wrong number of fields" sq-merge "$S/nf.st"

# The README's GNU parallel recipe.
if command -v parallel > /dev/null; then
	t "scale cfa: parallel -j 3 ::: over files, merged, equal the single run" 0 "$S/one.tsv" '*' sh -c "HOME='$S' parallel --will-cite -j 3 sq-cfa --partial ::: '$S/d.csv' '$S/b.csv' '$S/a.csv' '$S/c.csv' | sq-merge -"
	t "scale cfa: parallel --pipepart states merged equal the single run" 0 "$S/big.1" '*' sh -c "HOME='$S' parallel --will-cite --pipepart --header : --block 500k -a '$S/big.csv' sq-cfa --partial - | sq-merge -"
else
	bad "scale cfa: GNU parallel is not installed (Debian package parallel)"
fi
