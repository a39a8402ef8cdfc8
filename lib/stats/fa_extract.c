/*
 * Factor extraction (see factor.c for the method): loadings for given
 * uniquenesses, the minres and ml criteria with their gradients, the
 * spectral projected gradient on the box of uniquenesses, and psych's
 * principal axis iteration. sq_fa_fit (factor.c) picks among them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/factor.h"
#include "fa_extract.h"
#include "fa_linalg.h"

/* Principal-axis loadings of f->S: top k eigenvectors, sqrt(max(l, 0)). */
static int
top_loadings(struct fit *f)
{
	size_t i, j, p = f->p, k = f->k;
	int rc;

	if ((rc = fa_eigen(f->S, p, f->val, f->vec)) != SQ_OK)
		return rc;
	for (i = 0; i < p; i++)
		for (j = 0; j < k; j++)
			f->L[i * k + j] = f->vec[i * p + j] *
			    sqrt(f->val[j] > 0 ? f->val[j] : 0);
	return SQ_OK;
}

/* Principal-axis style loadings of R - diag(psi). */
int
fa_uls_loadings(struct fit *f, const double *psi)
{
	size_t i, p = f->p;

	memcpy(f->S, f->R, p * p * sizeof(double));
	for (i = 0; i < p; i++)
		f->S[i * p + i] -= psi[i];
	return top_loadings(f);
}

/*
 * Unweighted least squares in psi: F = sum over the discarded
 * eigenvalues of (R - psi) squared (plus negative retained ones), whose
 * gradient is -2 diag(R - psi - LL'); psych's minres optimum is its
 * stationary point.
 */
int
fa_minres_fg(struct fit *f, const double *psi, double *fv, double *g)
{
	size_t i, j, p = f->p, k = f->k;
	double s = 0;
	int rc;

	if ((rc = fa_uls_loadings(f, psi)) != SQ_OK)
		return rc;
	for (j = 0; j < p; j++)
		if (j >= k || f->val[j] < 0)
			s += f->val[j] * f->val[j];
	*fv = s;
	if (g != NULL)
		for (i = 0; i < p; i++)
			g[i] = -2 * (f->R[i * p + i] - psi[i] -
			    fa_rowss(f->L, i, k));
	return SQ_OK;
}

/* ML loadings for psi as psych's FAout; eigenvalues stay in f->val. */
int
fa_ml_loadings(struct fit *f, const double *psi)
{
	size_t i, j, p = f->p, k = f->k;
	int rc;

	for (i = 0; i < p; i++)
		for (j = 0; j < p; j++)
			f->S[i * p + j] = f->R[i * p + j] /
			    sqrt(psi[i] * psi[j]);
	if ((rc = fa_eigen(f->S, p, f->val, f->vec)) != SQ_OK)
		return rc;
	for (i = 0; i < p; i++)
		for (j = 0; j < k; j++) {
			double e = f->val[j] - 1;

			f->L[i * k + j] = sqrt(psi[i]) * f->vec[i * p + j] *
			    sqrt(e > 0 ? e : 0);
		}
	return SQ_OK;
}

/* psych's FAfn and FAgr: the ML discrepancy in psi and its gradient. */
int
fa_ml_fg(struct fit *f, const double *psi, double *fv, double *g)
{
	size_t i, j, p = f->p, k = f->k;
	double s = 0;
	int rc;

	if ((rc = fa_ml_loadings(f, psi)) != SQ_OK)
		return rc;
	for (j = k; j < p; j++) {
		if (!(f->val[j] > 0))
			return SQ_ENUMERIC;
		s += log(f->val[j]) - f->val[j];
	}
	*fv = -(s - (double)k + (double)p);
	if (g != NULL)
		for (i = 0; i < p; i++)
			g[i] = (fa_rowss(f->L, i, k) + psi[i] -
			    f->R[i * p + i]) / (psi[i] * psi[i]);
	return SQ_OK;
}

static double
clampd(double x, double lo, double hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

#define SPG_M	10

/*
 * Spectral projected gradient on the box [lo, hi]^p from x: a
 * non-monotone line search with Barzilai-Borwein steps. Stops when the
 * projected gradient's largest component is below tol.
 */
int
fa_spg(fg_fn fg, struct fit *f, double *x, double lo, double hi, double tol,
    size_t maxit, double *fx, size_t *iters, int *converged)
{
	size_t p = f->p, i, it, ls;
	double *g, *xn, *gn, *d, hist[SPG_M], fv, fn = 0, lam, pg, gd, fmx;
	double a, sts, sty;
	int rc = SQ_ENOMEM;

	*iters = 0;
	*converged = 0;
	g = malloc(p * sizeof(double));
	xn = malloc(p * sizeof(double));
	gn = malloc(p * sizeof(double));
	d = malloc(p * sizeof(double));
	if (!g || !xn || !gn || !d)
		goto out;
	for (i = 0; i < p; i++)
		x[i] = clampd(x[i], lo, hi);
	if ((rc = fg(f, x, &fv, g)) != SQ_OK)
		goto out;
	for (i = 0; i < SPG_M; i++)
		hist[i] = fv;
	pg = 0;
	for (i = 0; i < p; i++)
		pg = fmax(pg, fabs(clampd(x[i] - g[i], lo, hi) - x[i]));
	lam = pg > 0 ? clampd(1 / pg, 1e-10, 1e10) : 1;
	for (it = 0; it < maxit; it++) {
		pg = 0;
		for (i = 0; i < p; i++)
			pg = fmax(pg, fabs(clampd(x[i] - g[i], lo, hi) - x[i]));
		if (pg < tol) {
			*converged = 1;
			break;
		}
		gd = 0;
		for (i = 0; i < p; i++) {
			d[i] = clampd(x[i] - lam * g[i], lo, hi) - x[i];
			gd += g[i] * d[i];
		}
		fmx = hist[0];
		for (i = 1; i < SPG_M; i++)
			fmx = fmx > hist[i] ? fmx : hist[i];
		a = 1;
		for (ls = 0; ls < 60; ls++) {
			for (i = 0; i < p; i++)
				xn[i] = clampd(x[i] + a * d[i], lo, hi);
			rc = fg(f, xn, &fn, NULL);
			if (rc == SQ_OK && fn <= fmx + 1e-4 * a * gd)
				break;
			if (rc == SQ_OK && fn - fv - a * gd > 0) {
				double at = -0.5 * a * a * gd /
				    (fn - fv - a * gd);

				a = (at >= 0.1 * a && at <= 0.9 * a) ?
				    at : a / 2;
			} else
				a /= 2;
		}
		if (ls == 60)
			break;	/* no descent left: report non-convergence */
		if ((rc = fg(f, xn, &fn, gn)) != SQ_OK)
			goto out;
		sts = sty = 0;
		for (i = 0; i < p; i++) {
			double s = xn[i] - x[i], y = gn[i] - g[i];

			sts += s * s;
			sty += s * y;
		}
		lam = sty > 0 ? clampd(sts / sty, 1e-10, 1e10) : 1e10;
		memcpy(x, xn, p * sizeof(double));
		memcpy(g, gn, p * sizeof(double));
		fv = fn;
		hist[(it + 1) % SPG_M] = fv;
	}
	*iters = it;
	*fx = fv;
	rc = SQ_OK;
out:
	free(g);
	free(xn);
	free(gn);
	free(d);
	return rc;
}

/* psych's fa(fm = "pa"): communalities from the SMCs to a fixed point. */
int
fa_fit_pa(struct fit *f, double tol, size_t maxit, const double *smc,
    size_t *iters, int *converged)
{
	size_t i, p = f->p, k = f->k, it = 0;
	double comm = 0, comm1, err;
	int rc;

	memcpy(f->S, f->R, p * p * sizeof(double));
	if (k <= p)
		for (i = 0; i < p; i++)
			f->S[i * p + i] = smc[i];
	for (i = 0; i < p; i++)
		comm += f->S[i * p + i];
	err = comm;
	while (err > tol && it < maxit) {
		double *h = f->val;	/* reused after the loadings */

		if ((rc = top_loadings(f)) != SQ_OK)
			return rc;
		comm1 = 0;
		for (i = 0; i < p; i++) {
			h[i] = fa_rowss(f->L, i, k);
			comm1 += h[i];
		}
		for (i = 0; i < p; i++)
			f->S[i * p + i] = h[i];
		err = fabs(comm - comm1);
		comm = comm1;
		it++;
	}
	*iters = it;
	*converged = err <= tol;
	return SQ_OK;
}
