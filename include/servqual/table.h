/*
 * servqual table output: a tidy table of string and number cells,
 * written as tsv, csv, json, md or pretty (see DESIGN.md "Output
 * contract"). Machine formats print numbers with 15 significant digits
 * and NaN where a figure is undefined (JSON: null); md and pretty round.
 */
#ifndef SERVQUAL_TABLE_H
#define SERVQUAL_TABLE_H

#include <stdio.h>

#include "servqual/error.h"

enum sq_format {
	SQ_FMT_TSV = 0, SQ_FMT_CSV, SQ_FMT_JSON, SQ_FMT_MD, SQ_FMT_PRETTY
};

/* How a numeric column reads when rounded for humans. */
enum sq_numstyle {
	SQ_NUM_REAL = 0,	/* 3 decimals */
	SQ_NUM_INT,		/* whole number */
	SQ_NUM_P		/* p-value: 4 decimals, "<0.0001" */
};

typedef struct sq_table sq_table;

/* A table with ncols columns named cols[]. */
int sq_table_new(const char *const *cols, size_t ncols, sq_table **out);

/* Set the human rounding style of column c. */
void sq_table_style(sq_table *t, size_t c, int numstyle);

/* Append a string cell (copied); rows wrap after ncols cells. */
int sq_table_str(sq_table *t, const char *s);

/* Append a number cell. */
int sq_table_num(sq_table *t, double x);

/*
 * Guard tsv and csv output against spreadsheet formula injection: a text
 * cell that starts with =, +, -, @, tab or CR gets a leading apostrophe
 * (numbers are never changed).
 */
void sq_table_guard(sq_table *t, int on);

/* Number of complete rows. */
size_t sq_table_rows(const sq_table *t);

/* Write the table; title (may be NULL) heads md and pretty output. */
int sq_table_write(const sq_table *t, FILE *fp, int format,
    const char *title);

/* Parse "tsv", "csv", ...; returns -1 if unknown. */
int sq_format_parse(const char *s);

/* Release a table. */
void sq_table_free(sq_table *t);

#endif
