/*
 * Noncentral chi-square against two oracles (tests/oracle/cfa): R's
 * pchisq(x, df, ncp) where R computes the tail asked for directly (the
 * lower tail; the upper one only for ncp < 80, beyond which R returns
 * 1 - P and loses the far tail), and a 40-digit mpmath sum everywhere.
 */
#include "unit.h"
#include "../oracle/cfa/ncchisq.h"
#include "../oracle/cfa/ncchisq_mp.h"

#include "servqual/noncentral.h"

static double
rel(double a, double b)
{
	return b == 0 ? fabs(a) : fabs(a - b) / fabs(b);
}

int
main(void)
{
	size_t i, n = sizeof(ncx2_cases) / sizeof(ncx2_cases[0]);
	size_t nm = sizeof(ncx2_mp) / sizeof(ncx2_mp[0]), nr = 0;
	double wr = 0, wm = 0, wroot = 0, d;
	int ok_r = 1, ok_m = 1, ok_c = 1, ok_root = 1;
	char what[160];

	for (i = 0; i < n; i++) {
		const double *c = ncx2_cases[i];
		double p = sq_ncchisq_P(c[0], c[1], c[2]);
		double q = sq_ncchisq_Q(c[0], c[1], c[2]);

		if (c[3] < 0.5) {
			d = rel(p, c[3]);
			nr++;
		} else if (c[2] < 80) {
			d = rel(q, c[4]);
			nr++;
		} else
			d = 0;
		if (d > 1e-9) {
			ok_r = 0;
			printf("# (%g; %g, %g): P %.17g Q %.17g, R %.17g %.17g\n",
			    c[0], c[1], c[2], p, q, c[3], c[4]);
		}
		wr = d > wr ? d : wr;
		if (!(fabs(p + q - 1) < 1e-13))
			ok_c = 0;
	}
	snprintf(what, sizeof(what), "= R's pchisq(ncp =) in its direct "
	    "tail at %zu points (worst relative %.1e)", nr, wr);
	CHECK(ok_r, what);
	for (i = 0; i < nm; i++) {
		const double *c = ncx2_mp[i];
		double p = sq_ncchisq_P(c[0], c[1], c[2]);
		double q = sq_ncchisq_Q(c[0], c[1], c[2]);

		d = fmax(rel(p, c[3]), rel(q, c[4]));
		if (d > 1e-10) {
			ok_m = 0;
			printf("# (%g; %g, %g): P %.17g Q %.17g, mpmath %.17g "
			    "%.17g\n", c[0], c[1], c[2], p, q, c[3], c[4]);
		}
		wm = d > wm ? d : wm;
	}
	snprintf(what, sizeof(what), "= mpmath in both tails at %zu points "
	    "(worst relative %.1e)", nm, wm);
	CHECK(ok_m, what);
	CHECK(ok_c, "P + Q = 1");
	n = sizeof(ncx2_roots) / sizeof(ncx2_roots[0]);
	for (i = 0; i < n; i++) {
		const double *c = ncx2_roots[i];
		double l = sq_ncchisq_ncp(c[0], c[1], c[2]);

		d = rel(l, c[3]);
		if (d > 1e-9 && fabs(l - c[3]) > 1e-9) {
			ok_root = 0;
			printf("# ncp(%g, %g, %g) = %.17g, R %.17g\n", c[0],
			    c[1], c[2], l, c[3]);
		}
		wroot = d > wroot ? d : wroot;
	}
	snprintf(what, sizeof(what), "noncentrality for P = 0.95, 0.05 = "
	    "R's uniroot (worst relative %.1e)", wroot);
	CHECK(ok_root, what);
	CHECK(isnan(sq_ncchisq_P(1, 0, 1)) && isnan(sq_ncchisq_P(1, 2, -1)) &&
	    isnan(sq_ncchisq_P(NAN, 2, 1)) && isnan(sq_ncchisq_ncp(1, 2, 1)),
	    "NaN outside the domain");
	CHECK(sq_ncchisq_P(0, 3, 2) == 0 && sq_ncchisq_Q(-1, 3, 2) == 1 &&
	    sq_ncchisq_P(INFINITY, 3, 2) == 1, "the ends");
	CHECK(sq_ncchisq_ncp(1, 10, 0.95) == 0,
	    "ncp 0 when P(x; df, 0) < prob");
	return unit_done();
}
