# --fold-segments and the look-alike warning in the tools that group by -b
# on cmd/tool beyond sq-gap and sq-chart: sq-zone and sq-drivers.
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
FT=$TMP/fold_tools
mkdir -p "$FT"
# every third "Sur" respondent spelled "SUR"
awk -F, 'BEGIN { OFS = "," } NR > 1 && $2 == "Sur" && NR % 3 == 0 { $2 = "SUR" } 1' \
    tests/oracle/zone/zone.csv > "$FT/zone.csv"
t "fold: sq-zone warns of look-alike segments" 0 - \
    "sq-zone: $FT/zone.csv: warning: segment values that differ only in case or accents: \"SUR\", \"Sur\" (--fold-segments makes them one)" \
    sh -c "sq-zone -c tests/oracle/zone/zone_codebook.csv -b campus $FT/zone.csv >/dev/null"
printf 'centro\nnorte\nsur\n' > "$FT/zone.exp"
t "fold: sq-zone --fold-segments makes them one" 0 "$FT/zone.exp" - \
    sh -c "sq-zone -c tests/oracle/zone/zone_codebook.csv -b campus --fold-segments $FT/zone.csv | awk -F'\t' 'NR > 1 && \$2 != \"all\" { print \$2 }' | sort -u"
awk -F, 'BEGIN { OFS = "," } NR > 1 && $2 == "Sur" && NR % 3 == 0 { $2 = "SUR" } 1' \
    tests/oracle/drivers/small.csv > "$FT/small.csv"
t "fold: sq-drivers warns of look-alike segments" 0 - \
    "sq-drivers: $FT/small.csv: warning: segment values that differ only in case or accents: \"Sur\", \"SUR\" (--fold-segments makes them one)" \
    sh -c "sq-drivers -c tests/oracle/drivers/overall10.codebook.csv --target REL=5 -b sucursal $FT/small.csv >/dev/null"
t "fold: sq-drivers --fold-segments makes them one" 0 - - \
    sh -c "sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv --target REL=5 -b sucursal --fold-segments $FT/small.csv | cut -f2 | grep -qx sur &&
    ! sq-drivers -c tests/oracle/drivers/overall10.codebook.csv -f tsv --target REL=5 -b sucursal --fold-segments $FT/small.csv | cut -f2 | grep -qx SUR"
