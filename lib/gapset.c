/*
 * Gap accumulators by segment (sq_gapset): one for the whole sample and
 * one per value of the segment column, found through a keyed hash, with
 * the segment limit that bounds their memory.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/gap.h"
#include "servqual/hash.h"

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
	if (by_segment) {
		size_t per = acc_bytes(ins);

		sq_hash_key_init(&s->key);
		s->maxseg = SQ_SEGMENT_MEMORY / per;
		if (s->maxseg > SQ_MAX_SEGMENTS)
			s->maxseg = SQ_MAX_SEGMENTS;
		if (s->maxseg < 1)
			s->maxseg = 1;
		s->hcap = 64;
		if ((s->hash = calloc(s->hcap, sizeof(*s->hash))) == NULL) {
			sq_gapset_free(s);
			return SQ_ENOMEM;
		}
	}
	*out = s;
	return SQ_OK;
}

/* Double the open-addressing index; slots hold segment index + 1. */
static int
rehash(sq_gapset *s)
{
	size_t cap = s->hcap * 2, i, h;
	size_t *nh = calloc(cap, sizeof(*nh));

	if (nh == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < s->nseg; i++) {
		h = (size_t)sq_hash_keyed(&s->key, s->seg[i]) & (cap - 1);
		while (nh[h] != 0)
			h = (h + 1) & (cap - 1);
		nh[h] = i + 1;
	}
	free(s->hash);
	s->hash = nh;
	s->hcap = cap;
	return SQ_OK;
}

static int
segment_of(sq_gapset *s, const sq_instrument *ins, const char *v,
    sq_gapacc **acc)
{
	size_t h = (size_t)sq_hash_keyed(&s->key, v) & (s->hcap - 1), i;
	int rc;

	while (s->hash[h] != 0) {
		i = s->hash[h] - 1;
		if (strcmp(s->seg[i], v) == 0) {
			*acc = s->acc[i];
			return SQ_OK;
		}
		h = (h + 1) & (s->hcap - 1);
	}
	if (s->nseg >= s->maxseg)
		return SQ_ELIMIT;
	if (s->nseg == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		char **ns = realloc(s->seg, cap * sizeof(*ns));
		sq_gapacc **na;

		if (ns == NULL)
			return SQ_ENOMEM;
		s->seg = ns;
		if ((na = realloc(s->acc, cap * sizeof(*na))) == NULL)
			return SQ_ENOMEM;
		s->acc = na;
		s->cap = cap;
	}
	if ((s->seg[s->nseg] = strdup(v)) == NULL)
		return SQ_ENOMEM;
	if ((rc = sq_gapacc_new(ins, &s->acc[s->nseg])) != SQ_OK) {
		free(s->seg[s->nseg]);
		return rc;
	}
	s->hash[h] = s->nseg + 1;
	*acc = s->acc[s->nseg++];
	if (2 * s->nseg > s->hcap)
		return rehash(s);
	return SQ_OK;
}

int
sq_gapset_segment(sq_gapset *s, const sq_instrument *ins, const char *v,
    sq_gapacc **acc)
{
	if (s->hash == NULL)
		return SQ_EUSAGE;
	return segment_of(s, ins, v, acc);
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
	if (s->hash == NULL || r->segment == NULL) {
		sq_gapacc_add(s->all, ins, r);
		s->all->block = sq_gap_block_of(r->form);
		return SQ_OK;
	}
	s->rows++;
	rc = segment_of(s, ins, r->segment[0] ? r->segment : "(blank)", &acc);
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
	for (i = 0; i < s->nseg; i++) {
		free(s->seg[i]);
		sq_gapacc_free(s->acc[i]);
	}
	free(s->seg);
	free(s->acc);
	free(s->hash);
	free(s->ref);
	free(s);
}
