/*
 * The one-pass accumulator behind sq-alpha: co-moments of each scope's
 * E, P and gap items (listwise or pairwise), kept as exact integer sums
 * while the answers are whole numbers, so that accumulators over byte
 * ranges, files or shards fold in any order to the same table; and the
 * rows of sq-alpha's table computed from them with the formulas in
 * reliability.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/covacc.h"
#include "servqual/reliability.h"
#include "relacc_int.h"

/* Turn the integer sums into running moments (the same way each time). */
static void
dm_to_running(struct sq_diffmom *m)
{
	size_t i, k2 = 2 * m->k;
	__int128 n = (__int128)m->n;

	if (m->inexact)
		return;
	m->inexact = 1;
	if (n == 0)
		return;
	for (i = 0; i < k2 + 2; i++) {
		m->mean[i] = (double)((long double)m->s[i] / (long double)n);
		m->m2[i] = (double)((long double)(n * m->ss[i] -
		    m->s[i] * m->s[i]) / (long double)n);
	}
	m->cep = (double)((long double)(n * m->sep - m->s[k2] *
	    m->s[k2 + 1]) / (long double)n);
}

/* Welford: add items x[0..2k-1] and their sums se, sp. */
static void
dm_add_running(struct sq_diffmom *m, const double *x, double se, double sp)
{
	size_t i, k2 = 2 * m->k;
	double d, de, r, v;

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

/* Is x a whole number of at most SQ_DM_EXACT_MAX in size? */
static int
small_whole(double x)
{
	/* in range first, so the conversion is defined */
	return x >= -SQ_DM_EXACT_MAX && x <= SQ_DM_EXACT_MAX &&
	    (double)(long long)x == x;
}

/*
 * Add x[0..2k-1] (E items then P items) if complete; whole != 0: every
 * answer present in the row is small_whole().
 */
static void
diffmom_add(struct sq_diffmom *m, const double *x, int whole)
{
	size_t i, k2 = 2 * m->k;
	double se = 0, sp = 0;
	long long v, ie = 0, ip = 0;

	for (i = 0; i < k2; i++)
		if (isnan(x[i]))
			return;
	if (whole && !m->inexact && m->n < SQ_DM_NMAX) {
		/* |v| <= 2^10, |ie|, |ip| <= 2^19: products fit 64 bits */
		m->n += 1;
		for (i = 0; i < k2; i++) {
			v = (long long)x[i];
			m->s[i] += v;
			m->ss[i] += v * v;
			if (i < m->k)
				ie += v;
			else
				ip += v;
		}
		m->s[k2] += ie;
		m->ss[k2] += ie * ie;
		m->s[k2 + 1] += ip;
		m->ss[k2 + 1] += ip * ip;
		m->sep += ie * ip;
		return;
	}
	for (i = 0; i < k2; i++)
		if (i < m->k)
			se += x[i];
		else
			sp += x[i];
	dm_to_running(m);
	dm_add_running(m, x, se, sp);
}

/* Chan et al.: fold running moments b into running moments a. */
static void
dm_merge_running(struct sq_diffmom *a, const struct sq_diffmom *b)
{
	size_t i, k2 = 2 * a->k;
	double n, f, de, dp, d;

	if (b->n == 0)
		return;
	if (a->n == 0) {
		/* a copy, bit for bit */
		a->n = b->n;
		memcpy(a->mean, b->mean, (k2 + 2) * sizeof(double));
		memcpy(a->m2, b->m2, (k2 + 2) * sizeof(double));
		a->cep = b->cep;
		return;
	}
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

int
sq_diffmom_init(struct sq_diffmom *m, size_t k)
{
	memset(m, 0, sizeof(*m));
	m->k = k;
	m->inexact = k > SQ_MAX_ITEMS;	/* sums could outgrow 128 bits */
	m->mean = calloc(2 * k + 2, sizeof(double));
	m->m2 = calloc(2 * k + 2, sizeof(double));
	m->s = calloc(2 * k + 2, sizeof(__int128));
	m->ss = calloc(2 * k + 2, sizeof(__int128));
	if (!m->mean || !m->m2 || !m->s || !m->ss) {
		sq_diffmom_release(m);
		return SQ_ENOMEM;
	}
	return SQ_OK;
}

void
sq_diffmom_release(struct sq_diffmom *m)
{
	free(m->mean);
	free(m->m2);
	free(m->s);
	free(m->ss);
	m->mean = m->m2 = NULL;
	m->s = m->ss = NULL;
}

int
sq_diffmom_merge(struct sq_diffmom *a, const struct sq_diffmom *b)
{
	struct sq_diffmom c;
	size_t k2 = 2 * a->k, i;
	int rc;

	if (a->k != b->k)
		return SQ_EUSAGE;
	if (!a->inexact && !b->inexact && a->n + b->n < SQ_DM_NMAX) {
		/* integer sums: the same whatever the order */
		a->n += b->n;
		for (i = 0; i < k2 + 2; i++) {
			a->s[i] += b->s[i];
			a->ss[i] += b->ss[i];
		}
		a->sep += b->sep;
		return SQ_OK;
	}
	dm_to_running(a);
	if (b->inexact) {
		dm_merge_running(a, b);
		return SQ_OK;
	}
	/* running moments of a copy of b */
	if ((rc = sq_diffmom_init(&c, b->k)) != SQ_OK)
		return rc;
	c.n = b->n;
	c.sep = b->sep;
	memcpy(c.s, b->s, (k2 + 2) * sizeof(__int128));
	memcpy(c.ss, b->ss, (k2 + 2) * sizeof(__int128));
	dm_to_running(&c);
	dm_merge_running(a, &c);
	sq_diffmom_release(&c);
	return SQ_OK;
}

/*
 * r_diff from the moments (the n - 1 divisors cancel). From integer
 * sums, n times each co-moment is an exact integer, and the ratios are
 * taken of those: the same bits whatever order the rows came in.
 */
static double
diffmom_rdiff(const struct sq_diffmom *m)
{
	size_t i, k = m->k, k2 = 2 * k;
	double tre = 0, trp = 0, ve, vp, ree, rpp;
	long double q = (long double)k / (long double)(k - 1);
	__int128 n, te = 0, tp = 0, vve, vvp, cep;

	if (m->n < 2 || k < 2)
		return NAN;
	if (!m->inexact) {
		n = (__int128)m->n;
		for (i = 0; i < k; i++) {
			te += n * m->ss[i] - m->s[i] * m->s[i];
			tp += n * m->ss[k + i] - m->s[k + i] * m->s[k + i];
		}
		vve = n * m->ss[k2] - m->s[k2] * m->s[k2];
		vvp = n * m->ss[k2 + 1] - m->s[k2 + 1] * m->s[k2 + 1];
		cep = n * m->sep - m->s[k2] * m->s[k2 + 1];
		if (vve <= 0 || vvp <= 0)
			return NAN;
		ree = (double)((1 - (long double)te / (long double)vve) * q);
		rpp = (double)((1 - (long double)tp / (long double)vvp) * q);
		return sq_diff_reliability(ree, rpp,
		    (double)((long double)vve / (long double)n),
		    (double)((long double)vvp / (long double)n),
		    (double)((long double)cep / sqrtl((long double)vve *
		    (long double)vvp)));
	}
	for (i = 0; i < k; i++) {
		tre += m->m2[i];
		trp += m->m2[k + i];
	}
	ve = m->m2[k2];
	vp = m->m2[k2 + 1];
	if (!(ve > 0) || !(vp > 0))
		return NAN;
	ree = (1 - tre / ve) * ((double)k / (k - 1));
	rpp = (1 - trp / vp) * ((double)k / (k - 1));
	return sq_diff_reliability(ree, rpp, ve, vp, m->cep / sqrt(ve * vp));
}

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
			if ((rc = sq_diffmom_init(&a->dm[s], a->k[s])) !=
			    SQ_OK)
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
	int whole = 1;

	if (a->pairwise) {
		memcpy(a->x, r->e, m * sizeof(double));
		memcpy(a->x + m, r->p, m * sizeof(double));
		sq_covacc_add(a->pw_ep, a->x);
		for (i = 0; i < m; i++)
			a->x[i] = r->p[i] - r->e[i];	/* NaN if either is */
		sq_covacc_add(a->pw_g, a->x);
		return;
	}
	/* once for every scope's r_diff moments */
	for (i = 0; whole && i < m; i++)
		whole = (isnan(r->e[i]) || small_whole(r->e[i])) &&
		    (isnan(r->p[i]) || small_whole(r->p[i]));
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
		diffmom_add(&a->dm[s], a->x, whole);
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
		if ((rc = sq_diffmom_merge(&a->dm[s], &b->dm[s])) != SQ_OK)
			return rc;
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
		if (a->dm)
			sq_diffmom_release(&a->dm[s]);
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
