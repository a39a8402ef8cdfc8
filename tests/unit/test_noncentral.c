/* Noncentral chi-square against R's pchisq(ncp =) (tests/oracle/cfa). */
#include "unit.h"
#include "../oracle/cfa/ncchisq.h"

#include "servqual/noncentral.h"

/* |a - b| <= rel |b| + abs */
static int
close_to(double a, double b, double rel, double abs)
{
	return fabs(a - b) <= rel * fabs(b) + abs;
}

int
main(void)
{
	size_t i, n = sizeof(ncx2_cases) / sizeof(ncx2_cases[0]);
	double worst_p = 0, worst_q = 0, worst_r = 0, d;
	int okp = 1, okq = 1, okr = 1;
	char what[128];

	for (i = 0; i < n; i++) {
		const double *c = ncx2_cases[i];
		double p = sq_ncchisq_P(c[0], c[1], c[2]);
		double q = sq_ncchisq_Q(c[0], c[1], c[2]);

		/* R computes its upper tail as 1 - P for large ncp: it holds
		   only about 1e-15 absolute there */
		if (!close_to(p, c[3], 1e-9, 1e-15)) {
			okp = 0;
			printf("# P(%g; %g, %g) = %.17g, R %.17g\n", c[0], c[1],
			    c[2], p, c[3]);
		}
		if (!close_to(q, c[4], 1e-9, 1e-15)) {
			okq = 0;
			printf("# Q(%g; %g, %g) = %.17g, R %.17g\n", c[0], c[1],
			    c[2], q, c[4]);
		}
		d = fabs(p - c[3]) / (c[3] > 1e-300 ? c[3] : 1);
		worst_p = d > worst_p ? d : worst_p;
		d = fabs(q - c[4]) / (c[4] > 1e-300 ? c[4] : 1);
		worst_q = d > worst_q ? d : worst_q;
		/* the two tails are complements */
		if (!(fabs(p + q - 1) < 1e-13))
			okp = 0;
	}
	snprintf(what, sizeof(what), "P = pchisq(ncp=) at %zu points "
	    "(worst relative %.1e)", n, worst_p);
	CHECK(okp, what);
	snprintf(what, sizeof(what), "Q = pchisq(ncp=, lower.tail = FALSE) "
	    "(worst relative %.1e)", worst_q);
	CHECK(okq, what);
	n = sizeof(ncx2_roots) / sizeof(ncx2_roots[0]);
	for (i = 0; i < n; i++) {
		const double *c = ncx2_roots[i];
		double l = sq_ncchisq_ncp(c[0], c[1], c[2]);

		if (!close_to(l, c[3], 1e-9, 1e-9)) {
			okr = 0;
			printf("# ncp(%g, %g, %g) = %.17g, R %.17g\n", c[0],
			    c[1], c[2], l, c[3]);
		}
		d = fabs(l - c[3]) / (c[3] > 0 ? c[3] : 1);
		worst_r = d > worst_r ? d : worst_r;
	}
	snprintf(what, sizeof(what), "noncentrality for P = 0.95, 0.05 = "
	    "uniroot (worst relative %.1e)", worst_r);
	CHECK(okr, what);
	CHECK(isnan(sq_ncchisq_P(1, 0, 1)) && isnan(sq_ncchisq_P(1, 2, -1)) &&
	    isnan(sq_ncchisq_P(NAN, 2, 1)) && isnan(sq_ncchisq_ncp(1, 2, 1)),
	    "NaN outside the domain");
	CHECK(sq_ncchisq_P(0, 3, 2) == 0 && sq_ncchisq_Q(-1, 3, 2) == 1 &&
	    sq_ncchisq_P(INFINITY, 3, 2) == 1, "the ends");
	CHECK(sq_ncchisq_ncp(1, 10, 0.95) == 0, "ncp 0 when P(x; df, 0) < prob");
	return unit_done();
}
