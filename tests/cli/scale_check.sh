# sq-check at scale: many files read as one survey (problems name their
# file and the file's lines, duplicate ids are found across files);
# --partial with --summary or --items: sq-merge of 4 shards' states (one
# with a header and no rows) equals the single run byte for byte in any
# order, duplicates across shards included, gates on the merged counts;
# -j reads with the one reader; hostile states exit 1 naming the line.
CS=$TMP/scale_check
mkdir -p "$CS"
sq-simulate -n 2000 -s 77 --segments 3 --missing 0.04 -o "$CS/sim.csv" 2>/dev/null
# problems: repeated ids across the shards, invalid cells, a short row,
# straight-lining, weights off 100
awk -F, -v OFS=, 'NR == 1 { print; next }
	NR == 2 { first = $0 }
	NR % 97 == 0 { $5 = "9" }
	NR % 151 == 0 { for (i = 3; i <= 24; i++) $i = 4 }
	NR % 211 == 0 { $(NF - 1) = 77 }
	NR % 333 == 0 { for (i = 3; i <= 40; i++) $i = "" }
	NR == 1500 { print "1500,Norte,1,2"; next }
	{ print }
	NR % 250 == 0 { $1 = NR - 240; print }
	END { print first }' "$CS/sim.csv" > "$CS/all.csv"
hdr() { head -n 1 "$CS/all.csv"; }
{ hdr; sed -n 2,400p "$CS/all.csv"; } > "$CS/a.csv"
hdr > "$CS/b.csv"
{ hdr; sed -n 401,1700p "$CS/all.csv"; } > "$CS/c.csv"
{ hdr; sed -n '1701,$p' "$CS/all.csv"; } > "$CS/d.csv"
for s in a b c d; do
	sq-check --summary --partial "$CS/$s.csv" > "$CS/$s.st"
	sq-check --items --partial "$CS/$s.csv" > "$CS/$s.ist"
done
sq-check --summary "$CS/all.csv" > "$CS/one.tsv"
sq-check --summary -f json "$CS/all.csv" > "$CS/one.json"
sq-check --items "$CS/all.csv" > "$CS/items.tsv"

t "check scale: the data has every kind of problem" 0 - - sh -c "awk -F'\t' 'NR > 3 && NR < 11 && \$4 == 0 { exit 1 }' '$CS/one.tsv'"
t "check scale: duplicates across shards" 0 - - sh -c "[ \$(sq-check --summary '$CS/c.csv' | awk -F'\t' '\$3 == \"duplicate_ids\" { print \$4 }') -lt \$(awk -F'\t' '\$3 == \"duplicate_ids\" { print \$4 }' '$CS/one.tsv') ]"
t "check scale: header-only shard is an empty state" 0 - - grep -qx 'rows 0' "$CS/b.st"
t "check scale: summary of shards a b c d equals the single run" 0 "$CS/one.tsv" - sq-merge "$CS/a.st" "$CS/b.st" "$CS/c.st" "$CS/d.st"
t "check scale: summary of shards d b a c equals the single run" 0 "$CS/one.tsv" - sq-merge "$CS/d.st" "$CS/b.st" "$CS/a.st" "$CS/c.st"
t "check scale: json, shards c d b a" 0 "$CS/one.json" - sq-merge -f json "$CS/c.st" "$CS/d.st" "$CS/b.st" "$CS/a.st"
t "check scale: items of shards d c b a" 0 "$CS/items.tsv" - sq-merge "$CS/d.ist" "$CS/c.ist" "$CS/b.ist" "$CS/a.ist"
sq-merge --partial "$CS/d.st" "$CS/a.st" > "$CS/da.st"
sq-merge --partial "$CS/c.st" "$CS/b.st" > "$CS/cb.st"
t "check scale: a tree of merges equals the single run" 0 "$CS/one.tsv" - sq-merge "$CS/cb.st" "$CS/da.st"
t "check scale: -b file: summary of states per file" 0 - - sh -c "sq-check --summary --partial -b file '$CS/a.csv' '$CS/c.csv' > '$CS/ac.st' && sq-check --summary --partial -b file '$CS/d.csv' | sq-merge '$CS/ac.st' - | cmp -s - '$CS/one.tsv'"
t "check scale: four files: the summary of their concatenation" 0 "$CS/one.tsv" - sq-check --summary "$CS/a.csv" "$CS/b.csv" "$CS/c.csv" "$CS/d.csv"
# gates: on the merged counts, not in the shards' states
t "check scale: --partial does not apply gates" 0 '*' - sq-check --summary --partial --fail-if 'duplicate_ids>0' "$CS/a.csv"
sq-check --summary --partial --fail-if 'duplicate_ids>0' "$CS/a.csv" > "$CS/ga.st"
sq-check --summary --partial --fail-if 'duplicate_ids>0' "$CS/d.csv" > "$CS/gd.st"
t "check scale: a gate holds on the merged counts" 3 - "sq-check: gate duplicate_ids>0 held: 3 (0.42%)" sh -c "sq-merge '$CS/gd.st' '$CS/ga.st' > '$CS/g.tsv'"
t "check scale: ... and the merged table is written" 0 - - grep -q '^plain	servqual	duplicate_ids	3	' "$CS/g.tsv"

# Many files: the problems name the file and its own lines.
sq-check "$CS/c.csv" | sed 1d > "$CS/c.prob"
t "check scale: a file's problems keep its lines and name it" 0 "$CS/c.prob" - sh -c "sq-check '$CS/a.csv' '$CS/c.csv' | awk -F'\t' -v OFS='\t' '\$6 == \"$CS/c.csv\" && \$5 !~ /first on line [0-9]* of / { NF = 5; print }'"
t "check scale: a duplicate names the file of the first" 0 '*' - sh -c "sq-check '$CS/a.csv' '$CS/d.csv' | grep -q '(first on line [0-9]* of $CS/a.csv)	$CS/d.csv\$'"
sq-check "$CS/all.csv" | cut -f 4 | sort | uniq -c > "$CS/kinds"
t "check scale: the same problems as the concatenation" 0 "$CS/kinds" - sh -c "sq-check '$CS/a.csv' '$CS/b.csv' '$CS/c.csv' '$CS/d.csv' | cut -f 4 | sort | uniq -c"
sq-check "$CS/all.csv" > "$CS/all.prob"
t "check scale: -j 2 reads with one reader: the same list" 0 "$CS/all.prob" - sq-check -j 2 "$CS/all.csv"
l=$(grep -n '^1500,Norte,1,2$' "$CS/all.csv" | cut -d: -f1)
t "check scale: the short row is on its line" 0 - - grep -q "^$l			ragged_rows	row has 4 fields" "$CS/all.prob"
t "check scale: --clean of files with one header" 0 - - sh -c "sq-check --clean '$CS/two.csv' '$CS/a.csv' '$CS/d.csv' > /dev/null && [ \$(wc -l < '$CS/two.csv') -eq \$((\$(wc -l < '$CS/a.csv') + \$(wc -l < '$CS/d.csv') - 1)) ]"
awk -F, -v OFS=, '{ t = $1; $1 = $2; $2 = t; print }' "$CS/d.csv" > "$CS/swap.csv"
t "check scale: --clean of files with other headers" 1 - "sq-check: $CS/swap.csv:1: not the columns of $CS/a.csv (--clean writes one file: every file with the same header)" sq-check --clean "$CS/x.csv" "$CS/a.csv" "$CS/swap.csv"
t "check scale: ... and no clean file is left" 1 - - test -e "$CS/x.csv"

# Usage, hostile and mismatched states.
t "check scale: --partial needs --summary or --items" 2 - "~sq-check: --partial and --merge keep counts: give --summary or --items" sq-check --partial "$CS/a.csv"
t "check scale: --partial and --clean" 2 - "~sq-check: --clean writes rows: not with --partial or --merge" sq-check --summary --partial --clean "$CS/y.csv" "$CS/a.csv"
t "check scale: --summary and --items states refused together" 1 - "~not the same analysis as the first state" sq-merge "$CS/a.st" "$CS/a.ist"
head -n 20 "$CS/a.st" > "$CS/trunc.st"
t "check scale: truncated state" 1 - "sq-check: $CS/trunc.st:21: not a valid servqual state: unexpected end (truncated?)" sq-merge "$CS/trunc.st"
sed 's/^check \([0-9]*\) [0-9]*/check \1 999999/' "$CS/a.st" > "$CS/usable.st"
t "check scale: more usable than rows" 1 - "sq-check: $CS/usable.st:11: not a valid servqual state: more counts than rows" sq-merge "$CS/usable.st"
awk '$1 == "id" && !d { print; d = 1 } 1' "$CS/a.st" > "$CS/twice.st"
l=$(awk '$1 == "id" { print NR + 1; exit }' "$CS/a.st")
t "check scale: an id twice" 1 - "sq-check: $CS/twice.st:$l: not a valid servqual state: an id given twice" sq-merge "$CS/twice.st"
sed 's/^ids \([0-9]*\)/ids 9\1/' "$CS/a.st" > "$CS/nids.st"
t "check scale: more ids than rows" 1 - "~not a valid servqual state: more ids than rows" sq-merge "$CS/nids.st"
sed 's/^shape plain/shape fancy/' "$CS/a.st" > "$CS/shape.st"
t "check scale: unknown shape" 1 - "sq-check: $CS/shape.st:13: not a valid servqual state: unknown header shape" sq-merge "$CS/shape.st"
sed 's/^id 3/id 3x/' "$CS/a.st" > "$CS/hex.st"
t "check scale: an id not hex" 1 - "~not a valid servqual state: an id that is not hex" sq-merge "$CS/hex.st"
sq-gap --invalid missing --partial "$CS/a.csv" > "$CS/gap.st" 2>/dev/null
t "check scale: a state of another tool" 1 - "~gap.st:10: a state of sq-gap, not of sq-check" sq-check --summary --merge "$CS/gap.st"
sq-check --summary --partial --min-answers 30 "$CS/a.csv" > "$CS/min.st"
t "check scale: other options refused" 1 - "~not the same analysis as the first state" sq-merge "$CS/a.st" "$CS/min.st"
