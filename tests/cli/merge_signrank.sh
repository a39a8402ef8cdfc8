# The state carries the signed-rank counts and --adjust: sq-merge's w_n, w,
# p_w and p_adj equal the single run's, by segment (dimension scores are
# fractions: their counts are in the state); -j 2 equals -j 1; states of
# different --adjust are refused; bad value lines name their line.
W=$TMP/merge_signrank
mkdir -p "$W"
sq-simulate -n 900 -s 7 --segments 3 --missing 0.05 -o "$W/all.csv" 2>/dev/null
n=$(wc -l < "$W/all.csv")
{ head -n 1 "$W/all.csv"; sed -n "2,$((n / 3))p" "$W/all.csv"; } > "$W/a.csv"
{ head -n 1 "$W/all.csv"; sed -n "$((n / 3 + 1)),\$p" "$W/all.csv"; } > "$W/b.csv"
for adj in holm bh bonferroni none; do
	sq-gap --adjust $adj -b sucursal "$W/all.csv" > "$W/one.$adj"
	sq-gap --adjust $adj --partial -b sucursal "$W/a.csv" > "$W/a.$adj"
	sq-gap --adjust $adj --partial -b sucursal "$W/b.csv" > "$W/b.$adj"
	t "merge_signrank: --adjust $adj, two shards equal one run" 0 "$W/one.$adj" - sq-merge "$W/a.$adj" "$W/b.$adj"
	t "merge_signrank: --adjust $adj, -j 2 equals -j 1" 0 "$W/one.$adj" - sq-gap -j 2 --adjust $adj -b sucursal "$W/all.csv"
done
t "merge_signrank: dimension values reach the state" 0 - - sh -c "grep -q '^values dim 0 [1-9]' '$W/a.holm'"
t "merge_signrank: the state names --adjust" 0 - - sh -c "grep -qx 'option adjust bh' '$W/a.bh'"
t "merge_signrank: merged state equals the state of the whole" 0 - - sh -c "sq-gap --adjust bh --partial -b sucursal '$W/all.csv' > '$W/whole.st' && sq-merge --partial '$W/a.bh' '$W/b.bh' | cmp - '$W/whole.st'"
t "merge_signrank: different --adjust refused" 1 - "~not the same analysis as the first state" sq-merge "$W/a.holm" "$W/b.bh"
# a value line out of order, a zero count, a non-number: errors naming the line
L=$(grep -n '^values dim 0 [1-9]' "$W/a.holm" | head -n 1 | cut -d: -f1)
sed "$((L + 1))s/ [0-9]*\$/ 0/" "$W/a.holm" > "$W/zero.st"
t "merge_signrank: a zero count" 1 - "sq-gap: $W/zero.st:$((L + 1)): not a valid servqual state: a count out of range" sq-merge "$W/zero.st"
sed "$((L + 1))s/^[^ ]*/nan/" "$W/a.holm" > "$W/nan.st"
t "merge_signrank: a value not a number" 1 - "sq-gap: $W/nan.st:$((L + 1)): not a valid servqual state: a value that is not a finite number" sq-merge "$W/nan.st"
sed "$((L + 1))d" "$W/a.holm" > "$W/short.st"
t "merge_signrank: a value line missing" 1 - "~$W/short.st:" sq-merge "$W/short.st"
# main's options: --fold-segments is recorded (a mismatch refused),
# --formula-guard given to sq-merge prints the single run's bytes
sq-gap --fold-segments --partial -b sucursal "$W/a.csv" > "$W/a.fold"
t "merge_signrank: different --fold-segments refused" 1 - "~not the same analysis as the first state" sq-merge "$W/a.holm" "$W/a.fold"
sq-gap --formula-guard -f csv -b sucursal "$W/all.csv" > "$W/one.guard"
t "merge_signrank: --formula-guard as the single run" 0 "$W/one.guard" - sq-merge --formula-guard -f csv "$W/a.holm" "$W/b.holm"
sq-gap -j 1 --fold-segments -b sucursal "$W/all.csv" > "$W/one.fold"
t "merge_signrank: --fold-segments, -j 2 equals -j 1" 0 "$W/one.fold" - sq-gap -j 2 --fold-segments -b sucursal "$W/all.csv"
