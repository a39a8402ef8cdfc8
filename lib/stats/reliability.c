/*
 * Reliability statistics as functions of covariance matrices; the
 * one-pass accumulator behind sq-alpha (relacc.c) applies them. Formulas
 * follow psych::alpha, psych::alpha.ci and psych::omega (see
 * reliability.h and sq-alpha(1)).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>

#include "servqual/reliability.h"

#define OMEGA_TOL	1e-14
#define OMEGA_MAXIT	20000
#define H2_MAX		0.995	/* psych bounds uniquenesses at 0.005 */

static int
all_finite(const double *m, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isfinite(m[i]))
			return 0;
	return 1;
}

/* Raw alpha of cov without item *skip (of all items if skip is NULL). */
static double
alpha_raw(const double *cov, size_t k, const size_t *skip)
{
	size_t i, j, m = 0;
	double tr = 0, tot = 0;

	for (i = 0; i < k; i++) {
		if (skip && *skip == i)
			continue;
		m++;
		tr += cov[i * k + i];
		for (j = 0; j < k; j++)
			if (!(skip && *skip == j))
				tot += cov[i * k + j];
	}
	if (m < 2 || !(tot != 0))
		return NAN;
	return (1 - tr / tot) * ((double)m / (m - 1));
}

int
sq_alpha(const double *cov, size_t k, double *alpha, double *alpha_std,
    double *average_r)
{
	size_t i, j;
	double sumr = 0, r, a = NAN, s = NAN, av = NAN;

	if (k >= 2 && all_finite(cov, k * k)) {
		a = alpha_raw(cov, k, NULL);
		for (i = 0; i < k; i++)
			for (j = 0; j < k; j++) {
				r = cov[i * k + j] /
				    sqrt(cov[i * k + i] * cov[j * k + j]);
				sumr += r;
			}
		if (isfinite(sumr)) {
			s = (1 - k / sumr) * ((double)k / (k - 1));
			av = (sumr - k) / ((double)k * (k - 1));
		}
	}
	if (alpha)
		*alpha = a;
	if (alpha_std)
		*alpha_std = s;
	if (average_r)
		*average_r = av;
	return SQ_OK;
}

int
sq_alpha_items(const double *cov, size_t k, double *r_drop,
    double *alpha_drop)
{
	size_t i, j, l;
	double tot = 0, vdrop, cdrop, rowsum;
	int ok = k >= 2 && all_finite(cov, k * k);

	for (i = 0; ok && i < k * k; i++)
		tot += cov[i];
	for (i = 0; i < k; i++) {
		if (r_drop) {
			r_drop[i] = NAN;
			if (ok) {
				rowsum = 0;
				for (j = 0; j < k; j++)
					rowsum += cov[i * k + j];
				cdrop = rowsum - cov[i * k + i];
				/* sum of cov without row and column i */
				vdrop = tot - 2 * rowsum + cov[i * k + i];
				if (cov[i * k + i] > 0 && vdrop > 0)
					r_drop[i] = cdrop /
					    sqrt(cov[i * k + i] * vdrop);
			}
		}
		if (alpha_drop) {
			l = i;
			alpha_drop[i] = ok && k >= 3 ?
			    alpha_raw(cov, k, &l) : NAN;
		}
	}
	return SQ_OK;
}

/*
 * Quantile of F(df1, df2) at p by bisection on the distribution function
 * (on the upper tail above the median, for precision). GSL's own inverse
 * fails to converge for the large df of big samples (n = 1e6: 2e7).
 */
static double
fquantile(double p, double df1, double df2)
{
	double lo = 1, hi = 1, mid, v;
	int upper = p > 0.5, i;

	if (!(p > 0 && p < 1))
		return NAN;
#define BELOW(x) (upper ? gsl_cdf_fdist_Q((x), df1, df2) > 1 - p : \
	gsl_cdf_fdist_P((x), df1, df2) < p)
	for (i = 0; i < 2100 && BELOW(hi); i++)
		hi *= 2;
	for (i = 0; i < 2100 && !BELOW(lo); i++)
		lo /= 2;
	if (!BELOW(lo) || BELOW(hi))
		return NAN;
	for (i = 0; i < 400 && hi - lo > 4 * DBL_EPSILON * hi; i++) {
		mid = lo + (hi - lo) / 2;
		v = BELOW(mid);
		if (v)
			lo = mid;
		else
			hi = mid;
	}
#undef BELOW
	return lo + (hi - lo) / 2;
}

int
sq_feldt_ci(double alpha, double n, size_t k, double conf, double *lo,
    double *hi)
{
	double df1, df2, p;

	*lo = *hi = NAN;
	if (!(n >= 2) || k < 2 || !isfinite(alpha) || !(conf > 0 && conf < 1))
		return SQ_OK;
	df1 = n - 1;
	df2 = df1 * (k - 1);
	p = (1 - conf) / 2;
	*lo = 1 - (1 - alpha) * fquantile(1 - p, df1, df2);
	*hi = 1 - (1 - alpha) * fquantile(p, df1, df2);
	return SQ_OK;
}

/* Squared multiple correlations 1 - 1/diag(R^-1) into h; -1 if singular. */
static int
smc(const double *cor, size_t k, double *h)
{
	gsl_matrix *m;
	size_t i;
	int rc;

	if ((m = gsl_matrix_alloc(k, k)) == NULL)
		return SQ_ENOMEM;
	memcpy(m->data, cor, k * k * sizeof(double));
	rc = gsl_linalg_cholesky_decomp1(m);
	if (rc == 0)
		rc = gsl_linalg_cholesky_invert(m);
	for (i = 0; rc == 0 && i < k; i++)
		h[i] = 1 - 1 / gsl_matrix_get(m, i, i);
	gsl_matrix_free(m);
	return rc == 0 ? SQ_OK : -1;
}

int
sq_omega_total(const double *cor, size_t k, double *omega, unsigned *iter)
{
	gsl_matrix *rs = NULL, *ev = NULL;
	gsl_vector *eval = NULL;
	gsl_eigen_symmv_workspace *w = NULL;
	double *h = NULL, *l = NULL, d, hn, lam, sum, vt, u;
	size_t i, j, top;
	unsigned it = 0;
	int rc = SQ_OK;

	*omega = NAN;
	if (iter)
		*iter = 0;
	if (k < 3 || !all_finite(cor, k * k))
		return SQ_OK;
	h = malloc(k * sizeof(*h));
	l = malloc(k * sizeof(*l));
	rs = gsl_matrix_alloc(k, k);
	ev = gsl_matrix_alloc(k, k);
	eval = gsl_vector_alloc(k);
	w = gsl_eigen_symmv_alloc(k);
	if (!h || !l || !rs || !ev || !eval || !w) {
		rc = SQ_ENOMEM;
		goto out;
	}
	/* start from the SMCs, as psych; from max |r| if R is singular */
	if ((rc = smc(cor, k, h)) != SQ_OK) {
		if (rc == SQ_ENOMEM)
			goto out;
		for (i = 0; i < k; i++) {
			h[i] = 0;
			for (j = 0; j < k; j++)
				if (j != i && fabs(cor[i * k + j]) > h[i])
					h[i] = fabs(cor[i * k + j]);
		}
		rc = SQ_OK;
	}
	for (i = 0; i < k; i++)
		if (h[i] > H2_MAX)
			h[i] = H2_MAX;
	for (it = 1; it <= OMEGA_MAXIT; it++) {
		memcpy(rs->data, cor, k * k * sizeof(double));
		for (i = 0; i < k; i++)
			gsl_matrix_set(rs, i, i, h[i]);
		if (gsl_eigen_symmv(rs, eval, ev, w) != 0) {
			rc = SQ_ENUMERIC;
			goto out;
		}
		top = gsl_vector_max_index(eval);
		lam = gsl_vector_get(eval, top);
		lam = lam > 0 ? sqrt(lam) : 0;
		d = 0;
		for (i = 0; i < k; i++) {
			l[i] = lam * gsl_matrix_get(ev, i, top);
			hn = l[i] * l[i];
			if (hn > H2_MAX)
				hn = H2_MAX;
			if (fabs(hn - h[i]) > d)
				d = fabs(hn - h[i]);
			h[i] = hn;
		}
		if (d < OMEGA_TOL)
			break;
	}
	if (it > OMEGA_MAXIT) {
		it = OMEGA_MAXIT;
		rc = SQ_ENUMERIC;
		goto out;
	}
	/* orient the factor, then reflect items that load negatively */
	sum = 0;
	for (i = 0; i < k; i++)
		sum += l[i];
	if (sum < 0)
		for (i = 0; i < k; i++)
			l[i] = -l[i];
	vt = u = 0;
	for (i = 0; i < k; i++) {
		u += 1 - l[i] * l[i];
		for (j = 0; j < k; j++)
			vt += (l[i] < 0) == (l[j] < 0) ?
			    cor[i * k + j] : -cor[i * k + j];
	}
	if (vt > 0)
		*omega = 1 - u / vt;
out:
	if (iter)
		*iter = it;
	free(h);
	free(l);
	gsl_matrix_free(rs);
	gsl_matrix_free(ev);
	gsl_vector_free(eval);
	gsl_eigen_symmv_free(w);
	return rc;
}

double
sq_diff_reliability(double ree, double rpp, double ve, double vp, double rep)
{
	double c, den;

	if (!(ve > 0) || !(vp > 0))
		return NAN;
	c = 2 * rep * sqrt(ve) * sqrt(vp);
	den = ve + vp - c;
	if (!(den > 0))
		return NAN;
	return (ve * ree + vp * rpp - c) / den;
}

double
sq_diff_reliability_cov(const double *cov, size_t k)
{
	size_t i, j, k2 = 2 * k;
	double ve = 0, vp = 0, cep = 0, tre = 0, trp = 0, ree, rpp;

	if (k < 2 || !all_finite(cov, k2 * k2))
		return NAN;
	for (i = 0; i < k; i++) {
		tre += cov[i * k2 + i];
		trp += cov[(k + i) * k2 + k + i];
		for (j = 0; j < k; j++) {
			ve += cov[i * k2 + j];
			vp += cov[(k + i) * k2 + k + j];
			cep += cov[i * k2 + k + j];
		}
	}
	if (!(ve > 0) || !(vp > 0))
		return NAN;
	ree = (1 - tre / ve) * ((double)k / (k - 1));
	rpp = (1 - trp / vp) * ((double)k / (k - 1));
	return sq_diff_reliability(ree, rpp, ve, vp, cep / sqrt(ve * vp));
}
