/*
 * Gap accumulators by segment (sq_gapset): one for the whole sample and
 * one per value of the segment column, found through a keyset, with
 * the segment limit that bounds their memory.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/gap.h"

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
	s->by_segment = by_segment;
	if (by_segment) {
		s->maxseg = SQ_SEGMENT_MEMORY / acc_bytes(ins);
		if (s->maxseg > SQ_MAX_SEGMENTS)
			s->maxseg = SQ_MAX_SEGMENTS;
		if (s->maxseg < 1)
			s->maxseg = 1;
	}
	sq_keyset_init(&s->keys, s->maxseg);
	*out = s;
	return SQ_OK;
}

/* A new segment's accumulator (sq_keyset_entry). */
static int
new_acc(void *entry, void *ins)
{
	return sq_gapacc_new(ins, entry);
}

int
sq_gapset_segment(sq_gapset *s, const sq_instrument *ins, const char *v,
    sq_gapacc **acc)
{
	size_t i;
	int rc;

	if (!s->by_segment)
		return SQ_EUSAGE;
	if ((rc = sq_keyset_entry(&s->keys, v, &s->acc, &s->cap,
	    sizeof(*s->acc), new_acc, (void *)ins, &i)) != SQ_OK)
		return rc;
	s->nseg = s->keys.n;
	s->seg = s->keys.name;
	*acc = s->acc[i];
	return SQ_OK;
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
	if (!s->by_segment || r->segment == NULL) {
		sq_gapacc_add(s->all, ins, r);
		s->all->block = sq_gap_block_of(r->form);
		return SQ_OK;
	}
	s->rows++;
	rc = sq_gapset_segment(s, ins, r->segment[0] ? r->segment : "(blank)",
	    &acc);
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
	for (i = 0; i < s->nseg; i++)
		sq_gapacc_free(s->acc[i]);
	sq_keyset_release(&s->keys);
	free(s->acc);
	free(s->ref);
	free(s);
}
