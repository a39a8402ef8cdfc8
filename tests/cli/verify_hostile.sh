# Independent verification, hostile inputs (helper HV): what the tools'
# own tests did not try. Each case here once misbehaved.
_vh=tests/oracle/verify
_vhc="-c $_vh/a_codebook.csv"

# A target off the scale is a typo (REL=55 for 5.5), not a target that
# every run misses: usage error for --target, data error for --targets.
t "hostile: --target above the scale" 2 - "~sq-drivers: --target: X=99 is outside 1..5, where the perception score lies" \
    sq-drivers $_vhc --target X=99 $_vh/a.csv
t "hostile: --target gap below -(max - min)" 2 - "~sq-drivers: --target: X=-4.01 is outside -4..4, where the gap score lies" \
    sq-drivers $_vhc --target G:X=-4.01 $_vh/a.csv
t "hostile: --target 1e308" 2 - "~sq-drivers: --target: X=1e308 is outside 1..5" \
    sq-drivers $_vhc --target X=1e308 $_vh/a.csv
t "hostile: --target at the scale's ends is fine" 0 '*' - \
    sq-drivers $_vhc --target X=5,Y=1,G:Z=-4,G:X=4 $_vh/a.csv
printf 'dimension,block,target\nX,P,5.5\n' >"$TMP/vh_t.csv"
t "hostile: targets file off the scale" 1 - "sq-drivers: $TMP/vh_t.csv:2: column target (#3): \"5.5\" is outside 1..5, where the perception score lies" \
    sq-drivers $_vhc --targets "$TMP/vh_t.csv" $_vh/a.csv
# An empty --targets name said only "No such file or directory".
t "hostile: --targets with an empty name" 2 - "~sq-drivers: --targets: the file name is empty" \
    sq-drivers --targets "" $_vh/a.csv

# 13 respondents for 27 parameters: the fit fails and is reported; the
# report said "Newton decrement nan" and "factor correlation -nan".
t "hostile: cfa on 13 respondents reports, prints no nan" 0 '*' - sh -c \
    "sq-cfa $_vhc tests/data/verify/few13.csv 2>$TMP/vh_err >/dev/null;
     grep -q 'did not converge' $TMP/vh_err && grep -q 'discriminant validity is not judged' $TMP/vh_err &&
     ! grep -qiw 'nan' $TMP/vh_err"

# An sq-zone table with a mean off its scale hung sq-chart zone (10 min+,
# ticks towards 1e308); now a data error naming line and column.
_vhz="-c $_vh/zone_codebook.csv"
sq-zone $_vhz $_vh/zone.csv >"$TMP/vh_z.tsv"
awk -F'\t' -v OFS='\t' 'NR == 3 { $6 = "1e308" } { print }' "$TMP/vh_z.tsv" >"$TMP/vh_zbig.tsv"
t "hostile: zone chart, mean_a 1e308 in the table" 1 - "sq-chart: $TMP/vh_zbig.tsv:3: column mean_a (#6): 1e+308 is outside the scale 1..9" \
    timeout 60 sq-chart zone $_vhz -o "$TMP/vh.svg" "$TMP/vh_zbig.tsv"
awk -F'\t' -v OFS='\t' 'NR == 4 { $22 = "0"; $23 = "100" } { print }' "$TMP/vh_z.tsv" >"$TMP/vh_zsc.tsv"
t "hostile: zone chart, a row with another scale" 1 - "sq-chart: $TMP/vh_zsc.tsv:4: column scale_min (#22): the scale 0..100 differs from the first row's" \
    timeout 60 sq-chart zone $_vhz -o "$TMP/vh.svg" "$TMP/vh_zsc.tsv"
t "hostile: zone chart from the intact table" 0 - - \
    timeout 60 sq-chart zone $_vhz -o "$TMP/vh.svg" "$TMP/vh_z.tsv"
