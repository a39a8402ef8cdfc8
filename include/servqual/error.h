/*
 * servqual: status codes and the error record shared by the library.
 *
 * Ownership rule for the whole library: arguments are borrowed; what a
 * function returns through an out-parameter belongs to the caller, who
 * releases it with the matching *_free(); every *_free(NULL) is a no-op.
 * The library never prints and never exits.
 */
#ifndef SERVQUAL_ERROR_H
#define SERVQUAL_ERROR_H

#include <stddef.h>

enum {
	SQ_OK = 0,
	SQ_ENOMEM,	/* out of memory */
	SQ_EIO,		/* read or write failed */
	SQ_EPARSE,	/* malformed CSV */
	SQ_EDATA,	/* a value is invalid for the instrument */
	SQ_ESCHEMA,	/* columns do not fit the instrument */
	SQ_ECODEBOOK,	/* the codebook is wrong */
	SQ_ELIMIT,	/* a size limit was exceeded */
	SQ_EEMPTY,	/* no data */
	SQ_EUSAGE,	/* invalid argument from the caller */
	SQ_ENUMERIC	/* a numerical method failed */
};

/* Where and what went wrong; filled by library calls that take one. */
typedef struct sq_error {
	char file[256];		/* input name as given, "-" for stdin */
	unsigned long line;	/* 1-based physical line, 0 when none */
	size_t col;		/* 1-based field number, 0 when none */
	char colname[128];	/* column header, "" when unknown */
	char msg[512];		/* what is wrong, without the place */
} sq_error;

/* A short English description of a status code. */
const char *sq_strerror(int code);

/* Fill err (may be NULL) and return code; msg is printf-style. */
int sq_error_set(sq_error *err, int code, const char *file,
    unsigned long line, size_t col, const char *colname,
    const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/*
 * Format err as "FILE:LINE: column NAME (#k): msg" into buf, leaving out
 * the parts that are unknown.
 */
void sq_error_format(const sq_error *err, char *buf, size_t len);

/* err as "FILE:LINE: column NAME (#k): msg", with file when err has none. */
void sq_error_message(const sq_error *err, const char *file, char *buf,
    size_t len);

#endif
