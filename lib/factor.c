/*
 * Factor analysis on a correlation matrix, following psych (KMO,
 * cortest.bartlett, smc, fa) so that results can be held to R's.
 *
 * Extraction: principal axis iterates the communalities from the SMCs
 * exactly as psych's fa(fm = "pa") does. minres and ml minimise psych's
 * criteria over the uniquenesses in [SQ_FA_PSI_MIN, 1] with a spectral
 * projected gradient method (Birgin, Martinez & Raydan 2000) to a tight
 * projected-gradient tolerance, where psych uses optim's L-BFGS-B; both
 * find the same optimum, ours without optim's loose default stopping.
 */
#include <float.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_sort_vector.h>

#include "servqual/factor.h"
#include "servqual/rotation.h"
#include "fa_linalg.h"

static const char *fm_names[] = { "pa", "minres", "ml" };

int
sq_extract_parse(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(fm_names) / sizeof(fm_names[0]); i++)
		if (strcasecmp(s, fm_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
sq_extract_name(int fm)
{
	if (fm < 0 || fm > SQ_FA_ML)
		return "?";
	return fm_names[fm];
}

int
sq_smc(const double *R, size_t p, double *smc)
{
	double *inv;
	size_t i;
	int rc;

	if (p == 0)
		return SQ_EUSAGE;
	if ((inv = malloc(p * p * sizeof(double))) == NULL)
		return SQ_ENOMEM;
	if ((rc = fa_pinv_sym(R, p, inv)) == SQ_OK)
		for (i = 0; i < p; i++) {
			double s = 1 - 1 / inv[i * p + i];

			if (!isfinite(s))
				s = 1;
			smc[i] = s < 0 ? 0 : s > 1 ? 1 : s;
		}
	free(inv);
	return rc;
}

int
sq_kmo(const double *R, size_t p, double *msa, double *msai)
{
	double *Q, sr = 0, sq = 0;
	size_t i, j;
	int rc;

	*msa = NAN;
	if (msai != NULL)
		for (i = 0; i < p; i++)
			msai[i] = NAN;
	if (p < 2)
		return SQ_EUSAGE;
	if ((Q = malloc(p * p * sizeof(double))) == NULL)
		return SQ_ENOMEM;
	if ((rc = fa_inverse(R, p, Q)) != SQ_OK) {
		free(Q);
		return rc;
	}
	/* anti-image correlations are -Q_ij / sqrt(Q_ii Q_jj); sign is moot */
	for (j = 0; j < p; j++) {
		double cr = 0, cq = 0;

		for (i = 0; i < p; i++) {
			double q;

			if (i == j)
				continue;
			q = Q[i * p + j] / sqrt(Q[i * p + i] * Q[j * p + j]);
			cr += R[i * p + j] * R[i * p + j];
			cq += q * q;
		}
		if (msai != NULL)
			msai[j] = cr / (cr + cq);
		sr += cr;
		sq += cq;
	}
	*msa = sr / (sr + sq);
	free(Q);
	return SQ_OK;
}

int
sq_bartlett(const double *R, size_t p, double n, double *chisq, double *df,
    double *pval)
{
	double ld;
	int sign, rc;

	*chisq = *pval = NAN;
	*df = (double)p * ((double)p - 1) / 2;
	if (p < 2 || !(n > 1))
		return SQ_EUSAGE;
	if ((rc = fa_logdet(R, p, &ld, &sign)) != SQ_OK)
		return rc;
	if (sign <= 0)
		return SQ_ENUMERIC;
	*chisq = -ld * (n - 1 - (2.0 * (double)p + 5) / 6);
	*pval = gsl_cdf_chisq_Q(*chisq, *df);
	return SQ_OK;
}

int
sq_eigenvalues(const double *R, size_t p, double *val)
{
	return fa_eigen(R, p, val, NULL);
}

/* Workspace shared by the extraction criteria. */
struct fit {
	const double *R;
	size_t p, k;
	double *S;		/* p x p scratch */
	double *val, *vec;	/* eigen-decomposition */
	double *L;		/* p x k loadings */
};

/* Principal-axis style loadings of R - diag(psi): top k, sqrt(max(l, 0)). */
static int
uls_loadings(struct fit *f, const double *psi)
{
	size_t i, j, p = f->p, k = f->k;
	int rc;

	memcpy(f->S, f->R, p * p * sizeof(double));
	for (i = 0; i < p; i++)
		f->S[i * p + i] -= psi[i];
	if ((rc = fa_eigen(f->S, p, f->val, f->vec)) != SQ_OK)
		return rc;
	for (i = 0; i < p; i++)
		for (j = 0; j < k; j++)
			f->L[i * k + j] = f->vec[i * p + j] *
			    sqrt(f->val[j] > 0 ? f->val[j] : 0);
	return SQ_OK;
}

/*
 * Unweighted least squares in psi: F = sum over the discarded
 * eigenvalues of (R - psi) squared (plus negative retained ones), whose
 * gradient is -2 diag(R - psi - LL'); psych's minres optimum is its
 * stationary point.
 */
static int
minres_fg(struct fit *f, const double *psi, double *fv, double *g)
{
	size_t i, j, p = f->p, k = f->k;
	double s = 0;
	int rc;

	if ((rc = uls_loadings(f, psi)) != SQ_OK)
		return rc;
	for (j = 0; j < p; j++)
		if (j >= k || f->val[j] < 0)
			s += f->val[j] * f->val[j];
	*fv = s;
	if (g != NULL)
		for (i = 0; i < p; i++) {
			double h = 0;

			for (j = 0; j < k; j++)
				h += f->L[i * k + j] * f->L[i * k + j];
			g[i] = -2 * (f->R[i * p + i] - psi[i] - h);
		}
	return SQ_OK;
}

/* ML loadings for psi as psych's FAout; eigenvalues stay in f->val. */
static int
ml_loadings(struct fit *f, const double *psi)
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
static int
ml_fg(struct fit *f, const double *psi, double *fv, double *g)
{
	size_t i, j, p = f->p, k = f->k;
	double s = 0;
	int rc;

	if ((rc = ml_loadings(f, psi)) != SQ_OK)
		return rc;
	for (j = k; j < p; j++) {
		if (!(f->val[j] > 0))
			return SQ_ENUMERIC;
		s += log(f->val[j]) - f->val[j];
	}
	*fv = -(s - (double)k + (double)p);
	if (g != NULL)
		for (i = 0; i < p; i++) {
			double h = 0;

			for (j = 0; j < k; j++)
				h += f->L[i * k + j] * f->L[i * k + j];
			g[i] = (h + psi[i] - f->R[i * p + i]) /
			    (psi[i] * psi[i]);
		}
	return SQ_OK;
}

typedef int (*fg_fn)(struct fit *, const double *, double *, double *);

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
static int
spg(fg_fn fg, struct fit *f, double *x, double lo, double hi, double tol,
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
static int
fit_pa(struct fit *f, double tol, size_t maxit, const double *smc,
    size_t *iters, int *converged)
{
	size_t i, j, p = f->p, k = f->k, it = 0;
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

		if ((rc = fa_eigen(f->S, p, f->val, f->vec)) != SQ_OK)
			return rc;
		for (i = 0; i < p; i++)
			for (j = 0; j < k; j++)
				f->L[i * k + j] = f->vec[i * p + j] *
				    sqrt(f->val[j] > 0 ? f->val[j] : 0);
		comm1 = 0;
		for (i = 0; i < p; i++) {
			h[i] = 0;
			for (j = 0; j < k; j++)
				h[i] += f->L[i * k + j] * f->L[i * k + j];
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

void
sq_fa_free(sq_fa *fa)
{
	if (fa == NULL)
		return;
	free(fa->loadings);
	free(fa->unrotated);
	free(fa->structure);
	free(fa->phi);
	free(fa->communality);
	free(fa->uniqueness);
	free(fa->heywood);
	free(fa->ss);
	free(fa->prop);
	free(fa);
}

/* Flip each column of L (p x k) so that it sums positive; signs to sg. */
static void
sign_columns(double *L, size_t p, size_t k, double *sg)
{
	size_t i, j;

	for (j = 0; j < k; j++) {
		double s = 0;

		for (i = 0; i < p; i++)
			s += L[i * k + j];
		sg[j] = s < 0 ? -1 : 1;
		for (i = 0; i < p; i++)
			L[i * k + j] *= sg[j];
	}
}

/*
 * The extraction's offdiagonal residual sum of squares (the minres
 * criterion), reported for every method.
 */
static double
offdiag_ss(const double *R, const double *L, size_t p, size_t k)
{
	double s = 0;
	size_t i, j, l;

	for (i = 0; i < p; i++)
		for (j = 0; j < i; j++) {
			double m = 0;

			for (l = 0; l < k; l++)
				m += L[i * k + l] * L[j * k + l];
			s += (R[i * p + j] - m) * (R[i * p + j] - m);
		}
	return s;
}

int
sq_fa_fit(const double *R, size_t p, const sq_fa_opts *opts, sq_fa **out)
{
	struct fit f = { 0 };
	sq_fa *fa;
	double *smc = NULL, *psi = NULL, *sg = NULL, *tmp = NULL, *ev = NULL;
	size_t i, j, l, k = opts->nfactors, *ord = NULL;
	size_t maxit = opts->max_iter ? opts->max_iter : 1000;
	double tol = opts->tol > 0 ? opts->tol : 1e-9, fv;
	int rc = SQ_ENOMEM;

	*out = NULL;
	if (p < 2 || k < 1 || k >= p || opts->extract < 0 ||
	    opts->extract > SQ_FA_ML || opts->rotate < 0 ||
	    opts->rotate > SQ_ROT_PROMAX)
		return SQ_EUSAGE;
	for (i = 0; i < p * p; i++)
		if (!isfinite(R[i]))
			return SQ_ENUMERIC;
	if ((fa = calloc(1, sizeof(*fa))) == NULL)
		return SQ_ENOMEM;
	fa->p = p;
	fa->k = k;
	fa->extract = opts->extract;
	fa->rotate = opts->rotate;
	fa->rot_converged = 1;
	fa->loadings = malloc(p * k * sizeof(double));
	fa->unrotated = malloc(p * k * sizeof(double));
	fa->structure = malloc(p * k * sizeof(double));
	fa->phi = calloc(k * k, sizeof(double));
	fa->communality = malloc(p * sizeof(double));
	fa->uniqueness = malloc(p * sizeof(double));
	fa->heywood = calloc(p, sizeof(int));
	fa->ss = malloc(k * sizeof(double));
	fa->prop = malloc(k * sizeof(double));
	f.R = R;
	f.p = p;
	f.k = k;
	f.S = malloc(p * p * sizeof(double));
	f.val = malloc(p * sizeof(double));
	f.vec = malloc(p * p * sizeof(double));
	f.L = fa->unrotated;
	smc = malloc(p * sizeof(double));
	psi = malloc(p * sizeof(double));
	sg = malloc(k * sizeof(double));
	tmp = malloc(p * k * sizeof(double));
	ev = malloc(k * sizeof(double));
	ord = malloc(k * sizeof(size_t));
	if (!fa->loadings || !fa->unrotated || !fa->structure || !fa->phi ||
	    !fa->communality || !fa->uniqueness || !fa->heywood || !fa->ss ||
	    !fa->prop || !f.S || !f.val || !f.vec || !smc || !psi || !sg ||
	    !tmp || !ev || !ord)
		goto out;
	if ((rc = sq_smc(R, p, smc)) != SQ_OK)
		goto out;

	switch (opts->extract) {
	case SQ_FA_PA:
		rc = fit_pa(&f, tol, maxit, smc, &fa->iterations,
		    &fa->converged);
		break;
	case SQ_FA_MINRES:
	case SQ_FA_ML:
		for (i = 0; i < p; i++)
			psi[i] = R[i * p + i] - smc[i];
		rc = spg(opts->extract == SQ_FA_ML ? ml_fg : minres_fg, &f,
		    psi, SQ_FA_PSI_MIN, 1, tol, maxit * 10, &fv,
		    &fa->iterations, &fa->converged);
		if (rc != SQ_OK)
			break;
		rc = opts->extract == SQ_FA_ML ? ml_loadings(&f, psi) :
		    uls_loadings(&f, psi);
		for (i = 0; i < p; i++)
			if (psi[i] <= SQ_FA_PSI_MIN * (1 + 1e-6))
				fa->heywood[i] = 1;
		break;
	}
	if (rc != SQ_OK)
		goto out;
	fa->objective = offdiag_ss(R, fa->unrotated, p, k);
	sign_columns(fa->unrotated, p, k, sg);
	for (i = 0; i < p * k; i++)
		if (fa->unrotated[i] == 0)
			fa->unrotated[i] = 1e-15;	/* as psych */
	memcpy(fa->loadings, fa->unrotated, p * k * sizeof(double));
	for (i = 0; i < k; i++)
		fa->phi[i * k + i] = 1;

	if (k > 1) {
		switch (opts->rotate) {
		case SQ_ROT_VARIMAX:
			rc = sq_varimax(fa->loadings, p, k, 1, 1e-5, NULL,
			    &fa->rot_iterations);
			break;
		case SQ_ROT_OBLIMIN:
			rc = sq_oblimin(fa->loadings, p, k, 0, 1e-5, 1000,
			    fa->phi, &fa->rot_iterations,
			    &fa->rot_converged);
			break;
		case SQ_ROT_PROMAX:
			rc = sq_promax(fa->loadings, p, k, 4, fa->phi);
			break;
		}
		if (rc != SQ_OK)
			goto out;
	}
	sign_columns(fa->loadings, p, k, sg);
	for (i = 0; i < k; i++)
		for (j = 0; j < k; j++)
			fa->phi[i * k + j] *= sg[i] * sg[j];

	/* variance explained: diag(Phi L'L) */
	for (j = 0; j < k; j++) {
		double s = 0;

		for (l = 0; l < k; l++) {
			double c = 0;

			for (i = 0; i < p; i++)
				c += fa->loadings[i * k + l] *
				    fa->loadings[i * k + j];
			s += fa->phi[j * k + l] * c;
		}
		ev[j] = s;
	}
	/* order by it, decreasing; stable as R's order() */
	for (j = 0; j < k; j++)
		ord[j] = j;
	for (j = 1; j < k; j++)
		for (l = j; l > 0 && ev[ord[l]] > ev[ord[l - 1]]; l--) {
			size_t t = ord[l];

			ord[l] = ord[l - 1];
			ord[l - 1] = t;
		}
	memcpy(tmp, fa->loadings, p * k * sizeof(double));
	for (i = 0; i < p; i++)
		for (j = 0; j < k; j++)
			fa->loadings[i * k + j] = tmp[i * k + ord[j]];
	memcpy(tmp, fa->phi, k * k * sizeof(double));
	for (i = 0; i < k; i++)
		for (j = 0; j < k; j++)
			fa->phi[i * k + j] = tmp[ord[i] * k + ord[j]];
	for (j = 0; j < k; j++) {
		fa->ss[j] = ev[ord[j]];
		fa->prop[j] = fa->ss[j] / (double)p;
	}
	fa_mul(fa->loadings, 0, fa->phi, 0, fa->structure, p, k, k);

	for (i = 0; i < p; i++) {
		double h = 0;

		for (j = 0; j < k; j++)
			h += fa->unrotated[i * k + j] * fa->unrotated[i * k + j];
		fa->communality[i] = h;
		fa->uniqueness[i] = R[i * p + i] - h;
		if (h >= 1)
			fa->heywood[i] = 1;
		fa->nheywood += fa->heywood[i] != 0;
	}
	rc = SQ_OK;
out:
	free(f.S);
	free(f.val);
	free(f.vec);
	free(smc);
	free(psi);
	free(sg);
	free(tmp);
	free(ev);
	free(ord);
	if (rc != SQ_OK)
		sq_fa_free(fa);
	else
		*out = fa;
	return rc;
}

