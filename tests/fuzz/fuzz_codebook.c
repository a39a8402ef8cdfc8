/* libFuzzer target: the codebook parser, then the instrument queries. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "servqual/instrument.h"

#include "common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sq_instrument *ins = NULL;
	sq_error err;
	FILE *fp;
	size_t d;
	char buf[64];

	if (size == 0)
		return 0;
	fp = fmemopen((void *)data, size, "r");
	if (fp == NULL)
		return 0;
	if (sq_instrument_read(fp, "fuzz.codebook", &ins, &err) == 0) {
		for (d = 0; d < ins->ndims; d++) {
			if (sq_instrument_dim(ins, ins->dims[d].code) < 0)
				abort();
			(void)sq_instrument_dim_items(ins, (int)d);
		}
		for (d = 0; d < ins->nitems; d++)
			if (sq_instrument_item(ins, ins->items[d].number) < 0)
				abort();
		for (d = 0; d < ins->nlabels; d++)
			sq_fold(ins->labels[d].text, buf, sizeof(buf));
	}
	sq_instrument_free(ins);
	fclose(fp);
	return 0;
}
