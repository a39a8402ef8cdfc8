/* Factor analysis against psych (tests/oracle/factor/factor.R). */
#include <math.h>

#include "servqual/factor.h"
#include "unit.h"
#include "fa_fixture.h"

#define P 6

static const char *fms[] = { "pa", "minres", "ml" };
static const char *rots[] = { "none", "varimax", "oblimin", "promax" };

/* Largest |a - s b| over aligned columns (2 factors: maybe swapped). */
static double
aligned_diff(const double *got, const double *want, size_t p)
{
	double best = INFINITY;
	int swap, s0, s1;
	size_t i;

	for (swap = 0; swap < 2; swap++)
		for (s0 = -1; s0 <= 1; s0 += 2)
			for (s1 = -1; s1 <= 1; s1 += 2) {
				double m = 0;

				for (i = 0; i < p; i++) {
					double a = got[i * 2 + swap] * s0;
					double b = got[i * 2 + !swap] * s1;

					m = fmax(m, fabs(a - want[i * 2]));
					m = fmax(m, fabs(b - want[i * 2 + 1]));
				}
				best = fmin(best, m);
			}
	return best;
}

static void
test_stats(const double *R, double n)
{
	double v[P], msa, chisq, df, pv, m = 0;
	size_t i;

	CHECK(sq_smc(R, P, v) == SQ_OK, "smc runs");
	for (i = 0; i < P; i++)
		m = fmax(m, fabs(v[i] - fx_get("smc", "smc", (int)i + 1, 0)));
	CHECK_NEAR(m, 0, 1e-12, "smc = psych::smc");
	CHECK(sq_kmo(R, P, &msa, v) == SQ_OK, "kmo runs");
	CHECK_NEAR(msa, fx_get("kmo", "overall", 0, 0), 1e-12,
	    "KMO overall = psych::KMO");
	for (m = 0, i = 0; i < P; i++)
		m = fmax(m, fabs(v[i] - fx_get("kmo", "item", (int)i + 1, 0)));
	CHECK_NEAR(m, 0, 1e-12, "KMO per item = psych::KMO MSAi");
	CHECK(sq_bartlett(R, P, n, &chisq, &df, &pv) == SQ_OK,
	    "bartlett runs");
	CHECK_NEAR(chisq, fx_get("bartlett", "chisq", 0, 0), 1e-10,
	    "Bartlett chisq = psych::cortest.bartlett");
	CHECK_NEAR(df, fx_get("bartlett", "df", 0, 0), 0, "Bartlett df");
	CHECK_NEAR(pv, fx_get("bartlett", "p", 0, 0), 1e-8, "Bartlett p");
	CHECK(sq_eigenvalues(R, P, v) == SQ_OK, "eigenvalues run");
	for (m = 0, i = 0; i < P; i++)
		m = fmax(m, fabs(v[i] - fx_get("eigen", "observed", 0,
		    (int)i + 1)));
	CHECK_NEAR(m, 0, 1e-12, "eigenvalues = eigen()");
}

static void
test_fa(const double *R)
{
	double want[P * 2], m;
	char tag[32], what[96];
	size_t i;
	int f, r;

	for (f = 0; f < 3; f++)
		for (r = 0; r < 4; r++) {
			sq_fa_opts o = { f, r, 2, 1000, 1e-9 };
			sq_fa *fa = NULL;

			snprintf(tag, sizeof(tag), "%s.%s", fms[f], rots[r]);
			snprintf(what, sizeof(what), "fa %s runs", tag);
			if (!CHECK(sq_fa_fit(R, P, &o, &fa) == SQ_OK, what))
				continue;
			fx_matrix(tag, "loading", want, P, 2);
			/* pa agrees to rounding, minres/ml to optim's tolerance */
			snprintf(what, sizeof(what), "fa %s loadings = psych", tag);
			CHECK_NEAR(aligned_diff(fa->loadings, want, P), 0,
			    f == SQ_FA_PA ? 1e-9 : 1e-4, what);
			for (m = 0, i = 0; i < P; i++)
				m = fmax(m, fabs(fa->communality[i] -
				    fx_get(tag, "communality", (int)i + 1, 0)));
			snprintf(what, sizeof(what), "fa %s communalities", tag);
			CHECK_NEAR(m, 0, f == SQ_FA_PA ? 1e-9 : 1e-4, what);
			if (r >= SQ_ROT_OBLIMIN) {
				snprintf(what, sizeof(what), "fa %s phi", tag);
				CHECK_NEAR(fa->phi[1], fx_get(tag, "phi", 0, 0),
				    f == SQ_FA_PA ? 1e-9 : 1e-4, what);
			}
			if (f == SQ_FA_PA) {
				snprintf(what, sizeof(what),
				    "fa %s iterations as psych", tag);
				CHECK((double)fa->iterations ==
				    fx_get(tag, "iterations", 0, 0), what);
			}
			snprintf(what, sizeof(what), "fa %s converged", tag);
			CHECK(fa->converged && fa->rot_converged, what);
			CHECK(fa->nheywood == 0, "no Heywood case");
			sq_fa_free(fa);
		}
}

static void
test_parallel(void)
{
	double mean[22], q95[22], dm = 0, dq = 0;
	size_t i;

	if (!CHECK(fx_load("tests/oracle/factor/expected/"
	    "parallel_p22_n300.tsv") == 0, "fixture parallel_p22_n300.tsv"))
		return;
	CHECK(sq_parallel(22, 300, 7, 20000, mean, q95) == SQ_OK,
	    "parallel analysis runs");
	for (i = 0; i < 22; i++) {
		dm = fmax(dm, fabs(mean[i] - fx_get("eigen", "sim_mean", 0,
		    (int)i + 1)));
		dq = fmax(dq, fabs(q95[i] - fx_get("eigen", "sim_p95", 0,
		    (int)i + 1)));
	}
	/* Monte Carlo on both sides: a few standard errors */
	CHECK_NEAR(dm, 0, 0.004,
	    "Wishart null eigenvalue means = brute-force R simulation");
	CHECK_NEAR(dq, 0, 0.008,
	    "Wishart null 95th percentiles = brute-force R simulation");
	CHECK(sq_parallel(22, 20, 7, 10, mean, q95) == SQ_EUSAGE,
	    "parallel analysis needs n > p");
	{
		double obs[4] = { 3, 1.5, 1.2, 0.2 }, ref[4] = { 1.4, 1.3, 1.25, 1 };

		CHECK(sq_parallel_count(obs, ref, 4) == 2,
		    "count stops at the first eigenvalue below the reference");
	}
}

static void
test_structure(void)
{
	/* 6 items in 3 dimensions; dims 0 and 1 on factor 0, dim 2 on 1 */
	double L[12] = {
		0.8, 0.1,  0.7, 0.0,  0.6, 0.2,  0.7, -0.1,
		0.1, 0.9,  0.2, 0.5
	};
	int dim[6] = { 0, 0, 1, 1, 2, 2 };
	sq_fa_check *c = NULL;

	CHECK(sq_fa_check_structure(L, 6, 2, dim, 3, &c) == SQ_OK,
	    "structure check runs");
	CHECK(c->primary[0] == 0 && c->primary[4] == 1 && c->primary[5] == 1,
	    "primary factor = largest |loading|");
	CHECK(c->merged && !c->matches, "two dimensions on one factor merge");
	CHECK(c->group[0] == 0 && c->group[1] == 0 && c->group[2] == 2,
	    "dimensions 0 and 1 form one group");
	/* column 1: phi = (0.9 + 0.5) / sqrt(2 (0.01+0+0.04+0.01+0.81+0.25)) */
	CHECK_NEAR(c->congruence[2], 1.4 / sqrt(2 * 1.12), 1e-12,
	    "Tucker congruence by hand");
	CHECK(c->congfactor[2] == 1, "congruence picks the best column");
	sq_fa_check_free(c);
	dim[2] = dim[3] = 0;
	dim[0] = dim[1] = 1;
	L[4] = 0.1;	/* item 3 now loads on factor 1 */
	L[5] = 0.6;
	CHECK(sq_fa_check_structure(L, 6, 2, dim, 3, &c) == SQ_OK &&
	    !c->matches && c->onfactor[0] == 1 && c->nitems[0] == 2,
	    "a dimension split across factors does not match");
	sq_fa_check_free(c);
	{
		double M[8] = { 0.9, 0, 0.8, 0.1, 0.1, 0.7, 0, 0.8 };
		int d2[4] = { 0, 0, 1, 1 };

		CHECK(sq_fa_check_structure(M, 4, 2, d2, 2, &c) == SQ_OK &&
		    c->matches && !c->merged, "a clean structure matches");
		sq_fa_check_free(c);
	}
}

int
main(void)
{
	double R[P * P], bad[4] = { 1, NAN, NAN, 1 };
	sq_fa_opts o = { SQ_FA_PA, SQ_ROT_NONE, 2, 0, 0 };
	sq_fa *fa = NULL;

	if (!CHECK(fx_load("tests/oracle/factor/expected/ability.tsv") == 0,
	    "fixture tests/oracle/factor/expected/ability.tsv"))
		return unit_done();
	fx_matrix("R", "r", R, P, P);
	test_stats(R, 112);
	test_fa(R);
	CHECK(sq_fa_fit(R, P, &o, &fa) == SQ_OK && fa->prop[0] ==
	    fa->ss[0] / P, "proportion = SS loadings / p");
	sq_fa_free(fa);
	o.nfactors = P;
	CHECK(sq_fa_fit(R, P, &o, &fa) == SQ_EUSAGE, "k must be below p");
	o.nfactors = 1;
	CHECK(sq_fa_fit(bad, 2, &o, &fa) == SQ_ENUMERIC, "NaN in R refused");
	CHECK(sq_extract_parse("ML") == SQ_FA_ML && sq_extract_parse("x") < 0,
	    "extraction names");
	CHECK(sq_fa_gate_valid("kmo<0.6") && sq_fa_gate_valid("kmo<=.5") &&
	    sq_fa_gate_valid("heywood") && sq_fa_gate_valid("structure") &&
	    sq_fa_gate_valid("convergence"), "gates accepted");
	CHECK(!sq_fa_gate_valid("kmo<") && !sq_fa_gate_valid("kmo<0.6x") &&
	    !sq_fa_gate_valid("alpha<0.7") && !sq_fa_gate_valid("kmo>0.6"),
	    "bad gates refused");
	test_parallel();
	test_structure();
	free(fx);
	return unit_done();
}
