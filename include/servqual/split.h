/*
 * servqual parallel parsing of one regular file: the file cut into byte
 * ranges at true row starts (a quote-aware first pass: a newline inside a
 * quoted field does not start a row), each range read as its own export
 * (the header row, then the range) on its own thread; the caller merges
 * what each range accumulated, in range order.
 */
#ifndef SERVQUAL_SPLIT_H
#define SERVQUAL_SPLIT_H

#include <stdio.h>
#include <sys/types.h>

#include "servqual/error.h"

struct sq_progress;

typedef struct sq_range {
	off_t start, end;		/* bytes [start, end) of the file */
	unsigned long lines_before;	/* physical lines before start */
} sq_range;

typedef struct sq_split {
	int fd;
	off_t size;
	sq_range header;		/* the header row */
	unsigned long header_lines;	/* physical lines of the header row */
	sq_range *range;
	size_t nrange;
	struct sq_progress *progress;	/* counts the bytes read, or NULL */
} sq_split;

/*
 * Cut path into at most n ranges of data rows. Returns SQ_OK with
 * s->nrange >= 2 when the file can be read in parallel; SQ_EUSAGE when
 * it should be read as before (not a regular file, small, UTF-16, a
 * "sep=" line, an unbalanced quote: the ordinary reader then reports
 * it), other codes on errors.
 */
int sq_split_file(const char *path, size_t n, sq_split *s);

/* A stream of the header row followed by range i (close with fclose). */
FILE *sq_split_open(const sq_split *s, size_t i);

/* A reader's line in range i's stream as a line of the file. */
unsigned long sq_split_line(const sq_split *s, size_t i, unsigned long line);

/* Release what sq_split_file took. */
void sq_split_free(sq_split *s);

/* Processors available to this process (at least 1). */
size_t sq_ncpu(void);

#endif
