/*
 * Gap scores: paired running moments per item, dimension and SERVQUAL
 * score, and their summaries (mean, sd, t-interval, paired t, Holm, d_z).
 */
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/gap.h"
#include "servqual/hash.h"

/* Pairs kept exact: 2^40 of them, so sums of squares cannot overflow. */
#define EXACT_NMAX 1099511627776.0

/* The running moments of exact sums, always computed the same way. */
static void
exact_moments(const sq_pairmom *m, double *me, double *mp, double *md,
    double *m2d)
{
	long long ni = (long long)m->n;
	long double nd = (long double)m->n * (long double)m->den;
	long double den2 = (long double)m->den * (long double)m->den;
	__int128 xd = m->xp - m->xe, q, r, A;

	*me = (double)((long double)m->xe / nd);
	*mp = (double)((long double)m->xp / nd);
	*md = (double)((long double)xd / nd);
	/* sum (X - mean)^2 = xd2 - xd^2 / n, with xd = q n + r */
	q = xd / ni;
	r = xd % ni;
	A = m->xd2 - q * (xd + r);
	*m2d = (double)(((long double)A - (long double)(r * r) /
	    (long double)ni) / den2);
}

/* Turn exact sums into running moments. */
static void
to_running(sq_pairmom *m)
{
	double me = 0, mp = 0, md = 0, m2d = 0;

	if (m->inexact)
		return;
	if (m->n > 0)
		exact_moments(m, &me, &mp, &md, &m2d);
	m->inexact = 1;
	m->den = 0;
	m->xe = m->xp = m->xd2 = 0;
	m->me = me;
	m->mp = mp;
	m->md = md;
	m->m2d = m2d;
}

static void
welford(sq_pairmom *m, double e, double p)
{
	double d = p - e, delta;

	m->n += 1;
	m->me += (e - m->me) / m->n;
	m->mp += (p - m->mp) / m->n;
	delta = d - m->md;
	m->md += delta / m->n;
	m->m2d += delta * (d - m->md);
}

void
sq_pairmom_addx(sq_pairmom *m, long long xe, long long xp, long long den)
{
	__int128 d;

	if (!m->inexact && den > 0 && (m->den == 0 || m->den == den) &&
	    m->n < EXACT_NMAX && xe >= -(long long)SQ_EXACT_MAX &&
	    xe <= (long long)SQ_EXACT_MAX && xp >= -(long long)SQ_EXACT_MAX &&
	    xp <= (long long)SQ_EXACT_MAX) {
		m->den = den;
		m->n += 1;
		m->xe += xe;
		m->xp += xp;
		d = (__int128)xp - xe;
		m->xd2 += d * d;
		return;
	}
	to_running(m);
	welford(m, (double)xe / (double)den, (double)xp / (double)den);
}

/* x as X / den with X an integer in range whose quotient gives back x. */
static int
as_exact(double x, long long den, long long *X)
{
	double v = x * (double)den;

	if (!(v >= -SQ_EXACT_MAX && v <= SQ_EXACT_MAX) || v != floor(v))
		return 0;
	*X = (long long)v;
	return (double)*X / (double)den == x;
}

void
sq_pairmom_add(sq_pairmom *m, double e, double p)
{
	long long den = m->den ? m->den : 1, xe, xp;

	if (!m->inexact && as_exact(e, den, &xe) && as_exact(p, den, &xp)) {
		sq_pairmom_addx(m, xe, xp, den);
		return;
	}
	to_running(m);
	welford(m, e, p);
}

void
sq_pairmom_merge(sq_pairmom *a, const sq_pairmom *b)
{
	sq_pairmom c;
	double n, delta;

	if (b->n == 0)
		return;
	if (a->n == 0) {
		*a = *b;
		return;
	}
	if (!a->inexact && !b->inexact && a->den == b->den &&
	    a->n + b->n < EXACT_NMAX) {
		a->n += b->n;
		a->xe += b->xe;
		a->xp += b->xp;
		a->xd2 += b->xd2;
		return;
	}
	to_running(a);
	c = *b;
	to_running(&c);
	n = a->n + c.n;
	delta = c.md - a->md;
	a->me += (c.me - a->me) * c.n / n;
	a->mp += (c.mp - a->mp) * c.n / n;
	a->md += delta * c.n / n;
	a->m2d += c.m2d + delta * delta * a->n * c.n / n;
	a->n = n;
}

void
sq_pairmom_moments(const sq_pairmom *m, sq_pairmom *out)
{
	*out = *m;
	to_running(out);
}

static long long
gcdll(long long a, long long b)
{
	while (b != 0) {
		long long t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/*
 * The common denominator of dimension scores: the lcm of every count of
 * items a score can be the mean of (ceil(k/2)..k); 0 when too large.
 */
static long long
score_den(const sq_instrument *ins)
{
	size_t k[SQ_MAX_DIMS] = { 0 }, i, d, c;
	long long L = 1;

	for (i = 0; i < ins->nitems; i++)
		k[ins->items[i].dim]++;
	for (d = 0; d < ins->ndims; d++)
		for (c = (k[d] + 1) / 2; c <= k[d]; c++) {
			if (c == 0)
				continue;
			L = L / gcdll(L, (long long)c) * (long long)c;
			if (L > (1 << 20))
				return 0;
		}
	return L;
}

int
sq_gapacc_new(const sq_instrument *ins, sq_gapacc **out)
{
	sq_gapacc *a;

	*out = NULL;
	if ((a = calloc(1, sizeof(*a))) == NULL)
		return SQ_ENOMEM;
	a->nitems = ins->nitems;
	a->ndims = ins->ndims;
	a->item = calloc(ins->nitems, sizeof(*a->item));
	a->dim = calloc(ins->ndims, sizeof(*a->dim));
	a->wdim = calloc(ins->ndims + 1, sizeof(*a->wdim));
	a->witem = calloc(ins->nitems + 1, sizeof(*a->witem));
	a->lo = ceil(ins->min);
	a->lden = score_den(ins);
	if (floor(ins->max) - a->lo + 1 <= SQ_COUNT_MAX && fabs(a->lo) < 1e9) {
		a->range = (size_t)(floor(ins->max) - a->lo + 1);
		a->cnt = calloc(ins->nitems * a->range * a->range,
		    sizeof(*a->cnt));
	}
	if (a->item == NULL || a->dim == NULL || a->wdim == NULL ||
	    a->witem == NULL || (a->range > 0 && a->cnt == NULL)) {
		sq_gapacc_free(a);
		return SQ_ENOMEM;
	}
	*out = a;
	return SQ_OK;
}

void
sq_gapacc_free(sq_gapacc *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; a->wdim != NULL && i < a->ndims; i++)
		sq_valcount_release(&a->wdim[i]);
	for (i = 0; a->witem != NULL && i < a->nitems; i++)
		sq_valcount_release(&a->witem[i]);
	free(a->wdim);
	free(a->witem);
	free(a->cnt);
	free(a->item);
	free(a->dim);
	free(a);
}

void
sq_gapacc_item(const sq_gapacc *a, size_t i, sq_pairmom *m)
{
	const unsigned long long *c;
	size_t e, p, R = a->range;
	long long lo = (long long)a->lo, d;

	memset(m, 0, sizeof(*m));
	if (R > 0) {
		/* counts of integer pairs: exact integer sums */
		c = a->cnt + i * R * R;
		for (e = 0; e < R; e++)
			for (p = 0; p < R; p++) {
				__int128 k = (__int128)c[e * R + p];

				if (k == 0)
					continue;
				d = (long long)p - (long long)e;
				m->n += (double)k;
				m->xe += k * (lo + (long long)e);
				m->xp += k * (lo + (long long)p);
				m->xd2 += k * d * d;
			}
		if (m->n > 0)
			m->den = 1;
	}
	sq_pairmom_merge(m, &a->item[i]);
}

/* An item answer pair the counts cannot hold. */
static void
add_item(sq_gapacc *a, size_t i, double e, double p)
{
	sq_pairmom_add(&a->item[i], e, p);
	if (sq_valcount_add(&a->witem[i], p - e, 1) != SQ_OK)
		a->nomem = 1;
}

/* Answers up to this size make dimension scores exact rationals. */
#define INT_ANSWER_MAX 1024

void
sq_gapacc_add(sq_gapacc *a, const sq_instrument *ins, const sq_response *r)
{
	double se[SQ_MAX_DIMS], sp[SQ_MAX_DIMS];
	size_t cnt[SQ_MAX_DIMS], tot[SQ_MAX_DIMS];
	double de[SQ_MAX_DIMS], dp[SQ_MAX_DIMS];
	long long ise[SQ_MAX_DIMS], isp[SQ_MAX_DIMS];
	__int128 ue128 = 0, up128 = 0, we128 = 0, wp128 = 0;
	long long sumwi = 0, L = a->lden;
	double sumw = 0, we = 0, wp = 0, ue = 0, up = 0;
	size_t i, d;
	int all = 1, wok = 1, ints = L > 0, wints = 1;

	a->respondents += 1;
	for (d = 0; d < ins->ndims; d++) {
		se[d] = sp[d] = 0;
		ise[d] = isp[d] = 0;
		cnt[d] = tot[d] = 0;
	}
	for (i = 0; i < ins->nitems; i++) {
		d = (size_t)ins->items[i].dim;
		tot[d]++;
		if (isnan(r->e[i]) || isnan(r->p[i]))
			continue;
		if (a->range > 0) {
			double xe = r->e[i] - a->lo, xp = r->p[i] - a->lo;
			size_t R = a->range;
			/* the range test comes first: the casts are then safe */
			int ok = xe >= 0 && xp >= 0 && xe < (double)R &&
			    xp < (double)R;
			size_t ie = ok ? (size_t)xe : 0, ip = ok ? (size_t)xp : 0;

			if (ok && (double)ie == xe && (double)ip == xp)
				a->cnt[(i * R + ie) * R + ip]++;
			else
				add_item(a, i, r->e[i], r->p[i]);
		} else
			add_item(a, i, r->e[i], r->p[i]);
		if (ints && (fabs(r->e[i]) > INT_ANSWER_MAX ||
		    fabs(r->p[i]) > INT_ANSWER_MAX ||
		    r->e[i] != floor(r->e[i]) || r->p[i] != floor(r->p[i])))
			ints = 0;
		if (ints) {
			ise[d] += (long long)r->e[i];
			isp[d] += (long long)r->p[i];
		}
		se[d] += r->e[i];
		sp[d] += r->p[i];
		cnt[d]++;
	}
	for (d = 0; d < ins->ndims; d++) {
		/* defined with at least ceil(k/2) of its k items */
		if (cnt[d] == 0 || 2 * cnt[d] < tot[d]) {
			all = 0;
			continue;
		}
		de[d] = se[d] / (double)cnt[d];
		dp[d] = sp[d] / (double)cnt[d];
		/* one division of exact sums: equal gaps are equal doubles */
		if (sq_valcount_add(&a->wdim[d], (sp[d] - se[d]) /
		    (double)cnt[d], 1) != SQ_OK)
			a->nomem = 1;
		if (ints && L % (long long)cnt[d] == 0) {
			/* the score as an integer over L */
			ise[d] *= L / (long long)cnt[d];
			isp[d] *= L / (long long)cnt[d];
			sq_pairmom_addx(&a->dim[d], ise[d], isp[d], L);
		} else {
			ints = 0;
			sq_pairmom_add(&a->dim[d], de[d], dp[d]);
		}
	}
	if (!all || ins->ndims == 0)
		return;
	for (d = 0; d < ins->ndims; d++) {
		ue += de[d];
		up += dp[d];
		if (ints) {
			ue128 += ise[d];
			up128 += isp[d];
		}
		if (isnan(r->w[d]))
			wok = 0;
		else {
			sumw += r->w[d];
			we += r->w[d] * de[d];
			wp += r->w[d] * dp[d];
			if (fabs(r->w[d]) > INT_ANSWER_MAX ||
			    r->w[d] != floor(r->w[d]))
				wints = 0;
			else if (ints) {
				sumwi += (long long)r->w[d];
				we128 += (__int128)(long long)r->w[d] * ise[d];
				wp128 += (__int128)(long long)r->w[d] * isp[d];
			}
		}
	}
	/* exact while the sums stay small; addx checks their size */
	if (ints && ue128 > -(__int128)SQ_EXACT_MAX &&
	    ue128 < (__int128)SQ_EXACT_MAX && up128 > -(__int128)SQ_EXACT_MAX &&
	    up128 < (__int128)SQ_EXACT_MAX)
		sq_pairmom_addx(&a->sq, (long long)ue128, (long long)up128,
		    L * (long long)ins->ndims);
	else
		sq_pairmom_add(&a->sq, ue / (double)ins->ndims,
		    up / (double)ins->ndims);
	if (!wok || !(sumw > 0))
		return;
	if (ints && wints && we128 > -(__int128)SQ_EXACT_MAX &&
	    we128 < (__int128)SQ_EXACT_MAX && wp128 > -(__int128)SQ_EXACT_MAX &&
	    wp128 < (__int128)SQ_EXACT_MAX)
		sq_pairmom_addx(&a->wsq, (long long)we128, (long long)wp128,
		    L * sumwi);
	else
		sq_pairmom_add(&a->wsq, we / sumw, wp / sumw);
}

void
sq_gapacc_merge(sq_gapacc *a, const sq_gapacc *b)
{
	size_t i;

	for (i = 0; i < a->nitems; i++)
		sq_pairmom_merge(&a->item[i], &b->item[i]);
	for (i = 0; a->range > 0 && i < a->nitems * a->range * a->range; i++)
		a->cnt[i] += b->cnt[i];
	for (i = 0; i < a->ndims; i++)
		sq_pairmom_merge(&a->dim[i], &b->dim[i]);
	sq_pairmom_merge(&a->sq, &b->sq);
	sq_pairmom_merge(&a->wsq, &b->wsq);
	a->respondents += b->respondents;
	if (b->respondents > 0)
		a->block = b->block;
	for (i = 0; i < a->ndims; i++)
		if (sq_valcount_merge(&a->wdim[i], &b->wdim[i]) != SQ_OK)
			a->nomem = 1;
	for (i = 0; i < a->nitems; i++)
		if (sq_valcount_merge(&a->witem[i], &b->witem[i]) != SQ_OK)
			a->nomem = 1;
	a->nomem |= b->nomem;
}

void
sq_gap_summary(const sq_pairmom *mom, double conf, sq_gaprow *row)
{
	sq_pairmom mm, *m = &mm;
	double q;

	sq_pairmom_moments(mom, &mm);
	row->n = m->n;
	row->mean_e = row->mean_p = row->gap = NAN;
	row->sd = row->se = row->ci_low = row->ci_high = NAN;
	row->t = row->df = row->p = row->d = NAN;
	row->p_adj = NAN;
	if (m->n < 1)
		return;
	row->mean_e = m->me;
	row->mean_p = m->mp;
	row->gap = m->md;
	row->df = m->n - 1;
	if (m->n < 2)
		return;
	row->sd = sqrt(m->m2d / row->df);
	row->se = row->sd / sqrt(m->n);
	q = gsl_cdf_tdist_Pinv(0.5 + conf / 2, row->df);
	row->ci_low = row->gap - q * row->se;
	row->ci_high = row->gap + q * row->se;
	if (row->sd > 0) {
		row->t = row->gap / row->se;
		row->p = 2 * gsl_cdf_tdist_Q(fabs(row->t), row->df);
		if (row->p > 1)
			row->p = 1;
		row->d = row->gap / row->sd;
	}
}

static int
cmp_idx(const void *a, const void *b, void *ctx)
{
	const double *p = ctx;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;

	if (p[i] < p[j])
		return -1;
	if (p[i] > p[j])
		return 1;
	return i < j ? -1 : i > j;
}

int
sq_holm(const double *p, size_t n, double *adj)
{
	size_t *o, m = 0, i;
	double run = 0, v;

	if ((o = malloc((n ? n : 1) * sizeof(*o))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < n; i++) {
		adj[i] = NAN;
		if (!isnan(p[i]))
			o[m++] = i;
	}
	qsort_r(o, m, sizeof(*o), cmp_idx, (void *)p);
	for (i = 0; i < m; i++) {
		v = (double)(m - i) * p[o[i]];
		if (v > run)
			run = v;
		adj[o[i]] = run < 1 ? run : 1;
	}
	free(o);
	return SQ_OK;
}

int
sq_adjust(const double *p, size_t n, int method, double *adj)
{
	size_t *o, i, m = 0;
	double run = 1;

	switch (method) {
	case SQ_ADJ_HOLM:
		return sq_holm(p, n, adj);
	case SQ_ADJ_NONE:
		for (i = 0; i < n; i++)
			adj[i] = p[i];
		return SQ_OK;
	}
	if ((o = malloc((n ? n : 1) * sizeof(*o))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < n; i++) {
		adj[i] = NAN;
		if (!isnan(p[i]))
			o[m++] = i;
	}
	if (method == SQ_ADJ_BONFERRONI) {
		for (i = 0; i < m; i++)
			adj[o[i]] = fmin(1, p[o[i]] * (double)m);
		free(o);
		return SQ_OK;
	}
	/* Benjamini-Hochberg: p_(i) m / i, cumulative minimum from the top */
	qsort_r(o, m, sizeof(*o), cmp_idx, (void *)p);
	for (i = m; i-- > 0;) {
		run = fmin(run, p[o[i]] * (double)m / (double)(i + 1));
		adj[o[i]] = run;
	}
	free(o);
	return SQ_OK;
}

int
sq_adjust_parse(const char *s)
{
	static const char *const names[] = { "holm", "bh", "bonferroni",
	    "none" };
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* The signed-rank test of item i's differences: counted pairs and the
   others. */
static int
item_signrank(const sq_gapacc *a, size_t i, sq_gaprow *row)
{
	sq_valcount v = { 0 };
	size_t e, p, R = a->range;
	int rc = SQ_OK;

	for (e = 0; e < R; e++)
		for (p = 0; p < R; p++)
			rc |= sq_valcount_add(&v, (double)p - (double)e,
			    a->cnt[(i * R + e) * R + p]);
	rc |= sq_valcount_merge(&v, &a->witem[i]);
	if (rc == SQ_OK)
		rc = sq_signrank(&v, &row->w_n, &row->w, &row->p_w);
	sq_valcount_release(&v);
	return rc ? SQ_ENOMEM : SQ_OK;
}

int
sq_gap_rows(const sq_gapacc *a, const sq_instrument *ins, double conf,
    sq_gaprow **rows, size_t *nrows)
{
	return sq_gap_rows_adjust(a, ins, conf, SQ_ADJ_HOLM, rows, nrows);
}

int
sq_gap_rows_adjust(const sq_gapacc *a, const sq_instrument *ins,
    double conf, int adjust, sq_gaprow **rows, size_t *nrows)
{
	size_t n = ins->nitems + ins->ndims + 2, i, k = 0;
	sq_gaprow *r;
	double *p, *adj;
	int rc = SQ_OK;

	*rows = NULL;
	*nrows = 0;
	if (a->nomem)
		return SQ_ENOMEM;
	r = calloc(n, sizeof(*r));
	p = malloc((ins->nitems + 1) * sizeof(*p));
	adj = malloc((ins->nitems + 1) * sizeof(*adj));
	if (r == NULL || p == NULL || adj == NULL) {
		free(r);
		free(p);
		free(adj);
		return SQ_ENOMEM;
	}
	for (i = 0; i < ins->nitems; i++, k++) {
		sq_pairmom m;

		sq_gapacc_item(a, i, &m);
		sq_gap_summary(&m, conf, &r[k]);
		r[k].scope = SQ_SCOPE_ITEM;
		r[k].dim = ins->items[i].dim;
		r[k].item = (int)i;
		p[i] = r[k].p;
		if ((rc = item_signrank(a, i, &r[k])) != SQ_OK)
			break;
	}
	if (rc != SQ_OK ||
	    (rc = sq_adjust(p, ins->nitems, adjust, adj)) != SQ_OK) {
		free(r);
		free(p);
		free(adj);
		return rc;
	}
	for (i = 0; i < ins->nitems; i++)
		r[i].p_adj = adj[i];
	for (i = 0; i < ins->ndims; i++, k++) {
		sq_gap_summary(&a->dim[i], conf, &r[k]);
		r[k].scope = SQ_SCOPE_DIMENSION;
		r[k].dim = (int)i;
		r[k].item = -1;
		if (sq_signrank(&a->wdim[i], &r[k].w_n, &r[k].w,
		    &r[k].p_w) != SQ_OK) {
			free(r);
			free(p);
			free(adj);
			return SQ_ENOMEM;
		}
	}
	sq_gap_summary(&a->sq, conf, &r[k]);
	r[k].w_n = r[k].w = r[k].p_w = NAN;
	r[k].scope = SQ_SCOPE_SERVQUAL;
	r[k].dim = r[k].item = -1;
	k++;
	sq_gap_summary(&a->wsq, conf, &r[k]);
	r[k].w_n = r[k].w = r[k].p_w = NAN;
	r[k].scope = SQ_SCOPE_WEIGHTED;
	r[k].dim = r[k].item = -1;
	k++;
	if (a->block == SQ_GAP_P)
		for (i = 0; i < k; i++)
			sq_gaprow_perf(&r[i], a->lo);
	free(p);
	free(adj);
	*rows = r;
	*nrows = k;
	return SQ_OK;
}

/* Segments. */

/* Bytes one segment's accumulator takes, as sq_gapacc_new() allocates. */
static size_t
acc_bytes(const sq_instrument *ins)
{
	size_t b = sizeof(sq_gapacc) + ins->nitems * sizeof(((sq_gapacc *)0)->
	    item[0]) + ins->ndims * sizeof(((sq_gapacc *)0)->dim[0]);
	double lo = ceil(ins->min), r = floor(ins->max) - lo + 1;

	if (r <= SQ_COUNT_MAX)
		b += ins->nitems * (size_t)r * (size_t)r *
		    sizeof(((sq_gapacc *)0)->cnt[0]);
	return b;
}

int
sq_gapset_new(const sq_instrument *ins, int by_segment, sq_gapset **out)
{
	sq_gapset *s;
	int rc;

	*out = NULL;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return SQ_ENOMEM;
	if ((rc = sq_gapacc_new(ins, &s->all)) != SQ_OK) {
		free(s);
		return rc;
	}
	if (by_segment) {
		size_t per = acc_bytes(ins);

		sq_hash_key_init(&s->key);
		s->maxseg = SQ_SEGMENT_MEMORY / per;
		if (s->maxseg > SQ_MAX_SEGMENTS)
			s->maxseg = SQ_MAX_SEGMENTS;
		if (s->maxseg < 1)
			s->maxseg = 1;
		s->hcap = 64;
		if ((s->hash = calloc(s->hcap, sizeof(*s->hash))) == NULL) {
			sq_gapset_free(s);
			return SQ_ENOMEM;
		}
	}
	*out = s;
	return SQ_OK;
}

/* Double the open-addressing index; slots hold segment index + 1. */
static int
rehash(sq_gapset *s)
{
	size_t cap = s->hcap * 2, i, h;
	size_t *nh = calloc(cap, sizeof(*nh));

	if (nh == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < s->nseg; i++) {
		h = (size_t)sq_hash_keyed(&s->key, s->seg[i]) & (cap - 1);
		while (nh[h] != 0)
			h = (h + 1) & (cap - 1);
		nh[h] = i + 1;
	}
	free(s->hash);
	s->hash = nh;
	s->hcap = cap;
	return SQ_OK;
}

static int
segment_of(sq_gapset *s, const sq_instrument *ins, const char *v,
    sq_gapacc **acc)
{
	size_t h = (size_t)sq_hash_keyed(&s->key, v) & (s->hcap - 1), i;
	int rc;

	while (s->hash[h] != 0) {
		i = s->hash[h] - 1;
		if (strcmp(s->seg[i], v) == 0) {
			*acc = s->acc[i];
			return SQ_OK;
		}
		h = (h + 1) & (s->hcap - 1);
	}
	if (s->nseg >= s->maxseg)
		return SQ_ELIMIT;
	if (s->nseg == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		char **ns = realloc(s->seg, cap * sizeof(*ns));
		sq_gapacc **na;

		if (ns == NULL)
			return SQ_ENOMEM;
		s->seg = ns;
		if ((na = realloc(s->acc, cap * sizeof(*na))) == NULL)
			return SQ_ENOMEM;
		s->acc = na;
		s->cap = cap;
	}
	if ((s->seg[s->nseg] = strdup(v)) == NULL)
		return SQ_ENOMEM;
	if ((rc = sq_gapacc_new(ins, &s->acc[s->nseg])) != SQ_OK) {
		free(s->seg[s->nseg]);
		return rc;
	}
	s->hash[h] = s->nseg + 1;
	*acc = s->acc[s->nseg++];
	if (2 * s->nseg > s->hcap)
		return rehash(s);
	return SQ_OK;
}

int
sq_gapset_segment(sq_gapset *s, const sq_instrument *ins, const char *v,
    sq_gapacc **acc)
{
	if (s->hash == NULL)
		return SQ_EUSAGE;
	return segment_of(s, ins, v, acc);
}

int
sq_gapset_limit_error(const sq_gapset *s, const sq_instrument *ins,
    unsigned long line, sq_error *err)
{
	return sq_error_set(err, SQ_ELIMIT, NULL, line, 0, NULL,
	    "more than %zu distinct segment values (%zu KB of "
	    "accumulators each, at most %zu MB in all)%s", s->maxseg,
	    (acc_bytes(ins) + 1023) / 1024, SQ_SEGMENT_MEMORY >> 20,
	    s->rows <= s->nseg + s->nseg / 10 ? "; nearly every row "
	    "has a value of its own: the column looks like an id, "
	    "not a segment" : "");
}

int
sq_gapset_add(sq_gapset *s, const sq_instrument *ins, const sq_response *r,
    sq_error *err)
{
	sq_gapacc *acc;
	sq_response pr;
	int rc;

	if (r->form != SQ_FORM_SERVQUAL) {
		if (s->ref == NULL &&
		    (s->ref = malloc((ins->nitems + 1) * sizeof(double))) ==
		    NULL)
			return sq_error_set(err, SQ_ENOMEM, NULL, r->line, 0,
			    NULL, "out of memory");
		sq_gap_pair(r, ins->nitems, s->all->lo, s->ref, &pr);
		r = &pr;
	}
	if (s->hash == NULL || r->segment == NULL) {
		sq_gapacc_add(s->all, ins, r);
		s->all->block = sq_gap_block_of(r->form);
		return SQ_OK;
	}
	s->rows++;
	rc = segment_of(s, ins, r->segment[0] ? r->segment : "(blank)", &acc);
	if (rc == SQ_ELIMIT)
		return sq_gapset_limit_error(s, ins, r->line, err);
	if (rc != SQ_OK)
		return sq_error_set(err, rc, NULL, r->line, 0, NULL,
		    "out of memory");
	sq_gapacc_add(acc, ins, r);
	acc->block = sq_gap_block_of(r->form);
	return SQ_OK;
}

void
sq_gapset_finish(sq_gapset *s)
{
	size_t i;

	if (s->finished)
		return;
	for (i = 0; i < s->nseg; i++)
		sq_gapacc_merge(s->all, s->acc[i]);
	s->finished = 1;
}

void
sq_gapset_free(sq_gapset *s)
{
	size_t i;

	if (s == NULL)
		return;
	sq_gapacc_free(s->all);
	for (i = 0; i < s->nseg; i++) {
		free(s->seg[i]);
		sq_gapacc_free(s->acc[i]);
	}
	free(s->seg);
	free(s->acc);
	free(s->hash);
	free(s->ref);
	free(s);
}
