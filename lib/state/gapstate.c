/*
 * sq-gap's partial-result state (the body described in state.h): every
 * figure printed so that the reader gets the same bits back, every line
 * checked and every size bounded before it is trusted.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/momstate.h"
#include "servqual/state.h"
#include "servqual/valcount.h"

#define NMAX SQ_STATE_NMAX

/* "values <kind> <i> <k>", then k lines "<value> <count>", increasing. */
static int
put_vals(FILE *fp, const char *kind, size_t i, const sq_valcount *m)
{
	char head[64];

	snprintf(head, sizeof(head), "values %s %zu", kind, i);
	return sq_state_put_values(fp, head, m);
}

static int
put_acc(FILE *fp, const sq_gapacc *a)
{
	size_t i, j, R = a->range;
	int rc = SQ_OK;

	fprintf(fp, "respondents %a\nblock %d\n", a->respondents, a->block);
	for (i = 0; R > 0 && i < a->nitems; i++) {
		fprintf(fp, "counts %zu", i);
		for (j = 0; j < R * R; j++)
			fprintf(fp, " %llu", a->cnt[i * R * R + j]);
		fputc('\n', fp);
	}
	for (i = 0; i < a->nitems; i++)
		sq_state_put_pairmom(fp, &a->item[i]);
	for (i = 0; i < a->ndims; i++)
		sq_state_put_pairmom(fp, &a->dim[i]);
	sq_state_put_pairmom(fp, &a->sq);
	sq_state_put_pairmom(fp, &a->wsq);
	/* the signed-rank counts: items, then dimensions */
	for (i = 0; rc == SQ_OK && i < a->nitems; i++)
		rc = put_vals(fp, "item", i, &a->witem[i]);
	for (i = 0; rc == SQ_OK && i < a->ndims; i++)
		rc = put_vals(fp, "dim", i, &a->wdim[i]);
	return rc;
}

/* Group g of set ctx: the whole sample, then the segments. */
static int
put_group(FILE *fp, const void *ctx, size_t g)
{
	const sq_gapset *s = ctx;

	return put_acc(fp, g == 0 ? s->all : s->acc[g - 1]);
}

int
sq_gap_state_write_body(FILE *fp, const sq_gapset *s)
{
	return sq_state_write_groups(fp, s->seg, s->nseg, put_group, s);
}

int
sq_gap_state_write(FILE *fp, const sq_gapset *s, const sq_instrument *ins,
    const sq_state_head *h)
{
	int rc;

	(void)ins;
	sq_state_write_head(fp, h);
	if ((rc = sq_gap_state_write_body(fp, s)) != SQ_OK)
		return rc;
	fputs("end\n", fp);
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

/* Reading. */

/*
 * The counts of one series written by put_vals, added to m: values
 * finite and strictly increasing, counts positive, their sum at most the
 * respondents of the part (one value per respondent and series).
 */
static int
read_vals(sq_state_rd *r, const char *kind, size_t i, double resp,
    sq_valcount *m)
{
	unsigned long long k, idx;
	int rc;

	if ((rc = sq_state_expect(r, "values", 3)) != SQ_OK)
		return rc;
	if (strcmp(r->tok[1], kind) != 0)
		return sq_state_bad(r, strcmp(kind, "item") == 0 ?
		    "expected the values of an item" :
		    "expected the values of a dimension");
	if (sq_state_u64(r->tok[2], SQ_MAX_ITEMS, &idx) || idx != i)
		return sq_state_bad(r, "values of the wrong series");
	if (sq_state_u64(r->tok[3], (1ULL << 46), &k) || (double)k > resp)
		return sq_state_bad(r, "more distinct values than respondents");
	return sq_state_read_values(r, k, resp, m);
}

static int
read_acc(sq_state_rd *r, sq_gapacc *a)
{
	size_t i, j, R = a->range;
	unsigned long long u;
	sq_pairmom m;
	double resp;
	int rc;

	if ((rc = sq_state_expect(r, "respondents", 1)) != SQ_OK)
		return rc;
	if (sq_state_dbl(r->tok[1], &resp) || !(resp >= 0 && resp < NMAX) ||
	    resp != floor(resp))
		return sq_state_bad(r, "respondents out of range");
	a->respondents += resp;
	if ((rc = sq_state_expect(r, "block", 1)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], SQ_GAP_MSS, &u))
		return sq_state_bad(r, "unknown block");
	if (resp > 0)
		a->block = (int)u;
	for (i = 0; R > 0 && i < a->nitems; i++) {
		if ((rc = sq_state_expect(r, "counts", (int)(R * R + 1))) != SQ_OK)
			return rc;
		if (sq_state_u64(r->tok[1], a->nitems, &u) || u != i)
			return sq_state_bad(r, "counts of the wrong item");
		for (j = 0; j < R * R; j++) {
			if (sq_state_u64(r->tok[2 + j], (1ULL << 46), &u))
				return sq_state_bad(r, "a count out of range");
			a->cnt[i * R * R + j] += u;
		}
	}
	for (i = 0; i < a->nitems + a->ndims + 2; i++) {
		if ((rc = sq_state_read_pairmom(r, &m)) != SQ_OK)
			return rc;
		sq_pairmom_merge(i < a->nitems ? &a->item[i] :
		    i < a->nitems + a->ndims ? &a->dim[i - a->nitems] :
		    i == a->nitems + a->ndims ? &a->sq : &a->wsq, &m);
	}
	for (i = 0; i < a->nitems; i++)
		if ((rc = read_vals(r, "item", i, resp, &a->witem[i])) != SQ_OK)
			return rc;
	for (i = 0; i < a->ndims; i++)
		if ((rc = read_vals(r, "dim", i, resp, &a->wdim[i])) != SQ_OK)
			return rc;
	return SQ_OK;
}

/* The group of segment val (NULL: all), read and folded in. */
static int
read_group(sq_state_rd *r, const sq_state_groups *gs, const char *val)
{
	sq_gapset *s = gs->set;
	sq_gapacc *acc = s->all;
	int rc;

	if (val != NULL &&
	    (rc = sq_gapset_segment(s, gs->ins, val, &acc)) != SQ_OK)
		return rc;
	return read_acc(r, acc);
}

int
sq_gap_state_read_body(sq_state_rd *r, sq_gapset *s, const sq_instrument *ins)
{
	sq_state_groups gs = { SQ_MAX_SEGMENTS + 1, s->by_segment, read_group,
	    s, ins, NULL };

	return sq_state_read_segments(r, &gs);
}

int
sq_gap_state_read(FILE *fp, const char *name, sq_gapset *s,
    const sq_instrument *ins, sq_state_head *h, unsigned long *line,
    sq_error *err)
{
	sq_state_rd r;
	int rc;

	if ((rc = sq_state_rd_init(&r, fp, name, *line, err)) != SQ_OK)
		return rc;
	if ((rc = sq_state_read_head_rd(&r, h)) != SQ_OK)
		goto done;
	if (strcmp(h->tool, "sq-gap") != 0) {
		rc = sq_state_bad(&r, "not an sq-gap state");
		goto done;
	}
	if (h->fingerprint != sq_instrument_fingerprint(ins)) {
		rc = sq_error_set(err, SQ_ESCHEMA, name, 0, 0, NULL,
		    "the state is of another instrument than the one given "
		    "(give the shards' codebook with -c)");
		goto done;
	}
	if ((rc = sq_gap_state_read_body(&r, s, ins)) != SQ_OK)
		goto done;
	rc = sq_state_expect(&r, "end", 0);
done:
	*line = r.line;
	sq_state_rd_free(&r);
	return rc;
}
