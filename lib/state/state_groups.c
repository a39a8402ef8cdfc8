/*
 * The groups of a segmented state body (state.h): the whole sample, then
 * one group per segment value, hex-encoded since a value may hold blanks,
 * newlines, anything. Written and read here once for every tool whose
 * state is kept by segment; the tool gives what is its own, the lines of
 * one accumulator and where a segment's accumulator lives.
 */
#include <stdlib.h>
#include <string.h>

#include "servqual/state.h"

int
sq_state_write_groups(FILE *fp, char *const *seg, size_t nseg,
    sq_state_put_fn *put, const void *ctx)
{
	size_t i;
	int rc;

	fprintf(fp, "groups %zu\ngroup all\n", nseg + 1);
	if ((rc = put(fp, ctx, 0)) != SQ_OK)
		return rc;
	for (i = 0; i < nseg; i++) {
		fputs("group seg", fp);
		sq_state_put_hex(fp, seg[i]);
		fputc('\n', fp);
		if ((rc = put(fp, ctx, i + 1)) != SQ_OK)
			return rc;
	}
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

/* "groups <g>": 1 <= g <= max, more than one only when segmented. */
static int
read_count(sq_state_rd *r, unsigned long long max, int segmented,
    unsigned long long *groups)
{
	int rc;

	if ((rc = sq_state_expect(r, "groups", 1)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], max, groups) || *groups == 0)
		return sq_state_bad(r, "group count out of range");
	if (*groups > 1 && !segmented)
		return sq_state_bad(r, "segments in a state without --by");
	return SQ_OK;
}

/* Group g's line: "group all" (g == 0, *val NULL) or "group seg <hex>". */
static int
read_head(sq_state_rd *r, unsigned long long g, char **val)
{
	int rc;

	*val = NULL;
	if ((rc = sq_state_expect(r, "group", -1)) != SQ_OK)
		return rc;
	if (g == 0)
		return r->ntok != 2 || strcmp(r->tok[1], "all") != 0 ?
		    sq_state_bad(r, "expected \"group all\"") : SQ_OK;
	if (r->ntok != 3 || strcmp(r->tok[1], "seg") != 0)
		return sq_state_bad(r, "expected \"group seg\"");
	if (sq_state_unhex(r->tok[2], val))
		return sq_state_bad(r, "segment value not hex");
	return SQ_OK;
}

int
sq_state_read_segments(sq_state_rd *r, const sq_state_groups *gs)
{
	unsigned long long groups, g;
	char *val;
	int rc;

	if ((rc = read_count(r, gs->max, gs->segmented, &groups)) != SQ_OK)
		return rc;
	for (g = 0; g < groups; g++) {
		if ((rc = read_head(r, g, &val)) != SQ_OK)
			return rc;
		rc = gs->group(r, gs, val);
		free(val);
		if (rc == SQ_ELIMIT)
			return sq_state_bad(r, "too many segments");
		if (rc != SQ_OK)
			return rc;
	}
	return SQ_OK;
}
