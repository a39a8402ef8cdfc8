/*
 * Least squares from the centred co-moments (sq_drivers_fit): the
 * predictors' cross-products scaled to a correlation matrix and
 * factored by Cholesky, whose factor is the R of a QR of the centred,
 * scaled data; coefficients by triangular solves, the residual sum of
 * squares from R^2, the standard errors from the inverse.
 */
#include <math.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

#include "drivers_int.h"

#define NQ	DRV_NQ

static void
model_nan(sq_drvmodel *mod)
{
	size_t i;

	mod->r2 = mod->adj_r2 = mod->f = mod->p = NAN;
	for (i = 0; i < SQ_MAX_DIMS + 1; i++)
		mod->est[i] = mod->se[i] = mod->t[i] = mod->pv[i] =
		    mod->beta[i] = mod->vif[i] = NAN;
	for (i = 0; i < SQ_MAX_DIMS; i++)
		mod->lmg[i] = mod->share[i] = NAN;
}

/*
 * R (p x p) the correlations of the predictors (sd s[0..p), s[p] the
 * outcome's), z their correlations with the outcome; then R^2 into *r2,
 * the standardised coefficients into z and the inverse correlation
 * matrix into R. -1 when singular or a step fails.
 */
static int
solve(size_t p, const double *C, const double *s, gsl_matrix *R,
    gsl_vector *z, double *r2)
{
	size_t q = p + 1, i, j;

	for (i = 0; i < p; i++) {
		for (j = 0; j < p; j++) {
			size_t a = i < j ? i : j, b = i < j ? j : i;

			gsl_matrix_set(R, i, j, C[a * q + b] / (s[a] * s[b]));
		}
		gsl_vector_set(z, i, C[i * q + p] / (s[i] * s[p]));
	}
	if (gsl_linalg_cholesky_decomp1(R) != GSL_SUCCESS)
		return -1;
	/* z = L^-1 r: R^2 = z'z; then beta = L^-T z */
	if (gsl_blas_dtrsv(CblasLower, CblasNoTrans, CblasNonUnit, R, z) !=
	    GSL_SUCCESS)
		return -2;
	*r2 = 0;
	for (i = 0; i < p; i++)
		*r2 += gsl_vector_get(z, i) * gsl_vector_get(z, i);
	if (gsl_blas_dtrsv(CblasLower, CblasTrans, CblasNonUnit, R, z) !=
	    GSL_SUCCESS)
		return -2;
	/* R now holds the inverse of the correlation matrix */
	if (gsl_linalg_cholesky_invert(R) != GSL_SUCCESS)
		return -2;
	return 0;
}

/* The fit's figures from R^2, the solution z and the inverse Ri. */
static void
coefficients(double n, size_t p, const double *m, const double *s,
    double r2, const gsl_vector *z, const gsl_matrix *Ri, sq_drvmodel *mod)
{
	double sy = s[p], rss, sigma2, v0;
	size_t i, j;

	rss = fmax(0, 1 - r2) * sy * sy;
	sigma2 = rss / mod->df2;
	mod->r2 = r2;
	mod->adj_r2 = 1 - (1 - r2) * (n - 1) / mod->df2;
	mod->f = (r2 / (double)p) / ((1 - r2) / mod->df2);
	mod->p = isfinite(mod->f) ? gsl_cdf_fdist_Q(mod->f, (double)p,
	    mod->df2) : 0;
	v0 = 1 / n;
	mod->est[0] = m[p];
	for (i = 0; i < p; i++) {
		double b = gsl_vector_get(z, i);

		mod->beta[1 + i] = b;
		mod->est[1 + i] = b * sy / s[i];
		mod->est[0] -= mod->est[1 + i] * m[i];
		mod->vif[1 + i] = gsl_matrix_get(Ri, i, i);
		mod->se[1 + i] = sqrt(sigma2 * gsl_matrix_get(Ri, i, i) /
		    (s[i] * s[i]));
		for (j = 0; j < p; j++)
			v0 += m[i] * m[j] * gsl_matrix_get(Ri, i, j) /
			    (s[i] * s[j]);
	}
	mod->se[0] = sqrt(sigma2 * v0);
	for (i = 0; i <= p; i++) {
		mod->t[i] = mod->est[i] / mod->se[i];
		mod->pv[i] = isfinite(mod->t[i]) ? 2 * gsl_cdf_tdist_Q(
		    fabs(mod->t[i]), mod->df2) : NAN;
	}
}

void
sq_drivers_fit(double n, size_t p, const double *m, const double *C,
    sq_drvmodel *mod)
{
	size_t q = p + 1, i;
	double s[NQ], r2 = 0;
	gsl_matrix *R = NULL;
	gsl_vector *z = NULL;
	int rc;

	model_nan(mod);
	mod->singular = 0;
	mod->n = n;
	mod->df1 = (double)p;
	mod->df2 = n >= (double)p + 1 ? n - (double)p - 1 : NAN;
	if (p == 0 || p > SQ_MAX_DIMS || !(mod->df2 >= 1))
		return;
	for (i = 0; i < q; i++)
		s[i] = sqrt(C[i * q + i]);
	for (i = 0; i < p; i++)
		if (!(s[i] > 0))
			mod->singular = 1;
	if (mod->singular || !(s[p] > 0))
		return;
	R = gsl_matrix_alloc(p, p);
	z = gsl_vector_alloc(p);
	if (R != NULL && z != NULL) {
		if ((rc = solve(p, C, s, R, z, &r2)) == -1)
			mod->singular = 1;
		else if (rc == 0)
			coefficients(n, p, m, s, r2, z, R, mod);
	}
	gsl_matrix_free(R);
	gsl_vector_free(z);
}
