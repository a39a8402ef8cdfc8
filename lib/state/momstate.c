/*
 * Pieces of accumulators as lines of a state (momstate.h): a paired
 * moment, the counts of distinct values.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/momstate.h"

void
sq_state_put_pairmom(FILE *fp, const sq_pairmom *m)
{
	fprintf(fp, "mom %a %d %lld", m->n, m->inexact, m->den);
	sq_state_put_i128(fp, m->xe);
	sq_state_put_i128(fp, m->xp);
	sq_state_put_i128(fp, m->xd2);
	fprintf(fp, " %a %a %a %a\n", m->me, m->mp, m->md, m->m2d);
}

static __int128
abs128(__int128 v)
{
	return v < 0 ? -v : v;
}

int
sq_state_read_pairmom(sq_state_rd *r, sq_pairmom *m)
{
	unsigned long long u;
	__int128 n, lim;
	int rc;

	if ((rc = sq_state_expect(r, "mom", 10)) != SQ_OK)
		return rc;
	memset(m, 0, sizeof(*m));
	if (sq_state_count(r->tok[1], &m->n))
		return sq_state_bad(r, "a count out of range");
	if (sq_state_u64(r->tok[2], 1, &u))
		return sq_state_bad(r, "exactness flag not 0 or 1");
	m->inexact = (int)u;
	if (sq_state_u64(r->tok[3], (1ULL << 62), &u))
		return sq_state_bad(r, "a denominator out of range");
	m->den = (long long)u;
	if (sq_state_i128(r->tok[4], &m->xe) ||
	    sq_state_i128(r->tok[5], &m->xp) ||
	    sq_state_i128(r->tok[6], &m->xd2))
		return sq_state_bad(r, "an integer sum out of range");
	if (sq_state_dbl(r->tok[7], &m->me) || sq_state_dbl(r->tok[8],
	    &m->mp) || sq_state_dbl(r->tok[9], &m->md) ||
	    sq_state_dbl(r->tok[10], &m->m2d) || !isfinite(m->me) ||
	    !isfinite(m->mp) || !isfinite(m->md) || !isfinite(m->m2d))
		return sq_state_bad(r, "a number that is not one");
	if (m->inexact) {
		if (m->den != 0 || m->xe != 0 || m->xp != 0 || m->xd2 != 0 ||
		    m->m2d < 0)
			return sq_state_bad(r,
			    "integer sums in running moments");
		return SQ_OK;
	}
	/* exact: the sums must be ones n bounded pairs can have */
	if ((m->n > 0) != (m->den > 0) || m->n >= SQ_EXACT_MAX ||
	    m->me != 0 || m->mp != 0 || m->md != 0 || m->m2d != 0)
		return sq_state_bad(r, "inconsistent exact sums");
	n = (__int128)(long long)m->n;
	lim = n * ((__int128)1 << 40);
	if (abs128(m->xe) > lim || abs128(m->xp) > lim || m->xd2 < 0 ||
	    m->xd2 > lim * ((__int128)1 << 42))
		return sq_state_bad(r, "an integer sum out of range");
	return SQ_OK;
}

int
sq_state_put_values(FILE *fp, const char *head, const sq_valcount *m)
{
	double *v = NULL;
	unsigned long long *c = NULL;
	size_t j;

	if (sq_valcount_sorted(m, &v, &c) != SQ_OK)
		return SQ_ENOMEM;
	fprintf(fp, "%s %zu\n", head, m->n);
	for (j = 0; j < m->n; j++)
		fprintf(fp, "%a %llu\n", v[j], c[j]);
	free(v);
	free(c);
	return SQ_OK;
}

int
sq_state_read_values(sq_state_rd *r, unsigned long long k, double resp,
    sq_valcount *m)
{
	unsigned long long j, u;
	double x, prev = 0, sum = 0;
	int rc;

	for (j = 0; j < k; j++) {
		if ((rc = sq_state_next(r)) != SQ_OK)
			return rc;
		if (r->ntok != 2)
			return sq_state_bad(r, "wrong number of fields");
		if (sq_state_dbl(r->tok[0], &x) || !isfinite(x))
			return sq_state_bad(r,
			    "a value that is not a finite number");
		if (j > 0 && !(x > prev))
			return sq_state_bad(r,
			    "values not strictly increasing");
		if (sq_state_u64(r->tok[1], (1ULL << 46), &u) || u == 0)
			return sq_state_bad(r, "a count out of range");
		if ((sum += (double)u) > resp)
			return sq_state_bad(r, "more counts than respondents");
		if (sq_valcount_add(m, x, u) != SQ_OK)
			return sq_error_set(r->err, SQ_ENOMEM, r->name, r->line,
			    0, NULL, "out of memory");
		prev = x;
	}
	return SQ_OK;
}
