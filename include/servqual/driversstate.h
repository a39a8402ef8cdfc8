/*
 * sq-drivers' partial-result state: the body between the head and "end"
 * of a state (state.h), written by `sq-drivers --partial` and folded by
 * `sq-drivers --merge` (sq-merge). Integers in decimal, doubles as C99
 * hex floats (%a): the same bits on any machine. X are dimension scores
 * times L, Y the outcome times 10^4 (drivers.h, "Exactness"):
 *
 *   drivers <ndims> <L> <10000>       must match the instrument
 *   respondents <hex>                 rows added
 *   model <m> <n>                     m = 0 servqual (gap scores), 1
 *                                     servperf (P scores); n complete
 *                                     cases kept exact, then:
 *   sums <q integers>                 sum of X_1..X_p, Y (q = p + 1)
 *   cross <q(q+1)/2 integers>         sum of X_i X_j, i <= j, row by row
 *   running <n> <q hex>               the other cases: count, means
 *   comoments <q(q+1)/2 hex>          and centred co-moments (upper)
 *   weights <k> <n>                   distinct weight totals kept exact,
 *                                     respondents in running sums
 *   wrun <p hex>                      running sums of 100 w_d / total
 *   total <S> <n> <p integers>        k lines, S strictly increasing: n
 *                                     respondents whose weights sum to S,
 *                                     and the sums of each weight
 *   groups <g>                        1 + the segments (-b)
 *   group all | group seg <hex bytes, or - for empty>
 *   mom <n> <sum X> <sum X^2> <rn> <rmean> <rm2>
 *                                     2p lines: P score of each
 *                                     dimension, then G; exact part,
 *                                     then running part
 *
 * The reader treats the state as hostile: every count bounded by the
 * respondents, every sum by what that many bounded scores can give,
 * weight sums consistent with their total; a bad state is SQ_EPARSE
 * naming the line, never a crash.
 */
#ifndef SERVQUAL_DRIVERSSTATE_H
#define SERVQUAL_DRIVERSSTATE_H

#include <stdio.h>

#include "servqual/drivers.h"
#include "servqual/state.h"

/* Write a's body (see above); SQ_OK, SQ_EIO. */
int sq_drivers_state_write_body(FILE *fp, const sq_drivers *a);

/*
 * Fold the body of one sq-drivers state into a, an accumulator for ins
 * (with segments if the state has them); r positioned after the head,
 * left before "end". SQ_EPARSE (naming the line), SQ_ENOMEM.
 */
int sq_drivers_state_read_body(sq_state_rd *r, sq_drivers *a,
    const sq_instrument *ins);

#endif
