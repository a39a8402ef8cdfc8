/*
 * One paired moment (gap.h's sq_pairmom) as one line of a state
 * (state.h), the same line sq-gap's body writes:
 *
 *   mom <n> <inexact> <den> <xe> <xp> <xd2> <me> <mp> <md> <m2d>
 *
 * n a whole count (hex float), inexact 0 or 1, den and the integer sums
 * in decimal, the running moments as hex floats (0 while exact). The
 * reader checks the sums are ones n bounded pairs can have.
 */
#ifndef SERVQUAL_MOMSTATE_H
#define SERVQUAL_MOMSTATE_H

#include <stdio.h>

#include "servqual/gap.h"
#include "servqual/state.h"

/* Write m as a "mom" line. */
void sq_state_put_pairmom(FILE *fp, const sq_pairmom *m);

/* Read the next line, a "mom" line, into m; SQ_OK or SQ_EPARSE. */
int sq_state_read_pairmom(sq_state_rd *r, sq_pairmom *m);

#endif
