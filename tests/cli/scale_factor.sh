# sq-factor at scale: --partial states of 4 shards of unequal size (one a
# header and no rows) merged by sq-merge in any order print the single
# run's output byte for byte, listwise and pairwise; -j 2 equals -j 1;
# files equal their concatenation; hostile states are errors naming the
# line.
S=$TMP/scale_factor
mkdir -p "$S"
sq-simulate -n 1500 -s 57 --missing 0.03 -o "$S/all.csv" 2>/dev/null
hdr() { head -n 1 "$S/all.csv"; }
{ hdr; sed -n 2,90p "$S/all.csv"; } > "$S/a.csv"
hdr > "$S/b.csv"
{ hdr; sed -n 91,1100p "$S/all.csv"; } > "$S/c.csv"
{ hdr; sed -n '1101,$p' "$S/all.csv"; } > "$S/d.csv"
F="--iter 200"
for s in a b c d; do
	sq-factor $F --partial "$S/$s.csv" > "$S/$s.st"
	sq-factor $F --pairwise --block G --partial "$S/$s.csv" > "$S/$s.pst"
done
sq-factor $F "$S/all.csv" > "$S/one.tsv" 2>/dev/null
sq-factor $F -f json "$S/all.csv" > "$S/one.json" 2>/dev/null
sq-factor $F --pairwise --block G "$S/all.csv" > "$S/onep.tsv" 2>/dev/null

t "scale factor: header-only shard is an empty state" 0 - - sq-factor $F --partial -o "$S/b2.st" "$S/b.csv"
t "scale factor: shards a b c d equal the single run" 0 "$S/one.tsv" '*' sq-merge "$S/a.st" "$S/b.st" "$S/c.st" "$S/d.st"
t "scale factor: shards d b a c equal the single run" 0 "$S/one.tsv" '*' sq-merge "$S/d.st" "$S/b.st" "$S/a.st" "$S/c.st"
t "scale factor: shards c d b a, json" 0 "$S/one.json" '*' sq-merge -f json "$S/c.st" "$S/d.st" "$S/b.st" "$S/a.st"
t "scale factor: pairwise, block G, shards b d c a" 0 "$S/onep.tsv" '*' sq-merge "$S/b.pst" "$S/d.pst" "$S/c.pst" "$S/a.pst"
sq-merge --partial "$S/d.st" "$S/a.st" > "$S/da.st"
sq-merge --partial "$S/c.st" "$S/b.st" > "$S/cb.st"
t "scale factor: a tree of merges equals the single run" 0 "$S/one.tsv" '*' sq-merge "$S/cb.st" "$S/da.st"
sq-merge --partial "$S/d.pst" "$S/a.pst" > "$S/da.pst"
sq-merge --partial "$S/c.pst" "$S/b.pst" > "$S/cb.pst"
t "scale factor: a pairwise tree equals the single run" 0 "$S/onep.tsv" '*' sq-merge "$S/da.pst" "$S/cb.pst"
t "scale factor: state of the merge equals state of one run" 0 - - sh -c "sq-factor $F --partial '$S/all.csv' | sed 1,9d > '$S/x1'; sq-merge --partial '$S/a.st' '$S/b.st' '$S/c.st' '$S/d.st' | sed 1,9d | cmp -s - '$S/x1'"
t "scale factor: gates are replayed by sq-merge" 3 '*' "~gate kmo<0.99 held" sh -c "sq-factor $F --fail-if 'kmo<0.99' --partial '$S/a.csv' > '$S/g.st' && sq-merge '$S/g.st'"
t "scale factor: --cut is not recorded (md only)" 0 '*' - sh -c "sq-factor $F --cut 0.5 --partial '$S/d.csv' | grep -q cut && exit 1; exit 0"

# Many files, -j.
t "scale factor: files equal their concatenation" 0 "$S/one.tsv" '*' sq-factor $F "$S/a.csv" "$S/b.csv" "$S/c.csv" "$S/d.csv"
sq-simulate -n 20000 -s 5 --missing 0.02 -o "$S/big.csv" 2>/dev/null
sq-factor $F -j 1 "$S/big.csv" > "$S/big.1" 2>/dev/null
t "scale factor: -j 2 equals -j 1" 0 "$S/big.1" '*' sq-factor $F -j 2 "$S/big.csv"
sq-factor $F -j 1 --pairwise -f json "$S/big.csv" > "$S/bigp.1" 2>/dev/null
t "scale factor: -j 3 pairwise json equals -j 1" 0 "$S/bigp.1" '*' sq-factor $F -j 3 --pairwise -f json "$S/big.csv"
sq-factor $F -j 1 --partial "$S/big.csv" > "$S/big.st1"
t "scale factor: --partial -j 2 equals -j 1" 0 "$S/big.st1" - sq-factor $F -j 2 --partial "$S/big.csv"
{ head -n 15000 "$S/big.csv"; sed -n 2p "$S/big.csv" | sed 's/^\([^,]*\),\([^,]*\),[^,]*,/\1,\2,9,/'; } > "$S/bad.csv"
sq-factor $F -j 1 "$S/bad.csv" 2> "$S/bad.err1"
t "scale factor: an error in the last range names the line" 1 - "$(cat "$S/bad.err1")" sq-factor $F -j 4 "$S/bad.csv"

# A scale beyond +-1024: running moments, read as one stream.
cat > "$S/wide.cb" <<'CB'
kind,a,b,c,d
scale,0,3000
dimension,A,Alpha,Alfa
dimension,B,Beta,Beta
item,1,A,One,Uno
item,2,A,Two,Dos
item,3,A,Three,Tres
item,4,B,Four,Cuatro
item,5,B,Five,Cinco
item,6,B,Six,Seis
CB
awk 'BEGIN { srand(7); printf "id"; for (i = 1; i <= 6; i++) printf ",E%d", i
	for (i = 1; i <= 6; i++) printf ",P%d", i; print ""
	for (r = 1; r <= 3000; r++) { a = rand(); b = rand(); printf "%d", r
		for (s = 0; s < 2; s++) for (i = 1; i <= 6; i++)
			printf ",%d", int(3000 * (0.6 * (i <= 3 ? a : b) + 0.4 * rand()))
		print "" } }' > "$S/wide.csv"
sq-factor -c "$S/wide.cb" $F -j 1 "$S/wide.csv" > "$S/wide.1" 2>/dev/null
t "scale factor: wide scale, -j 4 equals -j 1" 0 "$S/wide.1" '*' sq-factor -c "$S/wide.cb" $F -j 4 "$S/wide.csv"
t "scale factor: wide scale, running moments in the state" 0 '*' - sh -c "sq-factor -c '$S/wide.cb' $F --partial '$S/wide.csv' | grep -q '^covacc 6 0 0 3000 3000\$'"
sq-factor -c "$S/wide.cb" $F --partial "$S/wide.csv" > "$S/wide.st"
t "scale factor: wide scale, a state merges" 0 "$S/wide.1" '*' sq-merge -c "$S/wide.cb" "$S/wide.st"

# Hostile states.
sq-cfa --partial "$S/a.csv" > "$S/cfa.st"
t "scale factor: sq-merge refuses a state of sq-cfa" 1 - "~one analysis at a time" sq-merge "$S/a.st" "$S/cfa.st"
t "scale factor: a state of sq-cfa refused" 1 - "sq-factor: $S/cfa.st:9: a state of sq-cfa, not of sq-factor" sq-factor $F --merge "$S/a.st" "$S/cfa.st"
t "scale factor: other options refused" 1 - "~not the same analysis as the first state" sq-merge "$S/a.st" "$S/a.pst"
t "scale factor: other seed refused" 1 - "~not the same analysis as the first state" sh -c "sq-factor $F --seed 9 --partial '$S/a.csv' > '$S/seed.st'; sq-merge '$S/seed.st' '$S/a.st'"
head -n 14 "$S/c.st" > "$S/trunc.st"
t "scale factor: truncated state" 1 - "sq-factor: $S/trunc.st:15: not a valid servqual state: unexpected end (truncated?)" sq-merge "$S/trunc.st"
awk '$1 == "covacc" { $6 = $5 + 1 } 1' "$S/c.st" > "$S/n.st"
t "scale factor: more complete cases than seen" 1 - "sq-factor: $S/n.st:11: not a valid servqual state: a count out of range" sq-merge "$S/n.st"
sed 's/^sum \([0-9]*\)/sum 9\1000000/' "$S/c.st" > "$S/sum.st"
t "scale factor: an impossible sum" 1 - "sq-factor: $S/sum.st:12: not a valid servqual state: an integer sum out of range" sq-merge "$S/sum.st"
sed 's/^covacc 22/covacc 21/' "$S/c.st" > "$S/k.st"
t "scale factor: another number of variables" 1 - "sq-factor: $S/k.st:11: not a valid servqual state: moments of another number of items" sq-merge "$S/k.st"
awk '$1 == "pair" && $3 == "sii" && !d { $4 = -1; d = 1 } 1' "$S/c.pst" > "$S/pv.st"
t "scale factor: a pair's impossible sums" 1 - "~not a valid servqual state: an integer sum out of range" sq-merge "$S/pv.st"
awk '$1 == "xy" && $2 == 3 { $3 = -$3 } 1' "$S/c.st" > "$S/neg.st"
t "scale factor: a negative sum of squares" 1 - "sq-factor: $S/neg.st:16: not a valid servqual state: an integer sum out of range" sq-merge "$S/neg.st"

# The README's GNU parallel recipe.
if command -v parallel > /dev/null; then
	t "scale factor: parallel --pipepart states merged equal the single run" 0 "$S/big.1" '*' sh -c "HOME='$S' parallel --will-cite --pipepart --header : --block 500k -a '$S/big.csv' sq-factor $F --partial - | sq-merge -"
else
	bad "scale factor: GNU parallel is not installed (Debian package parallel)"
fi
