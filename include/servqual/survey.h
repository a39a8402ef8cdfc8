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
} sq_response;

typedef int (*sq_response_fn)(void *ctx, const sq_response *r,
    sq_error *err);

/* A problem found in a cell, reported when sq_survey_opts.problem is set. */
typedef void (*sq_problem_fn)(void *ctx, const sq_error *problem);

enum sq_invalid { SQ_INVALID_ERROR = 0, SQ_INVALID_MISSING };

typedef struct sq_survey_opts {
	sq_reader_opts csv;
	const char *by;		/* segment column name, or NULL */
	int invalid;		/* enum sq_invalid */
	unsigned skip_rows;	/* rows to skip before the header */
	sq_problem_fn problem;	/* if set: every problem is reported here
				   and reading goes on (cell = missing) */
	void *problem_ctx;
} sq_survey_opts;

typedef struct sq_survey_stats {
	unsigned long rows;		/* data rows read */
	unsigned long invalid;		/* cells treated as missing */
	unsigned long missing_e;	/* missing E cells (incl. invalid) */
	unsigned long missing_p;
	int has_weights;		/* all weight columns found */
	int has_overall;
} sq_survey_stats;

/*
 * Read a whole export, calling fn for every data row. Fails with a
 * message naming file, line and column on the first problem unless
 * opts->invalid or opts->problem say otherwise.
 */
int sq_survey_read(FILE *fp, const char *name, const sq_instrument *ins,
    const sq_survey_opts *opts, sq_response_fn fn, void *ctx,
    sq_survey_stats *st, sq_error *err);

#endif
