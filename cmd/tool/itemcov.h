/*
 * The items' covariance read at scale: what sq-factor and sq-cfa
 * accumulate (a sq_covacc of one block of the items) as a tool_acc, and
 * the read into it. The sums are exact integers while the answers are
 * whole numbers within SQ_COVACC_EXACT_MAX, so -j and states give the
 * same bits as one stream; a wider scale is read with one job.
 */
#ifndef TOOL_ITEMCOV_H
#define TOOL_ITEMCOV_H

#include "servqual/covacc.h"
#include "scan.h"

/* Which covariance. */
typedef struct tool_itemcov {
	int block;		/* enum sq_block: E, P or the gap G */
	int pairwise;		/* pairwise complete cases, not listwise */
	int need_e;		/* E or G of an export without E columns
				   stops the read (else: incomplete rows) */
} tool_itemcov;

/*
 * Read the operands (or states) into the covariance of how's block:
 * the accumulator (the caller frees it) when the analysis is to be
 * made, else NULL and *rc the exit code (0 after --partial, 1).
 */
sq_covacc *tool_itemcov_read(tool *t, const tool_itemcov *how,
    const sq_instrument *ins, tool_input *in, int *rc);

#endif
