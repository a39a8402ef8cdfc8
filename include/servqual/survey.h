/*
 * servqual survey: binds an export's header to an instrument and turns
 * each data row into a respondent's answers (E, P, weights, overall,
 * segment), validating every value against the scale.
 */
#ifndef SERVQUAL_SURVEY_H
#define SERVQUAL_SURVEY_H

#include <stdio.h>

#include "servqual/error.h"
#include "servqual/instrument.h"
#include "servqual/reader.h"

/* One respondent; valid only during the callback. NAN marks missing. */
typedef struct sq_response {
	unsigned long line;	/* physical line of the row */
	const double *e;	/* nitems expectations (reverse keying done) */
	const double *p;	/* nitems perceptions */
	const double *w;	/* ndims weights */
	double overall;		/* overall rating */
	const char *segment;	/* value of the --by column, or NULL */
	const char *id;		/* respondent id, or NULL */
	const sq_row *row;	/* the row as read (UTF-8 fields) */
	unsigned answered;	/* E, P, A, D cells holding a valid answer */
	const double *a;	/* nitems adequate levels (three-column) */
	const double *d;	/* nitems desired levels (three-column) */
	int form;		/* enum sq_form; e is all NAN unless
				   SERVQUAL, a and d unless three-column */
} sq_response;

typedef int (*sq_response_fn)(void *ctx, const sq_response *r,
    sq_error *err);

/*
 * The nitems answers of r on block (enum sq_block) into x: E, P or the
 * gap P - E; NAN where an answer it needs is missing.
 */
void sq_response_block(const sq_response *r, size_t nitems, int block,
    double *x);

/* A problem found in a cell, reported when sq_survey_opts.problem is set. */
typedef void (*sq_problem_fn)(void *ctx, const sq_error *problem);

/* The header as bound: one entry per column of the export. */
typedef struct sq_survey_header {
	unsigned long line;	/* line of the header row */
	size_t ncols;
	char *const *name;	/* column names (SurveyMonkey: merged) */
	const int *role;	/* enum sq_role per column */
	const int *target;	/* item or dimension index, or -1 */
	int segcol;		/* index of the --by column, or -1 */
	int idcol;		/* index of the id column, or -1 */
	const char *shape;	/* "plain", "qualtrics", "surveymonkey" */
	int form;		/* enum sq_form */
} sq_survey_header;

/* Called once the header is bound; return 0 or an SQ_E* code. */
typedef int (*sq_header_fn)(void *ctx, const sq_survey_header *h,
    sq_error *err);

enum sq_invalid { SQ_INVALID_ERROR = 0, SQ_INVALID_MISSING };

typedef struct sq_survey_opts {
	sq_reader_opts csv;
	const char *by;		/* segment column name, or NULL */
	int invalid;		/* enum sq_invalid */
	unsigned skip_rows;	/* rows to skip before the header */
	sq_problem_fn problem;	/* if set: every problem is reported here
				   and reading goes on (cell = missing) */
	void *problem_ctx;
	sq_header_fn header;	/* optional: told the bound header */
	void *header_ctx;
	const char *id;		/* id column name, or NULL: auto */
	int no_shapes;		/* 1: do not recognise the extra header
				   rows of Qualtrics and SurveyMonkey */
	int fold_segments;	/* 1: segment values that differ only in
				   case or accents are one, named by their
				   folding key (sq_fold_key) */
} sq_survey_opts;

typedef struct sq_survey_stats {
	unsigned long rows;		/* data rows read */
	unsigned long invalid;		/* cells treated as missing */
	unsigned long missing_e;	/* missing E cells (incl. invalid) */
	unsigned long missing_p;
	int has_weights;		/* all weight columns found */
	int has_overall;
	int form;			/* enum sq_form, once the header is
					   bound */
	unsigned long missing_a;	/* three-column form */
	unsigned long missing_d;
	int guessed_cp1252;		/* not valid UTF-8: read as
					   Windows-1252 by guess */
	char item_like[512];		/* columns that look like items but
					   no role claims, ", "-separated
					   ("" if none) */
} sq_survey_stats;

/*
 * Parse a number as exports write it: "7", "7.00", " 7 ", "1.5E-05";
 * with comma set also "7,5" and "1.234,5" (decimal comma). Returns 0,
 * -1 if s is not a number, -2 if it is one beyond the range of a double
 * ("1e400"). A number below the smallest double reads as 0 or
 * subnormal, as strtod and R read it.
 */
int sq_parse_number(const char *s, int comma, double *x);

/*
 * The role a column name has without a codebook (E1, e01, E_1, group/E1,
 * group-E1, E[SQ001], "Expectativas [E1 ...]", "E1 text", likewise P, A
 * and D; W_TAN, overall) and its item or dimension index in *target;
 * SQ_ROLE_NONE if none.
 */
int sq_survey_auto_role(const sq_instrument *ins, const char *name,
    int *target);

/*
 * Read a whole export, calling fn for every data row. Fails with a
 * message naming file, line and column on the first problem unless
 * opts->invalid or opts->problem say otherwise.
 */
int sq_survey_read(FILE *fp, const char *name, const sq_instrument *ins,
    const sq_survey_opts *opts, sq_response_fn fn, void *ctx,
    sq_survey_stats *st, sq_error *err);

#endif
