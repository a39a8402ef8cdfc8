# sq-gap: usage, bad input, codebooks, output safety.
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
D=tests/data/gap
U='usage: sq-gap'

t "gap: unknown option" 2 - "~$U" sq-gap -x
t "gap: bad --conf" 2 - "~--conf: \"95\": expected a number from 0.5 to 0.9999" sq-gap --conf 95 $D/three.csv
t "gap: bad format" 2 - "~$U" sq-gap -f xml $D/three.csv
t "gap: two files" 2 - "~$U" sq-gap $D/three.csv $D/three.csv
t "gap: version" 0 '*' - sq-gap --version
t "gap: missing file" 1 - "sq-gap: $D/nope.csv: No such file or directory" sq-gap $D/nope.csv

t "gap: off the scale" 1 - "sq-gap: $D/off.csv:3: column E1 (#3): \"9\" is outside the scale 1..7" sq-gap $D/off.csv
t "gap: not a number" 1 - "sq-gap: $D/nan.csv:3: column E1 (#3): \"x\" is not a number" sq-gap $D/nan.csv
t "gap: ragged row" 1 - "sq-gap: $D/ragged.csv:3: row has 51 fields, the header has 52" sq-gap $D/ragged.csv
t "gap: missing column" 1 - "sq-gap: $D/nocol.csv:1: required column P7 not found (items are E1..E22 and P1..P22; name other columns in a codebook with -c)" sq-gap $D/nocol.csv
t "gap: duplicate column" 1 - "sq-gap: $D/dup.csv:1: column E1 (#5): duplicate column: it holds the same answer as column E1 (#3)" sq-gap $D/dup.csv
t "gap: empty file" 1 - "sq-gap: $D/empty.csv: empty file: no header row" sq-gap $D/empty.csv
t "gap: header only" 1 - "sq-gap: $D/hdr.csv: no data rows after the header" sq-gap $D/hdr.csv
t "gap: unterminated quote" 1 - "~sq-gap: $D/unterm.csv:4: column" sq-gap $D/unterm.csv
t "gap: binary file" 1 - "sq-gap: $D/binary.csv:2: column #1: binary data (a NUL byte): not a CSV text file" sq-gap $D/binary.csv
t "gap: --invalid=missing" 0 '*' "sq-gap: $D/off.csv: 1 invalid value treated as missing" sq-gap --invalid=missing $D/off.csv
t "gap: stdin" 0 '*' - sh -c "sq-gap < $D/three.csv"
t "gap: unknown --by column" 1 - "sq-gap: $D/three.csv:1: segment column \"region\" not found in the header" sq-gap -b region $D/three.csv

# An enormous field: generated, not committed.
{ head -n 1 $D/three.csv; printf '1,'; head -c 1100000 /dev/zero | tr '\0' x; echo; } > "$TMP/huge.csv"
t "gap: enormous field" 1 - "sq-gap: $TMP/huge.csv:2: column #2: field is longer than 1048576 bytes" sq-gap "$TMP/huge.csv"

# Codebook: labels, reverse keying, missing codes and custom names give
# exactly what the canonical twin gives.
# (label and instrument differ: the twin codebook has no wordings.)
sq-gap -c $D/twin_codebook.csv -b Sucursal $D/coded_twin.csv 2>&1 | \
    cut -f1-21 > "$TMP/twin.tsv"
t "gap: codebook export equals its canonical twin" 0 "$TMP/twin.tsv" - sh -c \
    "sq-gap -c $D/codebook.csv -b Sucursal $D/coded.csv | cut -f1-21"
t "gap: codebook unknown dimension" 1 - "sq-gap: $D/cb_baddim.csv:4: column #3: unknown dimension \"FIA\" (declare it in a dimension row)" sq-gap -c $D/cb_baddim.csv $D/three.csv
t "gap: codebook bad scale" 1 - "sq-gap: $D/cb_badscale.csv:1: column #3: scale maximum \"1\" is not above the minimum" sq-gap -c $D/cb_badscale.csv $D/three.csv
t "gap: codebook unknown kind" 1 - "sq-gap: $D/cb_badkind.csv:1: column #1: unknown row kind \"escala\" (scale, dimension, item, reverse, missing, label, column or recode)" sq-gap -c $D/cb_badkind.csv $D/three.csv
t "gap: codebook reverse of no item" 1 - "sq-gap: $D/cb_badreverse.csv:1: reverse: there is no item 23" sq-gap -c $D/cb_badreverse.csv $D/three.csv
t "gap: codebook column without target" 1 - "sq-gap: $D/cb_notarget.csv:1: column #3: role \"E\" needs a target: an item number for E, P, A and D, a dimension code for W" sq-gap -c $D/cb_notarget.csv $D/three.csv

# Output safety: a full disk is an error; a failed run leaves no file.
t "gap: /dev/full" 1 - "sq-gap: standard output: write error: No space left on device" sh -c "sq-gap $D/three.csv > /dev/full"
rm -f "$TMP/o.tsv"
t "gap: failed run writes no -o file" 1 - '*' sq-gap -o "$TMP/o.tsv" $D/off.csv
t "gap: no file left behind" 0 - - sh -c "! ls $TMP/o.tsv* 2>/dev/null"
t "gap: -o writes the table" 0 - - sq-gap -o "$TMP/o.tsv" $D/three.csv
t "gap: -o content equals stdout" 0 "$TMP/o.tsv" - sq-gap $D/three.csv

# Formats hold the same numbers: 17 columns, 30 rows in csv; json parses.
t "gap: csv has 30 rows" 0 '*' - sh -c "sq-gap -f csv samples/banco_demo.csv | awk -F, 'NR>1{n++} END{exit n!=29}'"
t "gap: --by repeats every row per segment" 0 '*' - sh -c "sq-gap -b sucursal samples/banco_demo.csv | awk -F'\t' 'NR>1{n[\$2]++} END{for(s in n) if (n[s]!=29) exit 1; exit length(n)!=5}'"
t "gap: json is valid" 0 '*' - sh -c "sq-gap -f json samples/banco_demo.csv | python3 -m json.tool >/dev/null"
t "gap: pretty in Spanish" 0 '*' "" sh -c "sq-gap -f pretty --lang es samples/banco_demo.csv | grep -q 'Empatía'"
