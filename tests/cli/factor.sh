# sq-factor: agreement with R psych, structure recovery, gates, usage and
# bad input. t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
D=tests/data/factor
X=tests/oracle/factor/expected
U='usage: sq-factor'

# KMO (overall, per item), Bartlett and eigenvalues against psych, within
# tsvcmp's default relative 1e-9 (the issue asks 1e-6).
fstats() {
	name=$1
	shift
	oracle "factor: $name KMO, Bartlett, eigenvalues = psych" \
	    $X/$name.stats.tsv sh -c "sq-factor --block E -n 5 $* | awk -F'\t' \
	    'NR == 1 || \$1 == \"kmo\" || \$1 == \"bartlett\" ||
	    (\$1 == \"eigen\" && \$2 == \"observed\")'"
}
fstats five_E $D/five.csv
fstats five_P --block P $D/five.csv
fstats five_G --block G $D/five.csv
fstats five_missing_E $D/five_missing.csv
fstats five_missing_P_pairwise --block P --pairwise $D/five_missing.csv
fstats merged_E $D/merged.csv

# Loadings, communalities, factor correlations (and pa iterations,
# exactly) against psych's fa(), factors aligned by congruence and sign,
# absolute tolerance 1e-3.
ffa() {
	name=$1 fm=$2 rot=$3 k=$4
	shift 4
	if sq-factor --block E -n "$k" --extract "$fm" --rotate "$rot" "$@" \
	    >"$TMP/fa.tsv" 2>"$TMP/fa.err" &&
	    awk -v tol=1e-3 -f tests/oracle/factor/facmp.awk \
	    "$X/$name.$fm.$rot.tsv" "$TMP/fa.tsv" >"$TMP/fa.cmp"; then
		ok
	else
		bad "factor: $name fa $fm $rot differs from psych"
		cat "$TMP/fa.err" "$TMP/fa.cmp" | head -n 5
	fi
}
for fm in pa minres ml; do
	for rot in none varimax oblimin promax; do
		ffa five_E $fm $rot 5 $D/five.csv
	done
done
ffa five_P pa oblimin 5 --block P $D/five.csv
ffa five_P minres promax 5 --block P $D/five.csv
ffa five_G pa varimax 5 --block G $D/five.csv
ffa five_G ml oblimin 5 --block G $D/five.csv
ffa five_missing_E pa oblimin 5 $D/five_missing.csv
ffa five_missing_E ml promax 5 $D/five_missing.csv
ffa five_missing_P_pairwise minres varimax 5 --block P --pairwise $D/five_missing.csv
ffa five_missing_P_pairwise pa oblimin 5 --block P --pairwise $D/five_missing.csv
ffa merged_E pa oblimin 4 $D/merged.csv

# Structure: with the defaults (parallel analysis, pa, oblimin) the five
# dimensions come back as five factors, for E, P and the gaps; where REL
# and RES were generated as one factor, sq-factor says they merged.
# sel SECTION KEY [FIELD]: print FIELD (default: value) of matching rows
SEL='sel() { awk -F"\t" -v s="$1" -v k="$2" -v c="${3:-6}" "\$1 == s && \$2 == k { print \$c }"; }'
printf '5\n1\n0\n' > "$TMP/five.exp"
for b in E P G; do
	t "factor: five dimensions recovered ($b)" 0 "$TMP/five.exp" - sh -c \
	    "$SEL; sq-factor --block $b $D/five.csv > $TMP/s.tsv &&
	    { sel fa factors < $TMP/s.tsv; sel structure matches < $TMP/s.tsv;
	    sel structure merged < $TMP/s.tsv; }"
done
t "factor: five dimensions recovered (listwise with holes)" 0 "$TMP/five.exp" - sh -c \
    "$SEL; sq-factor --block E $D/five_missing.csv > $TMP/s.tsv &&
    { sel fa factors < $TMP/s.tsv; sel structure matches < $TMP/s.tsv;
    sel structure merged < $TMP/s.tsv; }"
printf '4\n0\n1\nREL\nRES\n' > "$TMP/merged.exp"
t "factor: REL and RES merge" 0 "$TMP/merged.exp" - sh -c \
    "$SEL; sq-factor --block E $D/merged.csv > $TMP/s.tsv &&
    { sel fa factors < $TMP/s.tsv; sel structure matches < $TMP/s.tsv;
    sel structure merged < $TMP/s.tsv; sel structure merged_with 4 < $TMP/s.tsv; }"
t "factor: JSON names the merge" 0 '*' - sh -c \
    "$SEL; sq-factor --block E -f json $D/merged.csv | grep -q '\"merged\": \\[\\[\"REL\", \"RES\"\\]\\]'"
t "factor: JSON items in instrument order" 0 '*' - sh -c \
    "test \"\$(sq-factor --block E -f json $D/five.csv | grep -o '\"item\": [0-9]*' |
    tr -dc '0-9\n' | tr '\n' ,)\" = 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,"

# Sample: listwise by default, pairwise on request, and how many were used.
printf 'listwise\n800\n510\n290\n' > "$TMP/lw.exp"
t "factor: listwise respondents" 0 "$TMP/lw.exp" - sh -c \
    "$SEL; sq-factor --block E -n 5 $D/five_missing.csv > $TMP/s.tsv && for k in missing_data rows n missing; do sel sample \$k < $TMP/s.tsv; done"
t "factor: pairwise is said" 0 '*' - sh -c \
    "$SEL; sq-factor --block E --pairwise -n 5 $D/five_missing.csv | grep -q '^sample	missing_data				pairwise	\$'"

# Parallel analysis: seeded, reproducible, rows for a scree plot.
sq-factor --block E --seed 42 --iter 200 $D/five.csv > "$TMP/pa1.tsv"
t "factor: same seed, same output" 0 "$TMP/pa1.tsv" - sq-factor --block E --seed 42 --iter 200 $D/five.csv
t "factor: other seed, other simulation" 1 - - sh -c \
    "$SEL; sq-factor --block E --seed 43 --iter 200 $D/five.csv | cmp -s - $TMP/pa1.tsv"
printf '22\n22\n22\n42\n200\n' > "$TMP/scree.exp"
t "factor: scree rows" 0 "$TMP/scree.exp" - sh -c \
    "$SEL; for k in observed sim_mean sim_p95; do sel eigen \$k < $TMP/pa1.tsv | wc -l | tr -d ' '; done;
    sel parallel seed < $TMP/pa1.tsv; sel parallel iterations < $TMP/pa1.tsv"

# Gates: exit 3 after the output was written.
t "factor: gate kmo holds" 3 '*' "sq-factor: gate kmo<0.9 held" sq-factor --block E --fail-if 'kmo<0.9' $D/five.csv
t "factor: gate kmo passes" 0 '*' - sq-factor --block E --fail-if 'kmo<0.60' --fail-if structure --fail-if heywood $D/five.csv
t "factor: gate structure holds" 3 '*' "sq-factor: gate structure held" sq-factor --block E --fail-if structure $D/merged.csv
sq-factor --block E -n 9 $D/five.csv > "$TMP/nc.tsv" 2>/dev/null
t "factor: non-convergence reported" 0 "$TMP/nc.tsv" "sq-factor: pa extraction did not converge in 1000 iterations
sq-factor: oblimin rotation did not converge in 1000 iterations" sq-factor --block E -n 9 $D/five.csv
t "factor: gate convergence holds" 3 '*' "~gate convergence held" sq-factor --block E -n 9 --fail-if convergence $D/five.csv
# E2 a copy of E1 in 49 rows of 50: maximum likelihood puts E1 at the
# uniqueness bound, a Heywood case.
awk -F, 'BEGIN { OFS = "," } NR > 1 && NR % 50 != 0 { $2 = $1 } 1' $D/five.csv > "$TMP/dup.csv"
t "factor: Heywood case reported" 3 '*' "sq-factor: Heywood case: item E1 (communality >= 1 or uniqueness held at 0.005)
sq-factor: gate heywood held" sq-factor --block E --extract ml --fail-if heywood "$TMP/dup.csv"
t "factor: Heywood item flagged" 0 '*' - sh -c \
    "$SEL; sq-factor --block E --extract ml $TMP/dup.csv 2>/dev/null | grep -q '^item	heywood	1	TAN		1	'"

# Usage.
t "factor: unknown option" 2 - "~$U" sq-factor --block E -x
t "factor: bad rotation" 2 - "~$U" sq-factor --block E --rotate quartimax $D/five.csv
t "factor: bad extraction" 2 - "~$U" sq-factor --block E --extract gls $D/five.csv
t "factor: bad block" 2 - "~$U" sq-factor --block Q $D/five.csv
t "factor: bad gate" 2 - "~--fail-if: \"alpha<0.7\": expected kmo<X, heywood, structure or convergence" sq-factor --block E --fail-if 'alpha<0.7' $D/five.csv
t "factor: too many factors" 2 - "sq-factor: -n must be below the number of items (22)" sq-factor --block E -n 22 $D/five.csv
t "factor: bad -n" 2 - "~-n: \"x\": expected a whole number from 1 to 1000" sq-factor --block E -n x $D/five.csv
t "factor: version" 0 '*' - sq-factor --version

# Bad input: message with the place, exit 1, nothing on stdout.
head -n 4 $D/five.csv | awk -F, 'BEGIN { OFS = "," } NR == 3 { $5 = 9 } 1' > "$TMP/off.csv"
t "factor: value off the scale" 1 - "sq-factor: $TMP/off.csv:3: column E5 (#5): \"9\" is outside the scale 1..7" sq-factor "$TMP/off.csv"
head -n 20 $D/five.csv > "$TMP/few.csv"
t "factor: too few respondents" 1 - "sq-factor: $TMP/few.csv: 19 complete respondents for 22 items; factor analysis needs more" sq-factor "$TMP/few.csv"
awk -F, 'BEGIN { OFS = "," } NR > 1 { $7 = 4 } 1' $D/five.csv > "$TMP/const.csv"
t "factor: an item that does not vary" 1 - "sq-factor: $TMP/const.csv: E7 does not vary among the respondents used" sq-factor --block E "$TMP/const.csv"
t "factor: missing file" 1 - "~sq-factor: $D/nope.csv: " sq-factor --block E $D/nope.csv
t "factor: --invalid=missing" 0 '*' "sq-factor: $TMP/off.csv: 1 invalid value treated as missing
sq-factor: $TMP/off.csv: 2 complete respondents for 22 items; factor analysis needs more" sh -c "sq-factor --block E --invalid=missing $TMP/off.csv; test \$? = 1"

# Output: -o writes through a temporary file; a full disk is an error.
rm -f "$TMP/out.tsv"
t "factor: -o writes the file" 0 - - sq-factor --block E -n 5 -o "$TMP/out.tsv" $D/five.csv
t "factor: -o content" 0 "$TMP/out.tsv" - sq-factor --block E -n 5 $D/five.csv
t "factor: /dev/full" 1 - '*' sh -c "sq-factor --block E -n 5 $D/five.csv > /dev/full"

# Codebook: custom column names and a reverse-keyed item (stored
# reversed, 8 - x) give exactly the canonical export's output.
awk -F, 'BEGIN { OFS = "," }
    NR == 1 { for (i = 1; i <= 22; i++) { $i = "Q1_" i; $(i + 22) = "Q2_" i } }
    NR > 1 { if ($3 != "") $3 = 8 - $3; if ($25 != "") $25 = 8 - $25 } 1' \
    $D/five_missing.csv > "$TMP/coded.csv"
# (The instrument's name and wordings are the codebook's: left out.)
for b in E G; do
	sq-factor --block $b $D/five_missing.csv | grep -v '^sample	instrument' |
	    cut -f1-6 > "$TMP/canon.tsv"
	t "factor: codebook export equals the canonical one ($b)" 0 "$TMP/canon.tsv" - \
	    sh -c "sq-factor --block $b -c $D/codebook.csv $TMP/coded.csv |
	    grep -v '^sample	instrument' | cut -f1-6"
done

# The Heywood case agrees with psych too (E1's uniqueness on the bound).
fstats dup_E "$TMP/dup.csv"
ffa dup_E ml oblimin 5 "$TMP/dup.csv"
t "factor: stdin" 0 "$TMP/out.tsv" - sh -c "sq-factor --block E -n 5 < $D/five.csv"

# Shared reading options (lib/base/cli.c): the same export in Windows-1252 with
# semicolons reads as its UTF-8 original.
iconv -f UTF-8 -t CP1252 tests/data/factor/five.csv | tr ',' ';' > "$TMP/five_cp1252.csv"
sq-factor --block E -f tsv tests/data/factor/five.csv > "$TMP/five_utf8.tsv" 2>/dev/null
t "factor: --encoding cp1252 and ; read as the UTF-8 original" 0 "$TMP/five_utf8.tsv" '*' sq-factor --block E -f tsv --encoding cp1252 "$TMP/five_cp1252.csv"
t "factor: bad --encoding" 2 - "~--encoding: \"ebcdic\"" sq-factor --block E --encoding ebcdic tests/data/factor/five.csv
t "factor: --skip-rows" 0 "$TMP/five_utf8.tsv" '*' sh -c "{ echo 'exported 2026-11-23'; cat tests/data/factor/five.csv; } | sq-factor --block E -f tsv --skip-rows 1"
