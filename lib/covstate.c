/*
 * The covariance accumulator's partial-result body (covstate.h): every
 * figure written so that it reads back to the same bits, every line of a
 * state checked and every figure bounded before it is trusted; the body
 * is read into an accumulator of its own and folded with
 * sq_covacc_merge, so a bad state leaves the caller's untouched.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/covstate.h"
#include "servqual/instrument.h"

#include "covacc_int.h"

/* Running moments: means within twice the largest scale, variances
   within the square of the widest gap range. */
#define MEAN_MAX (2.0 * SQ_SCALE_LIMIT)
#define VAR_MAX (16.0 * SQ_SCALE_LIMIT * SQ_SCALE_LIMIT)

static size_t
pidx(size_t k, size_t i, size_t j)
{
	return i * k - i * (i - 1) / 2 + (j - i);
}

int
sq_covacc_state_write_body(FILE *fp, const sq_covacc *a)
{
	size_t i, j, k = a->k, m = 0;

	fprintf(fp, "covacc %zu %d %d\nseen %.0f\nn %.0f\n", k, a->pairwise,
	    a->inexact, a->seen, a->n);
	if (!a->inexact) {
		fputs("sum", fp);
		for (i = 0; i < k; i++)
			fprintf(fp, " %lld", a->isum[i]);
		fputc('\n', fp);
		for (i = 0; i < k; i++) {
			fprintf(fp, "xy %zu", i);
			for (j = i; j < k; j++)
				fprintf(fp, " %lld", a->ixy[i * k + j]);
			fputc('\n', fp);
		}
		for (i = 0; a->pairwise && i < k * (k + 1) / 2; i++)
			m += a->ip[i].n > 0;
		fprintf(fp, "pairs %zu\n", m);
		for (i = 0; a->pairwise && i < k; i++)
			for (j = i; j < k; j++) {
				const struct ipair *q = &a->ip[pidx(k, i, j)];

				if (q->n > 0)
					fprintf(fp, "pair %zu %zu %lld %lld "
					    "%lld %lld %lld %lld\n", i, j,
					    q->n, q->si, q->sj, q->sii,
					    q->sjj, q->sij);
			}
		return ferror(fp) ? SQ_EIO : SQ_OK;
	}
	fputs("mean", fp);
	for (i = 0; i < k; i++)
		fprintf(fp, " %a", a->mean[i]);
	fputc('\n', fp);
	for (i = 0; i < k; i++) {
		fprintf(fp, "com %zu", i);
		for (j = i; j < k; j++)
			fprintf(fp, " %a", a->com[i * k + j]);
		fputc('\n', fp);
	}
	for (i = 0; a->pairwise && i < k * (k + 1) / 2; i++)
		m += a->pm[i].n > 0;
	fprintf(fp, "pairs %zu\n", m);
	for (i = 0; a->pairwise && i < k; i++)
		for (j = i; j < k; j++) {
			const struct pairmom *p = &a->pm[pidx(k, i, j)];

			if (p->n > 0)
				fprintf(fp, "pair %zu %zu %.0f %a %a %a %a "
				    "%a\n", i, j, p->n, p->mi, p->mj, p->sii,
				    p->sjj, p->sij);
		}
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

/* Reading. */

static __int128
abs128(__int128 v)
{
	return v < 0 ? -v : v;
}

/* An integer sum of n values of at most 2^p in size: into *v, or -1. */
static int
isum(const char *s, double n, int p, long long *v)
{
	__int128 x;

	if (sq_state_i128(s, &x) || abs128(x) > (__int128)n << p)
		return -1;
	*v = (long long)x;
	return 0;
}

/* n x x - x x >= 0: a sum of squares sxx that sums sx of n values have. */
static int
ivar_ok(long long n, long long sx, long long sxx)
{
	return (__int128)n * sxx - (__int128)sx * sx >= 0;
}

/* A finite figure within lim in size: into *v, or -1. */
static int
fig(const char *s, double lim, double *v)
{
	return sq_state_dbl(s, v) || !isfinite(*v) || fabs(*v) > lim ? -1 : 0;
}

/* "<key> <i> <k - i figures>": the line of row i. */
static int
row(sq_state_rd *r, const char *key, size_t i, size_t k)
{
	unsigned long long u;
	int rc;

	if ((rc = sq_state_expect(r, key, (int)(k - i + 1))) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], k, &u) || u != i)
		return sq_state_bad(r, "a row out of order");
	return SQ_OK;
}

static int
read_exact(sq_state_rd *r, sq_covacc *b)
{
	size_t i, j, k = b->k;
	long long v;
	int rc;

	if ((rc = sq_state_expect(r, "sum", (int)k)) != SQ_OK)
		return rc;
	for (i = 0; i < k; i++)
		if (isum(r->tok[1 + i], b->n, 10, &b->isum[i]))
			return sq_state_bad(r, "a sum out of range");
	for (i = 0; i < k; i++) {
		if ((rc = row(r, "xy", i, k)) != SQ_OK)
			return rc;
		for (j = i; j < k; j++) {
			if (isum(r->tok[2 + j - i], b->n, 20, &v))
				return sq_state_bad(r,
				    "a sum of products out of range");
			b->ixy[i * k + j] = v;
		}
		if (!ivar_ok((long long)b->n, b->isum[i], b->ixy[i * k + i]))
			return sq_state_bad(r, "a negative variance");
	}
	return SQ_OK;
}

static int
read_running(sq_state_rd *r, sq_covacc *b)
{
	size_t i, j, k = b->k;
	int rc;

	if ((rc = sq_state_expect(r, "mean", (int)k)) != SQ_OK)
		return rc;
	for (i = 0; i < k; i++)
		if (fig(r->tok[1 + i], MEAN_MAX, &b->mean[i]))
			return sq_state_bad(r, "a mean out of range");
	for (i = 0; i < k; i++) {
		if ((rc = row(r, "com", i, k)) != SQ_OK)
			return rc;
		for (j = i; j < k; j++)
			if (fig(r->tok[2 + j - i], b->n * VAR_MAX,
			    &b->com[i * k + j]))
				return sq_state_bad(r,
				    "a co-moment out of range");
		if (!(b->com[i * k + i] >= 0))
			return sq_state_bad(r, "a negative variance");
	}
	return SQ_OK;
}

/* One "pair" line of the exact or running kind into b. */
static int
read_pair(sq_state_rd *r, sq_covacc *b, size_t i, size_t j, double n)
{
	struct ipair *q;
	struct pairmom *p;
	const char *const *t = (const char *const *)r->tok + 4;

	if (!b->inexact) {
		q = &b->ip[pidx(b->k, i, j)];
		q->n = (long long)n;
		if (isum(t[0], n, 10, &q->si) || isum(t[1], n, 10, &q->sj) ||
		    isum(t[2], n, 20, &q->sii) || isum(t[3], n, 20, &q->sjj) ||
		    isum(t[4], n, 20, &q->sij))
			return sq_state_bad(r, "a sum out of range");
		if (!ivar_ok(q->n, q->si, q->sii) ||
		    !ivar_ok(q->n, q->sj, q->sjj))
			return sq_state_bad(r, "a negative variance");
		if (i == j && (q->si != q->sj || q->sii != q->sjj ||
		    q->sii != q->sij))
			return sq_state_bad(r, "a variable's own pair differs "
			    "from itself");
		return SQ_OK;
	}
	p = &b->pm[pidx(b->k, i, j)];
	p->n = n;
	if (fig(t[0], MEAN_MAX, &p->mi) || fig(t[1], MEAN_MAX, &p->mj) ||
	    fig(t[2], n * VAR_MAX, &p->sii) ||
	    fig(t[3], n * VAR_MAX, &p->sjj) ||
	    fig(t[4], n * VAR_MAX, &p->sij))
		return sq_state_bad(r, "a moment out of range");
	if (!(p->sii >= 0 && p->sjj >= 0))
		return sq_state_bad(r, "a negative variance");
	if (i == j && (p->mi != p->mj || p->sii != p->sjj ||
	    p->sii != p->sij))
		return sq_state_bad(r, "a variable's own pair differs from "
		    "itself");
	return SQ_OK;
}

static int
read_pairs(sq_state_rd *r, sq_covacc *b)
{
	unsigned long long m, l, i, j, last = 0;
	size_t k = b->k, idx;
	double n;
	int rc;

	if ((rc = sq_state_expect(r, "pairs", 1)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], b->pairwise ? k * (k + 1) / 2 : 0, &m))
		return sq_state_bad(r, b->pairwise ? "too many pairs" :
		    "pairs in a listwise state");
	for (l = 0; l < m; l++) {
		if ((rc = sq_state_expect(r, "pair", 8)) != SQ_OK)
			return rc;
		if (sq_state_u64(r->tok[1], k - 1, &i) ||
		    sq_state_u64(r->tok[2], k - 1, &j) || j < i)
			return sq_state_bad(r, "a pair out of range");
		idx = pidx(k, (size_t)i, (size_t)j);
		if (l > 0 && idx <= last)
			return sq_state_bad(r, "pairs out of order");
		last = idx;
		if (sq_state_count(r->tok[3], &n) || n < 1 ||
		    n > b->seen - b->n)
			return sq_state_bad(r, "a pair's count out of range");
		if ((rc = read_pair(r, b, (size_t)i, (size_t)j, n)) != SQ_OK)
			return rc;
	}
	return SQ_OK;
}

int
sq_covacc_state_read_body(sq_state_rd *r, sq_covacc *a)
{
	unsigned long long k, pw, inexact;
	sq_covacc *b = NULL;
	double seen, n;
	int rc;

	if ((rc = sq_state_expect(r, "covacc", 3)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], 65536, &k) || k != a->k)
		return sq_state_bad(r, "not the number of variables");
	if (sq_state_u64(r->tok[2], 1, &pw) || (int)pw != a->pairwise)
		return sq_state_bad(r, "not the same pairwise or listwise "
		    "accumulator");
	if (sq_state_u64(r->tok[3], 1, &inexact))
		return sq_state_bad(r, "exactness flag not 0 or 1");
	if ((rc = sq_state_expect(r, "seen", 1)) != SQ_OK)
		return rc;
	if (sq_state_count(r->tok[1], &seen) ||
	    (!inexact && seen >= EXACT_NMAX))
		return sq_state_bad(r, "a count out of range");
	if ((rc = sq_state_expect(r, "n", 1)) != SQ_OK)
		return rc;
	if (sq_state_count(r->tok[1], &n) || n > seen)
		return sq_state_bad(r, "more complete cases than seen");
	if ((rc = sq_covacc_new(a->k, a->pairwise, &b)) != SQ_OK)
		return rc;
	b->inexact = (int)inexact;
	b->seen = seen;
	b->n = n;
	if ((rc = inexact ? read_running(r, b) : read_exact(r, b)) == SQ_OK &&
	    (rc = read_pairs(r, b)) == SQ_OK)
		rc = sq_covacc_merge(a, b);
	sq_covacc_free(b);
	return rc;
}

int
sq_factor_state_read_body(sq_state_rd *r, sq_covacc *a)
{
	return sq_covacc_state_read_body(r, a);
}

int
sq_cfa_state_read_body(sq_state_rd *r, sq_covacc *a)
{
	return sq_covacc_state_read_body(r, a);
}
