/*
 * servqual cfa_report: sq-cfa's outputs of a fit (see man/sq-cfa.1): the
 * tidy long table, the JSON document and the readable summary.
 */
#ifndef SERVQUAL_CFA_REPORT_H
#define SERVQUAL_CFA_REPORT_H

#include <stdio.h>

#include "servqual/cfa.h"
#include "servqual/instrument.h"
#include "servqual/table.h"

/* How the data behind a fit were read. */
typedef struct sq_cfa_source {
	const sq_instrument *ins;	/* items in instrument order */
	const size_t *dimidx;		/* factor -> instrument dimension */
	char block;			/* 'E', 'P' or 'G' */
	unsigned long rows;		/* data rows read */
	unsigned long invalid;		/* cells treated as missing */
} sq_cfa_source;

/* The code of the dimension of factor a. */
const char *sq_cfa_dim_code(const sq_cfa_source *src, size_t a);

/* "ok", "doubtful" or "fail"; "" when not judged (no convergence). */
const char *sq_cfa_verdict_name(int verdict);

/* The fit as a long table: section key dimension item dimension2 value. */
int sq_cfa_table(const sq_cfa *c, const sq_cfa_source *src,
    sq_table **out);

/* The fit as one JSON document. */
int sq_cfa_json(const sq_cfa *c, const sq_cfa_source *src, FILE *fp);

/* The fit as a summary for reading, in lang (enum sq_lang). */
int sq_cfa_pretty(const sq_cfa *c, const sq_cfa_source *src, int lang,
    FILE *fp);

/*
 * What must not go unnoticed (non-convergence, Heywood cases, a factor
 * covariance that is not positive definite, pairs failing discriminant
 * validity), one note per line, into buf.
 */
void sq_cfa_notes(const sq_cfa *c, const sq_cfa_source *src, char *buf,
    size_t len);

#endif
