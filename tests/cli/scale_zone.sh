# sq-zone at scale: 4 shards of unequal size (one with a header and no
# rows) merged by sq-merge in any order print the single run's table byte
# for byte (tsv, json, -b segments, a merge tree); -j 2 equals -j 1; two
# files equal their concatenation; -b file; hostile states exit 1 naming
# the line.
ZS=$TMP/scale_zone
mkdir -p "$ZS"
printf 'scale,1,9\n' > "$ZS/nine.cb"
_zc="-c $ZS/nine.cb"
sq-simulate -n 3000 -s 2024 --form zone --segments 5 --missing 0.06 -o "$ZS/all.csv" 2>/dev/null
hdr() { head -n 1 "$ZS/all.csv"; }
{ hdr; sed -n 2,301p "$ZS/all.csv"; } > "$ZS/a.csv"
hdr > "$ZS/b.csv"
{ hdr; sed -n 302,2200p "$ZS/all.csv"; } > "$ZS/c.csv"
{ hdr; sed -n '2201,$p' "$ZS/all.csv"; } > "$ZS/d.csv"
for s in a b c d; do
	sq-zone $_zc -j 1 --partial "$ZS/$s.csv" > "$ZS/$s.st"
	sq-zone $_zc -j 1 --partial -b sucursal "$ZS/$s.csv" > "$ZS/$s.bst"
done
sq-zone $_zc -j 1 "$ZS/all.csv" > "$ZS/one.tsv"
sq-zone $_zc -j 1 -f json --lang es "$ZS/all.csv" > "$ZS/one.json"
sq-zone $_zc -j 1 -b sucursal "$ZS/all.csv" > "$ZS/oneb.tsv"

t "zone scale: the single run has all its rows" 0 - - sh -c "[ \$(wc -l < '$ZS/one.tsv') -eq 29 ]"
t "zone scale: header-only shard is an empty state" 0 - - sh -c "sq-zone $_zc --partial '$ZS/b.csv' | grep -qx 'rows 0'"
t "zone scale: shards a b c d equal the single run" 0 "$ZS/one.tsv" - sq-merge $_zc "$ZS/a.st" "$ZS/b.st" "$ZS/c.st" "$ZS/d.st"
t "zone scale: shards d b a c equal the single run" 0 "$ZS/one.tsv" - sq-merge $_zc "$ZS/d.st" "$ZS/b.st" "$ZS/a.st" "$ZS/c.st"
t "zone scale: shards c d b a, json, Spanish" 0 "$ZS/one.json" - sq-merge $_zc -f json --lang es "$ZS/c.st" "$ZS/d.st" "$ZS/b.st" "$ZS/a.st"
sq-merge $_zc --partial "$ZS/d.st" "$ZS/a.st" > "$ZS/da.st"
sq-merge $_zc --partial "$ZS/c.st" "$ZS/b.st" > "$ZS/cb.st"
t "zone scale: a tree of merges equals the single run" 0 "$ZS/one.tsv" - sq-merge $_zc "$ZS/cb.st" "$ZS/da.st"
t "zone scale: segments, shards in file order" 0 "$ZS/oneb.tsv" - sq-merge $_zc "$ZS/a.bst" "$ZS/b.bst" "$ZS/c.bst" "$ZS/d.bst"
sort "$ZS/oneb.tsv" > "$ZS/oneb.sorted"
sq-merge $_zc "$ZS/d.bst" "$ZS/c.bst" "$ZS/b.bst" "$ZS/a.bst" | sort > "$ZS/rev.sorted"
t "zone scale: segments in another order: the same rows" 0 "$ZS/oneb.sorted" - cat "$ZS/rev.sorted"
sq-merge $_zc --partial "$ZS/c.bst" "$ZS/a.bst" > "$ZS/ca.bst"
sq-merge $_zc --partial "$ZS/b.bst" "$ZS/d.bst" > "$ZS/bd.bst"
sq-merge $_zc "$ZS/bd.bst" "$ZS/ca.bst" | sort > "$ZS/tree.sorted"
t "zone scale: a tree of segment merges: the same rows" 0 "$ZS/oneb.sorted" - cat "$ZS/tree.sorted"
t "zone scale: state of the merge equals state of one run" 0 - - sh -c "sq-zone $_zc --partial '$ZS/all.csv' | sed 1,9d > '$ZS/x1'; sq-merge $_zc --partial '$ZS/d.st' '$ZS/c.st' '$ZS/b.st' '$ZS/a.st' | sed 1,9d | cmp -s - '$ZS/x1'"

# -j: byte ranges on threads equal the one reader.
t "zone scale: the file is big enough to be split" 0 - - sh -c "[ \$(wc -c < '$ZS/all.csv') -gt 65536 ]"
t "zone scale: -j 2 equals -j 1" 0 "$ZS/one.tsv" - sq-zone $_zc -j 2 "$ZS/all.csv"
t "zone scale: -j 5 -b equals -j 1" 0 "$ZS/oneb.tsv" - sq-zone $_zc -j 5 -b sucursal "$ZS/all.csv"
t "zone scale: --partial -j 3 equals -j 1" 0 - - sh -c "sq-zone $_zc -j 3 --partial -b sucursal '$ZS/all.csv' > '$ZS/j3.st' && sq-zone $_zc -j 1 --partial -b sucursal '$ZS/all.csv' | cmp -s - '$ZS/j3.st'"
n=$(wc -l < "$ZS/all.csv")
awk -F, -v OFS=, -v n="$n" 'NR == n - 2 { $4 = "10" } 1' "$ZS/all.csv" > "$ZS/bad.csv"
t "zone scale: an error in the last range names the file's line" 1 - "sq-zone: $ZS/bad.csv:$((n - 2)): column A2 (#4): \"10\" is outside the scale 1..9" sq-zone $_zc -j 4 "$ZS/bad.csv"

# Many files.
t "zone scale: four files equal their concatenation" 0 "$ZS/one.tsv" - sq-zone $_zc "$ZS/a.csv" "$ZS/b.csv" "$ZS/c.csv" "$ZS/d.csv"
t "zone scale: a file and standard input" 0 "$ZS/one.tsv" - sh -c "cat '$ZS/c.csv' | sq-zone $_zc '$ZS/a.csv' '$ZS/b.csv' - '$ZS/d.csv'"
printf '%s\n' "$ZS/a.csv" "$ZS/c.csv" "$ZS/d.csv" all segment | LC_ALL=C sort > "$ZS/segs"
t "zone scale: -b file gives one segment per file" 0 "$ZS/segs" - sh -c "sq-zone $_zc -b file '$ZS/a.csv' '$ZS/b.csv' '$ZS/c.csv' '$ZS/d.csv' | cut -f 2 | LC_ALL=C sort -u"
sq-zone $_zc "$ZS/c.csv" | sed 1d | cut -f 1,3- > "$ZS/c.rows"
t "zone scale: a file's segment rows equal the file alone" 0 "$ZS/c.rows" - sh -c "sq-zone $_zc -b file '$ZS/a.csv' '$ZS/c.csv' | awk -F'\t' '\$2 == \"$ZS/c.csv\"' | cut -f 1,3-"
t "zone scale: a SERVQUAL file among them names it" 1 - "sq-zone: samples/banco_demo.csv:1: sq-zone needs a three-column export (columns A1..Ak, D1..Dk and P1..Pk, or codebook roles A, D and P); this one is SERVQUAL (expectations and perceptions)" sq-zone $_zc "$ZS/a.csv" samples/banco_demo.csv
t "zone scale: headers only everywhere" 1 - "sq-zone: no data rows in any file" sq-zone $_zc "$ZS/b.csv" "$ZS/b.csv"

# Hostile and mismatched states.
head -c 2000 "$ZS/a.st" > "$ZS/trunc.st"
t "zone scale: a state cut in a line" 1 - "sq-zone: $ZS/trunc.st:$(($(wc -l < "$ZS/trunc.st") + 1)): not a valid servqual state: wrong number of fields" sq-merge $_zc "$ZS/trunc.st"
head -n 40 "$ZS/a.st" > "$ZS/trunc2.st"
t "zone scale: a state cut at a line" 1 - "~trunc2.st:41: not a valid servqual state: unexpected end (truncated?)" sq-merge $_zc "$ZS/trunc2.st"
awk '!d && $1 == "zone" && $2 > 0 { $2 = $2 + 1000000; d = 1 } 1' "$ZS/a.st" > "$ZS/count.st"
l=$(awk '$1 == "zone" && $2 > 1000000 { print NR; exit }' "$ZS/count.st")
t "zone scale: an impossible count names the line" 1 - "sq-zone: $ZS/count.st:$l: not a valid servqual state: more counts than respondents" sq-merge $_zc "$ZS/count.st"
awk '!d && $1 == "zone" && $2 > 0 { $2 = $2 - 1; $3 = $3 + 1; getline m; split(m, f, " "); f[2] = "0x1p+0"; m = f[1]; for (i = 2; i <= 11; i++) m = m " " f[i]; print; print m; d = 1; next } 1' "$ZS/a.st" > "$ZS/n.st"
t "zone scale: moments of another n refused" 1 - "~not a valid servqual state: moments not of the counted triples" sq-merge $_zc "$ZS/n.st"
awk '!d && $1 == "mom" && $3 == 0 && $2 != "0x0p+0" { $5 = "9999999999999999999999999" $5; d = 1 } 1' "$ZS/a.st" > "$ZS/big.st"
t "zone scale: impossible sums refused" 1 - "~an integer sum out of range" sq-merge $_zc "$ZS/big.st"
sed 's/^groups 1$/groups 100002/' "$ZS/a.st" > "$ZS/groups.st"
t "zone scale: too many groups refused" 1 - "sq-zone: $ZS/groups.st:10: not a valid servqual state: group count out of range" sq-merge $_zc "$ZS/groups.st"
sed 's/^groups 1$/groups 2/' "$ZS/a.st" > "$ZS/groups2.st"
t "zone scale: segments in a state without -b refused" 1 - "sq-zone: $ZS/groups2.st:10: not a valid servqual state: segments in a state without --by" sq-merge $_zc "$ZS/groups2.st"
sq-gap $_zc --partial "$ZS/a.csv" > "$ZS/gap.st" 2>/dev/null
t "zone scale: a state of another tool" 1 - "sq-zone: $ZS/gap.st:9: a state of sq-gap, not of sq-zone" sq-zone $_zc --merge "$ZS/gap.st"
t "zone scale: mixed tools refused by sq-merge" 1 - "sq-merge: $ZS/gap.st: a state of sq-gap, $ZS/a.st one of sq-zone: one analysis at a time" sq-merge $_zc "$ZS/a.st" "$ZS/gap.st"
t "zone scale: -b and no -b refused" 1 - "~not the same analysis as the first state" sq-merge $_zc "$ZS/a.st" "$ZS/a.bst"
sq-zone $_zc --invalid missing --partial "$ZS/a.csv" > "$ZS/inv.st"
t "zone scale: other options refused" 1 - "~not the same analysis as the first state" sq-merge $_zc "$ZS/a.st" "$ZS/inv.st"
t "zone scale: other instrument refused" 1 - "~the state is of another instrument" sq-merge "$ZS/a.st"
t "zone scale: --merge and a csv" 1 - "sq-zone: $ZS/a.csv:1: not a valid servqual state: expected \"servqual-state\"" sq-zone $_zc --merge "$ZS/a.csv"

# The README's GNU parallel recipe (tests/cli/parallel.sh) with sq-zone
# and sq-check --summary: blocks of one file, states merged.
if command -v parallel > /dev/null; then
	t "zone scale: parallel --pipepart over one file" 0 "$ZS/one.tsv" - sh -c "HOME='$ZS' parallel --will-cite --pipepart --header : --block 100k -a '$ZS/all.csv' sq-zone $_zc --partial - | sq-merge $_zc -"
	sq-check $_zc --summary "$ZS/all.csv" > "$ZS/check.tsv"
	t "zone scale: ... and sq-check --summary" 0 "$ZS/check.tsv" - sh -c "HOME='$ZS' parallel --will-cite --pipepart --header : --block 100k -a '$ZS/all.csv' sq-check $_zc --summary --partial - | sq-merge $_zc -"
fi
