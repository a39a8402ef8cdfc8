/*
 * sq_cfa_fit on covariance matrices built from known parameters (the
 * model holds exactly, so the estimates must be those parameters and
 * chisq 0), the gates, HTMT by hand, and the cfa chart's layout.
 */
#include <stdlib.h>

#include <gsl/gsl_errno.h>

#include "unit.h"

#include "servqual/cfa.h"
#include "servqual/chart.h"

#define P 7
#define M 2

int
main(void)
{
	/* two factors: items 0-3 and 4-6 */
	static const int dim[P] = { 0, 0, 0, 0, 1, 1, 1 };
	static const double lam[P] = { 1, 0.8, 1.2, 0.9, 1, 1.1, 0.7 };
	static const double th[P] = { 0.5, 0.4, 0.6, 0.45, 0.3, 0.5, 0.35 };
	static const double phi[M][M] = { { 0.9, 0.3 }, { 0.3, 1.2 } };
	double S[P * P], worst = 0, R[P * P], h[M * M], iy[P], fy[M], height;
	sq_cfa *c = NULL, *s = NULL;
	size_t i, j;
	int ok;

	gsl_set_error_handler_off();

	for (i = 0; i < P; i++)
		for (j = 0; j < P; j++)
			S[i * P + j] = lam[i] * lam[j] * phi[dim[i]][dim[j]] +
			    (i == j ? th[i] : 0);
	CHECK(sq_cfa_fit(S, P, 500, dim, M, 0, &c) == SQ_OK, "fit");
	if (c == NULL)
		return unit_done();
	CHECK(c->converged, "converged");
	CHECK_NEAR(c->chisq, 0, 1e-9, "chisq 0 when the model holds");
	CHECK(c->df == 28 - 15, "df = p(p+1)/2 - q");
	for (i = 0; i < P; i++) {
		worst = fmax(worst, fabs(c->lambda[i] - lam[i]));
		worst = fmax(worst, fabs(c->theta[i] - th[i]));
	}
	worst = fmax(worst, fabs(c->phi[1] - phi[0][1]));
	worst = fmax(worst, fabs(c->phi[3] - phi[1][1]));
	CHECK(worst < 1e-8, "the parameters recovered");
	CHECK(c->fixed[0] && c->fixed[4] && !c->fixed[1] &&
	    isnan(c->lambda_se[0]) && c->lambda_se[1] > 0, "markers fixed");
	CHECK_NEAR(c->phi_cor[1], 0.3 / sqrt(0.9 * 1.2), 1e-8,
	    "factor correlation");
	CHECK_NEAR(c->lambda_std[1], 0.8 * sqrt(0.9) / sqrt(S[1 * P + 1]),
	    1e-8, "std.all");
	CHECK_NEAR(c->cfi, 1, 1e-12, "CFI 1");
	CHECK(c->rmsea == 0 && c->rmsea_lo == 0, "RMSEA 0");
	CHECK_NEAR(c->srmr, 0, 1e-9, "SRMR 0");
	CHECK(c->nheywood == 0 && c->phi_pd, "no Heywood case");

	CHECK(sq_cfa_fit(S, P, 500, dim, M, 1, &s) == SQ_OK, "fit --std-lv");
	if (s != NULL) {
		CHECK_NEAR(s->chisq, c->chisq, 1e-9, "std-lv: same chisq");
		CHECK_NEAR(s->lambda[1], 0.8 * sqrt(0.9), 1e-8,
		    "std-lv: loadings scaled by the factor sd");
		CHECK_NEAR(s->phi[1], c->phi_cor[1], 1e-8,
		    "std-lv: phi is the correlation");
		CHECK_NEAR(s->lambda_std[2], c->lambda_std[2], 1e-9,
		    "std-lv: same std.all");
	}

	/* HTMT by hand on the implied correlations */
	for (i = 0; i < P; i++)
		for (j = 0; j < P; j++)
			R[i * P + j] = S[i * P + j] /
			    sqrt(S[i * P + i] * S[j * P + j]);
	CHECK(sq_htmt(R, P, dim, M, h) == SQ_OK, "htmt");
	{
		double ab = 0, aa = 0, bb = 0;

		for (i = 0; i < 4; i++)
			for (j = 4; j < P; j++)
				ab += R[i * P + j] / 12;
		for (i = 0; i < 4; i++)
			for (j = i + 1; j < 4; j++)
				aa += R[i * P + j] / 6;
		for (i = 4; i < P; i++)
			for (j = i + 1; j < P; j++)
				bb += R[i * P + j] / 3;
		CHECK_NEAR(h[1], ab / sqrt(aa * bb), 1e-14,
		    "htmt = heterotrait / sqrt(monotrait a * monotrait b)");
		CHECK(isnan(h[0]) && h[1] == h[2], "htmt symmetric, NaN diagonal");
	}

	/* gates */
	CHECK(sq_cfa_gate_valid("cfi<0.9") && sq_cfa_gate_valid("rmsea>=0.08")
	    && sq_cfa_gate_valid("heywood") && sq_cfa_gate_valid("discriminant")
	    && !sq_cfa_gate_valid("cfi") && !sq_cfa_gate_valid("cfi<") &&
	    !sq_cfa_gate_valid("cfi<0.9x") && !sq_cfa_gate_valid("gfi<0.9") &&
	    !sq_cfa_gate_valid("srmr=0.1"), "gate syntax");
	CHECK(!sq_cfa_gate_holds("cfi<0.9", c) &&
	    sq_cfa_gate_holds("cfi>=1", c) && !sq_cfa_gate_holds("cfi>1", c) &&
	    !sq_cfa_gate_holds("heywood", c) &&
	    !sq_cfa_gate_holds("convergence", c), "gates on a perfect fit");
	c->converged = 0;	/* as if it had not: no gate can pass */
	CHECK(sq_cfa_gate_holds("cfi<0.9", c) &&
	    sq_cfa_gate_holds("rmsea>0.5", c) &&
	    sq_cfa_gate_holds("heywood", c) &&
	    sq_cfa_gate_holds("discriminant", c) &&
	    sq_cfa_gate_holds("convergence", c), "every gate holds unconverged");
	c->converged = 1;

	/* a one-item factor and a bad S are refused */
	{
		int d1[P] = { 0, 0, 0, 0, 0, 0, 1 };
		sq_cfa *x = NULL;

		CHECK(sq_cfa_fit(S, P, 500, d1, M, 0, &x) == SQ_EUSAGE &&
		    x == NULL, "a factor of one item refused");
		S[0] = -1;
		CHECK(sq_cfa_fit(S, P, 500, dim, M, 0, &x) == SQ_EDATA &&
		    x == NULL, "a matrix that is not positive definite refused");
	}
	sq_cfa_free(c);
	sq_cfa_free(s);
	sq_cfa_free(NULL);

	/* chart layout */
	ok = sq_cfa_layout(dim, P, M, 100, iy, fy, &height) == SQ_OK;
	CHECK(ok && iy[0] == 108.5 && iy[3] == 108.5 + 3 * 17 &&
	    iy[4] == 108.5 + 4 * 17 + 9, "items 17 pt apart, 9 between factors");
	CHECK(ok && fy[0] == (iy[0] + iy[3]) / 2 && fy[1] == iy[5],
	    "a factor centred on its items");
	CHECK(ok && height == 7 * 17 + 9, "layout height");
	CHECK(sq_cfa_arc_bulge(0, 1, 5, 1000) == 34 &&
	    sq_cfa_arc_bulge(3, 0, 5, 1000) == 102 &&
	    sq_cfa_arc_bulge(0, 4, 5, 80) == 80, "arcs nest, within the room");
	return unit_done();
}
