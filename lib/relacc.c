/*
 * The one-pass accumulator behind sq-alpha: co-moments of each scope's
 * E, P and gap items (listwise or pairwise), mergeable across threads,
 * and the rows of sq-alpha's table computed from them with the formulas
 * in reliability.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/covacc.h"
#include "servqual/reliability.h"

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
