/*
 * servqual progress line: bytes and rows read, rate and time left, on
 * one line of standard error, redrawn at most twice a second. Counters
 * are atomic: readers on several threads may count into one display.
 */
#ifndef SERVQUAL_PROGRESS_H
#define SERVQUAL_PROGRESS_H

#include <stdio.h>

typedef struct sq_progress {
	int on;
	const char *prog;
	const char *name;		/* the input being read */
	double total;			/* its size in bytes, 0: unknown */
	unsigned long long bytes, rows;	/* atomic */
	double start, last;		/* seconds */
	double interval;		/* between redraws; SQ_PROGRESS_INTERVAL */
	unsigned long long done_bytes;	/* of earlier inputs */
} sq_progress;

/* mode: 1 force (--progress), 0 silent (--quiet), -1 if stderr is a tty. */
void sq_progress_init(sq_progress *p, const char *prog, int mode);

/* A new input; path's size when it is a regular file. */
void sq_progress_file(sq_progress *p, const char *path);

/* fp read through a counter of p's bytes (fp itself when p is off). */
FILE *sq_progress_wrap(sq_progress *p, FILE *fp);

/* Count n bytes read (for readers that do not go through a wrapper). */
void sq_progress_bytes(sq_progress *p, unsigned long long n);

/* One row read; redraws the line now and then. */
void sq_progress_row(sq_progress *p);

/* Clear the line (at the end, or before an error message). */
void sq_progress_end(sq_progress *p);

#endif
