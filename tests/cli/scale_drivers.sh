# sq-drivers at scale: 4 shards of unequal size (one with a header and no
# rows) merged by sq-merge in any order print the single run's table, byte
# for byte; -j 2 equals -j 1; two files equal their concatenation; -b file
# gives per-file segments; hostile states exit 1 naming the line.
SD=$TMP/scale_drivers
mkdir -p "$SD"
sq-simulate -n 1500 -s 29 --segments 4 --missing 0.08 -o "$SD/all.csv" 2>/dev/null
# a decimal outcome too (exact over 10^4): spend = a pseudo-random x.yz
awk -F, -v OFS=, 'NR == 1 { print $0, "spend"; next } { print $0, (NR * 7919 % 100000) / 100 }' \
    "$SD/all.csv" > "$SD/allx.csv"
sdhdr() { head -n 1 "$SD/allx.csv"; }
{ sdhdr; sed -n 2,140p "$SD/allx.csv"; } > "$SD/a.csv"
sdhdr > "$SD/b.csv"
{ sdhdr; sed -n 141,1210p "$SD/allx.csv"; } > "$SD/c.csv"
{ sdhdr; sed -n '1211,$p' "$SD/allx.csv"; } > "$SD/d.csv"
SDT="--target REL=5,G:TAN=-1,EMP=4.5"
for s in a b c d; do
	sq-drivers --partial "$SD/$s.csv" > "$SD/$s.st"
	sq-drivers --partial -b sucursal $SDT "$SD/$s.csv" > "$SD/$s.bst"
	sq-drivers --partial --outcome spend --importance derived "$SD/$s.csv" > "$SD/$s.xst"
done
sq-drivers "$SD/allx.csv" > "$SD/one.tsv"
sq-drivers -f json "$SD/allx.csv" > "$SD/one.json"
sq-drivers -b sucursal $SDT "$SD/allx.csv" > "$SD/oneb.tsv"
sq-drivers --outcome spend --importance derived "$SD/allx.csv" > "$SD/onex.tsv"

t "scale drivers: header-only shard is an empty state" 0 - - sq-drivers --partial -o "$SD/b2.st" "$SD/b.csv"
t "scale drivers: shards a b c d equal the single run" 0 "$SD/one.tsv" - sq-merge "$SD/a.st" "$SD/b.st" "$SD/c.st" "$SD/d.st"
t "scale drivers: shards d b a c equal the single run" 0 "$SD/one.tsv" - sq-merge "$SD/d.st" "$SD/b.st" "$SD/a.st" "$SD/c.st"
t "scale drivers: shards c d b a, json" 0 "$SD/one.json" - sq-merge -f json "$SD/c.st" "$SD/d.st" "$SD/b.st" "$SD/a.st"
sq-merge --partial "$SD/d.st" "$SD/a.st" > "$SD/da.st"
sq-merge --partial "$SD/c.st" "$SD/b.st" > "$SD/cb.st"
t "scale drivers: a tree of merges equals the single run" 0 "$SD/one.tsv" - sq-merge "$SD/cb.st" "$SD/da.st"
t "scale drivers: state of the merge equals state of one run" 0 - - sh -c "sq-drivers --partial '$SD/allx.csv' | sed 1,9d > '$SD/x1'; sq-merge --partial '$SD/c.st' '$SD/a.st' '$SD/d.st' '$SD/b.st' | sed 1,9d | cmp -s - '$SD/x1'"
t "scale drivers: decimal outcome, shards b d c a" 0 "$SD/onex.tsv" - sq-merge "$SD/b.xst" "$SD/d.xst" "$SD/c.xst" "$SD/a.xst"
t "scale drivers: segments and targets, shards in file order" 0 "$SD/oneb.tsv" - sq-merge "$SD/a.bst" "$SD/b.bst" "$SD/c.bst" "$SD/d.bst"
sort "$SD/oneb.tsv" > "$SD/oneb.sorted"
sq-merge "$SD/d.bst" "$SD/c.bst" "$SD/b.bst" "$SD/a.bst" | sort > "$SD/rev.sorted"
t "scale drivers: segments in another order: the same rows" 0 "$SD/oneb.sorted" - cat "$SD/rev.sorted"
t "scale drivers: --fail-if replayed by the merge" 3 '*' "~gate missed held" sq-merge "$(sq-drivers --partial --target REL=7 --fail-if missed -o "$SD/f.st" "$SD/a.csv"; echo "$SD/f.st")"

# Many files; -b file; -j.
t "scale drivers: two files equal their concatenation" 0 "$SD/one.tsv" - sq-drivers "$SD/a.csv" "$SD/b.csv" "$SD/c.csv" "$SD/d.csv"
sq-drivers -b file --target REL=5 "$SD/a.csv" "$SD/c.csv" > "$SD/byfile.tsv"
t "scale drivers: -b file, one segment per file" 0 - - sh -c "awk -F'\t' '\$1 == \"target\" && \$5 == \"n\" { print \$2 }' '$SD/byfile.tsv' | tr '\n' ' ' | grep -qx 'all $SD/a.csv $SD/c.csv '"
sq-simulate -n 20000 -s 31 --segments 5 --missing 0.05 -o "$SD/big.csv" 2>/dev/null
sq-drivers -j 1 -b sucursal $SDT -f json "$SD/big.csv" > "$SD/j1.json"
t "scale drivers: -j 2 equals -j 1 (json, segments, targets)" 0 "$SD/j1.json" - sq-drivers -j 2 -b sucursal $SDT -f json "$SD/big.csv"
sq-drivers -j 1 --partial "$SD/big.csv" | sed 1,9d > "$SD/j1.st"
t "scale drivers: -j 2 state equals -j 1 state" 0 "$SD/j1.st" - sh -c "sq-drivers -j 2 --partial '$SD/big.csv' | sed 1,9d"
# an invalid outcome cell in each half: counted once per cell, -j or not
awk -F, -v OFS=, 'NR == 1 { print $0, "rec"; next } { print $0, (NR == 30 || NR == 19000) ? "x" : NR % 10 }' \
    "$SD/big.csv" > "$SD/bigbad.csv"
sq-drivers -j 1 --invalid=missing --outcome rec "$SD/bigbad.csv" > "$SD/bad1.tsv" 2>/dev/null
t "scale drivers: -j 2, invalid outcome cells counted" 0 "$SD/bad1.tsv" "sq-drivers: $SD/bigbad.csv: 2 invalid values treated as missing" sq-drivers -j 2 --invalid=missing --outcome rec "$SD/bigbad.csv"
t "scale drivers: -j 2, the first invalid outcome names its line" 1 - "sq-drivers: $SD/bigbad.csv:30: column rec (#53): \"x\" is not a number" sq-drivers -j 2 --outcome rec "$SD/bigbad.csv"
sed 30d "$SD/bigbad.csv" > "$SD/bigbad2.csv"
t "scale drivers: -j 2, an invalid outcome in the second range names its line" 1 - "sq-drivers: $SD/bigbad2.csv:18999: column rec (#53): \"x\" is not a number" sq-drivers -j 2 --outcome rec "$SD/bigbad2.csv"
sq-drivers -j 2 --partial --invalid=missing --outcome rec "$SD/bigbad.csv" > "$SD/bad.st" 2>/dev/null
t "scale drivers: the state counts them" 0 - - grep -qx "invalid 2" "$SD/bad.st"
t "scale drivers: the merge warns of them" 0 "$SD/bad1.tsv" "sq-drivers: 2 invalid values treated as missing" sq-merge "$SD/bad.st"

# Refusals and hostile states.
sq-drivers --partial --conf 0.9 "$SD/a.csv" > "$SD/conf.st"
t "scale drivers: other options refused" 1 - "~not the same analysis as the first state" sq-merge "$SD/a.st" "$SD/conf.st"
t "scale drivers: --by and no --by refused" 1 - "~not the same analysis as the first state" sq-merge "$SD/a.st" "$SD/a.bst"
sq-gap --partial "$SD/a.csv" > "$SD/gap.st"
t "scale drivers: a state of another tool" 1 - "~a state of sq-gap, not of sq-drivers" sq-drivers --merge "$SD/gap.st"
t "scale drivers: other instrument refused" 1 - "~the state is of another instrument" sq-merge -c tests/oracle/drivers/cb3_codebook.csv "$SD/a.st"
head -n 14 "$SD/c.st" > "$SD/trunc.st"
t "scale drivers: truncated state" 1 - "sq-drivers: $SD/trunc.st:15: not a valid servqual state: unexpected end (truncated?)" sq-merge "$SD/trunc.st"
sed 's/^model 1 \([0-9]*\)$/model 1 99999999/' "$SD/c.st" > "$SD/count.st"
_sdl=$(grep -n '^model 1 ' "$SD/c.st" | cut -d: -f1)
t "scale drivers: a count above the respondents" 1 - "sq-drivers: $SD/count.st:$_sdl: not a valid servqual state: a count out of range" sq-merge "$SD/count.st"
awk '$1 == "sums" && !d { $2 = "9" $2 "000000000000"; d = 1 } 1' "$SD/c.st" > "$SD/sum.st"
t "scale drivers: an impossible sum" 1 - "~not a valid servqual state: an integer sum out of range" sq-merge "$SD/sum.st"
awk '$1 == "total" { $3 = $3 + 1 } 1' "$SD/c.st" > "$SD/tot.st"
t "scale drivers: weight sums that do not add up" 1 - "~weight sums that do not add up to their total" sq-merge "$SD/tot.st"
sed 's/^drivers 5 60 /drivers 5 61 /' "$SD/c.st" > "$SD/den.st"
t "scale drivers: another denominator" 1 - "~not the instrument's denominators" sq-merge "$SD/den.st"
sed 's/^groups 1$/groups 2/' "$SD/c.st" > "$SD/grp.st"
t "scale drivers: segments in a state without --by" 1 - "~segments in a state without --by" sq-merge "$SD/grp.st"
awk '$1 == "mom" && !d { $6 = "nan"; d = 1 } 1' "$SD/c.st" > "$SD/nan.st"
t "scale drivers: a NaN in running moments" 1 - "~running moments that are not ones" sq-merge "$SD/nan.st"
awk '$1 == "cross" && !d { NF = NF - 1; d = 1 } 1' "$SD/c.st" > "$SD/nf.st"
t "scale drivers: a field missing" 1 - "~wrong number of fields" sq-merge "$SD/nf.st"
