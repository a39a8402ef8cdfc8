# -j N: one regular file parsed in N byte ranges split at true row starts;
# the output equals -j 1 byte for byte, errors name the right line.
J=$TMP/jobs
mkdir -p "$J"
sq-simulate -n 3000 -s 99 --segments 4 --missing 0.05 -o "$J/s.csv" 2>/dev/null
# quoted segment values holding newlines, commas and quotes: a newline
# inside quotes must not be taken for a row start
awk -F, -v OFS=, 'NR > 1 && NR % 7 == 0 { $2 = "\"Multi\nline, \"\"x\"\"\n" $2 "\"" } 1' "$J/s.csv" > "$J/q.csv"
for f in s q; do
	sq-gap -j 1 -b sucursal "$J/$f.csv" > "$J/$f.1"
	t "jobs: -j 2 equals -j 1 ($f)" 0 "$J/$f.1" - sq-gap -j 2 -b sucursal "$J/$f.csv"
	t "jobs: -j 5 equals -j 1 ($f)" 0 "$J/$f.1" - sq-gap -j 5 -b sucursal "$J/$f.csv"
done
t "jobs: quoted newlines make more segments" 0 - - sh -c "[ \$(cut -f 2 '$J/q.1' | sort -u | wc -l) -gt \$(cut -f 2 '$J/s.1' | sort -u | wc -l) ]"
sq-gap -j 1 --partial "$J/q.csv" > "$J/q.st1"
t "jobs: --partial -j 3 equals -j 1" 0 "$J/q.st1" - sq-gap -j 3 --partial "$J/q.csv"
# a bad value near the end: the same message, the file's line number
n=$(wc -l < "$J/q.csv")
awk -F, -v OFS=, -v n="$n" 'NR == n - 3 { $3 = "9" } 1' "$J/q.csv" > "$J/bad.csv"
sq-gap -j 1 "$J/bad.csv" 2> "$J/bad.err1"
t "jobs: an error in the last range names the line" 1 - "$(cat "$J/bad.err1")" sq-gap -j 4 "$J/bad.csv"
t "jobs: that line is the physical line" 0 - - grep -q "bad.csv:$((n - 3)): column E1" "$J/bad.err1"
t "jobs: -j 0 is a usage error" 2 - "~sq-gap: -j: \"0\": expected a whole number from 1 to 256" sq-gap -j 0 "$J/s.csv"
t "jobs: standard input keeps the one reader" 0 "$J/s.1" - sh -c "sq-gap -j 4 -b sucursal < '$J/s.csv'"
{ echo "Survey export, December"; echo "title row 2"; cat "$J/s.csv"; } > "$J/title.csv"
t "jobs: --skip-rows with -j 3 equals the plain file" 0 "$J/s.1" - sq-gap -j 3 --skip-rows 2 -b sucursal "$J/title.csv"
