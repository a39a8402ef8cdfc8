/*
 * Shared by the fuzz targets: options drawn from the first input byte so
 * the fuzzer explores delimiters, encodings and small caps too.
 */
#ifndef SQ_FUZZ_COMMON_H
#define SQ_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "servqual/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Consume one byte of data (if any) and derive reader options from it. */
static inline void
fuzz_opts(const uint8_t **data, size_t *size, sq_reader_opts *o)
{
	static const int delims[4] = { 0, ',', ';', '\t' };
	unsigned b;

	o->delim = 0;
	o->encoding = 0;
	o->max_field = 0;
	o->max_cols = 0;
	if (*size == 0)
		return;
	b = (*data)[0];
	(*data)++;
	(*size)--;
	o->delim = delims[b & 3];
	o->encoding = (b >> 2) % 6;
	if (b & 0x40)
		o->max_field = 16;
	if (b & 0x80)
		o->max_cols = 8;
}

#endif
