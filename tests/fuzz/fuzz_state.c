/*
 * libFuzzer target: the partial-result state reader (sq-merge's input).
 * The first byte picks a set with or without segments; the state is read
 * twice into it (a merge of two states or more), then the table is computed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "servqual/gap.h"
#include "servqual/state.h"
#include "servqual/table.h"

#include "common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sq_instrument *ins;
	sq_gapset *set = NULL;
	sq_state_head h;
	sq_table *t = NULL;
	sq_error err;
	FILE *fp;
	unsigned long line;
	int i, c, ok = 1;

	if (size < 1)
		return 0;
	if (ins == NULL && sq_instrument_servqual(&ins) != 0)
		abort();
	if (sq_gapset_new(ins, data[0] & 1, &set) != 0)
		return 0;
	for (i = 0; i < 2 && ok; i++) {
		fp = fmemopen((void *)(data + 1), size - 1 ? size - 1 : 1,
		    "r");
		if (fp == NULL)
			break;
		line = 0;
		/* as sq-merge: states one after another, to the end */
		do {
			ok = sq_gap_state_read(fp, "fuzz.state", set, ins, &h,
			    &line, &err) == 0;
		} while (ok && (c = getc(fp)) != EOF && ungetc(c, fp) != EOF);
		fclose(fp);
	}
	if (ok) {
		sq_gapset_finish(set);
		if (sq_gap_table(set, ins, 0.95, data[0] & 2, 0, &t) == 0)
			sq_table_free(t);
	}
	sq_gapset_free(set);
	return 0;
}
