/*
 * Internal to lib/survey*.c: the reading state of one export and what the
 * survey files share. Data flows one way:
 *
 *   survey.c        the row loop: rows from the reader, data rows into
 *                   responses
 *   survey_shape.c  header rows held until the shape (plain, Qualtrics,
 *                   SurveyMonkey) is known
 *   survey_bind.c   the header bound to the instrument
 *   survey_names.c  column names recognised without a codebook
 *   survey_cell.c   numbers as exports write them; each cell checked
 */
#ifndef SERVQUAL_SURVEY_INT_H
#define SERVQUAL_SURVEY_INT_H

#include <stddef.h>

#include "servqual/survey.h"

/* Where the header stands (struct sv.state). */
enum sqs_state {
	SQS_NONE = 0,		/* no header row yet */
	SQS_HELD1,		/* the first header row held */
	SQS_HELD2,		/* and the row after it */
	SQS_BOUND		/* header bound: rows are data */
};

/* A row kept beyond its callback. */
struct rowcopy {
	unsigned long line, index;
	size_t nf;
	char *buf;
	size_t *len;
	char **field;
	int delim;
};

struct col {
	int role;		/* enum sq_role */
	int target;
	int autocol;		/* bound by name recognition, not codebook */
};

struct sv {
	const sq_instrument *ins;
	const sq_survey_opts *o;
	const char *name;
	sq_response_fn fn;
	void *ctx;
	sq_survey_stats *st;
	unsigned skipped;
	int state;		/* enum sqs_state */
	struct rowcopy h1, h2;
	const char *shape;
	unsigned long hline;	/* line of the header row */
	size_t ncols;
	struct col *col;
	char **colname;
	double *e, *p, *w;
	double *a, *d;		/* three-column form */
	int form;		/* enum sq_form */
	double *nummiss;	/* codebook missing codes that are numbers */
	size_t nnummiss;
	int segcol;		/* -1 when none */
	int idcol;
	int comma;		/* decimal comma allowed in weights */
};

/* survey_shape.c */

/*
 * A row while the header is open (state below SQS_BOUND): held, or the
 * header bound from it. *plain is set to 1 when row is no header row: the
 * rows held make a plain header (sqs_plain_header), and row is data.
 */
int sqs_shape_row(struct sv *s, const sq_row *row, int *plain,
    sq_error *err);

/* Bind the first row held as a plain header; state becomes SQS_BOUND. */
int sqs_bind_held(struct sv *s, sq_error *err);

/* A view of the row held in c, valid while c is. */
void sqs_rowcopy_view(const struct rowcopy *c, sq_row *r);

/* Release a held row; it can be set again. */
void sqs_rowcopy_free(struct rowcopy *c);

/* survey_bind.c */

/*
 * Bind the header names[0..ncols) (at line s->hline): every column's role
 * and target, the segment and id columns, the form; then tell
 * s->o->header. Allocates the answer arrays of s.
 */
int sqs_bind_header(struct sv *s, char *const *names, size_t ncols,
    sq_error *err);

/* An error in the header (line s->hline); returns code. */
int sqs_header_err(struct sv *s, sq_error *err, int code, size_t col,
    const char *colname, const char *msg);

/* survey_names.c */

/*
 * Does codebook column name cn (folded: fcn) designate column i named h
 * (folded: fh)?
 */
int sqs_name_match(const char *cn, const char *fcn, const char *h,
    const char *fh, size_t i);

/* Index of the column named want: exact, folded, then a unique group
 * suffix (servqual/sucursal for "sucursal"); -1 none, -2 ambiguous. */
int sqs_find_column(char *const *names, size_t n, const char *want);

/*
 * Columns that look like items but no role claims: their names into
 * s->st->item_like, for the tool to warn about.
 */
void sqs_item_like(struct sv *s, char *const *names, size_t ncols);

/* survey_cell.c */

/* Codebook missing codes that are numbers into s->nummiss. */
int sqs_numeric_missing(struct sv *s);

/* An answer on the scale in cell i: a number, a missing code or a label. */
int sqs_item_value(struct sv *s, const sq_row *row, size_t i, double *x,
    sq_error *err);

/* A weight (nonneg set: 0 or more) or a rating in cell i, or missing. */
int sqs_real_value(struct sv *s, const sq_row *row, size_t i, int nonneg,
    double *x, sq_error *err);

/* The overall rating *x read from cell i, checked against its scale. */
int sqs_overall_value(struct sv *s, const sq_row *row, size_t i, double *x,
    sq_error *err);

#endif
