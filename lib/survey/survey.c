/*
 * The survey: the export's header bound to the instrument, then every data
 * row turned into one respondent's answers.
 *
 * This file is the row loop: rows from the reader go to the shape
 * (survey_shape.c) until the header is bound (survey_bind.c, by the names
 * of survey_names.c), then each data row becomes a response, its cells
 * checked one by one (survey_cell.c). survey_int.h says what they share.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/pipeline.h"
#include "servqual/i18n.h"
#include "servqual/unicode.h"
#include "survey_int.h"

static void
sv_free(struct sv *s)
{
	size_t i;

	if (s->colname != NULL)
		for (i = 0; i < s->ncols; i++)
			free(s->colname[i]);
	free(s->colname);
	free(s->col);
	free(s->e);
	free(s->p);
	free(s->w);
	free(s->a);
	free(s->d);
	free(s->nummiss);
	sqs_rowcopy_free(&s->h1);
	sqs_rowcopy_free(&s->h2);
}

static int
data_row(struct sv *s, const sq_row *row, sq_error *err)
{
	const sq_instrument *ins = s->ins;
	sq_response r;
	size_t i, k;
	double x;
	int rc;

	/* Rows of empty cells (a blank line, ";;;;" from Excel) are no
	 * respondents. */
	for (i = 0; i < row->nfields && row->len[i] == 0; i++)
		;
	if (i == row->nfields)
		return 0;
	s->comma = row->delim != ',';
	/* Empty cells past the header's last column (a spreadsheet's
	 * trailing delimiters) are no data. */
	for (i = s->ncols; i < row->nfields && row->len[i] == 0; i++)
		;
	if (row->nfields < s->ncols || i < row->nfields) {
		char msg[128];
		sq_error pe;

		snprintf(msg, sizeof(msg), _("row has %zu fields, the header "
		    "has %zu"), row->nfields, s->ncols);
		if (s->o && s->o->problem) {
			sq_error_set(&pe, SQ_EPARSE, s->name, row->line, 0,
			    NULL, "%s", msg);
			s->o->problem(s->o->problem_ctx, &pe);
			return 0;
		}
		return sq_error_set(err, SQ_EPARSE, s->name, row->line, 0,
		    NULL, "%s", msg);
	}
	for (k = 0; k < ins->nitems; k++)
		s->e[k] = s->p[k] = NAN;
	for (k = 0; s->form == SQ_FORM_ZONE && k < ins->nitems; k++)
		s->a[k] = s->d[k] = NAN;	/* else NAN since the header */
	for (k = 0; k < ins->ndims; k++)
		s->w[k] = NAN;
	memset(&r, 0, sizeof(r));
	r.overall = NAN;
	for (i = 0; i < s->ncols; i++) {
		switch (s->col[i].role) {
		case SQ_ROLE_E:
		case SQ_ROLE_P:
		case SQ_ROLE_A:
		case SQ_ROLE_D:
			if ((rc = sqs_item_value(s, row, i, &x, err)) != 0)
				return rc;
			k = (size_t)s->col[i].target;
			if (!isnan(x)) {
				r.answered++;
				if (ins->items[k].reverse)
					x = ins->min + ins->max - x;
			}
			if (s->col[i].role == SQ_ROLE_E)
				s->e[k] = x;
			else if (s->col[i].role == SQ_ROLE_P)
				s->p[k] = x;
			else if (s->col[i].role == SQ_ROLE_A)
				s->a[k] = x;
			else
				s->d[k] = x;
			break;
		case SQ_ROLE_W:
			if ((rc = sqs_real_value(s, row, i, 1, &x, err)) != 0)
				return rc;
			s->w[s->col[i].target] = x;
			break;
		case SQ_ROLE_OVERALL:
			if ((rc = sqs_real_value(s, row, i, 0, &r.overall,
			    err)) != 0 || (rc = sqs_overall_value(s, row, i,
			    &r.overall, err)) != 0)
				return rc;
			break;
		default:
			break;
		}
	}
	if (s->segcol >= 0)
		r.segment = row->field[s->segcol];
	if (s->idcol >= 0)
		r.id = row->field[s->idcol];
	if (s->st) {
		for (k = 0; k < ins->nitems; k++) {
			s->st->missing_e += isnan(s->e[k]);
			s->st->missing_p += isnan(s->p[k]);
		}
		for (k = 0; s->form == SQ_FORM_ZONE && k < ins->nitems; k++) {
			s->st->missing_a += isnan(s->a[k]);
			s->st->missing_d += isnan(s->d[k]);
		}
		if (s->form != SQ_FORM_SERVQUAL)	/* E is no block */
			s->st->missing_e = 0;
		s->st->rows++;
	}
	r.line = row->line;
	r.e = s->e;
	r.p = s->p;
	r.w = s->w;
	r.a = s->a;
	r.d = s->d;
	r.form = s->form;
	r.row = row;
	if (r.segment && s->o && s->o->fold_segments) {
		/* Values that differ only in case or accents are one. */
		char *key = sq_fold_key(r.segment);

		if (key == NULL)
			return sq_error_set(err, SQ_ENOMEM, s->name, row->line,
			    0, NULL, "out of memory");
		r.segment = key;
		rc = s->fn(s->ctx, &r, err);
		free(key);
		return rc;
	}
	return s->fn(s->ctx, &r, err);
}

/*
 * The rows held make a plain header: the first is the header, the second
 * (if one was held) the first data row.
 */
static int
plain_header(struct sv *s, sq_error *err)
{
	int two = s->state == SQS_HELD2;
	sq_row held;
	int rc;

	if ((rc = sqs_bind_held(s, err)) != SQ_OK || !two)
		return rc;
	sqs_rowcopy_view(&s->h2, &held);
	return data_row(s, &held, err);
}

static int
on_row(void *ctx, const sq_row *row, sq_error *err)
{
	struct sv *s = ctx;
	int rc, plain;

	if (s->o && s->skipped < s->o->skip_rows) {
		s->skipped++;
		return 0;
	}
	if (s->state != SQS_BOUND) {
		if ((rc = sqs_shape_row(s, row, &plain, err)) != 0 || !plain)
			return rc;
		if ((rc = plain_header(s, err)) != 0)
			return rc;
	}
	return data_row(s, row, err);
}

int
sq_survey_read(FILE *fp, const char *name, const sq_instrument *ins,
    const sq_survey_opts *opts, sq_response_fn fn, void *ctx,
    sq_survey_stats *st, sq_error *err)
{
	struct sv s;
	sq_survey_stats local;
	int rc;

	memset(&s, 0, sizeof(s));
	if (st == NULL)
		st = &local;
	memset(st, 0, sizeof(*st));
	s.ins = ins;
	s.o = opts;
	s.name = name;
	s.fn = fn;
	s.ctx = ctx;
	s.st = st;
	s.segcol = -1;
	s.idcol = -1;
	s.shape = "plain";
	if (sqs_numeric_missing(&s) != SQ_OK) {
		sv_free(&s);
		return sq_error_set(err, SQ_ENOMEM, name, 0, 0, NULL,
		    "out of memory");
	}
	{
		sq_reader_opts ro;

		if (opts)
			ro = opts->csv;
		else
			memset(&ro, 0, sizeof(ro));
		ro.guessed = &st->guessed_cp1252;
		rc = sq_read_csv_pipelined(fp, name, &ro, on_row, &s, err);
	}
	/* Rows held back while the header's shape was open. */
	if (rc == SQ_OK && (s.state == SQS_HELD1 || s.state == SQS_HELD2))
		rc = plain_header(&s, err);
	if (rc == SQ_OK && s.state == SQS_NONE)
		rc = sq_error_set(err, SQ_EEMPTY, name, 0, 0, NULL,
		    "empty file: no header row");
	else if (rc == SQ_OK && st->rows == 0)
		rc = sq_error_set(err, SQ_EEMPTY, name, 0, 0, NULL,
		    "no data rows after the header");
	sv_free(&s);
	return rc;
}
