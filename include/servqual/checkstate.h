/*
 * sq-check's partial-result state: the body between a state's head and
 * its "end" (state.h). It holds the counts of the summary and of the
 * per-item table, and, to find duplicate ids across shards exactly, the
 * distinct respondent ids themselves: the one part of a state that grows
 * with the respondents (an export without ids writes none).
 *
 *   check <rows> <usable> <missing> <duplicate_ids> <straight_lining>
 *         <straight_respondents> <too_few> <weights_off> <inverted>
 *         <form>                     one line; form as enum sq_form
 *   ragged <n>                       rows of the wrong length
 *   shape plain|qualtrics|surveymonkey|mixed
 *   missing <i> <e> <p> <a> <d>      one line per item, i = 0..nitems-1
 *   ids <n>                          then n lines "id <hex bytes>": the
 *                                    distinct non-empty ids
 *
 * The reader treats its input as hostile: every count is bounded by the
 * rows (duplicates and distinct ids together at most the rows), an id
 * given twice, a bad token or a truncated body is SQ_EPARSE naming the
 * line.
 */
#ifndef SERVQUAL_CHECKSTATE_H
#define SERVQUAL_CHECKSTATE_H

#include <stdio.h>

#include "servqual/check.h"
#include "servqual/state.h"

/* Write the body of c (ragged rows and header shape besides); SQ_OK or
 * SQ_EIO. */
int sq_check_state_write_body(FILE *fp, const sq_check *c,
    unsigned long ragged, const char *shape);

/*
 * Fold the body of one sq-check state (r after its head) into c, up to
 * before "end": its ragged rows are added to *ragged, its shape combined
 * into *shape (NULL at first; one shape, or "mixed"; a static string).
 */
int sq_check_state_read_body(sq_state_rd *r, sq_check *c,
    unsigned long *ragged, const char **shape);

/* The header shape of two parts read as one: a, or "mixed" (a NULL: b). */
const char *sq_check_shape_join(const char *a, const char *b);

#endif
