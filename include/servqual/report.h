/*
 * servqual report: the whole study as one PDF (sq-report). A study is
 * every analysis of one export, accumulated in a single pass over it
 * (gaps, reliability, factor structure, importance, data quality); the
 * report typesets it with Pango on Cairo's PDF surface: cover, executive
 * summary in sentences computed from the results, sections with the
 * tools' own tables and charts, a methods appendix, page numbers,
 * metadata and an outline. Its figures are the tools' pretty figures.
 */
#ifndef SERVQUAL_REPORT_H
#define SERVQUAL_REPORT_H

#include <stdio.h>

#include "servqual/error.h"
#include "servqual/instrument.h"
#include "servqual/survey.h"

typedef struct sq_study sq_study;

/*
 * Read the export at path ("-": stdin) once and run every analysis on it;
 * conf is the confidence level; so->by (may be NULL) the segment column.
 */
int sq_study_run(const char *path, const sq_instrument *ins,
    const sq_survey_opts *so, double conf, sq_study **out, sq_error *err);

/* Release a study. */
void sq_study_free(sq_study *s);

typedef struct sq_report_opts {
	const char *title;	/* study title; NULL: a generic one */
	const char *source;	/* the export's name as shown */
	const char *date;	/* date of the data, "YYYY-MM-DD", or NULL */
	int lang;		/* enum sq_lang: names of dimensions */
	int letter;		/* US letter instead of A4 */
} sq_report_opts;

/*
 * The executive summary: sentences, one per line, in the message
 * language. *text is the caller's to free.
 */
int sq_report_summary(const sq_study *s, const sq_report_opts *o,
    char **text);

/* Write the PDF report on fp. */
int sq_report_pdf(const sq_study *s, const sq_report_opts *o, FILE *fp,
    sq_error *err);

/*
 * Release the fonts Pango and fontconfig cache, at the end of a process
 * (leak checkers then see nothing left).
 */
void sq_report_release_fonts(void);

#endif
