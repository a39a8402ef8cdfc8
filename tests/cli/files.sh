# Many files as one survey: sq-gap a.csv b.csv prints what sq-gap prints
# on the files concatenated; -b file makes each file a segment; errors
# name the file.
F=$TMP/files
mkdir -p "$F"
sq-simulate -n 600 -s 3 --missing 0.05 -o "$F/all.csv" 2>/dev/null
{ head -n 1 "$F/all.csv"; sed -n 2,201p "$F/all.csv"; } > "$F/w1.csv"
head -n 1 "$F/all.csv" > "$F/w2.csv"
{ head -n 1 "$F/all.csv"; sed -n '202,$p' "$F/all.csv"; } > "$F/w3.csv"
sq-gap "$F/all.csv" > "$F/one.tsv"
t "files: three files (one header only) equal their concatenation" 0 "$F/one.tsv" - sq-gap "$F/w1.csv" "$F/w2.csv" "$F/w3.csv"
t "files: a file and standard input" 0 "$F/one.tsv" - sh -c "sq-gap '$F/w1.csv' - < '$F/w3.csv'"
printf '%s\n' "$F/w1.csv" "$F/w3.csv" all segment | LC_ALL=C sort > "$F/segs"
t "files: -b file gives one segment per file" 0 "$F/segs" - sh -c "sq-gap -b file '$F/w1.csv' '$F/w3.csv' | cut -f 2 | LC_ALL=C sort -u"
sq-gap "$F/w3.csv" | sed 1d | cut -f 1,3- > "$F/w3.rows"
t "files: a file's segment rows equal the file alone" 0 "$F/w3.rows" - sh -c "sq-gap -b file '$F/w1.csv' '$F/w3.csv' | awk -F'\t' '\$2 == \"$F/w3.csv\"' | cut -f 1,3-"
t "files: --file-column names the segment column" 0 - - sh -c "sq-gap --file-column wave -b wave '$F/w1.csv' '$F/w3.csv' | grep -q '$F/w3.csv'"
t "files: --partial per file merges to the run on all" 0 "$F/one.tsv" - sh -c "sq-gap --partial '$F/w1.csv' '$F/w2.csv' > '$F/12.st' && sq-gap --partial '$F/w3.csv' | sq-merge '$F/12.st' -"
# errors name the file
{ head -n 1 "$F/all.csv"; sed -n 2,3p "$F/all.csv" | sed 's/^\([^,]*\),\([^,]*\),[^,]*,/\1,\2,9,/'; } > "$F/bad.csv"
t "files: an error names the file and line" 1 - "sq-gap: $F/bad.csv:2: column E1 (#3): \"9\" is outside the scale 1..7" sq-gap "$F/w1.csv" "$F/bad.csv"
t "files: a missing file is named" 1 - "sq-gap: $F/nope.csv: No such file or directory" sq-gap "$F/w1.csv" "$F/nope.csv"
head -n 1 tests/oracle/zone/servperf.csv > "$F/perf.csv"
sed -n 2,5p tests/oracle/zone/servperf.csv >> "$F/perf.csv"
t "files: files of different forms refused" 1 - "~not the form of" sq-gap "$F/w1.csv" "$F/perf.csv"
t "files: headers only everywhere" 1 - "sq-gap: no data rows in any file" sq-gap "$F/w2.csv" "$F/w2.csv"
