/*
 * The CFA model and its optimiser's steps (see cfa.c for the method):
 * parameter layout and workspace, the discrepancy F with Sigma and its
 * inverse, the analytic gradient, the expected Hessian from small
 * products, the Cholesky solve, the Armijo line search, Newton's Hessian
 * by central differences and the start values.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>

#include "servqual/error.h"
#include "cfa_int.h"

void
cfa_model_free(struct model *md)
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

int
cfa_model_init(struct model *md, const double *S, size_t p, const int *dim,
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
double
cfa_objective(struct model *md, const double *par)
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

/* The gradient into g, for the par cfa_objective() was last called with. */
void
cfa_gradient(struct model *md, double *g)
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
 * at the par cfa_objective() was last called with.
 */
void
cfa_expected_hessian(struct model *md)
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
double
cfa_solve(gsl_matrix *h, const double *g, double *step, size_t q)
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
double
cfa_line_search(struct model *md, double *par, double f, double dec)
{
	size_t k, q = md->q;
	double alpha = 1, ft;
	int tries;

	for (tries = 0; tries < 40; tries++, alpha /= 2) {
		for (k = 0; k < q; k++)
			md->trial[k] = par[k] + alpha * md->step[k];
		ft = cfa_objective(md, md->trial);
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
int
cfa_newton_hessian(struct model *md, double *par)
{
	size_t k, l, q = md->q;
	double h, keep;

	for (k = 0; k < q; k++) {
		keep = par[k];
		h = 1e-5 * (fabs(keep) > 0.1 ? fabs(keep) : 0.1);
		par[k] = keep + h;
		if (!isfinite(cfa_objective(md, par)))
			goto bad;
		cfa_gradient(md, md->g2);
		par[k] = keep - h;
		if (!isfinite(cfa_objective(md, par)))
			goto bad;
		cfa_gradient(md, md->trial);
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
int
cfa_start(struct model *md, double *par, size_t p, size_t m)
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
		if (isfinite(cfa_objective(md, par))) {
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
