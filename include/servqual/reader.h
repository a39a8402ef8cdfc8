/*
 * servqual reader: CSV bytes to rows of UTF-8 fields, through libcsv in
 * strict mode. Detects the delimiter (comma, semicolon, tab, or Excel's
 * "sep=" first line), strips a UTF-8 BOM, accepts CRLF and quoted fields
 * with embedded newlines, and tracks the physical line of every row.
 */
#ifndef SERVQUAL_READER_H
#define SERVQUAL_READER_H

#include <stdio.h>

#include "servqual/error.h"

#define SQ_MAX_FIELD_DEFAULT	(1u << 20)	/* bytes in one field */
#define SQ_MAX_COLS_DEFAULT	4096		/* fields in one row */

enum sq_encoding {
	SQ_ENC_AUTO = 0,	/* BOM, else UTF-8 if valid, else CP1252 */
	SQ_ENC_UTF8,
	SQ_ENC_CP1252,		/* Windows-1252 (a superset of Latin-1 use) */
	SQ_ENC_LATIN1,		/* ISO-8859-1 */
	SQ_ENC_UTF16LE,
	SQ_ENC_UTF16BE,		/* seldom seen */
	SQ_ENC_ICONV		/* any other iconv knows, named in .charset */
};

typedef struct sq_reader_opts {
	int delim;		/* 0 = detect; else ',', ';' or '\t' */
	int encoding;		/* enum sq_encoding */
	size_t max_field;	/* 0 = SQ_MAX_FIELD_DEFAULT */
	size_t max_cols;	/* 0 = SQ_MAX_COLS_DEFAULT */
	const char *charset;	/* encoding SQ_ENC_ICONV (encoding.h): any
				   name iconv knows, e.g. "CP949" */
	int *guessed;		/* if set: becomes 1 when the input, not
				   valid UTF-8, was read as Windows-1252 by
				   guess (the caller says so once) */
	int one_thread;		/* 1: sq_read_csv_pipelined parses in the
				   caller's thread (byte ranges already
				   have a thread each) */
} sq_reader_opts;

/* One record; valid only during the callback. */
typedef struct sq_row {
	unsigned long line;	/* physical line where the row starts */
	unsigned long index;	/* 0-based record number (header is 0) */
	size_t nfields;
	char **field;		/* UTF-8, NUL-terminated, never NULL */
	const size_t *len;	/* byte lengths */
	int delim;		/* the delimiter in use */
} sq_row;

/*
 * Called for each record; return 0 to go on, or an SQ_E* code (after
 * filling err) to stop the read with that code.
 */
typedef int (*sq_row_fn)(void *ctx, const sq_row *row, sq_error *err);

/* Parse all of fp (name is used in messages), calling fn for each row. */
int sq_read_csv(FILE *fp, const char *name, const sq_reader_opts *opts,
    sq_row_fn fn, void *ctx, sq_error *err);

/* Parse the NUL-free buffer buf of len bytes as sq_read_csv does. */
int sq_read_csv_mem(const void *buf, size_t len, const char *name,
    const sq_reader_opts *opts, sq_row_fn fn, void *ctx, sq_error *err);

#endif
