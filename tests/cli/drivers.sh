# sq-drivers: usage, bad input, targets and the --fail-if gate, formats.
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
D=tests/data/drivers
M=tests/oracle/drivers/main.csv
S=tests/oracle/drivers/small.csv
U='usage: sq-drivers'

t "drivers: unknown option" 2 - "~$U" sq-drivers -x
t "drivers: help on stdout" 0 '*' - sq-drivers --help
t "drivers: version" 0 '*' - sq-drivers --version
t "drivers: bad --importance" 2 - "~--importance: \"both\": expected stated or derived" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --importance both $S
t "drivers: bad --crosshair" 2 - "~--crosshair: \"max\": expected mean, median or scale" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --crosshair max $S
t "drivers: bad --fail-if" 2 - "~--fail-if: \"low\": expected missed" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --fail-if low $S
t "drivers: --fail-if without targets" 2 - "~sq-drivers: --fail-if missed needs --target or --targets" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --fail-if missed $S
t "drivers: bad --target" 2 - "~sq-drivers: --target: expected DIM=LEVEL" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --target REL $S
t "drivers: --target unknown dimension" 2 - '~sq-drivers: --target: "XYZ" is no dimension of the instrument' sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --target XYZ=5 $S
t "drivers: --target twice for one dimension" 2 - "~sq-drivers: --target: a second target for the same dimension and block" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --target REL=5 --target REL=6 $S
# two files are one survey (issue 17): tests/cli/scale_drivers.sh
{ cat $S; sed 1d $S; } > "$TMP/drv_twice.csv"
sq-drivers -c tests/oracle/drivers/overall10.codebook.csv "$TMP/drv_twice.csv" > "$TMP/drv_twice.tsv" 2>/dev/null
t "drivers: two files, one survey" 0 "$TMP/drv_twice.tsv" - sq-drivers -c tests/oracle/drivers/overall10.codebook.csv $S $S
t "drivers: missing file" 1 - "sq-drivers: $D/nope.csv: No such file or directory" sq-drivers $D/nope.csv

t "drivers: no overall column" 1 - "sq-drivers: $D/nooverall.csv:1: no overall rating column (\"overall\"); name the outcome with --outcome COLUMN" sq-drivers $D/nooverall.csv
t "drivers: unknown --outcome" 1 - "sq-drivers: $S:1: outcome column \"nps\" not found in the header" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --outcome nps $S
t "drivers: outcome not a number" 1 - "sq-drivers: $D/badoutcome.csv:3: column recommend (#53): \"x\" is not a number" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --outcome recommend $D/badoutcome.csv
t "drivers: outcome --invalid=missing" 0 '*' "sq-drivers: $D/badoutcome.csv: 1 invalid value treated as missing" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --invalid=missing --outcome recommend $D/badoutcome.csv
t "drivers: bad cell in the export" 1 - "sq-drivers: tests/data/gap/off.csv:3: column E1 (#3): \"9\" is outside the scale 1..7" sq-drivers tests/data/gap/off.csv
t "drivers: targets file, unknown dimension" 1 - "sq-drivers: $D/t_baddim.csv:3: column dimension (#1): \"FOO\" is no dimension of the instrument" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --targets $D/t_baddim.csv $S
t "drivers: targets file, bad block" 1 - "sq-drivers: $D/t_badblock.csv:2: column block (#2): \"E\": expected P or G" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --targets $D/t_badblock.csv $S
t "drivers: targets file, bad level" 1 - "sq-drivers: $D/t_badnum.csv:2: column target (#3): \"cinco\" is not a number" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --targets $D/t_badnum.csv $S
t "drivers: targets file, level beyond doubles" 1 - "sq-drivers: $D/t_hugenum.csv:2: column target (#3): \"1e400\" is beyond the range of numbers" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --targets $D/t_hugenum.csv $S
t "drivers: targets file, no dimension column" 1 - "sq-drivers: $D/t_nocol.csv:1: a targets file needs the columns dimension, block and target; \"dimension\" not found" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --targets $D/t_nocol.csv $S
t "drivers: targets file missing" 1 - "sq-drivers: $D/nope.csv: No such file or directory" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --targets $D/nope.csv $S
t "drivers: --importance stated without weights" 1 - "sq-drivers: tests/oracle/drivers/noweights.csv: --importance stated: no respondent has all 5 importance weights with a sum above 0" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --importance stated tests/oracle/drivers/noweights.csv

# Too few respondents: the models are undefined (null), nothing crashes.
t "drivers: five respondents, models null" 0 '*' - sh -c "sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f json $D/six.csv | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(not (d[\"n\"] == 5 and d[\"models\"][\"servqual\"][\"r2\"] is None))'"

# The gate: a missed target exits 3 after writing the whole table.
t "drivers: --fail-if missed exits 3" 3 '*' "sq-drivers: gate missed held" sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --fail-if missed --targets tests/oracle/drivers/targets.csv $M
t "drivers: --fail-if missed still writes" 0 '*' '*' sh -c "sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --fail-if missed --targets tests/oracle/drivers/targets.csv -f json $M > $TMP/gate.json; [ \$? = 3 ] && python3 -m json.tool $TMP/gate.json >/dev/null"
t "drivers: --fail-if met targets exit 0" 0 '*' - sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --fail-if missed --target TAN=5 $M
t "drivers: targets file with ; and a decimal comma, no block column" 0 '*' - sh -c "sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --targets $D/t_semicolon.csv $S | grep -q '^target	all	P	REL	target	5.5\$'"

# Output safety.
t "drivers: /dev/full" 1 - "sq-drivers: standard output: write error: No space left on device" sh -c "sq-drivers -c tests/oracle/drivers/overall10.codebook.csv $S > /dev/full"
rm -f "$TMP/d.tsv"
t "drivers: failed run writes no -o file" 1 - '*' sq-drivers -o "$TMP/d.tsv" tests/data/gap/off.csv
t "drivers: no file left behind" 0 - - sh -c "! ls $TMP/d.tsv* 2>/dev/null"
t "drivers: -o writes the table" 0 - - sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -o "$TMP/d.tsv" $S
t "drivers: -o content equals stdout" 0 "$TMP/d.tsv" - sq-drivers -c tests/oracle/drivers/overall10.codebook.csv $S

# Formats: json has the contract's keys and the same figures as tsv.
sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv --target REL=5 -b sucursal $S > "$TMP/d_long.tsv"
sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f json --target REL=5 -b sucursal $S > "$TMP/d.json"
t "drivers: json keys and figures as the contract" 0 '*' - python3 -c '
import json, sys, csv
d = json.load(open(sys.argv[1]))
assert list(d) == ["n", "outcome", "models", "importance", "importance_spearman", "ipa", "targets"], list(d)
m = d["models"]["servperf"]
assert list(m) == ["n", "r2", "adj_r2", "f", "df1", "df2", "p", "coefficients", "lmg"]
assert list(m["coefficients"][0]) == ["term", "estimate", "se", "t", "p", "beta", "vif"]
assert m["coefficients"][0]["term"] == "intercept" and m["coefficients"][0]["beta"] is None and m["coefficients"][0]["vif"] is None
assert list(m["lmg"][0]) == ["term", "lmg", "share"]
assert list(d["importance"][0]) == ["dimension", "stated", "derived", "rank_stated", "rank_derived"]
assert list(d["ipa"]) == ["rule", "importance_source", "importance_cross", "performance_cross", "dimensions"]
assert list(d["ipa"]["dimensions"][0]) == ["dimension", "importance", "performance", "quadrant"]
assert list(d["targets"][0])[:10] == ["dimension", "block", "target", "n", "mean", "ci_low", "ci_high", "t", "p", "verdict"]
assert len(d["targets"]) == 4 and d["targets"][1]["segment"] != "all"
rows = list(csv.reader(open(sys.argv[2]), delimiter="\t"))
v = {(r[0], r[1], r[2], r[3], r[4]): r[5] for r in rows[1:]}
assert abs(float(v[("model", "all", "servperf", "", "r2")]) - m["r2"]) < 1e-12
assert abs(float(v[("lmg", "all", "servperf", "REL", "share")]) - m["lmg"][1]["share"]) < 1e-10
assert abs(sum(l["share"] for l in m["lmg"]) - 100) < 1e-9
assert v[("ipa", "all", "", "REL", "quadrant")] == d["ipa"]["dimensions"][1]["quadrant"]
' "$TMP/d.json" "$TMP/d_long.tsv"
t "drivers: csv has the long table" 0 '*' - sh -c "sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f csv $S | head -n 1 | grep -qx 'section,segment,model,term,key,value'"
for _l in en es; do
t "drivers: pretty fits 100 columns ($_l)" 0 '*' - sh -c "sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f pretty --lang $_l --target REL=5,G:TAN=-0.5 -b sucursal $S | python3 -c 'import sys; sys.exit(max(len(l.rstrip(\"\\n\")) for l in sys.stdin) > 100)'"
done
t "drivers: pretty in Spanish" 0 '*' - sh -c "sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f pretty --lang es $S | grep -q 'Fiabilidad'"
t "drivers: md" 0 '*' - sh -c "sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f md $S | grep -q '^| section'"

# Every figure of the JSON is the long table's (which the R oracle holds):
# walk the JSON and look each number up in the tsv of the same run.
sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f json --targets tests/oracle/drivers/targets.csv -b sucursal $M > "$TMP/m.json"
sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv --targets tests/oracle/drivers/targets.csv -b sucursal $M > "$TMP/m.tsv"
t "drivers: every JSON figure equals the long table's" 0 '*' - python3 -c '
import json, sys, csv, math
d = json.load(open(sys.argv[1]))
v = {tuple(r[:5]): r[5] for r in list(csv.reader(open(sys.argv[2]), delimiter="\t"))[1:]}
n = 0
def same(key, x):
    global n
    y = v[key]
    if x is None:
        assert y in ("NaN", ""), (key, y)
    elif isinstance(x, str):
        assert x == y, (key, x, y)
    else:
        assert float(y) == x, (key, x, y)
    n += 1
same(("summary", "all", "", "", "n"), d["n"])
same(("summary", "all", "", "", "outcome"), d["outcome"])
for m, M in d["models"].items():
    for k in ("n", "r2", "adj_r2", "f", "df1", "df2", "p"):
        same(("model", "all", m, "", k), M[k])
    for c in M["coefficients"]:
        for k, kk in (("estimate", "estimate"), ("se", "se"), ("t", "t"), ("p", "p"), ("beta", "beta"), ("vif", "vif")):
            same(("coefficient", "all", m, c["term"], kk), c[k])
    for l in M["lmg"]:
        same(("lmg", "all", m, l["term"], "lmg"), l["lmg"])
        same(("lmg", "all", m, l["term"], "share"), l["share"])
for i in d["importance"]:
    for k in ("stated", "derived", "rank_stated", "rank_derived"):
        same(("importance", "all", "", i["dimension"], k), i[k])
same(("importance", "all", "", "", "spearman"), d["importance_spearman"])
for k in ("rule", "importance_source", "importance_cross", "performance_cross"):
    same(("ipa", "all", "", "", k), d["ipa"][k])
for i in d["ipa"]["dimensions"]:
    for k in ("importance", "performance", "quadrant"):
        same(("ipa", "all", "", i["dimension"], k), i[k])
for g in d["targets"]:
    for k in ("target", "n", "mean", "ci_low", "ci_high", "t", "p", "verdict"):
        same(("target", g["segment"], g["block"], g["dimension"], k), g[k])
assert len(d["targets"]) == 16 and n > 200, n
' "$TMP/m.json" "$TMP/m.tsv"
