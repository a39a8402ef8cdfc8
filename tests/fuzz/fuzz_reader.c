/* libFuzzer target: the CSV reader over a memory buffer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

/* Touch every field so ASan sees any bad length or missing NUL. */
static int
row_cb(void *ctx, const sq_row *row, sq_error *err)
{
	size_t *sum = ctx, i;

	(void)err;
	for (i = 0; i < row->nfields; i++) {
		if (row->field[i] == NULL || strlen(row->field[i]) !=
		    row->len[i])
			abort();
		*sum += row->len[i];
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sq_reader_opts o;
	sq_error err;
	size_t sum = 0;

	fuzz_opts(&data, &size, &o);
	sq_read_csv_mem(data, size, "fuzz", &o, row_cb, &sum, &err);
	return 0;
}
