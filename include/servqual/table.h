/*
 * servqual table output: a tidy table of string and number cells,
 * written as tsv, csv, json, md or pretty (see DESIGN.md "Output
 * contract"). Machine formats print numbers with 15 significant digits
 * and NaN where a figure is undefined (JSON: null) and never change with
 * the language. csv-es and excel are csv for spreadsheets in Spanish
 * (';' between fields, decimal comma, blank for NaN; excel adds a UTF-8
 * BOM and CRLF line ends). md and pretty are for people: each column
 * declares its kind (integer, real with its decimals, p-value, text) and
 * a header label; numbers use the separators of the message language,
 * undefined figures are blank, and pretty wraps to 100 display columns.
 */
#ifndef SERVQUAL_TABLE_H
#define SERVQUAL_TABLE_H

#include <stdio.h>

#include "servqual/error.h"

/* Human formats come last: format >= SQ_FMT_MD means "for people". */
enum sq_format {
	SQ_FMT_TSV = 0, SQ_FMT_CSV, SQ_FMT_JSON, SQ_FMT_CSV_ES, SQ_FMT_EXCEL,
	SQ_FMT_MD, SQ_FMT_PRETTY
};

/* Widest pretty output, in display columns. */
#define SQ_PRETTY_WIDTH 100

/* How a column reads when rounded for humans. */
enum sq_numstyle {
	SQ_NUM_REAL = 0,	/* digits decimals (3 unless declared) */
	SQ_NUM_INT,		/* whole number, thousands separated */
	SQ_NUM_P,		/* p-value: 3 decimals, "<0.001" */
	SQ_NUM_TEXT		/* a string column */
};

typedef struct sq_table sq_table;

/* A table with ncols columns named cols[]. */
int sq_table_new(const char *const *cols, size_t ncols, sq_table **out);

/* Set the human rounding style of column c. */
void sq_table_style(sq_table *t, size_t c, int numstyle);

/*
 * Declare how column c reads for people: kind (enum sq_numstyle), digits
 * for SQ_NUM_REAL, and label, an English header translated when written
 * (NULL: the column name). Static strings: label is not copied.
 */
void sq_table_human(sq_table *t, size_t c, int kind, int digits,
    const char *label);

/* Leave column c out of md and pretty. */
void sq_table_hide(sq_table *t, size_t c);

/* Show only the columns named in names (NULL-terminated) for people. */
void sq_table_show(sq_table *t, const char *const *names);

/*
 * Column c groups rows for people: a heading line with its value
 * whenever it changes, instead of a column.
 */
void sq_table_group(sq_table *t, size_t c);

/* Index of the column called name, or -1. */
long sq_table_find(const sq_table *t, const char *name);

/*
 * x as people read it in a column of kind with digits decimals, with the
 * separators of the message language; "" when x is NaN.
 */
void sq_fmt_human(double x, int kind, int digits, char *buf, size_t len);

/* Display width of UTF-8 text in terminal columns. */
size_t sq_text_width(const char *s);

/* Write prose text on fp in lines of at most width columns, at spaces. */
void sq_text_wrap(FILE *fp, const char *text, size_t width);

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

/* Parse "tsv", "csv", "json", "csv-es", "excel", "md", "pretty";
 * returns -1 if unknown. */
int sq_format_parse(const char *s);

/* Release a table. */
void sq_table_free(sq_table *t);

/* s as a JSON string, quoted and escaped. */
void sq_json_str(FILE *fp, const char *s);

/* x as a JSON number (15 significant digits, -0 as 0); null if not finite. */
void sq_json_num(FILE *fp, double x);

#endif
