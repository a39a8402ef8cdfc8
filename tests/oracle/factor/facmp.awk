# facmp.awk: compare sq-factor's loadings, communalities, factor
# correlations and principal-axis iterations (TSV) with psych's expected
# file, after aligning factors: each expected factor, in order, takes the
# unused actual factor whose column is most congruent with it, with the
# sign of that congruence.
#
#   awk -v tol=1e-3 -f facmp.awk EXPECTED ACTUAL
#
# Exit 0 when every value agrees within tol (absolute), 1 otherwise;
# prints the largest deviations.
BEGIN { FS = "\t"; if (tol == "") tol = 1e-3 }
FNR == 1 { f++; next }
{
	s = $1; key = $2; it = $3; fac = $5; v = $6 + 0
	if (s == "loading" && key == "pattern") {
		L[f, it, fac] = v
		if (fac > K[f]) K[f] = fac
		if (f == 1) items[it] = 1
	} else if (s == "item" && key == "communality")
		H[f, it] = v
	else if (s == "phi") {
		P[f, substr(key, 2) + 0, fac] = v; hasphi[f] = 1
	} else if (s == "fa" && key == "iterations")
		IT[f] = v
}
function abs(x) { return x < 0 ? -x : x }
END {
	bad = 0; k = K[1]
	if (K[2] != k) { print "factors: expected " k ", got " K[2]; exit 1 }
	for (e = 1; e <= k; e++) {
		best = 0; bc = -1
		for (a = 1; a <= k; a++) {
			if (used[a]) continue
			sab = see = saa = 0
			for (i in items) {
				sab += L[1, i, e] * L[2, i, a]
				see += L[1, i, e] ^ 2; saa += L[2, i, a] ^ 2
			}
			c = sab / sqrt(see * saa)
			if (abs(c) > bc) { bc = abs(c); best = a; sg = c < 0 ? -1 : 1 }
		}
		used[best] = 1; map[e] = best; sgn[e] = sg
	}
	ml = mh = mp = 0
	for (i in items) {
		for (e = 1; e <= k; e++) {
			d = abs(L[1, i, e] - sgn[e] * L[2, i, map[e]])
			if (d > ml) ml = d
		}
		d = abs(H[1, i] - H[2, i]); if (d > mh) mh = d
	}
	if (hasphi[1]) {
		if (!hasphi[2]) { print "no factor correlations"; bad = 1 }
		for (e = 1; e <= k; e++)
			for (g = 1; g <= k; g++) {
				d = abs(P[1, e, g] - sgn[e] * sgn[g] * P[2, map[e], map[g]])
				if (d > mp) mp = d
			}
	}
	printf "max |diff|: loadings %.3g, communalities %.3g, phi %.3g\n", ml, mh, mp
	if (ml > tol || mh > tol || mp > tol) bad = 1
	if (1 in IT) {
		if (IT[1] != IT[2]) {
			print "pa iterations: expected " IT[1] ", got " IT[2]; bad = 1
		}
	}
	exit bad
}
