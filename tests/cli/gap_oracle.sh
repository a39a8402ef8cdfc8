# sq-gap against the R oracle (tests/oracle/gap/gap.R): every dataset for
# the whole sample and with --by sucursal; conf90 at --conf 0.90; one run
# from stdin.
_go=tests/oracle/gap
for _go_n in clean missing edge_one edge_var edge_nodim; do
	oracle "gap oracle $_go_n" $_go/$_go_n.tsv \
	    sq-gap -f tsv $_go/$_go_n.csv
	oracle "gap oracle $_go_n --by" $_go/${_go_n}_by.tsv \
	    sq-gap -f tsv --by sucursal $_go/$_go_n.csv
done
oracle "gap oracle conf90" $_go/conf90.tsv \
    sq-gap -f tsv --conf 0.90 $_go/conf90.csv
oracle "gap oracle conf90 --by" $_go/conf90_by.tsv \
    sq-gap -f tsv --conf 0.90 --by sucursal $_go/conf90.csv
oracle "gap oracle missing stdin" $_go/missing.tsv \
    sh -c "sq-gap -f tsv - < $_go/missing.csv"
