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
	{
		sq_pairmom ma, mm, h, c;

		sq_pairmom_moments(&a, &ma);
		sq_pairmom_moments(&m, &mm);
		CHECK(ma.md == mm.md && ma.m2d == mm.m2d && ma.me == mm.me &&
		    ma.mp == mm.mp, "integer pairs: merged moments equal one "
		    "pass bit for bit");
		CHECK(!a.inexact && a.den == 1, "integer pairs stay exact");
		/* thirds over a common denominator stay exact too */
		memset(&h, 0, sizeof(h));
		memset(&c, 0, sizeof(c));
		sq_pairmom_addx(&h, 10, 11, 3);
		sq_pairmom_addx(&c, 12, 17, 3);
		sq_pairmom_addx(&c, 7, 7, 3);
		sq_pairmom_merge(&h, &c);
		sq_pairmom_moments(&h, &mm);
		CHECK(!h.inexact && h.n == 3, "rationals: exact sums");
		CHECK_NEAR(mm.md, 2.0 / 3, 1e-15, "rationals: mean gap");
		/* gaps 1/3, 5/3, 0: mean 2/3, sum of squares 14/9 */
		CHECK_NEAR(mm.m2d, 14.0 / 9, 1e-15, "rationals: sum of squares");
		sq_pairmom_add(&h, 0.1, 0.25);
		CHECK(h.inexact && h.n == 4, "a non-rational pair: running "
		    "moments");
		sq_pairmom_moments(&h, &mm);
		CHECK_NEAR(mm.md, (2.0 + 0.15) / 4, 1e-15,
		    "running moments carry on from the exact sums");
	}
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	for (i = 0; i < 6; i++) {
		sq_pairmom_add(&a, x[i] + 0.1, y[i]);
		sq_pairmom_add(i < 3 ? &b : &a, x[i] + 0.1, y[i]);
	}
	CHECK(a.inexact, "decimals: running moments");

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
