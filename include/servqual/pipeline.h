/*
 * servqual pipeline: the reader in a second thread. Parsing (decoding,
 * libcsv, copying fields) and the caller's work on each row take about
 * the same time, so on two cores a large file is read in about half the
 * time. Rows reach fn in file order, in the caller's thread, exactly as
 * sq_read_csv delivers them; the first error in file order is returned.
 */
#ifndef SERVQUAL_PIPELINE_H
#define SERVQUAL_PIPELINE_H

#include <stdio.h>

#include "servqual/reader.h"

/* As sq_read_csv, with parsing in a second thread. */
int sq_read_csv_pipelined(FILE *fp, const char *name,
    const sq_reader_opts *opts, sq_row_fn fn, void *ctx, sq_error *err);

#endif
