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
#include "servqual/table.h"

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
	unsigned long straight_lining;	/* E and P blocks flagged */
	unsigned long straight_respondents; /* respondents with either */
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
 * (file and line filled, no column). file (borrowed) is the file being
 * read: a duplicate of an id first seen in another file names that file.
 * Returns 0 or SQ_ENOMEM.
 */
int sq_check_add(sq_check *c, const sq_response *r, const char *file,
    sq_problem_fn fn, void *ctx);

/*
 * Fold src (a part read after dst, same instrument) into dst: counts add,
 * and the ids of src already in dst count as duplicates, so folding the
 * parts of an export in any order counts what one run counts. The lines
 * of dst's ids stay; src's new ids get no line. SQ_OK or SQ_ENOMEM.
 */
int sq_check_fold(sq_check *dst, const sq_check *src);

/* The flags a respondent can raise. */
enum {
	SQ_CHECK_DUPLICATE = 1,	/* its id repeats an earlier one */
	SQ_CHECK_STRAIGHT = 2,	/* straight-lining in E or P */
	SQ_CHECK_FEW = 4,	/* fewer answers than min_answers */
	SQ_CHECK_WEIGHTS = 8,	/* weights incomplete or off 100 */
	SQ_CHECK_INVERTED = 16	/* an adequate level above the desired */
};

/* The SQ_CHECK_* flags the last respondent added raised. */
unsigned sq_check_flags(const sq_check *c);

/* Inside sq_check_add's fn: the SQ_CHECK_* flag being reported. */
int sq_check_current(const sq_check *c);

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
 * The summary's measures, in the order of sq-check --summary; gates name
 * them. Counts, and shares of the rows read (of the answer cells of the
 * form for invalid and missing cells).
 */
enum sq_check_measure {
	SQ_CM_ROWS = 0, SQ_CM_USABLE, SQ_CM_RAGGED, SQ_CM_INVALID,
	SQ_CM_MISSING, SQ_CM_DUPLICATE, SQ_CM_STRAIGHT, SQ_CM_FEW,
	SQ_CM_WEIGHTS, SQ_CM_INVERTED, SQ_CM_N
};

/* The name of measure m ("invalid_cells"). */
const char *sq_check_measure_name(int m);

/*
 * Every measure's count and share into count[SQ_CM_N], share[SQ_CM_N];
 * invalid cells and ragged rows are the reader's counts (the checker
 * never sees them).
 */
void sq_check_measures(const sq_check *c, unsigned long invalid,
    unsigned long ragged, double *count, double *share);

/*
 * The measures as a table "header form measure count share": the header
 * shape (plain, qualtrics, surveymonkey) and the form (servqual,
 * servperf, zone) repeated on every row.
 */
int sq_check_summary_table(const sq_check *c, const char *shape,
    const double *count, const double *share, sq_table **out);

/*
 * Missing answers per item as a table "item dimension" and a column per
 * block of the form: missing_e missing_p; missing_p; missing_a
 * missing_d missing_p.
 */
int sq_check_items_table(const sq_check *c, sq_table **out);

/* A --fail-if gate: MEASURE>X, MEASURE>=X, or MEASURE>X% on the share. */
typedef struct sq_checkgate {
	int measure;		/* SQ_CM_*, neither rows nor usable */
	int ge;			/* >= rather than > */
	int share;		/* X is a percentage of the share */
	double x;
	char text[64];		/* as given */
} sq_checkgate;

/* Parse a gate; SQ_EUSAGE if malformed. */
int sq_checkgate_parse(const char *s, sq_checkgate *g);

/* Does gate g hold on the measures? */
int sq_checkgate_holds(const sq_checkgate *g, const double *count,
    const double *share);

/*
 * The canonical CSV --clean writes: the id and segment columns as they
 * were (with keep_all, every other column too: metadata, names, IP
 * addresses), then the form's blocks (E1..En, P1..Pn; P only; A1..An,
 * D1..Dn, P1..Pn), W_<DIM> and overall when the export has them; UTF-8, comma-separated, '.' decimals, blank for missing,
 * answers as given (reverse keying undone). Other columns whose names
 * would be read as answers are left out.
 */
typedef struct sq_clean sq_clean;

/* Start a canonical CSV on fp (borrowed) and write its header. */
int sq_clean_new(FILE *fp, const sq_instrument *ins,
    const sq_survey_header *h, int keep_all, sq_clean **out);

/*
 * The same for a spreadsheet: format SQ_FMT_CSV as above, SQ_FMT_CSV_ES
 * with ';' between fields and decimal commas (Excel and LibreOffice in a
 * Spanish locale), SQ_FMT_EXCEL as csv-es with a UTF-8 BOM (without it
 * Excel reads the bytes as Windows-1252) and CRLF line ends.
 */
int sq_clean_new_as(FILE *fp, const sq_instrument *ins,
    const sq_survey_header *h, int keep_all, int format, sq_clean **out);

/* Write one respondent's row. Returns 0, SQ_EIO or SQ_ENOMEM. */
int sq_clean_row(sq_clean *c, const sq_response *r);

/* Release the writer (fp stays open). */
/*
 * Guard against spreadsheet formula injection: a text cell that starts
 * with =, +, -, @, tab or CR is written with a leading apostrophe, which
 * spreadsheets show as text (OWASP's "CSV injection" advice).
 */
void sq_clean_guard(sq_clean *c, int on);

void sq_clean_free(sq_clean *c);

#endif
