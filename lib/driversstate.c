/*
 * sq-drivers' partial-result state (driversstate.h): every figure printed
 * so that the reader gets the same bits back, every line checked and
 * every size bounded before it is trusted.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/driversstate.h"
#include "drivers_int.h"

#define NMAX	SQ_STATE_NMAX
#define X2MAX	((__int128)DRV_XMAX * DRV_XMAX)

static void
put_model(FILE *fp, int m, const struct drv_mom *a, size_t q)
{
	size_t i, nc = q * (q + 1) / 2;

	fprintf(fp, "model %d %llu\nsums", m, a->n);
	for (i = 0; i < q; i++)
		sq_state_put_i128(fp, a->s[i]);
	fputs("\ncross", fp);
	for (i = 0; i < nc; i++)
		sq_state_put_i128(fp, a->ss[i]);
	fprintf(fp, "\nrunning %a", a->rn);
	for (i = 0; i < q; i++)
		fprintf(fp, " %a", a->rm[i]);
	fputs("\ncomoments", fp);
	for (i = 0; i < nc; i++)
		fprintf(fp, " %a", a->rc[i]);
	fputc('\n', fp);
}

static void
put_mom1(FILE *fp, const struct drv_mom1 *s)
{
	fprintf(fp, "mom %llu", s->n);
	sq_state_put_i128(fp, s->s);
	sq_state_put_i128(fp, s->ss);
	fprintf(fp, " %a %a %a\n", s->rn, s->rm, s->rm2);
}

int
sq_drivers_state_write_body(FILE *fp, const sq_drivers *a)
{
	size_t nd = a->nd, q = nd + 1, per = 2 * nd, i, d;
	int m;

	fprintf(fp, "drivers %zu %lld %d\nrespondents %a\n", nd, a->L,
	    SQ_DRV_YDEN, a->respondents);
	for (m = 0; m < SQ_DRV_NMODELS; m++)
		put_model(fp, m, &a->mod[m], q);
	fprintf(fp, "weights %zu %a\nwrun", a->ntot, a->wrn);
	for (d = 0; d < nd; d++)
		fprintf(fp, " %a", a->wrun[d]);
	fputc('\n', fp);
	for (i = 0; i < a->ntot; i++) {
		fprintf(fp, "total %lld %llu", a->tot[i].total, a->tot[i].n);
		for (d = 0; d < nd; d++)
			fprintf(fp, " %lld", a->tot[i].w[d]);
		fputc('\n', fp);
	}
	fprintf(fp, "groups %zu\ngroup all\n", a->nseg + 1);
	for (i = 0; i < per; i++)
		put_mom1(fp, &a->all[i]);
	for (i = 0; i < a->nseg; i++) {
		fputs("group seg", fp);
		/* hex: segment values may hold blanks, newlines, anything */
		sq_state_put_hex(fp, a->seg[i]);
		fputc('\n', fp);
		for (d = 0; d < per; d++)
			put_mom1(fp, &a->segmom[i * per + d]);
	}
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

/* Reading. */

static __int128
abs128(__int128 v)
{
	return v < 0 ? -v : v;
}

/* A whole count 0 <= v <= max (a decimal integer). */
static int
count_u(const char *s, double max, unsigned long long *v)
{
	return sq_state_u64(s, (unsigned long long)NMAX, v) != 0 ||
	    (double)*v > max ? -1 : 0;
}

/* A finite hex float (any number strtod reads). */
static int
finite_dbl(const char *s, double *v)
{
	return sq_state_dbl(s, v) != 0 || !isfinite(*v) ? -1 : 0;
}

static int
read_model(sq_state_rd *r, int m, size_t q, long long L, double resp,
    struct drv_mom *a)
{
	size_t nc = q * (q + 1) / 2, i, j;
	unsigned long long u;
	__int128 lim, lim2;
	int rc;

	memset(a, 0, sizeof(*a));
	if ((rc = sq_state_expect(r, "model", 2)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], SQ_DRV_NMODELS - 1, &u) || (int)u != m)
		return sq_state_bad(r, "expected the next model");
	if (count_u(r->tok[2], resp, &a->n) || (L == 0 && a->n > 0))
		return sq_state_bad(r, "a count out of range");
	lim = (__int128)a->n * DRV_XMAX;
	lim2 = (__int128)a->n * X2MAX;
	if ((rc = sq_state_expect(r, "sums", (int)q)) != SQ_OK)
		return rc;
	for (i = 0; i < q; i++)
		if (sq_state_i128(r->tok[1 + i], &a->s[i]) ||
		    abs128(a->s[i]) > lim)
			return sq_state_bad(r, "an integer sum out of range");
	if ((rc = sq_state_expect(r, "cross", (int)nc)) != SQ_OK)
		return rc;
	for (i = 0; i < q; i++)
		for (j = i; j < q; j++) {
			__int128 *v = &a->ss[DRV_UT(q, i, j)];

			if (sq_state_i128(r->tok[1 + DRV_UT(q, i, j)], v) ||
			    abs128(*v) > lim2 || (i == j && *v < 0))
				return sq_state_bad(r,
				    "an integer sum out of range");
		}
	if ((rc = sq_state_expect(r, "running", (int)q + 1)) != SQ_OK)
		return rc;
	if (sq_state_count(r->tok[1], &a->rn) || a->rn + (double)a->n > resp)
		return sq_state_bad(r, "a count out of range");
	for (i = 0; i < q; i++)
		if (finite_dbl(r->tok[2 + i], &a->rm[i]) ||
		    (a->rn == 0 && a->rm[i] != 0))
			return sq_state_bad(r, "a mean that is not one");
	if ((rc = sq_state_expect(r, "comoments", (int)nc)) != SQ_OK)
		return rc;
	for (i = 0; i < q; i++)
		for (j = i; j < q; j++) {
			double *v = &a->rc[DRV_UT(q, i, j)];

			if (finite_dbl(r->tok[1 + DRV_UT(q, i, j)], v) ||
			    (i == j && *v < 0) || (a->rn == 0 && *v != 0))
				return sq_state_bad(r,
				    "a co-moment that is not one");
		}
	return SQ_OK;
}

static int
read_weights(sq_state_rd *r, sq_drivers *a, double resp)
{
	size_t nd = a->nd, d;
	unsigned long long k, i, n;
	long long w[SQ_MAX_DIMS], prev = 0, S;
	double wrn, wrun[SQ_MAX_DIMS], sum;
	int rc;

	if ((rc = sq_state_expect(r, "weights", 2)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], DRV_NTOTALS, &k) || (double)k > resp)
		return sq_state_bad(r, "too many weight totals");
	if (sq_state_count(r->tok[2], &wrn) || wrn > resp)
		return sq_state_bad(r, "a count out of range");
	sum = wrn;
	if ((rc = sq_state_expect(r, "wrun", (int)nd)) != SQ_OK)
		return rc;
	for (d = 0; d < nd; d++)
		if (finite_dbl(r->tok[1 + d], &wrun[d]) ||
		    (wrn == 0 && wrun[d] != 0))
			return sq_state_bad(r, "a sum that is not one");
	for (i = 0; i < k; i++) {
		__int128 tw = 0;

		if ((rc = sq_state_expect(r, "total", (int)nd + 2)) != SQ_OK)
			return rc;
		if (sq_state_u64(r->tok[1], (unsigned long long)nd * DRV_WMAX,
		    &n) || n == 0 || (i > 0 && (long long)n <= prev))
			return sq_state_bad(r, "weight totals not positive "
			    "and strictly increasing");
		S = (long long)n;
		if (count_u(r->tok[2], resp - sum, &n) || n == 0)
			return sq_state_bad(r, "a count out of range");
		sum += (double)n;
		for (d = 0; d < nd; d++) {
			__int128 v;

			if (sq_state_i128(r->tok[3 + d], &v) ||
			    abs128(v) > (__int128)n * DRV_WMAX)
				return sq_state_bad(r,
				    "a weight sum out of range");
			w[d] = (long long)v;
			tw += v;
		}
		if (tw != (__int128)S * (__int128)n)
			return sq_state_bad(r,
			    "weight sums that do not add up to their total");
		if (sq_drv_total_add(a, S, n, w) != SQ_OK)
			return SQ_ENOMEM;
		prev = S;
	}
	for (d = 0; d < nd; d++)
		a->wrun[d] += wrun[d];
	a->wrn += wrn;
	return SQ_OK;
}

static int
read_mom1(sq_state_rd *r, long long L, double resp, struct drv_mom1 *s)
{
	int rc;

	memset(s, 0, sizeof(*s));
	if ((rc = sq_state_expect(r, "mom", 6)) != SQ_OK)
		return rc;
	if (count_u(r->tok[1], resp, &s->n) || (L == 0 && s->n > 0))
		return sq_state_bad(r, "a count out of range");
	if (sq_state_i128(r->tok[2], &s->s) || sq_state_i128(r->tok[3],
	    &s->ss) || abs128(s->s) > (__int128)s->n * DRV_XMAX ||
	    s->ss < 0 || s->ss > (__int128)s->n * X2MAX)
		return sq_state_bad(r, "an integer sum out of range");
	if (sq_state_count(r->tok[4], &s->rn) || s->rn + (double)s->n > resp)
		return sq_state_bad(r, "a count out of range");
	if (finite_dbl(r->tok[5], &s->rm) || finite_dbl(r->tok[6], &s->rm2) ||
	    s->rm2 < 0 || (s->rn == 0 && (s->rm != 0 || s->rm2 != 0)))
		return sq_state_bad(r, "running moments that are not ones");
	return SQ_OK;
}

/* The 2 nd moments of one group, folded into dst. */
static int
read_group(sq_state_rd *r, sq_drivers *a, double resp, struct drv_mom1 *dst)
{
	struct drv_mom1 s;
	size_t i;
	int rc;

	for (i = 0; i < 2 * a->nd; i++) {
		if ((rc = read_mom1(r, a->L, resp, &s)) != SQ_OK)
			return rc;
		sq_drv_mom1_fold(&dst[i], &s, a->L);
	}
	return SQ_OK;
}

int
sq_drivers_state_read_body(sq_state_rd *r, sq_drivers *a,
    const sq_instrument *ins)
{
	unsigned long long u, groups, g;
	struct drv_mom *mo = NULL;
	struct drv_mom1 *sm;
	double resp;
	char *val;
	int rc, m;

	if ((rc = sq_state_expect(r, "drivers", 3)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], SQ_MAX_DIMS, &u) || u != a->nd ||
	    a->nd != ins->ndims)
		return sq_state_bad(r, "not the instrument's dimensions");
	if (sq_state_u64(r->tok[2], 1 << 20, &u) || (long long)u != a->L ||
	    sq_state_u64(r->tok[3], SQ_DRV_YDEN, &u) || u != SQ_DRV_YDEN)
		return sq_state_bad(r, "not the instrument's denominators");
	if ((rc = sq_state_expect(r, "respondents", 1)) != SQ_OK)
		return rc;
	if (sq_state_count(r->tok[1], &resp))
		return sq_state_bad(r, "respondents out of range");
	if ((mo = malloc(sizeof(*mo))) == NULL)
		return SQ_ENOMEM;
	for (m = 0; m < SQ_DRV_NMODELS; m++) {
		if ((rc = read_model(r, m, a->nd + 1, a->L, resp, mo)) !=
		    SQ_OK) {
			free(mo);
			return rc;
		}
		sq_drv_mom_fold(&a->mod[m], mo, a->nd + 1, a->L);
	}
	free(mo);
	if ((rc = read_weights(r, a, resp)) != SQ_OK)
		return rc;
	if ((rc = sq_state_read_groups(r, DRV_MAX_SEGMENTS + 1, a->by_segment,
	    &groups)) != SQ_OK)
		return rc;
	for (g = 0; g < groups; g++) {
		if ((rc = sq_state_read_group(r, g, &val)) != SQ_OK)
			return rc;
		if (val == NULL)
			sm = a->all;
		else {
			rc = sq_drivers_segment(a, val, &sm);
			free(val);
			if (rc == SQ_ELIMIT)
				return sq_state_bad(r, "too many segments");
			if (rc != SQ_OK)
				return rc;
		}
		if ((rc = read_group(r, a, resp, sm)) != SQ_OK)
			return rc;
	}
	a->respondents += resp;
	return SQ_OK;
}
