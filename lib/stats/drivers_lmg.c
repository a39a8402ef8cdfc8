/*
 * LMG relative importance (Lindeman, Merenda and Gold): each
 * predictor's R^2 increment averaged over all orderings, computed
 * exactly over the 2^p subsets of the correlation matrix.
 */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_sf_gamma.h>

#include "drivers_int.h"

/* R^2 of the predictors in mask, from R and r; NAN if singular. */
static double
subset_r2(size_t p, const double *R, const double *r, unsigned mask,
    gsl_matrix *A, gsl_vector *z)
{
	size_t idx[SQ_LMG_MAX_DIMS], k = 0, i, j;
	gsl_matrix_view Av;
	gsl_vector_view zv;
	double r2 = 0;

	for (i = 0; i < p; i++)
		if (mask & (1u << i))
			idx[k++] = i;
	if (k == 0)
		return 0;
	Av = gsl_matrix_submatrix(A, 0, 0, k, k);
	zv = gsl_vector_subvector(z, 0, k);
	for (i = 0; i < k; i++) {
		for (j = 0; j < k; j++)
			gsl_matrix_set(&Av.matrix, i, j,
			    R[idx[i] * p + idx[j]]);
		gsl_vector_set(&zv.vector, i, r[idx[i]]);
	}
	if (gsl_linalg_cholesky_decomp1(&Av.matrix) != GSL_SUCCESS ||
	    gsl_blas_dtrsv(CblasLower, CblasNoTrans, CblasNonUnit,
	    &Av.matrix, &zv.vector) != GSL_SUCCESS)
		return NAN;
	for (i = 0; i < k; i++)
		r2 += gsl_vector_get(&zv.vector, i) *
		    gsl_vector_get(&zv.vector, i);
	return r2;
}

/* lmg[j]: the weighted mean of r2[s + j] - r2[s] over subsets s. */
static void
lmg_average(size_t p, const double *r2, double *lmg)
{
	size_t nsub = (size_t)1 << p, s, j;
	double w[SQ_LMG_MAX_DIMS];

	/* weight of a subset of size k without j: k! (p - 1 - k)! / p! */
	for (s = 0; s < p; s++)
		w[s] = exp(gsl_sf_lnfact((unsigned)s) +
		    gsl_sf_lnfact((unsigned)(p - 1 - s)) -
		    gsl_sf_lnfact((unsigned)p));
	for (j = 0; j < p; j++) {
		double acc = 0;

		for (s = 0; s < nsub; s++) {
			if (s & ((size_t)1 << j))
				continue;
			acc += w[__builtin_popcountl(s)] *
			    (r2[s | ((size_t)1 << j)] - r2[s]);
		}
		lmg[j] = acc;
	}
}

int
sq_lmg(size_t p, const double *R, const double *r, double *lmg)
{
	size_t nsub, s;
	double *r2;
	gsl_matrix *A;
	gsl_vector *z;
	int rc = SQ_OK;

	if (p == 0 || p > SQ_LMG_MAX_DIMS)
		return SQ_EUSAGE;
	nsub = (size_t)1 << p;
	r2 = malloc(nsub * sizeof(*r2));
	A = gsl_matrix_alloc(p, p);
	z = gsl_vector_alloc(p);
	if (r2 == NULL || A == NULL || z == NULL) {
		rc = SQ_ENOMEM;
		goto out;
	}
	for (s = 0; s < nsub; s++)
		if (isnan(r2[s] = subset_r2(p, R, r, (unsigned)s, A, z))) {
			rc = SQ_ENUMERIC;
			goto out;
		}
	lmg_average(p, r2, lmg);
out:
	free(r2);
	gsl_matrix_free(A);
	gsl_vector_free(z);
	return rc;
}

void
sq_drv_model_lmg(size_t p, const double *C, sq_drvmodel *mod)
{
	size_t q = p + 1, i, j;
	double R[SQ_LMG_MAX_DIMS * SQ_LMG_MAX_DIMS] = { 0 };
	double r[SQ_LMG_MAX_DIMS] = { 0 };
	double lmg[SQ_LMG_MAX_DIMS];

	if (isnan(mod->r2) || p > SQ_LMG_MAX_DIMS)
		return;
	for (i = 0; i < p; i++) {
		for (j = 0; j < p; j++) {
			size_t a = i < j ? i : j, b = i < j ? j : i;

			R[i * p + j] = C[a * q + b] / sqrt(C[a * q + a] *
			    C[b * q + b]);
		}
		r[i] = C[i * q + p] / sqrt(C[i * q + i] * C[p * q + p]);
	}
	if (sq_lmg(p, R, r, lmg) != SQ_OK)
		return;
	for (i = 0; i < p; i++) {
		mod->lmg[i] = lmg[i];
		mod->share[i] = 100 * lmg[i] / mod->r2;
	}
}
