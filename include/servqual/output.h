/*
 * servqual output files and opening the input: results are written
 * through a temporary file that is renamed into place only when
 * everything went well.
 */
#ifndef SERVQUAL_OUTPUT_H
#define SERVQUAL_OUTPUT_H

#include <stdio.h>

#include "servqual/error.h"
#include "servqual/instrument.h"

typedef struct sq_output {
	FILE *fp;		/* write here */
	char *path;		/* final name, NULL for stdout */
	char *tmp;		/* temporary name beside it */
	int direct;		/* a device or pipe, written in place */
} sq_output;

/*
 * A temporary file beside path for writing it safely: a short random name
 * (.sqXXXXXX, mkostemp) in path's directory, the mode of an existing path
 * (else 0666 less the umask). Until sq_tmp_finish() it is registered so
 * that SIGINT, SIGTERM and SIGHUP remove it before the process dies.
 * *tmp is the caller's, passed on to sq_tmp_finish().
 */
int sq_tmp_create(const char *path, char **tmp, FILE **fp, sq_error *err);

/*
 * After fclose: when ok, rename tmp over path, else remove it; forget and
 * free tmp. NULL tmp is a no-op.
 */
int sq_tmp_finish(char *tmp, const char *path, int ok, sq_error *err);

/* Open path for writing ("-" or NULL: stdout) through a temporary file. */
int sq_output_open(sq_output *o, const char *path, sq_error *err);

/*
 * Finish: when ok, flush, check for write errors and rename into place;
 * otherwise remove the temporary file. Returns the first error.
 */
int sq_output_close(sq_output *o, int ok, sq_error *err);

/* Open an input file ("-" or NULL: stdin). */
int sq_input_open(const char *path, FILE **fp, sq_error *err);

/* Close an input opened by sq_input_open (stdin is left open). */
void sq_input_close(FILE *fp);

#endif
