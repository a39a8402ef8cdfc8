/*
 * sq-check's partial-result state (the body described in checkstate.h):
 * counts in decimal, ids in hex, every line checked and every size
 * bounded before it is trusted.
 */
#include <stdlib.h>
#include <string.h>

#include "servqual/checkstate.h"
#include "check_int.h"

#define NMAX (1ULL << 46)

static const char *const shapes[] = { "plain", "qualtrics", "surveymonkey",
	"mixed", NULL };

const char *
sq_check_shape_join(const char *a, const char *b)
{
	size_t i;

	if (b == NULL)
		return a;
	for (i = 0; shapes[i] != NULL; i++)
		if (strcmp(b, shapes[i]) == 0)
			b = shapes[i];
	if (a == NULL || strcmp(a, b) == 0)
		return b;
	return "mixed";
}

int
sq_check_state_write_body(FILE *fp, const sq_check *c,
    unsigned long ragged, const char *shape)
{
	const sq_check_summary *s = &c->s;
	size_t i;

	fprintf(fp, "check %lu %lu %lu %lu %lu %lu %lu %lu %lu %d\n", s->rows,
	    s->usable, s->missing, s->duplicate_ids, s->straight_lining,
	    s->straight_respondents, s->too_few, s->weights_off,
	    s->inverted, s->form);
	fprintf(fp, "ragged %lu\nshape %s\n", ragged,
	    shape != NULL ? shape : "plain");
	for (i = 0; i < c->ins->nitems; i++)
		fprintf(fp, "missing %zu %lu %lu %lu %lu\n", i, c->miss_e[i],
		    c->miss_p[i], c->miss_a[i], c->miss_d[i]);
	fprintf(fp, "ids %zu\n", c->nids);
	for (i = 0; i < c->nids; i++) {
		/* hex: ids may hold blanks, anything */
		fputs("id", fp);
		sq_state_put_hex(fp, c->text + c->ent[i].off);
		fputc('\n', fp);
	}
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

/* Reading. */

static int
read_body(sq_state_rd *r, sq_check *t, unsigned long *ragged,
    const char **shape)
{
	unsigned long long v[10], u, rows, nids, j;
	unsigned long first;
	sq_check_summary *s = &t->s;
	size_t i, k, idx;
	char *id;
	int rc, found;

	if ((rc = sq_state_expect(r, "check", 10)) != SQ_OK)
		return rc;
	for (k = 0; k < 9; k++)
		if (sq_state_u64(r->tok[1 + k], NMAX, &v[k]))
			return sq_state_bad(r, "a count out of range");
	if (sq_state_u64(r->tok[10], SQ_FORM_ZONE, &v[9]))
		return sq_state_bad(r, "unknown form");
	rows = v[0];
	/* usable, duplicates, straight respondents, too few, weights and
	   inverted count respondents; straight-lining counts blocks */
	if (v[1] > rows || v[3] > rows || v[5] > rows || v[6] > rows ||
	    v[7] > rows || v[8] > rows || v[4] > 3 * rows ||
	    v[2] > 3 * rows * t->ins->nitems)
		return sq_state_bad(r, "more counts than rows");
	s->rows = (unsigned long)v[0];
	s->usable = (unsigned long)v[1];
	s->missing = (unsigned long)v[2];
	s->duplicate_ids = (unsigned long)v[3];
	s->straight_lining = (unsigned long)v[4];
	s->straight_respondents = (unsigned long)v[5];
	s->too_few = (unsigned long)v[6];
	s->weights_off = (unsigned long)v[7];
	s->inverted = (unsigned long)v[8];
	s->form = (int)v[9];
	if ((rc = sq_state_expect(r, "ragged", 1)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], NMAX, &u) || u > rows)
		return sq_state_bad(r, "more ragged rows than rows");
	*ragged += (unsigned long)u;
	if ((rc = sq_state_expect(r, "shape", 1)) != SQ_OK)
		return rc;
	for (k = 0; shapes[k] != NULL; k++)
		if (strcmp(r->tok[1], shapes[k]) == 0)
			break;
	if (shapes[k] == NULL)
		return sq_state_bad(r, "unknown header shape");
	*shape = sq_check_shape_join(*shape, shapes[k]);
	for (i = 0; i < t->ins->nitems; i++) {
		if ((rc = sq_state_expect(r, "missing", 5)) != SQ_OK)
			return rc;
		if (sq_state_u64(r->tok[1], t->ins->nitems, &u) || u != i)
			return sq_state_bad(r, "counts of the wrong item");
		for (k = 0; k < 4; k++)
			if (sq_state_u64(r->tok[2 + k], rows, &v[k]))
				return sq_state_bad(r,
				    "more missing answers than rows");
		t->miss_e[i] = (unsigned long)v[0];
		t->miss_p[i] = (unsigned long)v[1];
		t->miss_a[i] = (unsigned long)v[2];
		t->miss_d[i] = (unsigned long)v[3];
	}
	if ((rc = sq_state_expect(r, "ids", 1)) != SQ_OK)
		return rc;
	/* each distinct id is a respondent, each duplicate another */
	if (sq_state_u64(r->tok[1], rows, &nids) ||
	    nids + s->duplicate_ids > rows)
		return sq_state_bad(r, "more ids than rows");
	for (j = 0; j < nids; j++) {
		if ((rc = sq_state_expect(r, "id", 1)) != SQ_OK)
			return rc;
		if (strcmp(r->tok[1], "-") == 0 ||
		    sq_state_unhex(r->tok[1], &id))
			return sq_state_bad(r, "an id that is not hex");
		rc = sq_check_ids_add(t, id, 0, &found, &first, &idx);
		free(id);
		if (rc != SQ_OK)
			return rc;
		if (found)
			return sq_state_bad(r, "an id given twice");
	}
	return SQ_OK;
}

int
sq_check_state_read_body(sq_state_rd *r, sq_check *c,
    unsigned long *ragged, const char **shape)
{
	sq_check *t;
	int rc;

	/* read into a checker of its own, then fold: the ids of the
	   state are checked against each other first */
	if (sq_check_new(c->ins, NULL, &t) != SQ_OK)
		return SQ_ENOMEM;
	rc = read_body(r, t, ragged, shape);
	if (rc == SQ_OK)
		rc = sq_check_fold(c, t);
	sq_check_free(t);
	return rc;
}
