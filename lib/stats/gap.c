/*
 * The gap accumulator (sq_gapacc): each respondent's answers folded into
 * item, dimension, SERVQUAL and weighted-SERVQUAL paired moments, with
 * counts of integer answer pairs and the differences the signed-rank test
 * needs; creating, freeing, reading an item and merging two of them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/gap.h"

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
long long
sq_score_den(const sq_instrument *ins)
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
	a->lden = sq_score_den(ins);
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
