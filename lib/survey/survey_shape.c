/*
 * The header's shape: one plain row; Qualtrics (ids, question text, then
 * a row of {"ImportId":...} cells, in the new JSON or the legacy
 * quoting); or SurveyMonkey (question text over the first column of each
 * question, a second row naming the sub-items or saying "Response"). Up
 * to two rows after the first are held back until the shape is known.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "survey_int.h"

void
sqs_rowcopy_free(struct rowcopy *c)
{
	free(c->buf);
	free(c->len);
	free(c->field);
	memset(c, 0, sizeof(*c));
}

static int
rowcopy_set(struct rowcopy *c, const sq_row *r)
{
	size_t i, tot = 0, off = 0;

	sqs_rowcopy_free(c);
	for (i = 0; i < r->nfields; i++)
		tot += r->len[i] + 1;
	c->buf = malloc(tot + 1);
	c->len = malloc((r->nfields + 1) * sizeof(*c->len));
	c->field = malloc((r->nfields + 1) * sizeof(*c->field));
	if (c->buf == NULL || c->len == NULL || c->field == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < r->nfields; i++) {
		memcpy(c->buf + off, r->field[i], r->len[i] + 1);
		c->field[i] = c->buf + off;
		c->len[i] = r->len[i];
		off += r->len[i] + 1;
	}
	c->nf = r->nfields;
	c->line = r->line;
	c->index = r->index;
	c->delim = r->delim;
	return SQ_OK;
}

void
sqs_rowcopy_view(const struct rowcopy *c, sq_row *r)
{
	r->line = c->line;
	r->index = c->index;
	r->nfields = c->nf;
	r->field = c->field;
	r->len = c->len;
	r->delim = c->delim;
}

/* A Qualtrics ImportId row: every cell {"ImportId":...} or {'ImportId'. */
static int
is_importid_row(const sq_row *row)
{
	size_t i, n = 0;
	const char *v;

	for (i = 0; i < row->nfields; i++) {
		v = row->field[i];
		while (*v == ' ')
			v++;
		if (*v == '\0')
			continue;
		if (*v != '{' || strcasestr(v, "importid") == NULL)
			return 0;
		n++;
	}
	return n > 0;
}

static int
is_response_word(const char *v)
{
	char f[32];

	sq_fold(v, f, sizeof(f));
	return strcmp(f, "response") == 0 ||
	    strcmp(f, "open-ended response") == 0;
}

/*
 * SurveyMonkey's second header row: the first row leaves cells empty
 * (sub-items of a question) and this row names them, or says "Response"
 * under single-answer questions.
 */
static int
is_monkey_row(const struct rowcopy *h1, const sq_row *row)
{
	size_t i, empty = 0, named = 0, words = 0;
	double x;

	for (i = 0; i < h1->nf; i++)
		if (h1->len[i] == 0)
			empty++;
	if (empty == 0 || row->nfields != h1->nf)
		return 0;
	for (i = 0; i < row->nfields; i++) {
		if (is_response_word(row->field[i]))
			words++;
		if (h1->len[i] == 0 && row->len[i] > 0 &&
		    sq_parse_number(row->field[i], 1, &x) != 0)
			named++;
	}
	return words > 0 || (named == empty && row->len[0] == 0);
}

int
sqs_bind_held(struct sv *s, sq_error *err)
{
	s->state = SQS_BOUND;
	s->hline = s->h1.line;
	return sqs_bind_header(s, s->h1.field, s->h1.nf, err);
}

static int
bind_monkey(struct sv *s, const sq_row *row, sq_error *err)
{
	char **names;
	size_t i;
	int rc;

	names = malloc((row->nfields + 1) * sizeof(*names));
	if (names == NULL)
		return sqs_header_err(s, err, SQ_ENOMEM, 0, NULL,
		    "out of memory");
	for (i = 0; i < row->nfields; i++)
		names[i] = row->len[i] > 0 && (s->h1.len[i] == 0 ||
		    !is_response_word(row->field[i])) ? row->field[i] :
		    s->h1.field[i];
	s->shape = "surveymonkey";
	s->hline = s->h1.line;
	rc = sqs_bind_header(s, names, row->nfields, err);
	free(names);
	return rc;
}

/* Hold row in c until the shape is known. */
static int
hold(struct sv *s, struct rowcopy *c, const sq_row *row, sq_error *err)
{
	if (rowcopy_set(c, row) != SQ_OK)
		return sq_error_set(err, SQ_ENOMEM, s->name, row->line, 0,
		    NULL, "out of memory");
	return 0;
}

int
sqs_shape_row(struct sv *s, const sq_row *row, int *plain, sq_error *err)
{
	*plain = 0;
	if (s->state == SQS_NONE) {
		if (s->o && s->o->no_shapes) {
			s->state = SQS_BOUND;
			s->hline = row->line;
			return sqs_bind_header(s, row->field, row->nfields,
			    err);
		}
		s->state = SQS_HELD1;
		return hold(s, &s->h1, row, err);
	}
	if (is_importid_row(row)) {
		s->shape = "qualtrics";
		return sqs_bind_held(s, err);
	}
	if (s->state == SQS_HELD1 && is_monkey_row(&s->h1, row)) {
		s->state = SQS_BOUND;
		return bind_monkey(s, row, err);
	}
	if (s->state == SQS_HELD1) {
		s->state = SQS_HELD2;
		return hold(s, &s->h2, row, err);
	}
	*plain = 1;	/* a third row: the first was a plain header */
	return 0;
}
