/*
 * Covariance accumulator. Co-moments are updated one observation at a
 * time with Welford's recurrence and merged with Chan et al.'s formula,
 * never from raw sums of squares, so Likert data with large means and
 * small variances lose no precision over millions of rows.
 *
 * Listwise: one count, k means and the upper triangle of the k x k
 * co-moment matrix over the complete cases.
 * Pairwise: for every pair i <= j, the cases complete on both, with the
 * two means and the three co-moments over those cases (what R's
 * cov/cor(use = "pairwise.complete.obs") use); the pair (i, i) holds
 * variable i alone. Rows complete on all k variables (most of them, in a
 * survey) go to the listwise moments instead, which cost one multiply-add
 * per pair rather than a dozen operations; the two parts are merged pair
 * by pair (Chan) when results are read, which is exact.
 *
 * Exact mode: survey answers are small integers. While every value added
 * is an integer of at most EXACT_MAX in size, the accumulator keeps, in
 * place of the running moments, integer sums (counts, sums, sums of
 * cross-products), which merge in any order to the same integers; results
 * are computed from them the same way every time, so any split of the
 * input merged in any order gives the same bits. The first other value
 * turns the sums into running moments, which carry on as above.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/covacc.h"
#include "covacc_int.h"

/* Index of pair (i, j), i <= j, in the packed upper triangle. */
static size_t
pidx(size_t k, size_t i, size_t j)
{
	return i * k - i * (i - 1) / 2 + (j - i);
}

int
sq_covacc_new(size_t k, int pairwise, sq_covacc **out)
{
	sq_covacc *a;

	*out = NULL;
	if (k == 0 || k > 65536)
		return SQ_EUSAGE;
	if ((a = calloc(1, sizeof(*a))) == NULL)
		return SQ_ENOMEM;
	a->k = k;
	a->pairwise = pairwise != 0;
	a->mean = calloc(k, sizeof(*a->mean));
	a->com = calloc(k * k, sizeof(*a->com));
	a->d = calloc(k, sizeof(*a->d));
	a->isum = calloc(k, sizeof(*a->isum));
	a->ixy = calloc(k * k, sizeof(*a->ixy));
	a->ix = calloc(k, sizeof(*a->ix));
	if (a->mean == NULL || a->com == NULL || a->d == NULL ||
	    a->isum == NULL || a->ixy == NULL || a->ix == NULL) {
		sq_covacc_free(a);
		return SQ_ENOMEM;
	}
	if (a->pairwise) {
		a->pm = calloc(k * (k + 1) / 2, sizeof(*a->pm));
		a->idx = calloc(k, sizeof(*a->idx));
		a->ip = calloc(k * (k + 1) / 2, sizeof(*a->ip));
		if (a->pm == NULL || a->idx == NULL || a->ip == NULL) {
			sq_covacc_free(a);
			return SQ_ENOMEM;
		}
	}
	*out = a;
	return SQ_OK;
}

/* y[0..n-1] += c x[0..n-1]; restrict lets the compiler vectorize it. */
static void
axpy(size_t n, double c, const double *restrict x, double *restrict y)
{
	size_t i;

	for (i = 0; i < n; i++)
		y[i] += c * x[i];
}

/* Add x to the listwise moments if it is complete; 0 if it is not. */
static int
add_listwise(sq_covacc *a, const double *x)
{
	size_t i, k = a->k;
	double f;

	for (i = 0; i < k; i++)
		if (isnan(x[i]))
			return 0;
	a->n += 1;
	f = (a->n - 1) / a->n;
	for (i = 0; i < k; i++)
		a->d[i] = x[i] - a->mean[i];
	for (i = 0; i < k; i++) {
		axpy(k - i, f * a->d[i], a->d + i, a->com + i * k + i);
		a->mean[i] += a->d[i] / a->n;
	}
	return 1;
}

static void
add_pairwise(sq_covacc *a, const double *x)
{
	size_t i, j, m = 0, k = a->k;
	struct pairmom *p;
	double di, dj, xi, r, f;

	for (i = 0; i < k; i++)
		if (!isnan(x[i]))
			a->idx[m++] = i;
	/* Welford: with r = 1/n, mean += d r and co-moment += (1 - r) d d' */
	for (i = 0; i < m; i++) {
		xi = x[a->idx[i]];
		p = a->pm + pidx(k, a->idx[i], a->idx[i]);
		p->n += 1;
		r = 1 / p->n;
		di = xi - p->mi;
		p->mi += di * r;
		p->sii += (1 - r) * di * di;
		p->mj = p->mi;
		p->sjj = p->sij = p->sii;
		for (j = i + 1; j < m; j++) {
			p = a->pm + pidx(k, a->idx[i], a->idx[j]);
			p->n += 1;
			r = 1 / p->n;
			f = 1 - r;
			di = xi - p->mi;
			dj = x[a->idx[j]] - p->mj;
			p->mi += di * r;
			p->mj += dj * r;
			p->sii += f * di * di;
			p->sjj += f * dj * dj;
			p->sij += f * di * dj;
		}
	}
}

/* Co-moment n sxy - sx sy over n, from integer sums, always the same way. */
static double
icom(long long n, long long sx, long long sy, long long sxy)
{
	__int128 num = (__int128)n * sxy - (__int128)sx * sy;

	return (double)((long double)num / (long double)n);
}

/* Pair moments of integer sums. */
static struct pairmom
from_ipair(const struct ipair *q)
{
	struct pairmom p;

	memset(&p, 0, sizeof(p));
	if (q->n == 0)
		return p;
	p.n = (double)q->n;
	p.mi = (double)((long double)q->si / (long double)q->n);
	p.mj = (double)((long double)q->sj / (long double)q->n);
	p.sii = icom(q->n, q->si, q->si, q->sii);
	p.sjj = icom(q->n, q->sj, q->sj, q->sjj);
	p.sij = icom(q->n, q->si, q->sj, q->sij);
	return p;
}

/* The listwise integer sums of pair (i, j), i <= j. */
static struct ipair
listwise_ipair(const sq_covacc *a, size_t i, size_t j)
{
	struct ipair q;

	q.n = (long long)a->n;
	q.si = a->isum[i];
	q.sj = a->isum[j];
	q.sii = a->ixy[i * a->k + i];
	q.sjj = a->ixy[j * a->k + j];
	q.sij = a->ixy[i * a->k + j];
	return q;
}

/* Turn the integer sums into running moments. */
static void
to_running(sq_covacc *a)
{
	size_t i, j, k = a->k;
	struct ipair q;
	struct pairmom p;

	if (a->inexact)
		return;
	if (a->n > 0)
		for (i = 0; i < k; i++)
			for (j = i; j < k; j++) {
				q = listwise_ipair(a, i, j);
				p = from_ipair(&q);
				a->mean[i] = p.mi;
				a->com[i * k + j] = p.sij;
			}
	if (a->pairwise)
		for (i = 0; i < k * (k + 1) / 2; i++)
			a->pm[i] = from_ipair(&a->ip[i]);
	a->inexact = 1;
}

/* x as integers into a->ix if every present value is a small integer. */
static int
integral(sq_covacc *a, const double *x)
{
	size_t i;

	if (a->inexact || a->seen >= EXACT_NMAX)
		return 0;
	for (i = 0; i < a->k; i++) {
		if (isnan(x[i])) {
			a->ix[i] = 0;
			continue;
		}
		/* in range, so the conversion is defined; no floor() call */
		if (!(x[i] >= -EXACT_MAX && x[i] <= EXACT_MAX) ||
		    (double)(a->ix[i] = (long long)x[i]) != x[i])
			return 0;
	}
	return 1;
}

static void
add_exact(sq_covacc *a, const double *x)
{
	size_t i, j, m = 0, k = a->k;
	const long long *ix = a->ix;
	struct ipair *q;
	long long xi, xj;

	for (i = 0; i < k; i++)
		if (isnan(x[i]))
			break;
	if (i == k) {
		a->n += 1;
		for (i = 0; i < k; i++) {
			long long *row = a->ixy + i * k;

			xi = ix[i];
			a->isum[i] += xi;
			for (j = i; j < k; j++)
				row[j] += xi * ix[j];
		}
		return;
	}
	if (!a->pairwise)
		return;
	for (i = 0; i < k; i++)
		if (!isnan(x[i]))
			a->idx[m++] = i;
	for (i = 0; i < m; i++) {
		xi = ix[a->idx[i]];
		q = a->ip + pidx(k, a->idx[i], a->idx[i]);
		q->n++;
		q->si += xi;
		q->sj += xi;
		q->sii += xi * xi;
		q->sjj += xi * xi;
		q->sij += xi * xi;
		for (j = i + 1; j < m; j++) {
			xj = ix[a->idx[j]];
			q = a->ip + pidx(k, a->idx[i], a->idx[j]);
			q->n++;
			q->si += xi;
			q->sj += xj;
			q->sii += xi * xi;
			q->sjj += xj * xj;
			q->sij += xi * xj;
		}
	}
}

void
sq_covacc_add(sq_covacc *a, const double *x)
{
	if (integral(a, x)) {
		add_exact(a, x);
		a->seen += 1;
		return;
	}
	to_running(a);
	a->seen += 1;
	if (!add_listwise(a, x) && a->pairwise)
		add_pairwise(a, x);
}

/* Chan et al.: fold pair moments b into a. */
static void
merge_pm(struct pairmom *a, const struct pairmom *b)
{
	double n, di, dj, f;

	if (b->n == 0)
		return;
	if (a->n == 0) {
		*a = *b;
		return;
	}
	n = a->n + b->n;
	di = b->mi - a->mi;
	dj = b->mj - a->mj;
	f = a->n * b->n / n;
	a->sii += b->sii + di * di * f;
	a->sjj += b->sjj + dj * dj * f;
	a->sij += b->sij + di * dj * f;
	a->mi += di * b->n / n;
	a->mj += dj * b->n / n;
	a->n = n;
}

int
sq_covacc_merge(sq_covacc *a, const sq_covacc *b)
{
	size_t i, j, k = a->k;
	double n, f;
	sq_covacc *c = NULL;
	int rc;

	if (a->k != b->k || a->pairwise != b->pairwise)
		return SQ_EUSAGE;
	if (!a->inexact && !b->inexact &&
	    a->seen + b->seen < EXACT_NMAX) {
		a->seen += b->seen;
		a->n += b->n;
		for (i = 0; i < k; i++)
			a->isum[i] += b->isum[i];
		for (i = 0; i < k * k; i++)
			a->ixy[i] += b->ixy[i];
		if (a->pairwise)
			for (i = 0; i < k * (k + 1) / 2; i++) {
				a->ip[i].n += b->ip[i].n;
				a->ip[i].si += b->ip[i].si;
				a->ip[i].sj += b->ip[i].sj;
				a->ip[i].sii += b->ip[i].sii;
				a->ip[i].sjj += b->ip[i].sjj;
				a->ip[i].sij += b->ip[i].sij;
			}
		return SQ_OK;
	}
	to_running(a);
	if (!b->inexact) {
		/* running moments of a copy of b */
		if ((rc = sq_covacc_new(k, b->pairwise, &c)) != SQ_OK)
			return rc;
		rc = sq_covacc_merge(c, b);
		to_running(c);
		if (rc != SQ_OK) {
			sq_covacc_free(c);
			return rc;
		}
		b = c;
	}
	a->seen += b->seen;
	if (a->pairwise)
		for (i = 0; i < k * (k + 1) / 2; i++)
			merge_pm(&a->pm[i], &b->pm[i]);
	if (b->n == 0) {
		sq_covacc_free(c);
		return SQ_OK;
	}
	if (a->n == 0) {
		a->n = b->n;
		memcpy(a->mean, b->mean, k * sizeof(*a->mean));
		memcpy(a->com, b->com, k * k * sizeof(*a->com));
		sq_covacc_free(c);
		return SQ_OK;
	}
	n = a->n + b->n;
	f = a->n * b->n / n;
	for (i = 0; i < k; i++)
		a->d[i] = b->mean[i] - a->mean[i];
	for (i = 0; i < k; i++) {
		for (j = i; j < k; j++)
			a->com[i * k + j] += b->com[i * k + j] +
			    a->d[i] * a->d[j] * f;
		a->mean[i] += a->d[i] * b->n / n;
	}
	a->n = n;
	sq_covacc_free(c);
	return SQ_OK;
}

/* The moments of pair (i, j), i <= j: listwise part plus pairwise part. */
static struct pairmom
get(const sq_covacc *a, size_t i, size_t j)
{
	struct pairmom p;
	struct ipair q, r;

	if (!a->inexact) {
		/* listwise and pairwise sums add up exactly */
		q = listwise_ipair(a, i, j);
		if (a->pairwise) {
			r = a->ip[pidx(a->k, i, j)];
			q.n += r.n;
			q.si += r.si;
			q.sj += r.sj;
			q.sii += r.sii;
			q.sjj += r.sjj;
			q.sij += r.sij;
		}
		return from_ipair(&q);
	}
	p.n = a->n;
	p.mi = a->mean[i];
	p.mj = a->mean[j];
	p.sii = a->com[i * a->k + i];
	p.sjj = a->com[j * a->k + j];
	p.sij = a->com[i * a->k + j];
	if (a->pairwise)
		merge_pm(&p, &a->pm[pidx(a->k, i, j)]);
	return p;
}

/* Cases of the pairwise part of pair (i, j). */
static double
pcount(const sq_covacc *a, size_t i, size_t j)
{
	if (!a->pairwise)
		return 0;
	if (!a->inexact)
		return (double)a->ip[pidx(a->k, i, j)].n;
	return a->pm[pidx(a->k, i, j)].n;
}

double
sq_covacc_seen(const sq_covacc *a)
{
	return a->seen;
}

double
sq_covacc_n(const sq_covacc *a)
{
	size_t i, j;
	double m = a->n, c;

	if (!a->pairwise)
		return a->n;
	for (i = 0; i < a->k; i++)
		for (j = i; j < a->k; j++) {
			c = a->n + pcount(a, i, j);
			if ((i == 0 && j == 0) || c < m)
				m = c;
		}
	return m;
}

size_t
sq_covacc_k(const sq_covacc *a)
{
	return a->k;
}

int
sq_covacc_pairn(const sq_covacc *a, double *n)
{
	size_t i, j, k = a->k;
	double c;

	for (i = 0; i < k; i++)
		for (j = i; j < k; j++) {
			c = a->n + pcount(a, i, j);
			n[i * k + j] = n[j * k + i] = c;
		}
	return SQ_OK;
}

int
sq_covacc_cov(const sq_covacc *a, double *cov)
{
	size_t i, j, k = a->k;
	struct pairmom p;

	for (i = 0; i < k; i++)
		for (j = i; j < k; j++) {
			p = get(a, i, j);
			cov[i * k + j] = cov[j * k + i] =
			    p.n < 2 ? NAN : p.sij / (p.n - 1);
		}
	return SQ_OK;
}

/* r from three co-moments, clamped to [-1, 1] as R does. */
static double
corr(double n, double sii, double sjj, double sij)
{
	double r;

	if (n < 2 || !(sii > 0) || !(sjj > 0))
		return NAN;
	r = sij / sqrt(sii * sjj);
	if (r > 1)
		r = 1;
	else if (r < -1)
		r = -1;
	return r;
}

int
sq_covacc_cor(const sq_covacc *a, double *cor)
{
	size_t i, j, k = a->k;
	struct pairmom p;

	for (i = 0; i < k; i++) {
		p = get(a, i, i);
		/* R puts 1 on the diagonal, even for a constant variable */
		cor[i * k + i] = p.n < 2 ? NAN : 1;
		for (j = i + 1; j < k; j++) {
			p = get(a, i, j);
			cor[i * k + j] = cor[j * k + i] =
			    corr(p.n, p.sii, p.sjj, p.sij);
		}
	}
	return SQ_OK;
}

int
sq_covacc_means(const sq_covacc *a, double *mean)
{
	size_t i;
	struct pairmom p;

	for (i = 0; i < a->k; i++) {
		p = get(a, i, i);
		mean[i] = p.n > 0 ? p.mi : NAN;
	}
	return SQ_OK;
}

void
sq_covacc_free(sq_covacc *a)
{
	if (a == NULL)
		return;
	free(a->mean);
	free(a->com);
	free(a->d);
	free(a->pm);
	free(a->idx);
	free(a->isum);
	free(a->ixy);
	free(a->ix);
	free(a->ip);
	free(a);
}
