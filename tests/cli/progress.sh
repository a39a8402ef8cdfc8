# The progress line: on standard error with --progress (by default only
# when standard error is a terminal), never with --quiet; the table is the
# same either way.
G=$TMP/prog
mkdir -p "$G"
sq-simulate -n 20000 -s 5 -o "$G/p.csv" 2>/dev/null
sq-gap "$G/p.csv" > "$G/plain"
for j in 1 2; do
	t "progress: --progress -j $j leaves the table alone" 0 "$G/plain" '*' env SQ_PROGRESS_INTERVAL=0 sq-gap -j $j --progress "$G/p.csv"
	SQ_PROGRESS_INTERVAL=0 sq-gap -j $j --progress "$G/p.csv" 2> "$G/err$j" > /dev/null
	t "progress: -j $j draws bytes, rows, rate and time left" 0 - - grep -q "sq-gap: $G/p.csv: .* of .*, [0-9]* rows, [0-9.]* MB/s, [0-9]* s left" "$G/err$j"
done
t "progress: --quiet silences it" 0 "$G/plain" - env SQ_PROGRESS_INTERVAL=0 sq-gap --quiet "$G/p.csv"
t "progress: not in a file by default" 0 "$G/plain" - env SQ_PROGRESS_INTERVAL=0 sq-gap "$G/p.csv"
t "progress: standard input, size unknown" 0 - - sh -c "SQ_PROGRESS_INTERVAL=0 sq-gap --progress < '$G/p.csv' 2>&1 >/dev/null | grep -q 'sq-gap: -: .* of ?, [0-9]* rows'"
