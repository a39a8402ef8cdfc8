/*
 * Reliability statistics as functions of covariance matrices, and the
 * one-pass accumulator behind sq-alpha. Formulas follow psych::alpha,
 * psych::alpha.ci and psych::omega (see reliability.h and sq-alpha(1)).
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

#include "servqual/covacc.h"
#include "servqual/reliability.h"
#include "servqual/table.h"

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

/*
 * What the difference-score reliability of a scope needs, listwise, over
 * the rows complete on its E and P items: the co-moments of every item
 * and of the E and P sum scores, and the co-moment of the two sums.
 */
struct diffmom {
	size_t k;
	double n;
	double *mean;		/* 2k + 2: E items, P items, sum E, sum P */
	double *m2;		/* 2k + 2 */
	double cep;		/* co-moment of sum E and sum P */
};

/* Add x[0..2k-1] (E items then P items) if complete. */
static void
diffmom_add(struct diffmom *m, const double *x)
{
	size_t i, k2 = 2 * m->k;
	double se = 0, sp = 0, d, de, v, r;

	for (i = 0; i < k2; i++) {
		if (isnan(x[i]))
			return;
		if (i < m->k)
			se += x[i];
		else
			sp += x[i];
	}
	m->n += 1;
	r = 1 / m->n;
	de = se - m->mean[k2];
	for (i = 0; i < k2 + 2; i++) {
		v = i < k2 ? x[i] : i == k2 ? se : sp;
		d = v - m->mean[i];
		m->mean[i] += d * r;
		m->m2[i] += d * (v - m->mean[i]);
	}
	m->cep += de * (sp - m->mean[k2 + 1]);
}

/* Fold b into a (Chan et al.). */
static void
diffmom_merge(struct diffmom *a, const struct diffmom *b)
{
	size_t i, k2 = 2 * a->k;
	double n, f, de, dp, d;

	if (b->n == 0)
		return;
	n = a->n + b->n;
	f = a->n * b->n / n;
	de = b->mean[k2] - a->mean[k2];
	dp = b->mean[k2 + 1] - a->mean[k2 + 1];
	for (i = 0; i < k2 + 2; i++) {
		d = b->mean[i] - a->mean[i];
		a->m2[i] += b->m2[i] + d * d * f;
		a->mean[i] += d * b->n / n;
	}
	a->cep += b->cep + de * dp * f;
	a->n = n;
}

/* r_diff from the moments (the n - 1 divisors cancel). */
static double
diffmom_rdiff(const struct diffmom *m)
{
	size_t i, k = m->k;
	double tre = 0, trp = 0, ve, vp, ree, rpp;

	if (m->n < 2 || k < 2)
		return NAN;
	for (i = 0; i < k; i++) {
		tre += m->m2[i];
		trp += m->m2[k + i];
	}
	ve = m->m2[2 * k];
	vp = m->m2[2 * k + 1];
	if (!(ve > 0) || !(vp > 0))
		return NAN;
	ree = (1 - tre / ve) * ((double)k / (k - 1));
	rpp = (1 - trp / vp) * ((double)k / (k - 1));
	return sq_diff_reliability(ree, rpp, ve, vp, m->cep / sqrt(ve * vp));
}

/*
 * The accumulator. Listwise, scope s (dimension s, or the whole scale at
 * s = ndims) has its own E, P and G accumulators, since the complete
 * cases differ by block and scope (a gap is missing when its E or its P
 * is), and the moments r_diff needs over G's rows. Pairwise, every entry
 * uses its own pair of variables, so one joint E+P accumulator over all
 * items and one over the gaps serve every scope as submatrices.
 */
struct sq_relacc {
	const sq_instrument *ins;
	int pairwise;
	size_t nscope;		/* ndims + 1 */
	size_t *k;		/* items per scope */
	size_t **idx;		/* item indices per scope */
	sq_covacc **e, **p, **g;	/* listwise, per scope */
	struct diffmom *dm;		/* listwise, per scope */
	sq_covacc *pw_ep, *pw_g;	/* pairwise */
	double *x;		/* 3 * nitems scratch */
};

int
sq_relacc_new(const sq_instrument *ins, int pairwise, sq_relacc **out)
{
	sq_relacc *a;
	size_t s, i, m = ins->nitems, nd = ins->ndims;
	int rc = SQ_ENOMEM;

	*out = NULL;
	if (m == 0)
		return SQ_EUSAGE;
	if ((a = calloc(1, sizeof(*a))) == NULL)
		return SQ_ENOMEM;
	a->ins = ins;
	a->pairwise = pairwise != 0;
	a->nscope = nd + 1;
	a->k = calloc(a->nscope, sizeof(*a->k));
	a->idx = calloc(a->nscope, sizeof(*a->idx));
	a->x = calloc(3 * m, sizeof(*a->x));
	if (!a->k || !a->idx || !a->x)
		goto fail;
	for (s = 0; s < a->nscope; s++)
		if ((a->idx[s] = calloc(m, sizeof(size_t))) == NULL)
			goto fail;
	for (i = 0; i < m; i++) {
		s = (size_t)ins->items[i].dim;
		if (s < nd)
			a->idx[s][a->k[s]++] = i;
		a->idx[nd][a->k[nd]++] = i;
	}
	if (a->pairwise) {
		if ((rc = sq_covacc_new(2 * m, 1, &a->pw_ep)) != SQ_OK ||
		    (rc = sq_covacc_new(m, 1, &a->pw_g)) != SQ_OK)
			goto fail;
	} else {
		a->e = calloc(a->nscope, sizeof(*a->e));
		a->p = calloc(a->nscope, sizeof(*a->p));
		a->g = calloc(a->nscope, sizeof(*a->g));
		a->dm = calloc(a->nscope, sizeof(*a->dm));
		if (!a->e || !a->p || !a->g || !a->dm) {
			rc = SQ_ENOMEM;
			goto fail;
		}
		for (s = 0; s < a->nscope; s++) {
			if (a->k[s] == 0)
				continue;
			if ((rc = sq_covacc_new(a->k[s], 0, &a->e[s])) ||
			    (rc = sq_covacc_new(a->k[s], 0, &a->p[s])) ||
			    (rc = sq_covacc_new(a->k[s], 0, &a->g[s])))
				goto fail;
			rc = SQ_ENOMEM;
			a->dm[s].k = a->k[s];
			a->dm[s].mean = calloc(2 * a->k[s] + 2, sizeof(double));
			a->dm[s].m2 = calloc(2 * a->k[s] + 2, sizeof(double));
			if (!a->dm[s].mean || !a->dm[s].m2)
				goto fail;
		}
	}
	*out = a;
	return SQ_OK;
fail:
	sq_relacc_free(a);
	return rc;
}

void
sq_relacc_add(sq_relacc *a, const sq_response *r)
{
	size_t s, i, k, m = a->ins->nitems;
	const size_t *ix;

	if (a->pairwise) {
		memcpy(a->x, r->e, m * sizeof(double));
		memcpy(a->x + m, r->p, m * sizeof(double));
		sq_covacc_add(a->pw_ep, a->x);
		for (i = 0; i < m; i++)
			a->x[i] = r->p[i] - r->e[i];	/* NaN if either is */
		sq_covacc_add(a->pw_g, a->x);
		return;
	}
	for (s = 0; s < a->nscope; s++) {
		if ((k = a->k[s]) == 0)
			continue;
		ix = a->idx[s];
		for (i = 0; i < k; i++) {
			a->x[i] = r->e[ix[i]];
			a->x[k + i] = r->p[ix[i]];
			a->x[2 * k + i] = r->p[ix[i]] - r->e[ix[i]];
		}
		sq_covacc_add(a->e[s], a->x);
		sq_covacc_add(a->p[s], a->x + k);
		sq_covacc_add(a->g[s], a->x + 2 * k);
		diffmom_add(&a->dm[s], a->x);
	}
}

int
sq_relacc_merge(sq_relacc *a, const sq_relacc *b)
{
	size_t s;
	int rc;

	if (a->ins->nitems != b->ins->nitems || a->nscope != b->nscope ||
	    a->pairwise != b->pairwise)
		return SQ_EUSAGE;
	if (a->pairwise) {
		if ((rc = sq_covacc_merge(a->pw_ep, b->pw_ep)) != SQ_OK)
			return rc;
		return sq_covacc_merge(a->pw_g, b->pw_g);
	}
	for (s = 0; s < a->nscope; s++) {
		if (a->k[s] == 0)
			continue;
		if ((rc = sq_covacc_merge(a->e[s], b->e[s])) != SQ_OK ||
		    (rc = sq_covacc_merge(a->p[s], b->p[s])) != SQ_OK ||
		    (rc = sq_covacc_merge(a->g[s], b->g[s])) != SQ_OK)
			return rc;
		diffmom_merge(&a->dm[s], &b->dm[s]);
	}
	return SQ_OK;
}

/* dst[k*k] = src[K*K] at rows and columns off + ix[0..k-1]. */
static void
submat(const double *src, size_t kk, const size_t *ix, size_t off,
    size_t k, double *dst)
{
	size_t i, j;

	for (i = 0; i < k; i++)
		for (j = 0; j < k; j++)
			dst[i * k + j] = src[(off + ix[i]) * kk + off + ix[j]];
}

/* Smallest entry of the k x k submatrix of counts n (K x K). */
static double
minn(const double *n, size_t kk, const size_t *ix, size_t off, size_t k)
{
	size_t i, j;
	double m = INFINITY;

	for (i = 0; i < k; i++)
		for (j = 0; j < k; j++)
			if (n[(off + ix[i]) * kk + off + ix[j]] < m)
				m = n[(off + ix[i]) * kk + off + ix[j]];
	return m;
}

/* Scratch matrices for sq_rel_rows. */
struct relbuf {
	double *cov, *cor, *joint;	/* this scope */
	double *pcov, *pcor, *pn;	/* pairwise E+P, 2m x 2m */
	double *gcov, *gcor, *gn;	/* pairwise G, m x m */
	double *rdrop, *adrop;
};

/* Fill cov, cor (k x k), n and r_diff of block b, scope s. */
static void
scope_mats(const sq_relacc *a, struct relbuf *bf, int b, size_t s,
    double *n, double *rdiff)
{
	size_t i, j, k = a->k[s], k2 = 2 * k, m = a->ins->nitems, off;
	const size_t *ix = a->idx[s];

	*rdiff = NAN;
	if (a->pairwise && b == SQ_BLOCK_G) {
		submat(bf->gcov, m, ix, 0, k, bf->cov);
		submat(bf->gcor, m, ix, 0, k, bf->cor);
		*n = minn(bf->gn, m, ix, 0, k);
		/* the scope's E items then its P items */
		for (i = 0; i < k2; i++)
			for (j = 0; j < k2; j++)
				bf->joint[i * k2 + j] = bf->pcov[
				    (ix[i % k] + (i < k ? 0 : m)) * 2 * m +
				    ix[j % k] + (j < k ? 0 : m)];
		*rdiff = sq_diff_reliability_cov(bf->joint, k);
	} else if (a->pairwise) {
		off = b == SQ_BLOCK_P ? m : 0;
		submat(bf->pcov, 2 * m, ix, off, k, bf->cov);
		submat(bf->pcor, 2 * m, ix, off, k, bf->cor);
		*n = minn(bf->pn, 2 * m, ix, off, k);
	} else {
		const sq_covacc *c = b == SQ_BLOCK_E ? a->e[s] :
		    b == SQ_BLOCK_P ? a->p[s] : a->g[s];

		sq_covacc_cov(c, bf->cov);
		sq_covacc_cor(c, bf->cor);
		*n = sq_covacc_n(c);
		if (b == SQ_BLOCK_G)
			*rdiff = diffmom_rdiff(&a->dm[s]);
	}
}

static void
relbuf_free(struct relbuf *bf)
{
	free(bf->cov);
	free(bf->cor);
	free(bf->joint);
	free(bf->pcov);
	free(bf->pcor);
	free(bf->pn);
	free(bf->gcov);
	free(bf->gcor);
	free(bf->gn);
	free(bf->rdrop);
	free(bf->adrop);
}

int
sq_rel_rows(const sq_relacc *a, double conf, sq_relrow **rows,
    size_t *nrows)
{
	struct relbuf bf;
	sq_relrow *out, *r;
	size_t m = a->ins->nitems, s, i, k, cap, nr = 0;
	double n, rdiff;
	int b, rc = SQ_ENOMEM;

	*rows = NULL;
	*nrows = 0;
	memset(&bf, 0, sizeof(bf));
	cap = 0;
	for (s = 0; s < a->nscope; s++)
		cap += a->k[s] ? 3 * (a->k[s] + 1) : 0;
	if ((out = calloc(cap ? cap : 1, sizeof(*out))) == NULL)
		return SQ_ENOMEM;
	bf.cov = malloc(m * m * sizeof(double));
	bf.cor = malloc(m * m * sizeof(double));
	bf.joint = malloc(4 * m * m * sizeof(double));
	bf.rdrop = malloc(m * sizeof(double));
	bf.adrop = malloc(m * sizeof(double));
	if (!bf.cov || !bf.cor || !bf.joint || !bf.rdrop || !bf.adrop)
		goto fail;
	if (a->pairwise) {
		bf.pcov = malloc(4 * m * m * sizeof(double));
		bf.pcor = malloc(4 * m * m * sizeof(double));
		bf.pn = malloc(4 * m * m * sizeof(double));
		bf.gcov = malloc(m * m * sizeof(double));
		bf.gcor = malloc(m * m * sizeof(double));
		bf.gn = malloc(m * m * sizeof(double));
		if (!bf.pcov || !bf.pcor || !bf.pn || !bf.gcov || !bf.gcor ||
		    !bf.gn)
			goto fail;
		sq_covacc_cov(a->pw_ep, bf.pcov);
		sq_covacc_cor(a->pw_ep, bf.pcor);
		sq_covacc_pairn(a->pw_ep, bf.pn);
		sq_covacc_cov(a->pw_g, bf.gcov);
		sq_covacc_cor(a->pw_g, bf.gcor);
		sq_covacc_pairn(a->pw_g, bf.gn);
	}
	for (b = SQ_BLOCK_E; b <= SQ_BLOCK_G; b++)
		for (s = 0; s < a->nscope; s++) {
			if ((k = a->k[s]) == 0)
				continue;
			scope_mats(a, &bf, b, s, &n, &rdiff);
			r = &out[nr++];
			r->scope = SQ_REL_SCALE;
			r->block = b;
			r->dim = s + 1 == a->nscope ? -1 : (int)s;
			r->item = -1;
			r->n = n;
			r->k = (double)k;
			if (!(n >= 2)) {
				/* too few rows: every figure undefined */
				for (i = 0; i < k * k; i++)
					bf.cov[i] = bf.cor[i] = NAN;
			}
			sq_alpha(bf.cov, k, &r->alpha, &r->alpha_std,
			    &r->average_r);
			sq_feldt_ci(r->alpha, n, k, conf, &r->ci_low,
			    &r->ci_high);
			r->omega_status = sq_omega_total(bf.cor, k,
			    &r->omega_total, NULL);
			if (r->omega_status == SQ_ENOMEM)
				goto fail;
			r->r_diff = rdiff;
			r->r_drop = r->alpha_if_deleted = NAN;
			sq_alpha_items(bf.cov, k, bf.rdrop, bf.adrop);
			for (i = 0; i < k; i++) {
				r = &out[nr++];
				r->scope = SQ_REL_ITEM;
				r->block = b;
				r->dim = s + 1 == a->nscope ? -1 : (int)s;
				r->item = (int)a->idx[s][i];
				r->n = n;
				r->k = (double)k;
				r->alpha = r->alpha_std = NAN;
				r->ci_low = r->ci_high = NAN;
				r->average_r = r->omega_total = NAN;
				r->r_diff = NAN;
				r->r_drop = bf.rdrop[i];
				r->alpha_if_deleted = bf.adrop[i];
			}
		}
	relbuf_free(&bf);
	for (i = 0; i < nr; i++)
		out[i].conf = conf;
	*rows = out;
	*nrows = nr;
	return SQ_OK;
fail:
	relbuf_free(&bf);
	free(out);
	return rc;
}

void
sq_relacc_free(sq_relacc *a)
{
	size_t s;

	if (a == NULL)
		return;
	for (s = 0; s < a->nscope; s++) {
		if (a->idx)
			free(a->idx[s]);
		if (a->e)
			sq_covacc_free(a->e[s]);
		if (a->p)
			sq_covacc_free(a->p[s]);
		if (a->g)
			sq_covacc_free(a->g[s]);
		if (a->dm) {
			free(a->dm[s].mean);
			free(a->dm[s].m2);
		}
	}
	free(a->idx);
	free(a->k);
	free(a->e);
	free(a->p);
	free(a->g);
	free(a->dm);
	sq_covacc_free(a->pw_ep);
	sq_covacc_free(a->pw_g);
	free(a->x);
	free(a);
}

const char *const sq_rel_columns[] = {
	"scope", "block", "dimension", "item", "n", "k", "alpha", "alpha_std",
	"ci_low", "ci_high", "r_drop", "alpha_if_deleted",
	"average_r", "omega_total", "r_diff", "missing", NULL
};

const char *const sq_rel_fact_columns[] = {
	"conf", "scale_min", "scale_max", "label", "instrument", NULL
};

static const char *const scope_names[2][2] = {
	{ "scale", "escala" },
	{ "item", "\xc3\xadtem" },
};
static const char *const mode_names[2][2] = {
	{ "listwise", "casos completos" },
	{ "pairwise", "por pares" },
};
static const char *const block_names[3] = { "E", "P", "G" };

int
sq_rel_table(const sq_relrow *rows, size_t nrows, const sq_instrument *ins,
    int pairwise, int human, int lang, sq_table **out)
{
	sq_table *t;
	const sq_relrow *r;
	const char *cols[64];
	size_t i, nc = 0;
	char num[16];
	int rc, l = human ? lang : SQ_LANG_EN;

	*out = NULL;
	while (sq_rel_columns[nc] != NULL && nc < 48) {
		cols[nc] = sq_rel_columns[nc];
		nc++;
	}
	for (i = 0; !human && sq_rel_fact_columns[i] != NULL; i++)
		cols[nc++] = sq_rel_fact_columns[i];
	if ((rc = sq_table_new(cols, nc, &t)) != SQ_OK)
		return rc;
	sq_table_style(t, 4, SQ_NUM_INT);
	sq_table_style(t, 5, SQ_NUM_INT);
	for (i = 0; i < nrows && rc == SQ_OK; i++) {
		r = &rows[i];
		rc |= sq_table_str(t, scope_names[r->scope][l]);
		rc |= sq_table_str(t, block_names[r->block]);
		if (r->dim < 0)
			rc |= sq_table_str(t, !human ? "ALL" :
			    lang == SQ_LANG_ES ? "Todos" : "All");
		else
			rc |= sq_table_str(t, human ?
			    ins->dims[r->dim].name[lang] :
			    ins->dims[r->dim].code);
		if (r->item >= 0)
			snprintf(num, sizeof(num), "%d",
			    ins->items[r->item].number);
		else
			num[0] = '\0';
		rc |= sq_table_str(t, num);
		rc |= sq_table_num(t, r->n);
		rc |= sq_table_num(t, r->k);
		rc |= sq_table_num(t, r->alpha);
		rc |= sq_table_num(t, r->alpha_std);
		rc |= sq_table_num(t, r->ci_low);
		rc |= sq_table_num(t, r->ci_high);
		rc |= sq_table_num(t, r->r_drop);
		rc |= sq_table_num(t, r->alpha_if_deleted);
		rc |= sq_table_num(t, r->average_r);
		rc |= sq_table_num(t, r->omega_total);
		rc |= sq_table_num(t, r->r_diff);
		rc |= sq_table_str(t, mode_names[pairwise != 0][l]);
		if (!human) {
			const char *lab = "";
			int lg = lang == SQ_LANG_ES ? 1 : 0;

			if (r->item >= 0) {
				const sq_item *it = &ins->items[r->item];

				lab = it->wording[lg][0] ? it->wording[lg] :
				    it->wording[0];
			} else if (r->dim >= 0)
				lab = ins->dims[r->dim].name[lg];
			rc |= sq_table_num(t, r->conf);
			rc |= sq_table_num(t, ins->min);
			rc |= sq_table_num(t, ins->max);
			rc |= sq_table_str(t, lab);
			rc |= sq_table_str(t, ins->name ? ins->name : "");
		}
	}
	if (rc != SQ_OK) {
		sq_table_free(t);
		return SQ_ENOMEM;
	}
	*out = t;
	return SQ_OK;
}

int
sq_relgate_parse(const char *s, sq_relgate *g)
{
	static const struct {
		const char *name;
		int stat;
	} stats[] = {
		{ "alpha_std", SQ_GATE_ALPHA_STD },
		{ "alpha", SQ_GATE_ALPHA },
		{ "omega_total", SQ_GATE_OMEGA },
		{ "omega", SQ_GATE_OMEGA },
		{ "r_diff", SQ_GATE_RDIFF },
	};
	size_t i, len;
	const char *p;
	char *end;

	memset(g, 0, sizeof(*g));
	if (strlen(s) >= sizeof(g->text))
		return SQ_EUSAGE;
	snprintf(g->text, sizeof(g->text), "%s", s);
	for (i = 0; i < sizeof(stats) / sizeof(stats[0]); i++) {
		len = strlen(stats[i].name);
		if (strncmp(s, stats[i].name, len) == 0 && s[len] == '<')
			break;
	}
	if (i == sizeof(stats) / sizeof(stats[0]))
		return SQ_EUSAGE;
	g->stat = stats[i].stat;
	p = s + len + 1;
	if (*p == '=') {
		g->le = 1;
		p++;
	}
	if (*p == '\0' || *p == ' ')
		return SQ_EUSAGE;
	g->threshold = strtod(p, &end);
	if (*end != '\0' || !isfinite(g->threshold))
		return SQ_EUSAGE;
	return SQ_OK;
}

int
sq_relgate_holds(const sq_relgate *g, const sq_relrow *r)
{
	double x;

	if (r->scope != SQ_REL_SCALE)
		return 0;
	switch (g->stat) {
	case SQ_GATE_ALPHA:
		x = r->alpha;
		break;
	case SQ_GATE_ALPHA_STD:
		x = r->alpha_std;
		break;
	case SQ_GATE_OMEGA:
		x = r->omega_total;
		break;
	default:
		x = r->r_diff;
		break;
	}
	if (isnan(x))
		return 0;
	return g->le ? x <= g->threshold : x < g->threshold;
}
