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

int
sq_zone_state_write_body(FILE *fp, const sq_zoneset *s)
{
	size_t i;

	fprintf(fp, "groups %zu\ngroup all\n", s->nseg + 1);
	put_acc(fp, s->all);
	for (i = 0; i < s->nseg; i++) {
		fputs("group seg", fp);
		/* hex: segment values may hold blanks, newlines, anything */
		sq_state_put_hex(fp, s->seg[i]);
		fputc('\n', fp);
		put_acc(fp, s->acc[i]);
	}
	return ferror(fp) ? SQ_EIO : SQ_OK;
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

int
sq_zone_state_read_body(sq_state_rd *r, sq_zoneset *s,
    const sq_instrument *ins)
{
	unsigned long long groups, g;
	sq_zoneacc *acc;
	char *val = NULL;
	int rc;

	if ((rc = sq_state_read_groups(r, SQ_ZONE_MAX_SEGMENTS + 1, s->hash != NULL,
	    &groups)) != SQ_OK)
		return rc;
	for (g = 0; g < groups; g++) {
		if ((rc = sq_state_read_group(r, g, &val)) != SQ_OK)
			return rc;
		if (val == NULL)
			acc = s->all;
		else {
			rc = sq_zoneset_segment(s, ins, val, &acc);
			free(val);
			if (rc == SQ_ELIMIT)
				return sq_state_bad(r, "too many segments");
			if (rc != SQ_OK)
				return rc;
		}
		if ((rc = read_acc(r, acc)) != SQ_OK)
			return rc;
	}
	return SQ_OK;
}
