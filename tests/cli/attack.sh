# Reproductions of issue 10 (an independent attack): each case failed
# before its fix. Under make check SAN=1 the tools are the sanitized ones.
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
A=tests/data/attack
S=samples/banco_demo.csv
F=samples/formats
mkdir -p "$TMP/atk"

# 1. Parallel analysis with fewer iterations than items wrote past `col`.
i=1
while [ $i -le 21 ]; do
	t "attack: sq-factor --iter $i" 0 '*' '*' sq-factor --iter $i $S
	i=$((i + 1))
done
t "attack: sq-chart scree --iter 1" 0 - - \
    sq-chart scree --iter 1 -o "$TMP/atk/scree.png" $S

# 2. sq-simulate: NaN options and wide scales overflowed the line buffer.
# (The exit code of a bad option is the option parser's: non-zero, and
# nothing may reach standard output.)
for o in "--sd nan" "--loading nan" "--rho nan" "--rho-ep nan" \
    "--shift nan" "--gap nan,nan,nan,nan,nan" "--sd 1e300" \
    "--shift -inf"; do
	# shellcheck disable=SC2086
	t "attack: sq-simulate $o refused" 0 - - sh -c \
	    "sq-simulate -n 2 $o >'$TMP/atk/sim.csv' 2>/dev/null; \
	    [ \$? -ne 0 ] && [ ! -s '$TMP/atk/sim.csv' ]"
done
t "attack: codebook scale 1,1e308" 1 - \
    "sq-simulate: $A/cb_scale_huge.csv:1: column #3: scale maximum \"1e308\" is not a whole number in -1000000..1000000" \
    sq-simulate -n 2 -c $A/cb_scale_huge.csv
t "attack: codebook scale of int's range" 1 - \
    "sq-simulate: $A/cb_scale_int.csv:1: column #2: scale minimum \"-2147483648\" is not a whole number in -1000000..1000000" \
    sq-simulate -n 2 -c $A/cb_scale_int.csv
t "attack: codebook scale 1,7.5" 1 - \
    "sq-gap: $A/cb_scale_frac.csv:1: column #3: scale maximum \"7.5\" is not a whole number in -1000000..1000000" \
    sq-gap -c $A/cb_scale_frac.csv $S
printf 'scale,-1000000,1000000\noverall,-1000000,1000000\n' > "$TMP/atk/wide.csv"
t "attack: the widest scale simulates and reads back" 0 '*' '*' sh -c \
    "sq-simulate -n 50 --sd 10 -c '$TMP/atk/wide.csv' > '$TMP/atk/w.csv' &&
    sq-gap -c '$TMP/atk/wide.csv' '$TMP/atk/w.csv' >/dev/null &&
    awk -F, 'NR > 1 && (\$3 < -1000000 || \$3 > 1000000) { exit 1 }' '$TMP/atk/w.csv'"

# 3. More than 64 header fields without E1 and P1 among the first 64:
# sq-chart's table detection read past a fixed array of names.
# (qualtrics_wide.csv: qualtrics_new.csv with two more columns.)
t "attack: sq-chart, 65-column Qualtrics export" 0 - - \
    sq-chart gaps -c $F/qualtrics_new.codebook.csv -o "$TMP/atk/q2.png" \
    $A/qualtrics_wide.csv
{ printf 'scope'; i=1; while [ $i -le 80 ]; do printf '\tc%d' $i; i=$((i + 1)); done
  printf '\tgap\n'; } > "$TMP/atk/wide.tsv"
t "attack: sq-chart, gap column after 80 others" 1 - '~the table has no column' \
    sq-chart gaps -o "$TMP/atk/w.png" "$TMP/atk/wide.tsv"

# 4. Non-finite and enormous values in chart tables hung the tick loop.
t "attack: ipa table with inf" 1 - \
    "sq-chart: $A/ipa_inf.tsv:3: column importance (#2): \"inf\" is not a finite number" \
    timeout 20 sq-chart ipa -o "$TMP/atk/i.png" $A/ipa_inf.tsv
t "attack: ipa table with 1e999" 1 - \
    "sq-chart: $A/ipa_overflow.tsv:3: column importance (#2): \"1e999\" is not a finite number" \
    timeout 20 sq-chart ipa -o "$TMP/atk/i.png" $A/ipa_overflow.tsv
t "attack: ipa table with 1e308 and -1e308" 1 - \
    "sq-chart: $A/ipa_huge.tsv:3: column importance (#2): importance is -1e+308, outside 0..inf" \
    timeout 20 sq-chart ipa -o "$TMP/atk/i.png" $A/ipa_huge.tsv
t "attack: no chart file after a refusal" 0 - - sh -c "! ls '$TMP/atk/i.png' 2>/dev/null"

# 6. Codebook labels: a hash set, not a scan of every earlier label.
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "label,answer %d,%d\n", i, 1 + i % 7 }' \
    > "$TMP/atk/labels.csv"
t "attack: 200,000 codebook labels" 0 '*' - \
    timeout 60 sq-gap -c "$TMP/atk/labels.csv" $S
{ cat "$TMP/atk/labels.csv"; echo 'label,Answer  199999,3'; } > "$TMP/atk/labels2.csv"
t "attack: a label declared twice among 200,000" 1 - \
    "sq-gap: $TMP/atk/labels2.csv:200001: column #2: label \"Answer  199999\" is declared twice" \
    timeout 60 sq-gap -c "$TMP/atk/labels2.csv" $S

# 7. Temporary files: the target's mode, long names, signals.
rm -f "$TMP/atk/m.tsv"
: > "$TMP/atk/m.tsv"
chmod 600 "$TMP/atk/m.tsv"
t "attack: -o over a 0600 file" 0 - - sq-gap -o "$TMP/atk/m.tsv" $S
t "attack: ... keeps 0600" 0 - - sh -c "[ \"\$(stat -c %a '$TMP/atk/m.tsv')\" = 600 ]"
long=$(printf '%0246d' 0 | tr 0 x)
t "attack: a 250-byte -o name" 0 - - sq-gap -o "$TMP/atk/$long.tsv" $S
t "attack: a 250-byte sq-chart name" 0 - - \
    sq-chart gaps -o "$TMP/atk/$long.png" $S
t "attack: a 250-byte --clean name" 0 '*' '*' \
    sq-check --clean "$TMP/atk/$long.csv" $S
t "attack: no temporary left" 0 - - sh -c "! ls -a '$TMP/atk' | grep -q '^\\.sq'"
mkdir -p "$TMP/sig"
sig_case() {	# NAME SIGNAL CMD...: no file at all left after SIGNAL
	name=$1 sig=$2
	shift 2
	rm -rf "$TMP/sig" && mkdir -p "$TMP/sig"
	"$@" >/dev/null 2>&1 &
	pid=$!
	# wait until the temporary exists, then signal
	n=0
	while [ $n -lt 100 ] && ! ls -a "$TMP/sig" | grep -q '^\.sq'; do
		sleep 0.1
		n=$((n + 1))
	done
	kill -"$sig" $pid 2>/dev/null
	wait $pid 2>/dev/null
	t "$name" 0 - - sh -c "[ -z \"\$(ls -A '$TMP/sig')\" ]"
}
# (a background job of a script starts with SIGINT ignored: undo that)
sig_case "attack: SIGINT of sq-simulate -o leaves nothing" INT \
    env --default-signal=INT sq-simulate -n 3000000 -o "$TMP/sig/sim.csv"
sig_case "attack: SIGTERM of sq-simulate -o leaves nothing" TERM \
    sq-simulate -n 3000000 -o "$TMP/sig/sim.csv"
sq-simulate -n 100000 > "$TMP/atk/big.csv" 2>/dev/null
sig_case "attack: SIGTERM of sq-check --clean leaves nothing" TERM \
    sq-check --clean "$TMP/sig/clean.csv" "$TMP/atk/big.csv"

# 9. Codebook column rows that name nothing are refused at their line.
t "attack: column row naming no header" 1 - \
    "sq-gap: $A/cb_col_absent.csv:1: column #2: column \"NoSuchHeader\" is not in the header of $S" \
    sq-gap -c $A/cb_col_absent.csv $S
t "attack: column #0" 1 - \
    "sq-gap: $A/cb_col_zero.csv:1: column #2: column \"#0\": columns are numbered from #1 (#1..#1000000)" \
    sq-gap -c $A/cb_col_zero.csv $S
t "attack: column #99999" 1 - \
    "sq-gap: $A/cb_col_far.csv:1: column #2: column \"#99999\": $S has only 52 columns" \
    sq-gap -c $A/cb_col_far.csv $S
t "attack: a column mapped twice" 1 - \
    "sq-gap: $A/cb_col_twice.csv:2: column #2: column \"E1\" is mapped twice (also on line 1)" \
    sq-gap -c $A/cb_col_twice.csv $S

# 10. Smaller inconsistencies.
t "attack: -f tsv >/dev/full says why" 1 - \
    "sq-gap: standard output: write error: No space left on device" \
    sh -c "sq-gap -f tsv $S > /dev/full"
t "attack: -f csv >/dev/full says why" 1 - \
    "sq-gap: standard output: write error: No space left on device" \
    sh -c "sq-gap -f csv $S > /dev/full"
t "attack: sq-simulate -o /dev/full names it" 1 - \
    "sq-simulate: /dev/full: write error: No space left on device" \
    sq-simulate -n 5 -o /dev/full
t "attack: sq-chart reading a directory" 1 - \
    "sq-chart: $A: read failed: Is a directory" \
    sq-chart gaps -o "$TMP/atk/d.png" $A
t "attack: sq-chart with stdin closed" 1 - \
    "~read failed: Bad file descriptor" \
    sh -c "sq-chart gaps -o '$TMP/atk/d.png' <&-"
# The overall rating is checked against its scale: the codebook's
# overall,MIN,MAX, or else the items' scale (whole numbers, as the answers).
t "attack: overall 8 on an overall,1,7 survey" 1 - \
    "sq-gap: $A/overall8.csv:2: column overall (#52): \"8\" is outside the overall rating's scale 1..7" \
    sq-gap -c $A/cb_overall7.csv $A/overall8.csv
t "attack: overall 0 on an overall,1,7 survey" 1 - \
    "sq-gap: $A/overall0.csv:3: column overall (#52): \"0\" is outside the overall rating's scale 1..7" \
    sq-gap -c $A/cb_overall7.csv $A/overall0.csv
t "attack: overall 8 on the built-in 1..7 instrument" 1 - \
    "sq-gap: $A/overall8.csv:2: column overall (#52): \"8\" is outside the overall rating's scale 1..7 (the items' scale; a codebook row overall,MIN,MAX gives it its own)" \
    sq-gap $A/overall8.csv
t "attack: overall 0 on the built-in 1..7 instrument" 1 - \
    "sq-gap: $A/overall0.csv:3: column overall (#52): \"0\" is outside the overall rating's scale 1..7 (the items' scale; a codebook row overall,MIN,MAX gives it its own)" \
    sq-gap $A/overall0.csv
printf 'scale,1,7\n' > "$TMP/atk/cb_scale7.csv"
t "attack: overall 8 on a 1..7 codebook without an overall row" 1 - \
    "sq-drivers: $A/overall8.csv:2: column overall (#52): \"8\" is outside the overall rating's scale 1..7 (the items' scale; a codebook row overall,MIN,MAX gives it its own)" \
    sq-drivers -c "$TMP/atk/cb_scale7.csv" $A/overall8.csv
sed '2s/,8$/,6.5/' $A/overall8.csv > "$TMP/atk/overall_half.csv"
t "attack: overall 6.5 on the items' whole scale" 1 - \
    "sq-gap: $TMP/atk/overall_half.csv:2: column overall (#52): \"6.5\" is not a whole number on the overall rating's scale 1..7 (the items' scale; a codebook row overall,MIN,MAX gives it its own)" \
    sq-gap "$TMP/atk/overall_half.csv"
t "attack: overall 8 --invalid=missing is counted" 0 '*' \
    "sq-gap: $A/overall8.csv: 1 invalid value treated as missing" \
    sq-gap --invalid=missing $A/overall8.csv
t "attack: sq-check lists overall 0 as an invalid cell" 0 '*' - sh -c \
    "sq-check -f tsv $A/overall0.csv | grep -q '^3	52	overall	invalid_cells	\"0\" is outside'"
t "attack: overall 8 on an overall,1,10 codebook" 0 '*' - \
    sq-gap -c $A/cb_overall10.csv $A/overall8.csv
t "attack: overall 11 on an overall,1,10 codebook" 1 - \
    "sq-gap: $A/overall11.csv:2: column overall (#52): \"11\" is outside the overall rating's scale 1..10" \
    sq-gap -c $A/cb_overall10.csv $A/overall11.csv
t "attack: overall scale must be whole" 1 - \
    "sq-gap: $A/cb_overall_frac.csv:1: column #3: overall scale maximum \"10.5\" is not a whole number in -1000000..1000000" \
    sq-gap -c $A/cb_overall_frac.csv $S
t "attack: --invalid=missing counts a bad overall" 0 '*' \
    "sq-gap: $A/overall8.csv: 1 invalid value treated as missing" \
    sq-gap --invalid=missing -c $A/cb_overall7.csv $A/overall8.csv
t "attack: 6.99999999999999999 is not 7" 1 - \
    "sq-gap: $A/almost7.csv:2: column E1 (#3): \"6.99999999999999999\" is not a whole number on the scale 1..7" \
    sq-gap $A/almost7.csv
t "attack: 7.000 is 7" 0 '*' - sq-gap $A/seven000.csv

# 11. A -b column with a value per row is an id, not a segment.
awk -F, -v OFS=, 'NR == 1 { print; next } { for (k = 0; k < 20; k++) { $1 = NR * 20 + k; print } }' \
    $S > "$TMP/atk/ids.csv"
t "attack: -b on an id column" 1 - \
    "~nearly every row has a value of its own: the column looks like an id, not a segment" \
    sq-gap -b id "$TMP/atk/ids.csv"
t "attack: -b on a segment column still works" 0 '*' - \
    sq-gap -b sucursal "$TMP/atk/ids.csv"
