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

/* Group g: the whole sample's 2 nd moments, then each segment's. */
static int
put_group(FILE *fp, const void *ctx, size_t g)
{
	const sq_drivers *a = ctx;
	size_t per = 2 * a->nd, d;
	const struct drv_mom1 *m = g == 0 ? a->all : a->segmom + (g - 1) * per;

	for (d = 0; d < per; d++)
		put_mom1(fp, &m[d]);
	return SQ_OK;
}

int
sq_drivers_state_write_body(FILE *fp, const sq_drivers *a)
{
	size_t nd = a->nd, q = nd + 1, i, d;
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
	return sq_state_write_groups(fp, a->seg, a->nseg, put_group, a);
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

/*
 * The 2 nd moments of the group of segment val (NULL: all), folded in;
 * gs->arg the state's respondents.
 */
static int
read_group(sq_state_rd *r, const sq_state_groups *gs, const char *val)
{
	sq_drivers *a = gs->set;
	struct drv_mom1 s, *dst = a->all;
	double resp = *(const double *)gs->arg;
	size_t i;
	int rc;

	if (val != NULL && (rc = sq_drivers_segment(a, val, &dst)) != SQ_OK)
		return rc;
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
	unsigned long long u;
	struct drv_mom *mo = NULL;
	sq_state_groups gs;
	double resp;
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
	gs.max = DRV_MAX_SEGMENTS + 1;
	gs.segmented = a->by_segment;
	gs.group = read_group;
	gs.set = a;
	gs.ins = ins;
	gs.arg = &resp;
	if ((rc = sq_state_read_segments(r, &gs)) != SQ_OK)
		return rc;
	a->respondents += resp;
	return SQ_OK;
}
