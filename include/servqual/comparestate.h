/*
 * sq-compare's partial-result state: the body between the head and "end"
 * of a state (state.h) of an sq_cmpset, its writer and its reader.
 *
 *   compare <block> <items> <nscores>   the scores counted (block 0 G,
 *                                       1 P, 2 E; items 0 or 1)
 *   blank <n>                           respondents with a blank group
 *   groups <g>                          g <= SQ_CMP_MAX_GROUPS
 *   group <hex bytes of the name> <n>   g times, names strictly increasing
 *                                       by strcmp; n respondents
 *   score <s> <k>                       nscores times per group, s = 0,
 *   <value> <count>                     1, ...: k lines, the distinct
 *                                       scores (hex floats, strictly
 *                                       increasing) and how many
 *                                       respondents had each
 *
 * The groups' counts of distinct score values are all the table needs
 * (compare.h): states of disjoint shards fold to the single run's counts.
 */
#ifndef SERVQUAL_COMPARESTATE_H
#define SERVQUAL_COMPARESTATE_H

#include <stdio.h>

#include "servqual/compare.h"
#include "servqual/state.h"

/* Write s's body to fp; SQ_OK, SQ_ENOMEM or SQ_EIO. */
int sq_compare_state_write_body(FILE *fp, const sq_cmpset *s);

/*
 * Fold the body of one state (r positioned after its head) into s, a set
 * of the same block, items and instrument; reads up to before "end".
 * Input is hostile: every count and size is bounded before it is used;
 * a bad body is SQ_EPARSE naming the line (in r->err), never a crash.
 * SQ_OK, SQ_EPARSE, SQ_ENOMEM, SQ_EIO.
 */
int sq_compare_state_read_body(sq_state_rd *r, sq_cmpset *s);

#endif
