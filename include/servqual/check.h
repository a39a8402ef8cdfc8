/*
 * servqual check: data-quality flags over respondents (duplicate ids,
 * straight-lining, too few answers, weights not summing to 100), the
 * counts sq-check summarises, and the canonical CSV that --clean writes.
 * An accumulator: sq_check_new, sq_check_add per respondent,
 * sq_check_result, sq_check_free.
 */
#ifndef SERVQUAL_CHECK_H
#define SERVQUAL_CHECK_H

#include <stdio.h>

#include "servqual/error.h"
#include "servqual/instrument.h"
#include "servqual/survey.h"

typedef struct sq_check_opts {
	unsigned min_answers;	/* flag fewer answered cells; 0 = half the
				   cells of the form (nitems for E+P) */
	double weight_total;	/* weights should sum to this; 0 = 100 */
	int weights;		/* the export has weight columns */
} sq_check_opts;

typedef struct sq_check sq_check;

typedef struct sq_check_summary {
	unsigned long rows;		/* respondents read */
	unsigned long usable;		/* SERVQUAL score defined */
	unsigned long missing;		/* E and P cells missing */
	unsigned long duplicate_ids;
	unsigned long straight_lining;
	unsigned long too_few;
	unsigned long weights_off;	/* weights incomplete or not 100 */
	const unsigned long *missing_e;	/* per item, instrument order */
	const unsigned long *missing_p;
	const unsigned long *missing_a;	/* three-column form */
	const unsigned long *missing_d;
	unsigned long inverted;		/* respondents with some A > D */
	int form;			/* enum sq_form of the export */
} sq_check_summary;

/* A new checker for ins (borrowed; must outlive the checker). */
int sq_check_new(const sq_instrument *ins, const sq_check_opts *o,
    sq_check **out);

/*
 * Count one respondent and pass every flag it raises to fn as a problem
 * (file and line filled, no column). Returns 0 or SQ_ENOMEM.
 */
int sq_check_add(sq_check *c, const sq_response *r, const char *file,
    sq_problem_fn fn, void *ctx);

/* The counts so far; the per-item arrays belong to c. */
void sq_check_result(const sq_check *c, sq_check_summary *s);

/* The answer blocks of a form as letters ('E', 'P', 'A', 'D'); count. */
int sq_check_blocks(int form, int *blocks);

/* A respondent's answers of block (a letter as above). */
const double *sq_check_series(const sq_response *r, int block);

/* One answer: item i of block. */
double sq_check_cell(const sq_response *r, int block, size_t i);

/* Release a checker. */
void sq_check_free(sq_check *c);

/*
 * The canonical CSV --clean writes: the export's other columns (id,
 * segments, metadata) as they were, then the form's blocks (E1..En,
 * P1..Pn; P only; A1..An, D1..Dn, P1..Pn), W_<DIM> and
 * overall when the export has them; UTF-8, comma-separated, '.' decimals,
 * blank for missing, answers as given (reverse keying undone). Other
 * columns whose names would be read as answers are left out.
 */
typedef struct sq_clean sq_clean;

/* Start a canonical CSV on fp (borrowed) and write its header. */
int sq_clean_new(FILE *fp, const sq_instrument *ins,
    const sq_survey_header *h, sq_clean **out);

/*
 * The same for a spreadsheet: format SQ_FMT_CSV as above, SQ_FMT_CSV_ES
 * with ';' between fields and decimal commas (Excel and LibreOffice in a
 * Spanish locale), SQ_FMT_EXCEL as csv-es with a UTF-8 BOM (without it
 * Excel reads the bytes as Windows-1252) and CRLF line ends.
 */
int sq_clean_new_as(FILE *fp, const sq_instrument *ins,
    const sq_survey_header *h, int format, sq_clean **out);

/* Write one respondent's row. Returns 0 or SQ_EIO. */
int sq_clean_row(sq_clean *c, const sq_response *r);

/* Release the writer (fp stays open). */
void sq_clean_free(sq_clean *c);

#endif
