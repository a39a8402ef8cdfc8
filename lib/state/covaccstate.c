/*
 * The covariance accumulator in a partial-result state (the lines
 * covacc.h describes): written so that they read back to the same sums,
 * read as hostile input (every size checked against the accumulator,
 * every sum bounded by what its count of whole answers can reach) into
 * a fresh accumulator that is then folded in by sq_covacc_merge.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/covacc.h"
#include "servqual/state.h"
#include "covacc_int.h"

static const char *const pfield[6] = { "n", "si", "sj", "sii", "sjj", "sij" };
static const char *const mfield[6] = { "n", "mi", "mj", "sii", "sjj", "sij" };

/* Field f of integer pair sums q. */
static long long *
ifield(struct ipair *q, int f)
{
	long long *v[6] = { &q->n, &q->si, &q->sj, &q->sii, &q->sjj, &q->sij };

	return v[f];
}

/* Field f of running pair moments p. */
static double *
mfieldp(struct pairmom *p, int f)
{
	double *v[6] = { &p->n, &p->mi, &p->mj, &p->sii, &p->sjj, &p->sij };

	return v[f];
}

int
sq_covacc_state_write(FILE *fp, const sq_covacc *a)
{
	size_t i, j, k = a->k, row;
	int f;

	fprintf(fp, "covacc %zu %d %d %.0f %.0f\n", k, a->pairwise,
	    !a->inexact, a->seen, a->n);
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
	} else {
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
	}
	for (i = 0, row = 0; a->pairwise && i < k; row += k - i, i++)
		for (f = 0; f < 6; f++) {
			fprintf(fp, "%s %zu %s", a->inexact ? "pm" : "pair", i,
			    a->inexact ? mfield[f] : pfield[f]);
			for (j = 0; j < k - i; j++)
				if (a->inexact)
					fprintf(fp, " %a",
					    *mfieldp(&a->pm[row + j], f));
				else
					fprintf(fp, " %lld",
					    *ifield(&a->ip[row + j], f));
			fputc('\n', fp);
		}
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

/* Reading. */

/*
 * The next line: key, then row i (when i >= 0) and field name fname
 * (when not NULL), then n values; *first is the index of the first value.
 */
static int
expect_row(sq_state_rd *r, const char *key, long i, const char *fname,
    size_t n, size_t *first)
{
	unsigned long long u;
	size_t at = 1;
	int rc;

	if ((rc = sq_state_expect(r, key, -1)) != SQ_OK)
		return rc;
	if (i >= 0) {
		if (r->ntok < 2 || sq_state_u64(r->tok[1], 1ULL << 20, &u) ||
		    u != (unsigned long)i)
			return sq_state_bad(r, "a row out of order");
		at++;
	}
	if (fname != NULL) {
		if (r->ntok < at + 1 || strcmp(r->tok[at], fname) != 0)
			return sq_state_bad(r, "a field out of order");
		at++;
	}
	if (r->ntok != at + n)
		return sq_state_bad(r, "wrong number of fields");
	*first = at;
	return SQ_OK;
}

static __int128
abs128(__int128 v)
{
	return v < 0 ? -v : v;
}

/* A whole sum s with |s| <= lim (nonneg: 0 <= s) into *v. */
static int
get_sum(sq_state_rd *r, const char *s, __int128 lim, int nonneg,
    long long *v)
{
	__int128 x;

	if (sq_state_i128(s, &x) || abs128(x) > lim || (nonneg && x < 0))
		return sq_state_bad(r, "an integer sum out of range");
	*v = (long long)x;
	return SQ_OK;
}

/* A finite double (count: a whole count <= max) into *v. */
static int
get_dbl(sq_state_rd *r, const char *s, int count, double max, double *v)
{
	if (count ? sq_state_count(s, v) || *v > max :
	    sq_state_dbl(s, v) || !isfinite(*v))
		return sq_state_bad(r, count ? "a count out of range" :
		    "a number that is not a finite one");
	return SQ_OK;
}

static int
read_exact(sq_state_rd *r, sq_covacc *b)
{
	size_t i, j, k = b->k, at, row;
	__int128 n = (__int128)b->n, m1 = n * EXACT_MAX,
	    m2 = m1 * EXACT_MAX, pn;
	int f, rc;

	if ((rc = expect_row(r, "sum", -1, NULL, k, &at)) != SQ_OK)
		return rc;
	for (i = 0; i < k; i++)
		if ((rc = get_sum(r, r->tok[at + i], m1, 0,
		    &b->isum[i])) != SQ_OK)
			return rc;
	for (i = 0; i < k; i++) {
		if ((rc = expect_row(r, "xy", (long)i, NULL, k - i, &at)) !=
		    SQ_OK)
			return rc;
		for (j = i; j < k; j++)
			if ((rc = get_sum(r, r->tok[at + j - i], m2, j == i,
			    &b->ixy[i * k + j])) != SQ_OK)
				return rc;
	}
	for (i = 0, row = 0; b->pairwise && i < k; row += k - i, i++)
		for (f = 0; f < 6; f++) {
			if ((rc = expect_row(r, "pair", (long)i, pfield[f],
			    k - i, &at)) != SQ_OK)
				return rc;
			for (j = 0; j < k - i; j++) {
				struct ipair *q = &b->ip[row + j];

				/* a pair's cases: rows not complete */
				pn = f == 0 ? (__int128)(b->seen - b->n) :
				    q->n;
				if ((rc = get_sum(r, r->tok[at + j],
				    f == 0 ? pn : f < 3 ? pn * EXACT_MAX :
				    pn * EXACT_MAX * EXACT_MAX, f == 0 ||
				    f == 3 || f == 4, ifield(q, f))) != SQ_OK)
					return rc;
			}
		}
	return SQ_OK;
}

/* running means at most this large (co-moments its square): no answer
 * an export holds comes near, and sums of such stay finite */
#define RUN_MAX 1e100

static int
read_running(sq_state_rd *r, sq_covacc *b)
{
	size_t i, j, k = b->k, at, row;
	int f, rc;

	if ((rc = expect_row(r, "mean", -1, NULL, k, &at)) != SQ_OK)
		return rc;
	for (i = 0; i < k; i++)
		if ((rc = get_dbl(r, r->tok[at + i], 0, 0, &b->mean[i])) !=
		    SQ_OK)
			return rc;
		else if (!(fabs(b->mean[i]) <= RUN_MAX))
			return sq_state_bad(r, "a mean out of range");
	for (i = 0; i < k; i++) {
		if ((rc = expect_row(r, "com", (long)i, NULL, k - i, &at)) !=
		    SQ_OK)
			return rc;
		for (j = i; j < k; j++) {
			double *c = &b->com[i * k + j];

			if ((rc = get_dbl(r, r->tok[at + j - i], 0, 0, c)) !=
			    SQ_OK)
				return rc;
			/* a sum of squares on the diagonal */
			if (!(fabs(*c) <= RUN_MAX * RUN_MAX) ||
			    (j == i && *c < 0))
				return sq_state_bad(r,
				    "co-moments no data can have");
		}
	}
	/* and Cauchy-Schwarz off it (rounding allowed for) */
	for (i = 0; i < k; i++)
		for (j = i + 1; j < k; j++)
			if (fabs(b->com[i * k + j]) > 1.000001 *
			    sqrt(b->com[i * k + i] * b->com[j * k + j]) +
			    1e-9)
				return sq_state_bad(r,
				    "co-moments no data can have");
	for (i = 0, row = 0; b->pairwise && i < k; row += k - i, i++)
		for (f = 0; f < 6; f++) {
			if ((rc = expect_row(r, "pm", (long)i, mfield[f],
			    k - i, &at)) != SQ_OK)
				return rc;
			for (j = 0; j < k - i; j++)
				if ((rc = get_dbl(r, r->tok[at + j], f == 0,
				    b->seen - b->n,
				    mfieldp(&b->pm[row + j], f))) != SQ_OK)
					return rc;
		}
	return SQ_OK;
}

int
sq_covacc_state_read(sq_state_rd *r, sq_covacc *a)
{
	unsigned long long u, pw, exact;
	sq_covacc *b;
	int rc;

	if ((rc = sq_state_expect(r, "covacc", 5)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], 1ULL << 20, &u) || u != a->k)
		return sq_state_bad(r, "moments of another number of items");
	if (sq_state_u64(r->tok[2], 1, &pw) || (int)pw != a->pairwise)
		return sq_state_bad(r, "pairwise and listwise moments mixed");
	if (sq_state_u64(r->tok[3], 1, &exact))
		return sq_state_bad(r, "exactness flag not 0 or 1");
	if ((rc = sq_covacc_new(a->k, a->pairwise, &b)) != SQ_OK)
		return rc;
	if (get_dbl(r, r->tok[4], 1, exact ? EXACT_NMAX - 1 : SQ_STATE_NMAX,
	    &b->seen) != SQ_OK || get_dbl(r, r->tok[5], 1, b->seen,
	    &b->n) != SQ_OK) {
		sq_covacc_free(b);
		return SQ_EPARSE;
	}
	b->inexact = !exact;
	rc = exact ? read_exact(r, b) : read_running(r, b);
	if (rc == SQ_OK)
		rc = sq_covacc_merge(a, b);
	sq_covacc_free(b);
	return rc;
}
