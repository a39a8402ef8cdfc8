/*
 * sq-factor's whole analysis of one correlation matrix: the correlations
 * from the accumulated covariances, KMO, Bartlett, eigenvalues, parallel
 * analysis, the factor fit and psych's fit statistics, and the structure
 * check. Its renderings are in fa_report.c, its gates in fa_gate.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>

#include "servqual/covacc.h"
#include "servqual/factor.h"
#include "servqual/noncentral.h"

/* log|A| of the symmetric positive definite A (copied); NAN if not. */
static double
logdet(const double *A, size_t p, gsl_matrix *w)
{
	double ld = 0;
	size_t i;

	memcpy(w->data, A, p * p * sizeof(double));
	if (gsl_linalg_cholesky_decomp1(w) != 0)
		return NAN;
	for (i = 0; i < p; i++)
		ld += 2 * log(gsl_matrix_get(w, i, i));
	return ld;
}

/* psych's fa.stats fit of the unrotated loadings L (p x k) to R. */
static int
fit_stats(const double *R, size_t p, double n, const double *L, size_t k,
    sq_fa_fit_stats *fs)
{
	gsl_matrix *w = gsl_matrix_alloc(p, p);
	double *M = malloc(p * p * sizeof(double));
	double ldm, ldr, tr = 0, nm, dp = (double)p, dk = (double)k, m0, mm;
	size_t i, j, f;
	int rc = SQ_ENOMEM;

	fs->objective = fs->chisq = fs->df = fs->p = fs->null_chisq =
	    fs->null_df = fs->tli = fs->rmsea = fs->rmsea_lo = fs->rmsea_hi =
	    fs->bic = NAN;
	if (w == NULL || M == NULL)
		goto out;
	rc = SQ_OK;
	for (i = 0; i < p; i++)
		for (j = 0; j < p; j++) {
			double s = 0;

			for (f = 0; f < k; f++)
				s += L[i * k + f] * L[j * k + f];
			M[i * p + j] = i == j ? 1 : s;
		}
	ldr = logdet(R, p, w);
	ldm = logdet(M, p, w);
	if (isnan(ldr) || isnan(ldm) ||
	    gsl_linalg_cholesky_invert(w) != 0)
		goto out;
	for (i = 0; i < p; i++)
		for (j = 0; j < p; j++)
			tr += gsl_matrix_get(w, i, j) * R[j * p + i];
	fs->objective = tr - (ldr - ldm) - dp;
	fs->df = dp * (dp - 1) / 2 - dp * dk + dk * (dk - 1) / 2;
	nm = (n - 1) - (2 * dp + 5) / 6 - 2 * dk / 3;
	fs->chisq = fmax(fs->objective * nm, 0);
	fs->null_df = dp * (dp - 1) / 2;
	fs->null_chisq = -ldr * ((n - 1) - (2 * dp + 5) / 6);
	if (!(fs->df > 0))
		goto out;
	fs->p = gsl_cdf_chisq_Q(fs->chisq, fs->df);
	m0 = -ldr / fs->null_df;
	mm = fs->objective / fs->df;
	fs->tli = (m0 - mm) / (m0 - 1 / nm);
	fs->rmsea = sqrt(fmax(fs->chisq / (fs->df * n) - 1 / (n - 1), 0));
	fs->rmsea_lo = sqrt(sq_ncchisq_ncp(fs->chisq, fs->df, 0.95) /
	    (n - 1) / fs->df);
	fs->rmsea_hi = sqrt(sq_ncchisq_ncp(fs->chisq, fs->df, 0.05) /
	    (n - 1) / fs->df);
	/* psych drops bounds on the wrong side of the estimate */
	if (fs->rmsea_lo > fs->rmsea)
		fs->rmsea_lo = fs->rmsea_hi = NAN;
	if (fs->rmsea_hi < fs->rmsea)
		fs->rmsea_hi = NAN;
	fs->bic = fs->chisq - fs->df * log(n);
out:
	gsl_matrix_free(w);
	free(M);
	return rc;
}

void
sq_fa_result_free(sq_fa_result *r)
{
	if (r == NULL)
		return;
	free(r->kmo_item);
	free(r->eigen);
	free(r->sim_mean);
	free(r->sim_p95);
	sq_fa_free(r->fa);
	sq_fa_check_free(r->check);
	free(r);
}

int
sq_fa_analyse(const double *R, size_t p, double n, const int *dim,
    size_t ndim, const sq_fa_run_opts *opts, sq_fa_result **out)
{
	sq_fa_result *r;
	sq_fa_opts fo = opts->fa;
	size_t i;
	int rc = SQ_ENOMEM;

	*out = NULL;
	if (p < 3)
		return SQ_EUSAGE;
	for (i = 0; i < p * p; i++)
		if (!isfinite(R[i]))
			return SQ_EDATA;
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return SQ_ENOMEM;
	r->p = p;
	r->n = n;
	r->seed = opts->seed;
	r->iter = opts->iter;
	if ((r->kmo_item = malloc(p * sizeof(double))) == NULL ||
	    (r->eigen = malloc(p * sizeof(double))) == NULL)
		goto out;
	/* a singular R leaves KMO and Bartlett undefined, not the rest */
	rc = sq_kmo(R, p, &r->kmo, r->kmo_item);
	if (rc == SQ_ENOMEM)
		goto out;
	rc = sq_bartlett(R, p, n, &r->chisq, &r->df, &r->pval);
	if (rc == SQ_ENOMEM)
		goto out;
	if ((rc = sq_eigenvalues(R, p, r->eigen)) != SQ_OK)
		goto out;
	if (opts->iter > 0 && n - 1 >= (double)p) {
		rc = SQ_ENOMEM;
		if ((r->sim_mean = malloc(p * sizeof(double))) == NULL ||
		    (r->sim_p95 = malloc(p * sizeof(double))) == NULL)
			goto out;
		if ((rc = sq_parallel(p, n, opts->seed, opts->iter,
		    r->sim_mean, r->sim_p95)) != SQ_OK)
			goto out;
		r->suggested = sq_parallel_count(r->eigen, r->sim_p95, p);
	}
	if (fo.nfactors == 0) {
		rc = SQ_EUSAGE;
		if (r->sim_p95 == NULL)
			goto out;
		r->nfactors_from = 1;
		fo.nfactors = r->suggested;
		if (fo.nfactors == 0) {
			fo.nfactors = 1;
			r->nfactors_from = 2;
		}
		if (fo.nfactors > p - 1)
			fo.nfactors = p - 1;
	}
	if ((rc = sq_fa_fit(R, p, &fo, &r->fa)) != SQ_OK)
		goto out;
	rc = sq_fa_check_structure(r->fa->loadings, p, fo.nfactors, dim, ndim,
	    &r->check);
	if (rc == SQ_OK)
		rc = fit_stats(R, p, n, r->fa->unrotated, r->fa->k, &r->fit);
out:
	if (rc != SQ_OK)
		sq_fa_result_free(r);
	else
		*out = r;
	return rc;
}

int
sq_fa_correlations(const sq_covacc *acc, size_t p, double *R, size_t *bi,
    size_t *bj)
{
	size_t i, j;
	int rc;

	*bi = *bj = 0;
	if ((rc = sq_covacc_cov(acc, R)) != SQ_OK)
		return rc;
	for (i = 0; i < p; i++)
		if (!(R[i * p + i] > 0)) {
			*bi = *bj = i;
			return SQ_EDATA;
		}
	if ((rc = sq_covacc_cor(acc, R)) != SQ_OK)
		return rc;
	for (i = 0; i < p; i++)
		for (j = 0; j < p; j++)
			if (isnan(R[i * p + j])) {
				*bi = i;
				*bj = j;
				return SQ_EDATA;
			}
	return SQ_OK;
}
