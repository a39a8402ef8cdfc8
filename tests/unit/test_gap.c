/*
 * Unit tests of the gap accumulators. Expected figures come from R
 * (tests/oracle/unit/gap_unit.R, output in gap_unit.out).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/gap.h"
#include "unit.h"

int
main(void)
{
	static const double p[] = { 0.01, 0.04, 0.03, 0.005, NAN, 0.5, 0.04 };
	static const double holm[] = {
		0.050000000000000003, 0.12, 0.12, 0.029999999999999999, NAN,
		0.5, 0.12
	};
	static const double x[] = { 3, 5, 2, 6, 7, 4 };
	static const double y[] = { 4, 4, 5, 7, 7, 6 };
	double adj[7];
	sq_pairmom m, a, b;
	sq_gaprow row;
	size_t i;

	CHECK(sq_holm(p, 7, adj) == SQ_OK, "holm runs");
	for (i = 0; i < 7; i++)
		CHECK_NEAR(adj[i], holm[i], 1e-15, "holm matches p.adjust");

	memset(&m, 0, sizeof(m));
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	for (i = 0; i < 6; i++) {
		sq_pairmom_add(&m, x[i], y[i]);
		sq_pairmom_add(i < 2 ? &a : &b, x[i], y[i]);
	}
	sq_gap_summary(&m, 0.90, &row);
	CHECK_NEAR(row.gap, 1, 1e-12, "paired mean difference");
	CHECK_NEAR(row.sd, 1.4142135623730951, 1e-12, "sd of differences");
	CHECK_NEAR(row.t, 1.7320508075688774, 1e-12, "paired t");
	CHECK_NEAR(row.p, 0.14381080871160376, 1e-9, "two-sided p");
	CHECK_NEAR(row.ci_low, -0.16338872077393796, 1e-10, "90% CI low");
	CHECK_NEAR(row.ci_high, 2.1633887207739382, 1e-10, "90% CI high");
	CHECK(row.df == 5, "df = n - 1");

	sq_pairmom_merge(&a, &b);
	CHECK_NEAR(a.md, m.md, 1e-15, "merged mean equals one pass");
	CHECK_NEAR(a.m2d, m.m2d, 1e-13, "merged sum of squares equals one pass");
	CHECK_NEAR(a.me, m.me, 1e-15, "merged mean E equals one pass");

	memset(&m, 0, sizeof(m));
	sq_pairmom_add(&m, 4, 6);
	sq_gap_summary(&m, 0.95, &row);
	CHECK(row.n == 1 && row.gap == 2 && isnan(row.sd) && isnan(row.t) &&
	    isnan(row.p), "one respondent: mean only, the rest NaN");
	sq_pairmom_add(&m, 3, 5);
	sq_gap_summary(&m, 0.95, &row);
	CHECK(row.sd == 0 && isnan(row.t) && isnan(row.p) && isnan(row.d),
	    "zero variance: t, p and d undefined");
	memset(&m, 0, sizeof(m));
	sq_gap_summary(&m, 0.95, &row);
	CHECK(row.n == 0 && isnan(row.mean_e) && isnan(row.gap),
	    "nobody answered: NaN");
	return unit_done();
}
