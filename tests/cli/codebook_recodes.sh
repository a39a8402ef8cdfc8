# Codebook recode rows are kept in a hash set (as label rows): 100,000 of
# them load at once, give what the codebook without them gives, and a
# value recoded twice is still refused at the second row.
_rz=tests/data/zone
_rc=$TMP/recodes
mkdir -p "$_rc"
{ cat $_rz/six100.cb.csv
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "recode,%d.5,NA\n", 1000 + i }'
} >"$_rc/big.cb.csv"
sq-gap -c $_rz/six100.cb.csv $_rz/six100.csv | cut -f1-22 >"$_rc/six.tsv"
t "recodes: 100,000 rows load fast and change nothing" 0 "$_rc/six.tsv" - \
    sh -c "timeout 3 sq-gap -c $_rc/big.cb.csv $_rz/six100.csv | cut -f1-22"
{ cat "$_rc/big.cb.csv"; echo "recode,1000.50,3"; } >"$_rc/twice.cb.csv"
t "recodes: the last of 100,001 rows repeats the first value" 1 - \
    "sq-gap: $_rc/twice.cb.csv:100015: column #2: value \"1000.50\" is recoded twice" \
    timeout 3 sq-gap -c "$_rc/twice.cb.csv" $_rz/six100.csv
# six100.cb.csv recodes 0: -0 is the same value (the hash agrees with ==)
{ cat $_rz/six100.cb.csv; echo "recode,-0,1"; } >"$_rc/zero.cb.csv"
t "recodes: -0 and 0 are the same value" 1 - \
    "sq-gap: $_rc/zero.cb.csv:$(($(wc -l <$_rz/six100.cb.csv) + 1)): column #2: value \"-0\" is recoded twice" \
    sq-gap -c "$_rc/zero.cb.csv" $_rz/six100.csv

# a recode into a value off the scale (the fuzzer's find: every such
# answer became an error quoting the answer as given) is a codebook error
printf 'recode,1,9\n' > "$_rc/off.cb.csv"
t "recodes: a target off the scale is refused at its line" 1 - \
    "sq-gap: $_rc/off.cb.csv:1: column #3: recode target 9 is outside the scale 1..7" \
    sq-gap -c "$_rc/off.cb.csv" samples/banco_demo.csv
printf 'overall,0,10\nrecode,99,10\nrecode,98,NA\n' > "$_rc/ovr.cb.csv"
t "recodes: a target on the overall rating's scale is taken" 0 '*' - \
    sq-gap -c "$_rc/ovr.cb.csv" samples/banco_demo.csv
