/*
 * Confirmatory factor analysis by maximum likelihood.
 *
 * Sigma = Lambda Phi Lambda' + Theta with one loading per item. The
 * discrepancy F = log|Sigma| + tr(S Sigma^-1) - log|S| - p has gradient
 * tr(W dSigma), W = Sigma^-1 (Sigma - S) Sigma^-1, and expected Hessian
 * H_kl = tr(Sigma^-1 Sigma_k Sigma^-1 Sigma_l). Every dSigma/dtheta_k of
 * this model is x y' + y x' for two p-vectors, so H comes from four
 * q x q products of small matrices, without the p^2 x p^2 Kronecker
 * product. Fisher scoring with step halving finds the optimum (it keeps
 * Sigma positive definite); a few Newton steps on the Hessian of the
 * analytic gradient (central differences) then land it to the last
 * digits, tighter than lavaan's own stopping rule.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>

#include "servqual/cfa.h"
#include "servqual/error.h"
#include "servqual/noncentral.h"

#define NONE		((size_t)-1)
#define MAX_FISHER	1000
#define MAX_NEWTON	20
#define TOL_FISHER	1e-12	/* Newton decrement that ends scoring */
#define TOL_DONE	1e-15	/* ... and that counts as converged */

struct model {
	size_t p, m, q;
	const int *dim;
	int std_lv;
	size_t *lidx;		/* p: parameter of item i's loading, or NONE */
	size_t *pidx;		/* m*m: parameter of phi[a][b], or NONE */
	size_t tidx;		/* first residual variance */
	const double *S;
	double logdet_s;
	/* workspace */
	double *lam, *th, *phi;
	gsl_matrix *sig, *inv, *t, *w;
	gsl_matrix *x, *y, *mx, *my, *a, *b, *c, *d, *h;
	double *g, *g2, *step, *trial;
};

static void
model_free(struct model *md)
{
	free(md->lidx);
	free(md->pidx);
	free(md->lam);
	free(md->th);
	free(md->phi);
	gsl_matrix_free(md->sig);
	gsl_matrix_free(md->inv);
	gsl_matrix_free(md->t);
	gsl_matrix_free(md->w);
	gsl_matrix_free(md->x);
	gsl_matrix_free(md->y);
	gsl_matrix_free(md->mx);
	gsl_matrix_free(md->my);
	gsl_matrix_free(md->a);
	gsl_matrix_free(md->b);
	gsl_matrix_free(md->c);
	gsl_matrix_free(md->d);
	gsl_matrix_free(md->h);
	free(md->g);
	free(md->g2);
	free(md->step);
	free(md->trial);
}

static int
model_init(struct model *md, const double *S, size_t p, const int *dim,
    size_t m, int std_lv)
{
	size_t i, a, b, k = 0;
	int *seen;

	memset(md, 0, sizeof(*md));
	md->p = p;
	md->m = m;
	md->dim = dim;
	md->std_lv = std_lv;
	md->S = S;
	if ((md->lidx = malloc(p * sizeof(size_t))) == NULL ||
	    (md->pidx = malloc(m * m * sizeof(size_t))) == NULL ||
	    (seen = calloc(m, sizeof(int))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < p; i++) {
		if (!std_lv && !seen[dim[i]])
			md->lidx[i] = NONE;
		else
			md->lidx[i] = k++;
		seen[dim[i]] = 1;
	}
	free(seen);
	md->tidx = k;
	k += p;
	for (a = 0; a < m; a++)
		for (b = 0; b <= a; b++) {
			if (a == b && std_lv)
				md->pidx[a * m + b] = NONE;
			else
				md->pidx[a * m + b] = k++;
			md->pidx[b * m + a] = md->pidx[a * m + b];
		}
	md->q = k;
	if ((md->lam = malloc(p * sizeof(double))) == NULL ||
	    (md->th = malloc(p * sizeof(double))) == NULL ||
	    (md->phi = malloc(m * m * sizeof(double))) == NULL ||
	    (md->sig = gsl_matrix_alloc(p, p)) == NULL ||
	    (md->inv = gsl_matrix_alloc(p, p)) == NULL ||
	    (md->t = gsl_matrix_alloc(p, p)) == NULL ||
	    (md->w = gsl_matrix_alloc(p, p)) == NULL ||
	    (md->x = gsl_matrix_alloc(k, p)) == NULL ||
	    (md->y = gsl_matrix_alloc(k, p)) == NULL ||
	    (md->mx = gsl_matrix_alloc(k, p)) == NULL ||
	    (md->my = gsl_matrix_alloc(k, p)) == NULL ||
	    (md->a = gsl_matrix_alloc(k, k)) == NULL ||
	    (md->b = gsl_matrix_alloc(k, k)) == NULL ||
	    (md->c = gsl_matrix_alloc(k, k)) == NULL ||
	    (md->d = gsl_matrix_alloc(k, k)) == NULL ||
	    (md->h = gsl_matrix_alloc(k, k)) == NULL ||
	    (md->g = malloc(k * sizeof(double))) == NULL ||
	    (md->g2 = malloc(k * sizeof(double))) == NULL ||
	    (md->step = malloc(k * sizeof(double))) == NULL ||
	    (md->trial = malloc(k * sizeof(double))) == NULL)
		return SQ_ENOMEM;
	return SQ_OK;
}

/* Parameters into lam, th, phi. */
static void
unpack(struct model *md, const double *par)
{
	size_t i, ab, m = md->m;

	for (i = 0; i < md->p; i++) {
		md->lam[i] = md->lidx[i] == NONE ? 1 : par[md->lidx[i]];
		md->th[i] = par[md->tidx + i];
	}
	for (ab = 0; ab < m * m; ab++)
		md->phi[ab] = md->pidx[ab] == NONE ? 1 : par[md->pidx[ab]];
}

/*
 * Sigma, its inverse and log-determinant for par; returns F, or INFINITY
 * when Sigma is not positive definite.
 */
static double
objective(struct model *md, const double *par)
{
	size_t i, j, p = md->p, m = md->m;
	double logdet = 0, tr = 0;
	int status;

	unpack(md, par);
	for (i = 0; i < p; i++)
		for (j = 0; j <= i; j++) {
			double s = md->lam[i] * md->lam[j] *
			    md->phi[md->dim[i] * m + md->dim[j]];

			if (i == j)
				s += md->th[i];
			gsl_matrix_set(md->sig, i, j, s);
			gsl_matrix_set(md->sig, j, i, s);
		}
	gsl_matrix_memcpy(md->inv, md->sig);
	status = gsl_linalg_cholesky_decomp1(md->inv);
	if (status != 0)
		return INFINITY;
	for (i = 0; i < p; i++)
		logdet += 2 * log(gsl_matrix_get(md->inv, i, i));
	if (gsl_linalg_cholesky_invert(md->inv) != 0)
		return INFINITY;
	for (i = 0; i < p; i++)
		for (j = 0; j < p; j++)
			tr += md->S[i * p + j] * gsl_matrix_get(md->inv, i, j);
	return logdet + tr - md->logdet_s - (double)p;
}

/* The gradient into g, for the par objective() was last called with. */
static void
gradient(struct model *md, double *g)
{
	gsl_matrix_const_view s = gsl_matrix_const_view_array(md->S, md->p,
	    md->p);
	size_t i, j, p = md->p, m = md->m;

	/* W = inv - inv S inv */
	gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, md->inv, &s.matrix, 0,
	    md->t);
	gsl_matrix_memcpy(md->w, md->inv);
	gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, -1, md->t, md->inv, 1,
	    md->w);
	memset(g, 0, md->q * sizeof(double));
	for (i = 0; i < p; i++) {
		size_t fi = (size_t)md->dim[i];

		g[md->tidx + i] = gsl_matrix_get(md->w, i, i);
		for (j = 0; j < p; j++) {
			size_t fj = (size_t)md->dim[j];
			double wij = gsl_matrix_get(md->w, i, j);

			if (md->lidx[i] != NONE)
				g[md->lidx[i]] += 2 * wij * md->lam[j] *
				    md->phi[fi * m + fj];
			if (md->pidx[fi * m + fj] != NONE && fi >= fj)
				g[md->pidx[fi * m + fj]] += (fi == fj ? 1 : 2) *
				    wij * md->lam[i] * md->lam[j];
		}
	}
}

/*
 * The expected Hessian of F, tr(inv Sigma_k inv Sigma_l), into md->h,
 * at the par objective() was last called with.
 */
static void
expected_hessian(struct model *md)
{
	size_t i, j, k, l, a, b, p = md->p, m = md->m, q = md->q;

	gsl_matrix_set_zero(md->x);
	gsl_matrix_set_zero(md->y);
	for (i = 0; i < p; i++) {
		size_t fi = (size_t)md->dim[i];

		if ((k = md->lidx[i]) != NONE) {
			gsl_matrix_set(md->x, k, i, 1);
			for (j = 0; j < p; j++)
				gsl_matrix_set(md->y, k, j, md->lam[j] *
				    md->phi[fi * m + (size_t)md->dim[j]]);
		}
		gsl_matrix_set(md->x, md->tidx + i, i, 1);
		gsl_matrix_set(md->y, md->tidx + i, i, 0.5);
	}
	for (a = 0; a < m; a++)
		for (b = 0; b <= a; b++) {
			if ((k = md->pidx[a * m + b]) == NONE)
				continue;
			for (i = 0; i < p; i++) {
				if ((size_t)md->dim[i] == a)
					gsl_matrix_set(md->x, k, i, md->lam[i]);
				if ((size_t)md->dim[i] == b)
					gsl_matrix_set(md->y, k, i, (a == b ?
					    0.5 : 1) * md->lam[i]);
			}
		}
	gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, md->x, md->inv, 0,
	    md->mx);
	gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, md->y, md->inv, 0,
	    md->my);
	gsl_blas_dgemm(CblasNoTrans, CblasTrans, 1, md->y, md->mx, 0, md->a);
	gsl_blas_dgemm(CblasNoTrans, CblasTrans, 1, md->y, md->my, 0, md->b);
	gsl_blas_dgemm(CblasNoTrans, CblasTrans, 1, md->x, md->mx, 0, md->c);
	gsl_blas_dgemm(CblasNoTrans, CblasTrans, 1, md->x, md->my, 0, md->d);
	for (k = 0; k < q; k++)
		for (l = 0; l < q; l++)
			gsl_matrix_set(md->h, k, l,
			    gsl_matrix_get(md->a, k, l) *
			    gsl_matrix_get(md->a, l, k) +
			    gsl_matrix_get(md->b, k, l) *
			    gsl_matrix_get(md->c, l, k) +
			    gsl_matrix_get(md->c, k, l) *
			    gsl_matrix_get(md->b, l, k) +
			    gsl_matrix_get(md->d, k, l) *
			    gsl_matrix_get(md->d, l, k));
}

/*
 * Solve h step = -g in place of h (Cholesky); returns the decrement
 * g' h^-1 g, or NAN when h is not positive definite.
 */
static double
solve(gsl_matrix *h, const double *g, double *step, size_t q)
{
	gsl_vector_const_view gv = gsl_vector_const_view_array(g, q);
	gsl_vector_view sv = gsl_vector_view_array(step, q);
	double dec = 0;
	size_t k;

	if (gsl_linalg_cholesky_decomp1(h) != 0 ||
	    gsl_linalg_cholesky_solve(h, &gv.vector, &sv.vector) != 0)
		return NAN;
	for (k = 0; k < q; k++) {
		dec += g[k] * step[k];
		step[k] = -step[k];
	}
	return dec;
}

/*
 * A step along md->step from par with F = f; halves the step until F
 * falls enough (Armijo). Returns the new F, or NAN when no step does.
 */
static double
line_search(struct model *md, double *par, double f, double dec)
{
	size_t k, q = md->q;
	double alpha = 1, ft;
	int tries;

	for (tries = 0; tries < 40; tries++, alpha /= 2) {
		for (k = 0; k < q; k++)
			md->trial[k] = par[k] + alpha * md->step[k];
		ft = objective(md, md->trial);
		if (isfinite(ft) && ft <= f - 1e-4 * alpha * dec) {
			memcpy(par, md->trial, q * sizeof(double));
			return ft;
		}
		/* at the optimum rounding decides; take an equal F */
		if (isfinite(ft) && dec < 1e-12 && ft <= f) {
			memcpy(par, md->trial, q * sizeof(double));
			return ft;
		}
	}
	return NAN;
}

/* Newton's Hessian of F by central differences of the gradient. */
static int
newton_hessian(struct model *md, double *par)
{
	size_t k, l, q = md->q;
	double h, keep;

	for (k = 0; k < q; k++) {
		keep = par[k];
		h = 1e-5 * (fabs(keep) > 0.1 ? fabs(keep) : 0.1);
		par[k] = keep + h;
		if (!isfinite(objective(md, par)))
			goto bad;
		gradient(md, md->g2);
		par[k] = keep - h;
		if (!isfinite(objective(md, par)))
			goto bad;
		gradient(md, md->trial);
		par[k] = keep;
		for (l = 0; l < q; l++)
			gsl_matrix_set(md->h, k, l,
			    (md->g2[l] - md->trial[l]) / (2 * h));
	}
	for (k = 0; k < q; k++)
		for (l = 0; l < k; l++) {
			double s = (gsl_matrix_get(md->h, k, l) +
			    gsl_matrix_get(md->h, l, k)) / 2;

			gsl_matrix_set(md->h, k, l, s);
			gsl_matrix_set(md->h, l, k, s);
		}
	return 0;
bad:
	par[k] = keep;
	return -1;
}

/* Start values: one-factor guesses per dimension from the correlations. */
static int
start(struct model *md, double *par, size_t p, size_t m)
{
	const double *S = md->S;
	double *ls, *sumls, *cor, r, sum;
	size_t i, j, a, b, cnt, *marker;
	int tries, rc = SQ_ENUMERIC;

	ls = malloc(p * sizeof(double));
	sumls = malloc(m * sizeof(double));
	cor = malloc(m * m * sizeof(double));
	marker = malloc(m * sizeof(size_t));
	if (ls == NULL || sumls == NULL || cor == NULL || marker == NULL) {
		rc = SQ_ENOMEM;
		goto out;
	}
	for (a = 0; a < m; a++)
		marker[a] = NONE;
	for (i = 0; i < p; i++)
		if (marker[md->dim[i]] == NONE)
			marker[md->dim[i]] = i;
	/* standardized loading: root of the mean |r| with the dimension */
	for (i = 0; i < p; i++) {
		for (sum = 0, cnt = 0, j = 0; j < p; j++)
			if (j != i && md->dim[j] == md->dim[i]) {
				sum += fabs(S[i * p + j]) /
				    sqrt(S[i * p + i] * S[j * p + j]);
				cnt++;
			}
		r = cnt ? sum / (double)cnt : 0.5;
		ls[i] = sqrt(r < 0.05 ? 0.05 : r > 0.9 ? 0.9 : r);
		if (S[i * p + marker[md->dim[i]]] < 0)
			ls[i] = -ls[i];
	}
	for (a = 0; a < m; a++) {
		for (sum = 0, cnt = 0, i = 0; i < p; i++)
			if ((size_t)md->dim[i] == a) {
				sum += fabs(ls[i]);
				cnt++;
			}
		sumls[a] = sum / (double)cnt;
	}
	/* factor correlations from the mean cross correlations */
	for (a = 0; a < m; a++)
		for (b = 0; b <= a; b++) {
			if (a == b) {
				cor[a * m + a] = 1;
				continue;
			}
			for (sum = 0, cnt = 0, i = 0; i < p; i++)
				for (j = 0; j < p; j++)
					if ((size_t)md->dim[i] == a &&
					    (size_t)md->dim[j] == b) {
						sum += S[i * p + j] /
						    sqrt(S[i * p + i] *
						    S[j * p + j]) *
						    (ls[i] < 0 ? -1 : 1) *
						    (ls[j] < 0 ? -1 : 1);
						cnt++;
					}
			r = sum / (double)cnt / (sumls[a] * sumls[b]);
			r = r > 0.9 ? 0.9 : r < -0.9 ? -0.9 : r;
			cor[a * m + b] = cor[b * m + a] = r;
		}
	/* raw units; the marker's loading scales its factor */
	for (tries = 0; tries < 60; tries++) {
		for (i = 0; i < p; i++) {
			size_t mk = marker[md->dim[i]];
			double sd = sqrt(S[i * p + i]);

			par[md->tidx + i] = S[i * p + i] * (1 - ls[i] * ls[i]);
			if (md->lidx[i] != NONE)
				par[md->lidx[i]] = md->std_lv ? ls[i] * sd :
				    ls[i] * sd / (ls[mk] * sqrt(S[mk * (p + 1)]));
		}
		for (a = 0; a < m; a++)
			for (b = 0; b <= a; b++) {
				double sa = 1, sb = 1;

				if (md->pidx[a * m + b] == NONE)
					continue;
				if (!md->std_lv) {
					sa = ls[marker[a]] *
					    sqrt(S[marker[a] * (p + 1)]);
					sb = ls[marker[b]] *
					    sqrt(S[marker[b] * (p + 1)]);
				}
				par[md->pidx[a * m + b]] = cor[a * m + b] *
				    sa * sb;
			}
		if (isfinite(objective(md, par))) {
			rc = SQ_OK;
			break;
		}
		/* shrink the correlations until Sigma is positive definite */
		for (a = 0; a < m; a++)
			for (b = 0; b < m; b++)
				if (a != b)
					cor[a * m + b] *= 0.7;
	}
out:
	free(ls);
	free(sumls);
	free(cor);
	free(marker);
	return rc;
}

void
sq_cfa_free(sq_cfa *c)
{
	if (c == NULL)
		return;
	free(c->lambda);
	free(c->lambda_se);
	free(c->lambda_z);
	free(c->lambda_p);
	free(c->lambda_std);
	free(c->fixed);
	free(c->theta);
	free(c->theta_se);
	free(c->theta_std);
	free(c->heywood);
	free(c->phi);
	free(c->phi_se);
	free(c->phi_cor);
	free(c->htmt);
	free(c->verdict);
	free(c->cr);
	free(c->ave);
	free(c->nitems);
	free(c);
}

int
sq_htmt(const double *R, size_t p, const int *dim, size_t m, double *h)
{
	double *sum, *cnt;
	size_t i, j, a, b;

	if ((sum = calloc(m * m, sizeof(double))) == NULL ||
	    (cnt = calloc(m * m, sizeof(double))) == NULL) {
		free(sum);
		return SQ_ENOMEM;
	}
	for (i = 0; i < p; i++)
		for (j = 0; j < p; j++)
			if (i != j) {
				a = (size_t)dim[i];
				b = (size_t)dim[j];
				sum[a * m + b] += fabs(R[i * p + j]);
				cnt[a * m + b]++;
			}
	for (a = 0; a < m; a++)
		for (b = 0; b < m; b++)
			h[a * m + b] = a == b ? NAN : sum[a * m + b] /
			    cnt[a * m + b] / sqrt(sum[a * m + a] /
			    cnt[a * m + a] * sum[b * m + b] / cnt[b * m + b]);
	free(sum);
	free(cnt);
	return SQ_OK;
}

/* The figures that follow from the optimum in md at par. */
static int
figures(struct model *md, const double *par, sq_cfa *c)
{
	size_t i, j, a, b, k, p = md->p, m = md->m, q = md->q;
	double n = c->n, pstar = (double)(p * (p + 1)) / 2, f, t1, t2, sum;
	double *R;
	gsl_matrix *vc = NULL;

	f = objective(md, par);
	c->fmin = f;
	c->implied_pd = isfinite(f);
	if (!c->implied_pd)
		return SQ_ENUMERIC;
	c->npar = q;
	c->chisq = n * f;
	c->df = pstar - (double)q;
	c->pval = c->df > 0 ? gsl_cdf_chisq_Q(c->chisq, c->df) : NAN;
	/* independence model: Sigma = diag(S) */
	for (sum = 0, i = 0; i < p; i++)
		sum += log(md->S[i * p + i]);
	c->base_chisq = n * (sum - md->logdet_s);
	c->base_df = pstar - (double)p;
	c->base_pval = gsl_cdf_chisq_Q(c->base_chisq, c->base_df);
	t1 = fmax(c->chisq - c->df, 0);
	t2 = fmax(fmax(c->chisq - c->df, c->base_chisq - c->base_df), 0);
	c->cfi = t1 == 0 && t2 == 0 ? 1 : 1 - t1 / t2;
	if (c->df > 0) {
		t1 = c->base_chisq / c->base_df - c->chisq / c->df;
		t2 = c->base_chisq / c->base_df - 1;
		c->tli = t1 < 0 && t2 < 0 ? 1 : t1 / t2;
		c->rmsea = sqrt(fmax(c->chisq - c->df, 0) / (c->df * n));
		c->rmsea_lo = sqrt(sq_ncchisq_ncp(c->chisq, c->df, 0.95) /
		    (n * c->df));
		c->rmsea_hi = sqrt(sq_ncchisq_ncp(c->chisq, c->df, 0.05) /
		    (n * c->df));
	} else
		c->tli = c->rmsea = c->rmsea_lo = c->rmsea_hi = NAN;
	/* SRMR: Bentler's, residuals of S standardized by diag(S) */
	for (sum = 0, i = 0; i < p; i++)
		for (j = 0; j <= i; j++) {
			double r = (md->S[i * p + j] -
			    gsl_matrix_get(md->sig, i, j)) /
			    sqrt(md->S[i * p + i] * md->S[j * p + j]);

			sum += r * r;
		}
	c->srmr = sqrt(sum / pstar);
	c->loglik_h1 = -n / 2 * ((double)p * log(2 * M_PI) + md->logdet_s +
	    (double)p);
	c->loglik = c->loglik_h1 - n / 2 * f;
	c->aic = -2 * c->loglik + 2 * (double)q;
	c->bic = -2 * c->loglik + (double)q * log(n);

	/* standard errors from the expected information, (n H / 2)^-1 */
	expected_hessian(md);
	if ((vc = gsl_matrix_alloc(q, q)) == NULL)
		return SQ_ENOMEM;
	gsl_matrix_memcpy(vc, md->h);
	if (gsl_linalg_cholesky_decomp1(vc) != 0 ||
	    gsl_linalg_cholesky_invert(vc) != 0)
		gsl_matrix_set_all(vc, NAN);
	gsl_matrix_scale(vc, 2 / n);
#define SE(k) ((k) == NONE ? NAN : sqrt(gsl_matrix_get(vc, (k), (k))))
	for (i = 0; i < p; i++) {
		double vf = md->phi[md->dim[i] * (m + 1)];
		double sii = gsl_matrix_get(md->sig, i, i);

		k = md->lidx[i];
		c->fixed[i] = k == NONE;
		c->lambda[i] = md->lam[i];
		c->lambda_se[i] = SE(k);
		c->lambda_z[i] = c->lambda[i] / c->lambda_se[i];
		c->lambda_p[i] = 2 * gsl_cdf_ugaussian_Q(fabs(c->lambda_z[i]));
		c->lambda_std[i] = md->lam[i] * sqrt(vf) / sqrt(sii);
		c->theta[i] = md->th[i];
		c->theta_se[i] = SE(md->tidx + i);
		c->theta_std[i] = md->th[i] / sii;
		c->heywood[i] = md->th[i] < 0;
		c->nheywood += (size_t)c->heywood[i];
	}
	for (a = 0; a < m; a++)
		for (b = 0; b < m; b++) {
			k = md->pidx[a * m + b];
			c->phi[a * m + b] = md->phi[a * m + b];
			c->phi_se[a * m + b] = SE(k);
			c->phi_cor[a * m + b] = md->phi[a * m + b] /
			    sqrt(md->phi[a * m + a] * md->phi[b * m + b]);
		}
#undef SE
	gsl_matrix_free(vc);
	/* the factor covariance itself positive definite? */
	{
		gsl_matrix_view pv = gsl_matrix_view_array(md->phi, m, m);
		gsl_matrix *pc = gsl_matrix_alloc(m, m);

		if (pc == NULL)
			return SQ_ENOMEM;
		gsl_matrix_memcpy(pc, &pv.matrix);
		c->phi_pd = gsl_linalg_cholesky_decomp1(pc) == 0;
		gsl_matrix_free(pc);
	}
	for (a = 0; a < m; a++) {
		double sl = 0, se = 0, s2 = 0;

		for (i = 0; i < p; i++)
			if ((size_t)md->dim[i] == a) {
				double l = c->lambda_std[i];

				sl += l;
				se += 1 - l * l;
				s2 += l * l;
			}
		c->cr[a] = sl * sl / (sl * sl + se);
		c->ave[a] = s2 / (double)c->nitems[a];
	}
	/* HTMT from the item correlations */
	if ((R = malloc(p * p * sizeof(double))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < p; i++)
		for (j = 0; j < p; j++)
			R[i * p + j] = md->S[i * p + j] /
			    sqrt(md->S[i * p + i] * md->S[j * p + j]);
	k = (size_t)sq_htmt(R, p, md->dim, m, c->htmt);
	free(R);
	if (k != SQ_OK)
		return (int)k;
	for (a = 0; a < m; a++)
		for (b = 0; b < m; b++) {
			double h = c->htmt[a * m + b];
			double r2 = c->phi_cor[a * m + b] *
			    c->phi_cor[a * m + b];

			if (a == b)
				c->verdict[a * m + b] = SQ_CFA_OK;
			else if (!(h <= 0.90))
				c->verdict[a * m + b] = SQ_CFA_FAIL;
			else if (h > 0.85 || !(c->ave[a] >= r2) ||
			    !(c->ave[b] >= r2))
				c->verdict[a * m + b] = SQ_CFA_DOUBTFUL;
			else
				c->verdict[a * m + b] = SQ_CFA_OK;
		}
	return SQ_OK;
}

static int
alloc_result(sq_cfa **out, size_t p, size_t m)
{
	sq_cfa *c;

	if ((*out = c = calloc(1, sizeof(*c))) == NULL)
		return SQ_ENOMEM;
#define A(f, nn) if ((c->f = calloc((nn), sizeof(*c->f))) == NULL) \
	return SQ_ENOMEM
	A(lambda, p); A(lambda_se, p); A(lambda_z, p); A(lambda_p, p);
	A(lambda_std, p); A(fixed, p); A(theta, p); A(theta_se, p);
	A(theta_std, p); A(heywood, p); A(phi, m * m); A(phi_se, m * m);
	A(phi_cor, m * m); A(htmt, m * m); A(verdict, m * m); A(cr, m);
	A(ave, m); A(nitems, m);
#undef A
	return SQ_OK;
}

int
sq_cfa_fit(const double *S, size_t p, double n, const int *dim, size_t m,
    int std_lv, sq_cfa **out)
{
	struct model md;
	sq_cfa *c = NULL;
	double *par = NULL, f, dec = NAN, fn;
	gsl_matrix *sc = NULL;
	size_t i, it, nw;
	int rc;

	*out = NULL;
	if (p < 2 || m < 1 || m > p || !(n > 1))
		return SQ_EUSAGE;
	rc = alloc_result(&c, p, m);
	if (rc != SQ_OK)
		goto out;
	for (i = 0; i < p; i++) {
		if (dim[i] < 0 || (size_t)dim[i] >= m) {
			rc = SQ_EUSAGE;
			goto out;
		}
		c->nitems[dim[i]]++;
	}
	for (i = 0; i < m; i++)
		if (c->nitems[i] < 2) {
			rc = SQ_EUSAGE;
			goto out;
		}
	for (i = 0; i < p * p; i++)
		if (!isfinite(S[i])) {
			rc = SQ_EDATA;
			goto out;
		}
	c->p = p;
	c->m = m;
	c->n = n;
	c->std_lv = std_lv;
	c->dim = dim;
	if ((rc = model_init(&md, S, p, dim, m, std_lv)) != SQ_OK)
		goto out;
	/* log|S|; S must be positive definite */
	rc = SQ_ENOMEM;
	if ((sc = gsl_matrix_alloc(p, p)) == NULL ||
	    (par = calloc(md.q, sizeof(double))) == NULL)
		goto out_md;
	memcpy(sc->data, S, p * p * sizeof(double));
	rc = SQ_EDATA;
	if (gsl_linalg_cholesky_decomp1(sc) != 0)
		goto out_md;
	/* an item (nearly) a linear combination of the previous ones leaves
	   a pivot of rounding noise: as singular as an exact zero */
	for (i = 0; i < p; i++) {
		double l = gsl_matrix_get(sc, i, i);

		if (!(l * l > 1e-10 * S[i * p + i]))
			goto out_md;
		md.logdet_s += 2 * log(l);
	}
	if ((rc = start(&md, par, p, m)) != SQ_OK)
		goto out_md;
	rc = SQ_ENUMERIC;
	f = objective(&md, par);
	/* Fisher scoring */
	for (it = 0; it < MAX_FISHER; it++) {
		gradient(&md, md.g);
		expected_hessian(&md);
		dec = solve(md.h, md.g, md.step, md.q);
		if (isnan(dec) || dec < TOL_FISHER)
			break;
		fn = line_search(&md, par, f, dec);
		if (isnan(fn))
			break;
		f = fn;
		c->iterations++;
	}
	/* Newton on the Hessian of the analytic gradient, until the
	   decrement is at rounding level and stops falling */
	for (nw = 0; nw < MAX_NEWTON; nw++) {
		double prev = dec;

		f = objective(&md, par);
		gradient(&md, md.g);
		if (newton_hessian(&md, par) != 0)
			break;
		dec = solve(md.h, md.g, md.step, md.q);
		if (isnan(dec) || dec < 1e-24 ||
		    (nw > 0 && dec < TOL_DONE && dec > prev / 4))
			break;
		f = objective(&md, par);
		fn = line_search(&md, par, f, dec);
		if (isnan(fn))
			break;
		c->iterations++;
		if (dec < 1e-22)
			break;
	}
	c->decrement = dec;
	c->converged = !isnan(dec) && dec < TOL_DONE;
	rc = figures(&md, par, c);
out_md:
	model_free(&md);
out:
	gsl_matrix_free(sc);
	free(par);
	if (rc != SQ_OK)
		sq_cfa_free(c);
	else
		*out = c;
	return rc;
}

/* The threshold of a comparison gate STAT<X, STAT<=X, STAT>X, STAT>=X. */
static double
cmp_gate(const char *g, const char **stat, int *op)
{
	static const char *stats[] = { "cfi", "tli", "rmsea", "srmr" };
	size_t i, len;
	char *end;
	double x;

	for (i = 0; i < sizeof(stats) / sizeof(stats[0]); i++) {
		len = strlen(stats[i]);
		if (strncmp(g, stats[i], len) != 0)
			continue;
		*stat = stats[i];
		g += len;
		if (g[0] == '<')
			*op = g[1] == '=' ? 1 : 0;
		else if (g[0] == '>')
			*op = g[1] == '=' ? 3 : 2;
		else
			return NAN;
		g += *op == 1 || *op == 3 ? 2 : 1;
		x = strtod(g, &end);
		return end != g && *end == '\0' && isfinite(x) ? x : NAN;
	}
	return NAN;
}

int
sq_cfa_gate_valid(const char *g)
{
	const char *stat;
	int op;

	return strcmp(g, "heywood") == 0 || strcmp(g, "convergence") == 0 ||
	    strcmp(g, "discriminant") == 0 || !isnan(cmp_gate(g, &stat, &op));
}

int
sq_cfa_gate_holds(const char *g, const sq_cfa *c)
{
	const char *stat;
	double x, v;
	size_t ab;
	int op;

	if (strcmp(g, "heywood") == 0)
		return c->nheywood > 0 || !c->phi_pd;
	if (strcmp(g, "convergence") == 0)
		return !c->converged;
	if (strcmp(g, "discriminant") == 0) {
		for (ab = 0; ab < c->m * c->m; ab++)
			if (c->verdict[ab] == SQ_CFA_FAIL)
				return 1;
		return 0;
	}
	x = cmp_gate(g, &stat, &op);
	v = strcmp(stat, "cfi") == 0 ? c->cfi : strcmp(stat, "tli") == 0 ?
	    c->tli : strcmp(stat, "rmsea") == 0 ? c->rmsea : c->srmr;
	if (isnan(v))
		return 1;
	return op == 0 ? v < x : op == 1 ? v <= x : op == 2 ? v > x : v >= x;
}
