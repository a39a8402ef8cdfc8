# The README's GNU parallel recipe, run locally: --pipepart over one big
# file and ::: over many files, states merged by sq-merge, equal the single
# run byte for byte.
P=$TMP/par
mkdir -p "$P"
sq-simulate -n 4000 -s 1729 --segments 5 --missing 0.05 -o "$P/big.csv" 2>/dev/null
sq-gap "$P/big.csv" > "$P/one.tsv"
sq-gap -b sucursal "$P/big.csv" > "$P/oneb.tsv"
hdr() { head -n 1 "$P/big.csv"; }
{ hdr; sed -n 2,1000p "$P/big.csv"; } > "$P/w1.csv"
{ hdr; sed -n 1001,1100p "$P/big.csv"; } > "$P/w2.csv"
{ hdr; sed -n '1101,$p' "$P/big.csv"; } > "$P/w3.csv"
if command -v parallel > /dev/null; then
	export HOME="$P"
	t "parallel: --pipepart --header : over one file" 0 "$P/one.tsv" - sh -c "parallel --will-cite --pipepart --header : --block 60k -a '$P/big.csv' sq-gap --partial - | sq-merge -"
	parallel --will-cite --pipepart --header : --block 60k -a "$P/big.csv" 'sq-gap --partial - > '"$P"'/part{#}.st'
	t "parallel: more than one block was run" 0 - - sh -c "[ \$(ls '$P'/part*.st | wc -l) -gt 3 ]"
	t "parallel: -k ::: over many files, by segment" 0 "$P/oneb.tsv" - sh -c "parallel --will-cite -k sq-gap --partial -b sucursal ::: '$P/w1.csv' '$P/w2.csv' '$P/w3.csv' | sq-merge -"
	t "parallel: -j 3 ::: over many files, any order" 0 "$P/one.tsv" - sh -c "parallel --will-cite -j 3 sq-gap --partial ::: '$P/w3.csv' '$P/w1.csv' '$P/w2.csv' | sq-merge -"
	# every analysis tool: the --pipepart recipe equals the single run
	for tl in sq-alpha sq-factor sq-cfa sq-drivers "sq-compare -b sucursal" "sq-check --summary"; do
		# shellcheck disable=SC2086
		$tl "$P/big.csv" > "$P/one.$$.tsv" 2>/dev/null
		t "parallel: --pipepart recipe for $tl" 0 "$P/one.$$.tsv" - sh -c "parallel --will-cite --pipepart --header : --block 60k -a '$P/big.csv' $tl --partial - 2>/dev/null | sq-merge -"
	done
else
	bad "parallel: GNU parallel is not installed (Debian package parallel)"
fi
