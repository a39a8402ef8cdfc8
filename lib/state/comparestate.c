/*
 * sq-compare's partial-result state (the body described in
 * comparestate.h): every figure printed so that the reader gets the same
 * bits back, every line checked and every size bounded before it is
 * trusted.
 */
#include <stdlib.h>
#include <string.h>

#include "servqual/comparestate.h"
#include "servqual/momstate.h"
#include "servqual/valcount.h"

#define NMAX (1ULL << 46)	/* respondents of one state (SQ_STATE_NMAX) */

/* "score <i> <k>", then k lines "<value> <count>", values increasing. */
static int
put_score(FILE *fp, size_t i, const sq_valcount *m)
{
	char head[64];

	snprintf(head, sizeof(head), "score %zu", i);
	return sq_state_put_values(fp, head, m);
}

int
sq_compare_state_write_body(FILE *fp, const sq_cmpset *s)
{
	size_t *order = NULL, i, k;
	int rc = SQ_OK;

	if (sq_cmpset_order(s, &order) != SQ_OK)
		return SQ_ENOMEM;
	fprintf(fp, "compare %d %d %zu\nblank %lu\ngroups %zu\n", s->block,
	    s->items ? 1 : 0, s->nscores, s->blank, s->ngroups);
	/* groups in name order: the state depends on the counts only */
	for (i = 0; rc == SQ_OK && i < s->ngroups; i++) {
		size_t g = order[i];

		fputs("group", fp);
		/* hex: a group name may hold blanks, newlines, anything */
		sq_state_put_hex(fp, s->name[g]);
		fprintf(fp, " %llu\n", s->resp[g]);
		for (k = 0; rc == SQ_OK && k < s->nscores; k++)
			rc = put_score(fp, k, &s->vc[g][k]);
	}
	free(order);
	if (rc != SQ_OK)
		return rc;
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

/* Reading. */

static int
blank(const char *g)
{
	for (; *g != '\0'; g++)
		if (*g != ' ' && *g != '\t' && *g != '\r' && *g != '\n')
			return 0;
	return 1;
}

static int
nomem(sq_state_rd *r)
{
	return sq_error_set(r->err, SQ_ENOMEM, r->name, r->line, 0, NULL,
	    "out of memory");
}

/*
 * Score i's counts, added to m: values finite and strictly increasing,
 * counts positive, their sum at most resp (one score a respondent).
 */
static int
read_score(sq_state_rd *r, size_t i, unsigned long long resp,
    sq_valcount *m)
{
	unsigned long long k, idx;
	int rc;

	if ((rc = sq_state_expect(r, "score", 2)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], SQ_MAX_ITEMS + 64, &idx) || idx != i)
		return sq_state_bad(r, "counts of the wrong score");
	if (sq_state_u64(r->tok[2], NMAX, &k) || k > resp)
		return sq_state_bad(r, "more distinct values than respondents");
	return sq_state_read_values(r, k, (double)resp, m);
}

int
sq_compare_state_read_body(sq_state_rd *r, sq_cmpset *s)
{
	unsigned long long u, b, it, ns, groups, g, resp;
	char *name = NULL, *prev = NULL;
	size_t idx, k;
	int rc;

	if ((rc = sq_state_expect(r, "compare", 3)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], 2, &b) || sq_state_u64(r->tok[2], 1, &it) ||
	    sq_state_u64(r->tok[3], SQ_MAX_ITEMS + 64, &ns))
		return sq_state_bad(r, "scores out of range");
	if (b != (unsigned long long)s->block ||
	    it != (unsigned long long)(s->items ? 1 : 0) || ns != s->nscores)
		return sq_state_bad(r, "scores of another block, item set or "
		    "instrument");
	if ((rc = sq_state_expect(r, "blank", 1)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], NMAX, &u))
		return sq_state_bad(r, "a count out of range");
	if ((rc = sq_state_expect(r, "groups", 1)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], SQ_CMP_MAX_GROUPS, &groups))
		return sq_state_bad(r, "group count out of range");
	s->blank += (unsigned long)u;
	for (g = 0, rc = SQ_OK; g < groups && rc == SQ_OK; g++) {
		if ((rc = sq_state_expect(r, "group", 2)) != SQ_OK)
			break;
		if (sq_state_unhex(r->tok[1], &name)) {
			rc = sq_state_bad(r, "group name not hex");
			break;
		}
		if (blank(name))
			rc = sq_state_bad(r, "a blank group name");
		else if (prev != NULL && strcmp(prev, name) >= 0)
			rc = sq_state_bad(r, "group names not strictly "
			    "increasing");
		else if (sq_state_u64(r->tok[2], NMAX, &resp) || resp == 0)
			rc = sq_state_bad(r, "respondents out of range");
		else if ((rc = sq_cmpset_group(s, name, &idx)) == SQ_ELIMIT) {
			char msg[64];

			snprintf(msg, sizeof(msg), "more than %d groups",
			    SQ_CMP_MAX_GROUPS);
			rc = sq_state_bad(r, msg);
		} else if (rc != SQ_OK)
			rc = nomem(r);
		free(prev);
		prev = name;
		name = NULL;
		if (rc != SQ_OK)
			break;
		s->resp[idx] += resp;
		for (k = 0; k < s->nscores && rc == SQ_OK; k++)
			rc = read_score(r, k, resp, &s->vc[idx][k]);
	}
	free(prev);
	return rc;
}
