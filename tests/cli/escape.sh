# Output that cannot attack its reader (issue 11): control characters in
# cells and messages are escaped visibly in pretty, md, errors and
# sq-check's list; md escapes "|"; --formula-guard keeps spreadsheet
# formulas in CSV and --clean output as text.
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
ET=$TMP/escape
mkdir -p "$ET"
# export ROW SEGMENT: one respondent with segment SEGMENT (raw bytes).
{
	printf 'id,zona'
	i=1; while [ $i -le 22 ]; do printf ',E%d' $i; i=$((i + 1)); done
	i=1; while [ $i -le 22 ]; do printf ',P%d' $i; i=$((i + 1)); done
	printf '\n'
	n=1
	for z in '"a\033[2Jb|c"' '"x\007y"' '"=HYPERLINK(""h"")"' '@SUM(A1)' Norte; do
		printf "%d,$z" $n
		i=1; while [ $i -le 44 ]; do printf ',%d' $(((i + n) % 7 + 1)); i=$((i + 1)); done
		printf '\n'
		n=$((n + 1))
	done
} > "$ET/esc.csv"
t "escape: pretty shows ESC and BEL as \\x1B and \\x07" 0 - - sh -c \
    "sq-gap -b zona -f pretty $ET/esc.csv > $ET/p.txt &&
    grep -qF 'a\\x1B[2Jb|c' $ET/p.txt && grep -qF 'x\\x07y' $ET/p.txt &&
    ! grep -q \"\$(printf '\\033')\" $ET/p.txt && ! grep -q \"\$(printf '\\007')\" $ET/p.txt"
t "escape: md escapes | too" 0 - - sh -c \
    "sq-gap -b zona -f md $ET/esc.csv | grep -qF 'a\\x1B[2Jb\\|c'"
{
	printf 'id'
	i=1; while [ $i -le 22 ]; do printf ',E%d' $i; i=$((i + 1)); done
	i=1; while [ $i -le 22 ]; do printf ',P%d' $i; i=$((i + 1)); done
	printf '\n1,"\033[2J"'
	i=2; while [ $i -le 44 ]; do printf ',3'; i=$((i + 1)); done
	printf '\n'
} > "$ET/bad.csv"
t "escape: an error message shows ESC as \\x1B" 1 - \
    "sq-gap: $ET/bad.csv:2: column E1 (#2): \"\\x1B[2J\" is not a number" \
    sq-gap "$ET/bad.csv"
t "escape: sq-check's list too" 0 - - sh -c \
    "sq-check $ET/bad.csv > $ET/list.txt 2>&1; grep -qF '\"\\x1B[2J\" is not a number' $ET/list.txt &&
    ! grep -q \"\$(printf '\\033')\" $ET/list.txt"
printf 'servqual,"'"'"'=HYPERLINK(""h"")",\nservqual,'"'"'@SUM(A1),\n' > "$ET/guard.exp"
t "escape: --formula-guard in CSV" 0 "$ET/guard.exp" - sh -c \
    "sq-gap -b zona -f csv --formula-guard $ET/esc.csv | grep -e '^servqual,\"' -e '^servqual,.@' | cut -d, -f1-3"
t "escape: without it, CSV is as read" 0 - - sh -c \
    "sq-gap -b zona -f csv $ET/esc.csv | grep -q '^servqual,\"=HYPERLINK'"
t "escape: sq-check --clean --formula-guard" 0 - - sh -c \
    "sq-check -b zona --formula-guard --clean $ET/clean.csv $ET/esc.csv >/dev/null 2>&1;
    grep -q '^3,\"'\"'\"'=HYPERLINK' $ET/clean.csv && grep -q \"^4,'@SUM\" $ET/clean.csv"
