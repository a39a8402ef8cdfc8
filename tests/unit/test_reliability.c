/*
 * Reliability functions against R psych (tests/oracle/alpha/reliability.R):
 * alpha, std.alpha, average_r, r.drop, alpha.drop, alpha.ci (Feldt),
 * omega(nfactors = 1)$omega.tot, difference-score reliability; plus the
 * accumulator's merge and its degenerate cases.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "servqual/instrument.h"
#include "servqual/reliability.h"
#include "unit.h"
#include "../oracle/alpha/reliability_expected.h"

static void
check_case(const char *name, const double *cov, const double *cor,
    size_t k, double n, const double *total, const double *rdrop,
    const double *adrop)
{
	double a, s, av, lo, hi, om, rd[16], ad[16];
	unsigned it;
	size_t i;
	char what[128];

	sq_alpha(cov, k, &a, &s, &av);
	snprintf(what, sizeof(what), "%s: raw_alpha", name);
	CHECK_NEAR(a, total[0], 1e-12, what);
	snprintf(what, sizeof(what), "%s: std.alpha", name);
	CHECK_NEAR(s, total[1], 1e-12, what);
	snprintf(what, sizeof(what), "%s: average_r", name);
	CHECK_NEAR(av, total[2], 1e-12, what);
	sq_feldt_ci(a, n, k, 0.95, &lo, &hi);
	snprintf(what, sizeof(what), "%s: Feldt lower", name);
	CHECK_NEAR(lo, total[3], 1e-9, what);
	snprintf(what, sizeof(what), "%s: Feldt upper", name);
	CHECK_NEAR(hi, total[4], 1e-9, what);
	CHECK(sq_omega_total(cor, k, &om, &it) == SQ_OK, "omega converges");
	snprintf(what, sizeof(what), "%s: omega vs psych (%u iterations)",
	    name, it);
	CHECK_NEAR(om, total[5], 1e-6, what);
	snprintf(what, sizeof(what), "%s: omega vs converged minres", name);
	CHECK_NEAR(om, total[6], 1e-10, what);
	sq_alpha_items(cov, k, rd, ad);
	for (i = 0; i < k; i++) {
		snprintf(what, sizeof(what), "%s: r.drop[%zu]", name, i + 1);
		CHECK_NEAR(rd[i], rdrop[i], 1e-12, what);
		snprintf(what, sizeof(what), "%s: alpha.drop[%zu]", name,
		    i + 1);
		CHECK_NEAR(ad[i], adrop[i], 1e-12, what);
	}
}

static void
check_degenerate(void)
{
	double c1[1] = { 2 }, c2[4] = { 1, 0.5, 0.5, 1 }, cz[9] = { 0 };
	double a, s, av, rd[3], ad[3], om, lo, hi;

	sq_alpha(c1, 1, &a, &s, &av);
	CHECK(isnan(a) && isnan(s) && isnan(av), "k = 1: alpha undefined");
	sq_alpha(cz, 3, &a, &s, &av);
	CHECK(isnan(a) && isnan(s), "all variances 0: alpha undefined");
	sq_alpha_items(c2, 2, rd, ad);
	CHECK_NEAR(rd[0], 0.5, 1e-15, "k = 2: r.drop is r");
	CHECK(isnan(ad[0]), "k = 2: alpha if deleted undefined");
	sq_omega_total(c2, 2, &om, NULL);
	CHECK(isnan(om), "k = 2: omega undefined");
	sq_feldt_ci(0.8, 1, 5, 0.95, &lo, &hi);
	CHECK(isnan(lo) && isnan(hi), "n = 1: no interval");
	CHECK(isnan(sq_diff_reliability(0.8, 0.8, 1, 1, 1)),
	    "r(E,P) = 1 with equal variances: D has no variance");
}

/* Accumulator on a tiny instrument: merge equals one pass; n < 2. */
static void
check_accumulator(void)
{
	sq_instrument *ins;
	sq_relacc *a, *b, *c;
	sq_relrow *r1, *r2;
	size_t n1, n2, i, j, bad = 0;
	double e[22], p[22];
	sq_response resp = { 0 };
	unsigned s = 12345;

	if (sq_instrument_servqual(&ins) != SQ_OK) {
		CHECK(0, "built-in instrument");
		return;
	}
	for (int pw = 0; pw <= 1; pw++) {
		sq_relacc_new(ins, pw, &a);
		sq_relacc_new(ins, pw, &b);
		sq_relacc_new(ins, pw, &c);
		for (i = 0; i < 120; i++) {
			for (j = 0; j < 22; j++) {
				s = s * 1103515245u + 12345u;
				e[j] = 1 + (s >> 16) % 7;
				s = s * 1103515245u + 12345u;
				p[j] = 1 + (s >> 16) % 7;
				if ((s >> 8) % 50 == 0)
					p[j] = NAN;
			}
			resp.e = e;
			resp.p = p;
			sq_relacc_add(a, &resp);
			sq_relacc_add(i < 50 ? b : c, &resp);
		}
		CHECK(sq_relacc_merge(b, c) == SQ_OK, "merge");
		sq_rel_rows(a, 0.95, &r1, &n1);
		sq_rel_rows(b, 0.95, &r2, &n2);
		CHECK(n1 == n2 && n1 == 3 * (6 + 44), "row count");
		for (i = 0; i < n1 && i < n2; i++)
			if (!unit_near(r1[i].alpha, r2[i].alpha, 1e-12) ||
			    !unit_near(r1[i].r_drop, r2[i].r_drop, 1e-12) ||
			    !unit_near(r1[i].omega_total, r2[i].omega_total,
			    1e-9) || !unit_near(r1[i].r_diff, r2[i].r_diff,
			    1e-12) || r1[i].n != r2[i].n)
				bad++;
		CHECK(bad == 0, pw ? "pairwise: merged shards = one pass" :
		    "listwise: merged shards = one pass");
		CHECK(r1[0].scope == SQ_REL_SCALE && r1[0].block == SQ_BLOCK_E &&
		    r1[0].dim == 0 && r1[1].item == 0 && r1[5].dim == 1,
		    "row order: scale row, then its items");
		free(r1);
		free(r2);
		sq_relacc_free(a);
		sq_relacc_free(b);
		sq_relacc_free(c);
	}
	/* one respondent: nothing is defined */
	sq_relacc_new(ins, 0, &a);
	sq_relacc_add(a, &resp);
	sq_rel_rows(a, 0.95, &r1, &n1);
	CHECK(r1[0].n == 1 && isnan(r1[0].alpha) && isnan(r1[0].ci_low) &&
	    isnan(r1[0].omega_total) && isnan(r1[1].r_drop),
	    "n = 1: every figure NaN");
	free(r1);
	sq_relacc_free(a);
	sq_relacc_free(NULL);
	sq_instrument_free(ins);
}

static void
check_gates(void)
{
	sq_relgate g;
	sq_relrow r;

	memset(&r, 0, sizeof(r));
	r.scope = SQ_REL_SCALE;
	r.alpha = 0.69;
	r.alpha_std = NAN;
	r.omega_total = 0.7;
	r.r_diff = 0.5;
	CHECK(sq_relgate_parse("alpha<0.70", &g) == SQ_OK &&
	    g.stat == SQ_GATE_ALPHA && !g.le && g.threshold == 0.70,
	    "gate alpha<0.70 parses");
	CHECK(sq_relgate_holds(&g, &r), "alpha 0.69 < 0.70 holds");
	r.scope = SQ_REL_ITEM;
	CHECK(!sq_relgate_holds(&g, &r), "gates look at scale rows only");
	r.scope = SQ_REL_SCALE;
	CHECK(sq_relgate_parse("omega<0.7", &g) == SQ_OK &&
	    g.stat == SQ_GATE_OMEGA && !sq_relgate_holds(&g, &r),
	    "omega 0.7 < 0.7 does not hold");
	CHECK(sq_relgate_parse("omega_total<=0.7", &g) == SQ_OK && g.le &&
	    sq_relgate_holds(&g, &r), "omega_total 0.7 <= 0.7 holds");
	CHECK(sq_relgate_parse("alpha_std<1", &g) == SQ_OK &&
	    g.stat == SQ_GATE_ALPHA_STD && !sq_relgate_holds(&g, &r),
	    "a NaN statistic never holds");
	CHECK(sq_relgate_parse("r_diff<0.6", &g) == SQ_OK &&
	    sq_relgate_holds(&g, &r), "r_diff gate");
	CHECK(sq_relgate_parse("kmo<0.6", &g) == SQ_EUSAGE, "kmo refused");
	CHECK(sq_relgate_parse("alpha<", &g) == SQ_EUSAGE, "no number");
	CHECK(sq_relgate_parse("alpha< 0.7", &g) == SQ_EUSAGE, "blank");
	CHECK(sq_relgate_parse("alpha<0.7x", &g) == SQ_EUSAGE, "junk");
	CHECK(sq_relgate_parse("alpha>0.7", &g) == SQ_EUSAGE, "> refused");
	CHECK(sq_relgate_parse("alpha<nan", &g) == SQ_EUSAGE, "nan refused");
}

int
main(void)
{
	size_t i;
	double lo, hi, rd;
	char what[96];

	gsl_set_error_handler_off();
	check_case("bfi A1-A5", c1_cov, c1_cor, C1_K, C1_N, c1_total,
	    c1_rdrop, c1_adrop);
	check_case("simulated 7 items", c2_cov, c2_cor, C2_K, C2_N, c2_total,
	    c2_rdrop, c2_adrop);
	for (i = 0; i < NFELDT; i++) {
		const double *f = feldt + 5 * i;

		sq_feldt_ci(f[0], f[1], (size_t)f[2], 0.95, &lo, &hi);
		snprintf(what, sizeof(what), "Feldt alpha %g n %g k %g: lower",
		    f[0], f[1], f[2]);
		CHECK_NEAR(lo, f[3], 1e-9, what);
		snprintf(what, sizeof(what), "Feldt alpha %g n %g k %g: upper",
		    f[0], f[1], f[2]);
		CHECK_NEAR(hi, f[4], 1e-9, what);
	}
	rd = sq_diff_reliability(rd_parts[0], rd_parts[1], rd_parts[2],
	    rd_parts[3], rd_parts[4]);
	CHECK_NEAR(rd, rd_parts[5], 1e-13, "r_diff from its parts");
	CHECK_NEAR(sq_diff_reliability_cov(rd_cov, 4), rd_parts[5], 1e-12,
	    "r_diff from the E+P covariance matrix vs scale scores in R");
	check_degenerate();
	check_accumulator();
	check_gates();
	return unit_done();
}
