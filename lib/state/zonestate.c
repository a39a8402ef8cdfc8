/*
 * sq-zone's partial-result state (the body described in zonestate.h):
 * every figure printed so that the reader gets the same bits back, every
 * line checked and every size bounded before it is trusted.
 */
#include <string.h>
#include <stdlib.h>

#include "servqual/momstate.h"
#include "servqual/zonestate.h"

static void
put_series(FILE *fp, const sq_zonemom *m)
{
	fprintf(fp, "zone %llu %llu %llu %llu\n", m->below, m->within,
	    m->above, m->inverted);
	sq_state_put_pairmom(fp, &m->pa);
	sq_state_put_pairmom(fp, &m->pd);
}

static void
put_acc(FILE *fp, const sq_zoneacc *a)
{
	size_t i;

	fprintf(fp, "respondents %.0f\n", a->respondents);
	for (i = 0; i < a->nitems; i++)
		put_series(fp, &a->item[i]);
	for (i = 0; i < a->ndims; i++)
		put_series(fp, &a->dim[i]);
	put_series(fp, &a->all);
}

/* Group g of set ctx: the whole sample, then the segments. */
static int
put_group(FILE *fp, const void *ctx, size_t g)
{
	const sq_zoneset *s = ctx;

	put_acc(fp, g == 0 ? s->all : s->acc[g - 1]);
	return SQ_OK;
}

int
sq_zone_state_write_body(FILE *fp, const sq_zoneset *s)
{
	return sq_state_write_groups(fp, s->seg, s->nseg, put_group, s);
}

/* Reading. */

static int
read_series(sq_state_rd *r, double resp, sq_zonemom *m)
{
	unsigned long long c[4];
	double placed = 0;
	int rc, i;

	if ((rc = sq_state_expect(r, "zone", 4)) != SQ_OK)
		return rc;
	for (i = 0; i < 4; i++) {
		if (sq_state_u64(r->tok[1 + i], 1ULL << 46, &c[i]))
			return sq_state_bad(r, "a count out of range");
		placed += (double)c[i];
	}
	if (placed > resp)
		return sq_state_bad(r, "more counts than respondents");
	memset(m, 0, sizeof(*m));
	m->below = c[0];
	m->within = c[1];
	m->above = c[2];
	m->inverted = c[3];
	if ((rc = sq_state_read_pairmom(r, &m->pa)) != SQ_OK ||
	    (rc = sq_state_read_pairmom(r, &m->pd)) != SQ_OK)
		return rc;
	/* every triple is placed once and goes into both moments */
	if (m->pa.n != placed || m->pd.n != placed)
		return sq_state_bad(r, "moments not of the counted triples");
	if (!m->pa.inexact && !m->pd.inexact && (m->pa.den != m->pd.den ||
	    m->pa.xp != m->pd.xp))
		return sq_state_bad(r, "moments not of the same perceptions");
	return SQ_OK;
}

static int
read_acc(sq_state_rd *r, sq_zoneacc *a)
{
	size_t i, n = a->nitems + a->ndims + 1;
	double resp;
	sq_zonemom m, *to;
	int rc;

	if ((rc = sq_state_expect(r, "respondents", 1)) != SQ_OK)
		return rc;
	if (sq_state_count(r->tok[1], &resp))
		return sq_state_bad(r, "respondents out of range");
	for (i = 0; i < n; i++) {
		if ((rc = read_series(r, resp, &m)) != SQ_OK)
			return rc;
		to = i < a->nitems ? &a->item[i] : i < n - 1 ?
		    &a->dim[i - a->nitems] : &a->all;
		sq_zonemom_merge(to, &m);
	}
	a->respondents += resp;
	return SQ_OK;
}

/* The group of segment val (NULL: all), read and folded in. */
static int
read_group(sq_state_rd *r, const sq_state_groups *gs, const char *val)
{
	sq_zoneset *s = gs->set;
	sq_zoneacc *acc = s->all;
	int rc;

	if (val != NULL &&
	    (rc = sq_zoneset_segment(s, gs->ins, val, &acc)) != SQ_OK)
		return rc;
	return read_acc(r, acc);
}

int
sq_zone_state_read_body(sq_state_rd *r, sq_zoneset *s,
    const sq_instrument *ins)
{
	sq_state_groups gs = { SQ_ZONE_MAX_SEGMENTS + 1, s->by_segment,
	    read_group, s, ins, NULL };

	return sq_state_read_segments(r, &gs);
}
