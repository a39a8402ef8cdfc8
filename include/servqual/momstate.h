/*
 * Pieces of accumulators as lines of a state (state.h), the same lines in
 * every tool's body.
 *
 * One paired moment (gap.h's sq_pairmom) as one line:
 *
 *   mom <n> <inexact> <den> <xe> <xp> <xd2> <me> <mp> <md> <m2d>
 *
 * n a whole count (hex float), inexact 0 or 1, den and the integer sums
 * in decimal, the running moments as hex floats (0 while exact). The
 * reader checks the sums are ones n bounded pairs can have.
 *
 * The counts of distinct values (valcount.h) as k lines after a line of
 * the tool's that ends in k:
 *
 *   <value> <count>                  values (hex floats) strictly
 *                                    increasing, counts positive
 */
#ifndef SERVQUAL_MOMSTATE_H
#define SERVQUAL_MOMSTATE_H

#include <stdio.h>

#include "servqual/gap.h"
#include "servqual/state.h"
#include "servqual/valcount.h"

/* Write m as a "mom" line. */
void sq_state_put_pairmom(FILE *fp, const sq_pairmom *m);

/* Read the next line, a "mom" line, into m; SQ_OK or SQ_EPARSE. */
int sq_state_read_pairmom(sq_state_rd *r, sq_pairmom *m);

/* Write the line "<head> <k>", then m's k value lines; SQ_ENOMEM. */
int sq_state_put_values(FILE *fp, const char *head, const sq_valcount *m);

/*
 * Read k value lines into m: values finite and strictly increasing,
 * counts positive, their sum at most resp (a value a respondent);
 * SQ_EPARSE naming the line, SQ_ENOMEM.
 */
int sq_state_read_values(sq_state_rd *r, unsigned long long k, double resp,
    sq_valcount *m);

#endif
