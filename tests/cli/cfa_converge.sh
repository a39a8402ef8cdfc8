# sq-cfa on a fit that does not converge (13 respondents for 27
# parameters): the figures are printed, but no discriminant-validity
# verdict, in every format, and every gate holds; sq-report says the fit
# did not converge and judges nothing from it.
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
_nc="-c tests/oracle/verify/a_codebook.csv tests/data/verify/few13.csv"

t "cfa unconverged: said on stderr, no verdict there" 0 '*' \
    "sq-cfa: the fit did not converge after 1000 iterations (the Newton decrement is undefined)
sq-cfa: the factor covariance matrix is not positive definite (a factor correlation at or beyond 1?)
sq-cfa: discriminant validity is not judged: the fit did not converge" \
    sq-cfa $_nc
t "cfa unconverged tsv: fit converged 0, three empty verdicts" 0 - - sh -c \
    "sq-cfa -f tsv $_nc 2>/dev/null >$TMP/nc.tsv &&
    grep -qx 'fit	converged				0' $TMP/nc.tsv &&
    [ \$(awk -F'\t' '\$2 == \"verdict\" && \$6 == \"\"' $TMP/nc.tsv | wc -l) = 3 ] &&
    [ \$(awk -F'\t' '\$2 == \"verdict\" && \$6 != \"\"' $TMP/nc.tsv | wc -l) = 0 ]"
t "cfa unconverged csv: empty verdicts" 0 - - sh -c \
    "[ \$(sq-cfa -f csv $_nc 2>/dev/null | grep -c '^htmt,verdict,[A-Z]*,,[A-Z]*,\$') = 3 ]"
t "cfa unconverged md: empty verdicts" 0 - - sh -c \
    "sq-cfa -f md $_nc 2>/dev/null | grep '| verdict' >$TMP/nc.md &&
    [ \$(wc -l <$TMP/nc.md) = 3 ] && ! grep -qE 'fail|doubtful|ok' $TMP/nc.md"
t "cfa unconverged json: null verdicts and Fornell-Larcker" 0 - - sh -c \
    "sq-cfa -f json $_nc 2>/dev/null >$TMP/nc.json &&
    grep -q '\"converged\": false' $TMP/nc.json &&
    [ \$(grep -c '\"fornell_larcker\": null, \"verdict\": null}' $TMP/nc.json) = 3 ] &&
    ! grep -q '\"verdict\": \"' $TMP/nc.json"
t "cfa unconverged pretty: no verdict, said so" 0 - - sh -c \
    "sq-cfa -f pretty $_nc 2>/dev/null >$TMP/nc.txt &&
    grep -qx '  DID NOT CONVERGE after 1000 iterations' $TMP/nc.txt &&
    sed -n '/^Discriminant validity/,\$p' $TMP/nc.txt | tail -n +2 >$TMP/nc.dv &&
    [ \"\$(cat $TMP/nc.dv)\" = '  no verdict: the fit did not converge' ]"
t "cfa unconverged pretty --lang es" 0 - - sh -c \
    "sq-cfa -f pretty --lang es $_nc 2>/dev/null |
    grep -qx '  sin veredicto: el ajuste no convergió'"
for g in discriminant 'cfi<0.5' 'rmsea>0.5' 'srmr>=1' heywood convergence; do
	t "cfa unconverged: gate $g holds" 3 '*' "~gate $g held" \
	    sq-cfa --fail-if "$g" $_nc
done

# a fit that converges keeps its verdicts (tests/cli/cfa.sh has more)
t "cfa converged: verdicts stay" 0 - - sh -c \
    "sq-cfa -f json tests/oracle/cfa/merged.csv 2>/dev/null |
    grep -q '\"fornell_larcker\": false, \"verdict\": \"fail\"}'"

t "report unconverged: no model verdict in the summary" 0 - - sh -c \
    "sq-report --summary -f tsv $_nc >$TMP/nc.sum &&
    grep -q 'respondents have a SERVQUAL score' $TMP/nc.sum &&
    ! grep -q 'confirmatory model' $TMP/nc.sum"
if command -v pdftotext >/dev/null 2>&1; then
	t "report unconverged: the PDF says so and judges no pair" 0 - - sh -c \
	    "sq-report --date 2026-11-30 -o $TMP/nc.pdf $_nc &&
	    pdftotext $TMP/nc.pdf - | tr '\n' ' ' >$TMP/nc.ptxt &&
	    grep -q 'The fit did not converge: read it with care' $TMP/nc.ptxt &&
	    ! grep -q 'HTMT test' $TMP/nc.ptxt"
fi
