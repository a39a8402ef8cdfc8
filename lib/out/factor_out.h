/*
 * Internal to lib/: the pieces sq-factor's renderings (fa_report.c) and
 * sq-cfa's (cfa_report.c) share: named figures written as rows of a long
 * table or as JSON members, a list of flagged items, notes into a
 * buffer and the end of building a table.
 */
#ifndef SERVQUAL_FACTOR_OUT_H
#define SERVQUAL_FACTOR_OUT_H

#include <stddef.h>
#include <stdio.h>

#include "servqual/instrument.h"
#include "servqual/table.h"

/* A named figure: a number, or text when text is not NULL. */
struct fo_cell {
	const char *key;
	double value;
	const char *text;
};

#define FO_N(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * One row of a long table per cell: section, key, before empty cells,
 * the value, after empty cells. Returns SQ_OK or SQ_ENOMEM.
 */
int fo_rows(sq_table *t, const char *section, const struct fo_cell *v,
    size_t n, size_t before, size_t after);

/* "key": value members of the n cells (numbers), sep between them. */
void fo_json(FILE *fp, const struct fo_cell *v, size_t n, const char *sep);

/*
 * printf into buf + *off (len bytes in all), advancing *off; what does
 * not fit is cut, and *off may pass len.
 */
void fo_put(char *buf, size_t len, size_t *off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* " E3, E7": the items i of ins (p of them) with flag[i] set, as fo_put. */
void fo_items(char *buf, size_t len, size_t *off, const int *flag,
    size_t p, char block, const sq_instrument *ins);

/* Hand t to *out when rc is SQ_OK, else free it; returns rc. */
int fo_done(sq_table *t, int rc, sq_table **out);

#endif
