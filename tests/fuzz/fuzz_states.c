/*
 * libFuzzer target: every tool's state body reader (what `TOOL --merge`
 * and sq-merge read). The first byte picks the tool (and whether its
 * accumulator has segments or is pairwise); the rest is a stream of
 * states read one after another, twice over (a merge), head, body and
 * end, as tool_scan does, into one accumulator for the built-in
 * instrument.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/check.h"
#include "servqual/checkstate.h"
#include "servqual/compare.h"
#include "servqual/comparestate.h"
#include "servqual/covacc.h"
#include "servqual/covstate.h"
#include "servqual/drivers.h"
#include "servqual/driversstate.h"
#include "servqual/reliability.h"
#include "servqual/state.h"
#include "servqual/zone.h"
#include "servqual/zonestate.h"

#include "common.h"

enum { T_ALPHA, T_FACTOR, T_CFA, T_ZONE, T_COMPARE, T_CHECK, T_DRIVERS,
    T_GAP, T_N };

struct acc {
	int tool, flag;
	sq_relacc *rel;
	sq_covacc *cov;
	sq_zoneset *zone;
	sq_cmpset *cmp;
	sq_check *chk;
	sq_drivers *drv;
	sq_gapset *gap;
	unsigned long ragged;
	const char *shape;
};

static int
make(struct acc *a, const sq_instrument *ins)
{
	sq_check_opts co = { 0, 0, 1 };

	switch (a->tool) {
	case T_ALPHA:
		return sq_relacc_new(ins, a->flag, &a->rel);
	case T_FACTOR:
	case T_CFA:
		return sq_covacc_new(ins->nitems, a->flag, &a->cov);
	case T_ZONE:
		return sq_zoneset_new(ins, a->flag, &a->zone);
	case T_COMPARE:
		return sq_cmpset_new(ins, SQ_SCORE_G, a->flag, &a->cmp);
	case T_CHECK:
		return sq_check_new(ins, &co, &a->chk);
	case T_DRIVERS:
		return sq_drivers_new(ins, a->flag, &a->drv);
	default:
		return sq_gapset_new(ins, a->flag, &a->gap);
	}
}

static void
drop(struct acc *a)
{
	sq_relacc_free(a->rel);
	sq_covacc_free(a->cov);
	sq_zoneset_free(a->zone);
	sq_cmpset_free(a->cmp);
	sq_check_free(a->chk);
	sq_drivers_free(a->drv);
	sq_gapset_free(a->gap);
}

static int
body(struct acc *a, sq_state_rd *r, const sq_instrument *ins)
{
	switch (a->tool) {
	case T_ALPHA:
		return sq_alpha_state_read_body(r, a->rel);
	case T_FACTOR:
		return sq_factor_state_read_body(r, a->cov);
	case T_CFA:
		return sq_cfa_state_read_body(r, a->cov);
	case T_ZONE:
		return sq_zone_state_read_body(r, a->zone, ins);
	case T_COMPARE:
		return sq_compare_state_read_body(r, a->cmp);
	case T_CHECK:
		return sq_check_state_read_body(r, a->chk, &a->ragged,
		    &a->shape);
	case T_DRIVERS:
		return sq_drivers_state_read_body(r, a->drv, ins);
	default:
		return sq_gap_state_read_body(r, a->gap, ins);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sq_instrument *ins;
	struct acc a;
	sq_state_head h;
	sq_state_rd r;
	sq_error err;
	FILE *fp;
	int i, c, ok = 1;

	if (size < 1)
		return 0;
	if (ins == NULL && sq_instrument_servqual(&ins) != 0)
		abort();
	memset(&a, 0, sizeof(a));
	a.tool = (data[0] & 0x7f) % T_N;
	a.flag = data[0] >> 7;
	if (make(&a, ins) != 0) {
		drop(&a);
		return 0;
	}
	for (i = 0; i < 2 && ok; i++) {
		fp = fmemopen((void *)(data + 1), size - 1 ? size - 1 : 1,
		    "r");
		if (fp == NULL)
			break;
		if (sq_state_rd_init(&r, fp, "fuzz.state", 0, &err) != 0) {
			fclose(fp);
			break;
		}
		do {
			ok = sq_state_read_head_rd(&r, &h) == 0 &&
			    body(&a, &r, ins) == 0 &&
			    sq_state_expect(&r, "end", 0) == 0;
		} while (ok && (c = getc(fp)) != EOF && ungetc(c, fp) != EOF);
		sq_state_rd_free(&r);
		fclose(fp);
	}
	drop(&a);
	return 0;
}
