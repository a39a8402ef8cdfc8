/*
 * The header bound to the instrument, in two passes: names a codebook
 * gives (by name, folded name or "#k" position) first, then names
 * recognised on their own (survey_names.c). Two recognised columns for
 * one answer are an error: the tool never guesses between them. Then the
 * segment and id columns, the form (SERVQUAL, SERVPERF, three-column)
 * and the weights, all there or ignored.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/i18n.h"
#include "survey_int.h"

/* Column names taken as the respondent id when no codebook names one. */
static const char *const id_names[] = {
	"id", "responseid", "response id", "respondent id", "respondentid",
	"_id", "_uuid", "key", "instanceid", "meta-instanceid",
	"meta/instanceid", NULL
};

#define FOLD	256	/* bytes of a folded column name */
#define NSLOT_ITEMS	4	/* item blocks in seen[]: E, P, A, D */

int
sqs_header_err(struct sv *s, sq_error *err, int code, size_t col,
    const char *colname, const char *msg)
{
	return sq_error_set(err, code, s->name, s->hline, col, colname, "%s",
	    msg);
}

/* Slot of a role and target in seen[], or -1: E, P, A, D, W, overall. */
static int
slot_of(const sq_instrument *ins, int r, int t)
{
	switch (r) {
	case SQ_ROLE_E:
		return t;
	case SQ_ROLE_P:
		return (int)ins->nitems + t;
	case SQ_ROLE_A:
		return 2 * (int)ins->nitems + t;
	case SQ_ROLE_D:
		return 3 * (int)ins->nitems + t;
	case SQ_ROLE_W:
		return NSLOT_ITEMS * (int)ins->nitems + t;
	case SQ_ROLE_OVERALL:
		return NSLOT_ITEMS * (int)ins->nitems + (int)ins->ndims;
	default:
		return -1;
	}
}

/*
 * A codebook column row that names no column of the header did nothing:
 * the run would read what it did not name, or blame the export. An error
 * at the codebook's line.
 */
static int
cols_present(struct sv *s, char *const *names, size_t ncols,
    const char *folded, sq_error *err)
{
	const sq_instrument *ins = s->ins;
	size_t i, j;
	char *fh;

	if (ins->ncols == 0)
		return SQ_OK;
	if ((fh = malloc((ncols + 1) * FOLD)) == NULL)
		return sqs_header_err(s, err, SQ_ENOMEM, 0, NULL,
		    "out of memory");
	for (i = 0; i < ncols; i++)
		sq_fold(names[i], fh + i * FOLD, FOLD);
	for (j = 0; j < ins->ncols; j++) {
		for (i = 0; i < ncols; i++)
			if (sqs_name_match(ins->cols[j].name, folded + j * FOLD,
			    names[i], fh + i * FOLD, i))
				break;
		if (i < ncols)
			continue;
		free(fh);
		if (ins->cols[j].name[0] == '#')
			return sq_error_set(err, SQ_ECODEBOOK, ins->codebook,
			    ins->cols[j].line, 2, NULL, "column \"%s\": %s "
			    "has only %zu columns", ins->cols[j].name,
			    s->name ? s->name : "the export", ncols);
		return sq_error_set(err, SQ_ECODEBOOK, ins->codebook,
		    ins->cols[j].line, 2, NULL, "column \"%s\" is not in "
		    "the header of %s", ins->cols[j].name,
		    s->name ? s->name : "the export");
	}
	free(fh);
	return SQ_OK;
}

/* Item slots in seen[] within block b (0 E, 1 P, 2 A, 3 D). */
static size_t
block_count(const sq_instrument *ins, const int *seen, size_t b)
{
	size_t i, n = 0;

	for (i = 0; i < ins->nitems; i++)
		n += seen[b * ins->nitems + i] != 0;
	return n;
}

/*
 * The form from the blocks bound: P with E (SERVQUAL), alone (SERVPERF)
 * or with A and D (three-column). A or D columns recognised by name
 * next to E columns are not taken (a column "D1" of a SERVQUAL export is
 * not a desired level). A block present in part is an error naming the
 * first column missing; so is no P (or nothing at all: E1).
 */
static int
settle_form(struct sv *s, int *seen, char *msg, size_t len)
{
	const sq_instrument *ins = s->ins;
	size_t n = ins->nitems, i, b, cnt[NSLOT_ITEMS];
	static const char letter[NSLOT_ITEMS] = { 'E', 'P', 'A', 'D' };

	for (b = 0; b < NSLOT_ITEMS; b++)
		cnt[b] = block_count(ins, seen, b);
	if (cnt[0] > 0 && cnt[2] + cnt[3] > 0) {
		for (i = 0; i < s->ncols; i++)
			if (s->col[i].autocol && (s->col[i].role ==
			    SQ_ROLE_A || s->col[i].role == SQ_ROLE_D)) {
				seen[slot_of(ins, s->col[i].role,
				    s->col[i].target)] = 0;
				s->col[i].role = SQ_ROLE_NONE;
			}
		cnt[2] = block_count(ins, seen, 2);
		cnt[3] = block_count(ins, seen, 3);
		if (cnt[2] + cnt[3] > 0) {
			snprintf(msg, len, _("the codebook gives both E and A/D "
			    "columns: an export is SERVQUAL (E, P), SERVPERF "
			    "(P) or three-column (A, D, P)"));
			return -1;
		}
	}
	s->form = cnt[0] > 0 ? SQ_FORM_SERVQUAL : cnt[2] + cnt[3] > 0 ?
	    SQ_FORM_ZONE : cnt[1] > 0 ? SQ_FORM_SERVPERF : SQ_FORM_SERVQUAL;
	for (b = 0; b < NSLOT_ITEMS; b++) {
		int need = b == 1 || (b == 0 && s->form == SQ_FORM_SERVQUAL) ||
		    (b >= 2 && s->form == SQ_FORM_ZONE);

		if (!need || cnt[b] == n)
			continue;
		for (i = 0; i < n && seen[b * n + i] != 0; i++)
			;
		if (s->form == SQ_FORM_ZONE)
			snprintf(msg, len, _("required column %c%d not found "
			    "(items are A1..A%d, D1..D%d and P1..P%d; name "
			    "other columns in a codebook with -c)"), letter[b],
			    ins->items[i].number, ins->items[n - 1].number,
			    ins->items[n - 1].number,
			    ins->items[n - 1].number);
		else
			snprintf(msg, len, _("required column %c%d not found "
			    "(items are E1..E%d and P1..P%d; name other "
			    "columns in a codebook with -c)"),
			    cnt[0] + cnt[1] == 0 ? 'E' : letter[b],
			    ins->items[cnt[0] + cnt[1] == 0 ? 0 : i].number,
			    ins->items[n - 1].number,
			    ins->items[n - 1].number);
		return -1;
	}
	return 0;
}

int
sqs_bind_header(struct sv *s, char *const *names, size_t ncols, sq_error *err)
{
	const sq_instrument *ins = s->ins;
	size_t i, j, nw = 0;
	int *seen, r, t, slot, k, rc = SQ_OK;
	char msg[512], *folded = NULL;

	s->ncols = ncols;
	s->col = calloc(ncols + 1, sizeof(*s->col));
	s->colname = calloc(ncols + 1, sizeof(*s->colname));
	s->e = malloc((ins->nitems + 1) * sizeof(double));
	s->p = malloc((ins->nitems + 1) * sizeof(double));
	s->w = malloc((ins->ndims + 1) * sizeof(double));
	s->a = malloc((ins->nitems + 1) * sizeof(double));
	s->d = malloc((ins->nitems + 1) * sizeof(double));
	/* who holds each E, P, A, D, W and overall slot: column index + 1 */
	seen = calloc(NSLOT_ITEMS * ins->nitems + ins->ndims + 1,
	    sizeof(int));
	if (!s->col || !s->colname || !s->e || !s->p || !s->w || !s->a ||
	    !s->d || !seen) {
		free(seen);
		return sqs_header_err(s, err, SQ_ENOMEM, 0, NULL,
		    "out of memory");
	}
	for (i = 0; i < ncols; i++)
		if ((s->colname[i] = strdup(names[i])) == NULL) {
			free(seen);
			return sqs_header_err(s, err, SQ_ENOMEM, 0, NULL,
			    "out of memory");
		}
	s->segcol = -1;
	s->idcol = -1;
	if (s->o && s->o->by) {
		k = sqs_find_column(s->colname, ncols, s->o->by);
		if (k == -2) {
			snprintf(msg, sizeof(msg), _("segment column \"%s\" "
			    "matches several columns; give the full name"),
			    s->o->by);
			rc = sqs_header_err(s, err, SQ_ESCHEMA, 0, NULL, msg);
			goto out;
		}
		if (k < 0) {
			snprintf(msg, sizeof(msg), _("segment column \"%s\" not "
			    "found in the header"), s->o->by);
			rc = sqs_header_err(s, err, SQ_ESCHEMA, 0, NULL, msg);
			goto out;
		}
		s->segcol = k;
	}
	/* Pass 1: the codebook's names, folded once. */
	if (ins->ncols > 0 && (folded = malloc(ins->ncols * FOLD)) == NULL) {
		rc = sqs_header_err(s, err, SQ_ENOMEM, 0, NULL,
		    "out of memory");
		goto out;
	}
	for (j = 0; j < ins->ncols; j++)
		sq_fold(ins->cols[j].name, folded + j * FOLD, FOLD);
	for (i = 0; i < ncols && ins->ncols > 0; i++) {
		char fh[FOLD];

		if ((int)i == s->segcol)
			continue;
		sq_fold(names[i], fh, sizeof(fh));
		for (j = 0; j < ins->ncols; j++)
			if (sqs_name_match(ins->cols[j].name, folded + j * FOLD,
			    names[i], fh, i))
				break;
		if (j == ins->ncols)
			continue;
		r = ins->cols[j].role;
		t = ins->cols[j].target;
		if ((slot = slot_of(ins, r, t)) >= 0) {
			if (seen[slot] != 0) {
				snprintf(msg, sizeof(msg), _("duplicate column: "
				    "it holds the same answer as column %s "
				    "(#%d)"), s->colname[seen[slot] - 1],
				    seen[slot]);
				rc = sqs_header_err(s, err, SQ_ESCHEMA, i + 1,
				    names[i], msg);
				goto out;
			}
			seen[slot] = (int)i + 1;
		}
		if (r == SQ_ROLE_ID && s->idcol < 0)
			s->idcol = (int)i;
		s->col[i].role = r;
		s->col[i].target = t;
	}
	/* Every column row of the codebook names a column of the header. */
	if ((rc = cols_present(s, names, ncols, folded, err)) != SQ_OK)
		goto out;
	/* Pass 2: names recognised on their own, for answers still free. */
	for (i = 0; i < ncols; i++) {
		if ((int)i == s->segcol || s->col[i].role != SQ_ROLE_NONE)
			continue;
		if ((r = sq_survey_auto_role(ins, names[i], &t)) ==
		    SQ_ROLE_NONE)
			continue;
		slot = slot_of(ins, r, t);
		if (seen[slot] != 0) {
			if (!s->col[seen[slot] - 1].autocol)
				continue;	/* the codebook decided */
			snprintf(msg, sizeof(msg), _("duplicate column: it holds "
			    "the same answer as column %s (#%d)"),
			    s->colname[seen[slot] - 1], seen[slot]);
			rc = sqs_header_err(s, err, SQ_ESCHEMA, i + 1, names[i],
			    msg);
			goto out;
		}
		seen[slot] = (int)i + 1;
		s->col[i].role = r;
		s->col[i].target = t;
		s->col[i].autocol = 1;
	}
	/* The respondent id: codebook, --id, or a usual name. */
	if (s->idcol < 0 && s->o && s->o->id) {
		k = sqs_find_column(s->colname, ncols, s->o->id);
		if (k < 0) {
			snprintf(msg, sizeof(msg), _("id column \"%s\" not found "
			    "in the header"), s->o->id);
			rc = sqs_header_err(s, err, SQ_ESCHEMA, 0, NULL, msg);
			goto out;
		}
		s->idcol = k;
	}
	for (j = 0; s->idcol < 0 && id_names[j] != NULL; j++)
		for (i = 0; i < ncols; i++) {
			char f[64];

			sq_fold(names[i], f, sizeof(f));
			if (strcmp(f, id_names[j]) == 0 &&
			    s->col[i].role == SQ_ROLE_NONE &&
			    (int)i != s->segcol) {
				s->idcol = (int)i;
				break;
			}
		}
	if (s->idcol >= 0 && s->col[s->idcol].role == SQ_ROLE_NONE)
		s->col[s->idcol].role = SQ_ROLE_ID;
	if (settle_form(s, seen, msg, sizeof(msg)) != 0) {
		rc = sqs_header_err(s, err, SQ_ESCHEMA, 0, NULL, msg);
		goto out;
	}
	for (i = 0; i < ins->nitems; i++)
		s->a[i] = s->d[i] = NAN;
	for (i = 0; i < ins->ndims; i++)
		if (seen[NSLOT_ITEMS * ins->nitems + i] != 0)
			nw++;
	if (nw > 0 && nw < ins->ndims) {
		for (i = 0; i < ins->ndims; i++)
			if (seen[NSLOT_ITEMS * ins->nitems + i] == 0)
				break;
		snprintf(msg, sizeof(msg), _("weight column W_%s not found "
		    "(the other weight columns are there)"),
		    ins->dims[i].code);
		rc = sqs_header_err(s, err, SQ_ESCHEMA, 0, NULL, msg);
		goto out;
	}
	if (s->st) {
		s->st->has_weights = nw == ins->ndims;
		s->st->has_overall = seen[NSLOT_ITEMS * ins->nitems +
		    ins->ndims] != 0;
		s->st->form = s->form;
		sqs_item_like(s, names, ncols);
	}
	if (nw != ins->ndims)	/* weights are all there or ignored */
		for (i = 0; i < ncols; i++)
			if (s->col[i].role == SQ_ROLE_W)
				s->col[i].role = SQ_ROLE_NONE;
	if (s->o && s->o->header) {
		sq_survey_header h;
		int *roles = malloc((ncols + 1) * sizeof(int));
		int *targets = malloc((ncols + 1) * sizeof(int));

		if (roles == NULL || targets == NULL) {
			free(roles);
			free(targets);
			rc = sqs_header_err(s, err, SQ_ENOMEM, 0, NULL,
			    "out of memory");
			goto out;
		}
		for (i = 0; i < ncols; i++) {
			roles[i] = s->col[i].role;
			targets[i] = s->col[i].role == SQ_ROLE_NONE ||
			    s->col[i].role == SQ_ROLE_ID ||
			    s->col[i].role == SQ_ROLE_OVERALL ? -1 :
			    s->col[i].target;
		}
		if (s->segcol >= 0)
			roles[s->segcol] = SQ_ROLE_SEGMENT;
		h.line = s->hline;
		h.ncols = ncols;
		h.name = s->colname;
		h.role = roles;
		h.target = targets;
		h.segcol = s->segcol;
		h.idcol = s->idcol;
		h.shape = s->shape;
		h.form = s->form;
		rc = s->o->header(s->o->header_ctx, &h, err);
		free(roles);
		free(targets);
	}
out:
	free(folded);
	free(seen);
	return rc;
}
