# sq-gap --partial and sq-merge: 4 shards of unequal size (one with a
# header and no rows) merged in any order print the single run's table,
# byte for byte; states of different analyses are refused.
M=$TMP/merge
mkdir -p "$M"
sq-simulate -n 1500 -s 41 --segments 4 --missing 0.08 -o "$M/all.csv" 2>/dev/null
hdr() { head -n 1 "$M/all.csv"; }
{ hdr; sed -n 2,120p "$M/all.csv"; } > "$M/a.csv"
hdr > "$M/b.csv"
{ hdr; sed -n 121,1300p "$M/all.csv"; } > "$M/c.csv"
{ hdr; sed -n '1301,$p' "$M/all.csv"; } > "$M/d.csv"
for s in a b c d; do
	sq-gap --partial "$M/$s.csv" > "$M/$s.st"
	sq-gap --partial -b sucursal "$M/$s.csv" > "$M/$s.bst"
done
sq-gap "$M/all.csv" > "$M/one.tsv"
sq-gap -f json --lang es "$M/all.csv" > "$M/one.json"
sq-gap -b sucursal "$M/all.csv" > "$M/oneb.tsv"

t "merge: header-only shard is an empty state" 0 - - sq-gap --partial -o "$M/b2.st" "$M/b.csv"
t "merge: shards a b c d equal the single run" 0 "$M/one.tsv" - sq-merge "$M/a.st" "$M/b.st" "$M/c.st" "$M/d.st"
t "merge: shards d b a c equal the single run" 0 "$M/one.tsv" - sq-merge "$M/d.st" "$M/b.st" "$M/a.st" "$M/c.st"
t "merge: shards c d b a, json, Spanish" 0 "$M/one.json" - sq-merge -f json --lang es "$M/c.st" "$M/d.st" "$M/b.st" "$M/a.st"
sq-merge --partial "$M/d.st" "$M/a.st" > "$M/da.st"
sq-merge --partial "$M/c.st" "$M/b.st" > "$M/cb.st"
t "merge: a tree of merges equals the single run" 0 "$M/one.tsv" - sq-merge "$M/cb.st" "$M/da.st"
t "merge: a state on standard input" 0 "$M/one.tsv" - sh -c "sq-merge - '$M/b.st' '$M/c.st' '$M/d.st' < '$M/a.st'"
t "merge: segments, shards in file order" 0 "$M/oneb.tsv" - sq-merge "$M/a.bst" "$M/b.bst" "$M/c.bst" "$M/d.bst"
sort "$M/oneb.tsv" > "$M/oneb.sorted"
sq-merge "$M/d.bst" "$M/c.bst" "$M/b.bst" "$M/a.bst" | sort > "$M/rev.sorted"
t "merge: segments in another order: the same rows" 0 "$M/oneb.sorted" - cat "$M/rev.sorted"
t "merge: state of the merge equals state of one run" 0 - - sh -c "sq-gap --partial '$M/all.csv' | sed 1,9d > '$M/x1'; sq-merge --partial '$M/a.st' '$M/b.st' '$M/c.st' '$M/d.st' | sed 1,9d | cmp -s - '$M/x1'"

# Refusals.
sq-gap --partial --conf 0.9 "$M/a.csv" > "$M/conf.st"
t "merge: other options refused" 1 - "~not the same analysis as the first state" sq-merge "$M/a.st" "$M/conf.st"
t "merge: --by and no --by refused" 1 - "~not the same analysis as the first state" sq-merge "$M/a.st" "$M/a.bst"
t "merge: other instrument refused" 1 - "~the state is of another instrument" sq-merge -c tests/data/gap/codebook.csv "$M/a.st"
t "merge: not a state" 1 - "sq-merge: $M/a.csv:1: not a valid servqual state: expected \"servqual-state\"" sq-merge "$M/a.csv"
head -c 3000 "$M/a.st" > "$M/trunc.st"
t "merge: truncated state" 1 - "~not a valid servqual state" sq-merge "$M/trunc.st"
awk '!d && $1 == "mom" && $3 == 0 && $2 != "0x0p+0" { $5 = "9999999999999999999999999" $5; d = 1 } 1' "$M/a.st" > "$M/big.st"
t "merge: impossible sums refused" 1 - "~out of range" sq-merge "$M/big.st"
sed 's/^version .*/version 9.9/' "$M/a.st" > "$M/ver.st"
t "merge: other version refused" 1 - "~a state of sq-gap 9.9, not of version 0.1.0" sq-merge "$M/a.st" "$M/ver.st"
{ cat "$M/a.st"; echo extra; } > "$M/extra.st"
t "merge: data after end" 1 - "~extra.st:$(($(wc -l < "$M/a.st") + 1)): not a valid servqual state: expected \"servqual-state\"" sq-merge "$M/extra.st"
cat "$M/c.st" "$M/a.st" "$M/d.st" > "$M/cad.st"
t "merge: several states in one stream" 0 "$M/one.tsv" - sh -c "cat '$M/b.st' | sq-merge '$M/cad.st' -"
t "merge: no state" 2 - "~sq-merge: no state given" sq-merge
t "merge: empty state name" 2 - "~sq-merge: a state file name is empty" sq-merge ""
t "merge: standard input twice" 2 - "~sq-merge: standard input given twice" sq-merge - -
t "merge: help" 0 '*' - sq-merge -h
t "merge: version" 0 '*' - sq-merge --version
t "merge: missing file" 1 - "sq-merge: $M/nope.st: No such file or directory" sq-merge "$M/nope.st"

# Other forms: SERVPERF (P only) and the three-column form, split in two.
for f in servperf zone; do
	src=tests/oracle/zone/$f.csv
	cb=""
	[ "$f" = zone ] && cb="-c tests/oracle/zone/zone_codebook.csv"
	n=$(wc -l < "$src")
	{ head -n 1 "$src"; sed -n "2,$((n / 3))p" "$src"; } > "$M/$f.1.csv"
	{ head -n 1 "$src"; sed -n "$((n / 3 + 1)),\$p" "$src"; } > "$M/$f.2.csv"
	# shellcheck disable=SC2086
	sq-gap $cb -f md "$src" > "$M/$f.one" 2>/dev/null
	# shellcheck disable=SC2086
	t "merge: $f form, two shards, md" 0 "$M/$f.one" - sh -c "sq-gap $cb --partial '$M/$f.2.csv' > '$M/$f.2.st' && sq-gap $cb --partial '$M/$f.1.csv' | sq-merge $cb -f md - '$M/$f.2.st'"
done

# Options that shape only the output pass through --tool-option; an
# analysis option that way is refused (the states did not record it).
sq-alpha --partial "$M/a.csv" > "$M/a.ast"
sq-alpha --partial "$M/c.csv" > "$M/c.ast"
{ head -n 1 "$M/a.csv"; sed 1d "$M/a.csv"; sed 1d "$M/c.csv"; } > "$M/ac.csv"
sq-alpha --items -f tsv "$M/ac.csv" > "$M/ac.items"
t "merge: --tool-option passes an output option" 0 "$M/ac.items" - sq-merge -f tsv --tool-option=--items "$M/a.ast" "$M/c.ast"
t "merge: --tool-option with an analysis option is refused" 1 - "~not the same analysis as the options given" sq-merge --tool-option --pairwise "$M/a.ast"
t "merge: --tool-option not an option" 2 - "~--tool-option: \"x\" is not an option of the tool's" sq-merge --tool-option x "$M/a.ast"
t "merge: states of two tools refused" 1 - "~a state of sq-alpha, $M/a.st one of sq-gap: one analysis at a time" sq-merge "$M/a.st" "$M/a.ast"
