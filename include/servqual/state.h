/*
 * servqual partial results: a versioned, self-describing text state of a
 * tool's accumulators, written by `--partial` and combined by sq-merge.
 * Integers are decimal, doubles C99 hex floats (%a), so a state reads back
 * to the same bits on any machine. The reader treats its input as hostile:
 * every count is bounded, every token checked; a bad state is an error
 * naming the line, never a crash.
 *
 *   servqual-state 2
 *   tool sq-gap
 *   version 0.1.0
 *   instrument <16 hex digits>        fingerprint of the instrument
 *   option <name> <value>             every option the table depends on
 *   rows <n>                          data rows read
 *   invalid <n>                       cells treated as missing
 *   groups <g>
 *   group all | group seg <bytes> <value>
 *   respondents <hex float>
 *   counts <item> <R*R counts>        one line per item (scales <= 16)
 *   mom <n> <inexact> <den> <xe> <xp> <xd2> <me> <mp> <md> <m2d>
 *                                     items, dimensions, servqual, weighted
 *   values item|dim <i> <k>           per item, then per dimension: the
 *   <value> <count>                   counts of the distinct P - E of the
 *                                     signed-rank test, k lines, values
 *                                     (hex floats) strictly increasing
 *   end
 */
#ifndef SERVQUAL_STATE_H
#define SERVQUAL_STATE_H

#include <stdint.h>
#include <stdio.h>

#include "servqual/error.h"
#include "servqual/gap.h"
#include "servqual/instrument.h"

#define SQ_STATE_VERSION 2

/* Fingerprint of what an analysis depends on in an instrument. */
uint64_t sq_instrument_fingerprint(const sq_instrument *ins);

/* The header shared by every state: what must agree to merge. */
typedef struct sq_state_head {
	char tool[32];
	char version[32];
	uint64_t fingerprint;
	char options[1024];	/* "name value\n" lines, in writing order */
	unsigned long long rows, invalid;
} sq_state_head;

/* Write the sq-gap state of set s (not yet finished) to fp. */
int sq_gap_state_write(FILE *fp, const sq_gapset *s, const sq_instrument *ins,
    const sq_state_head *h);

/*
 * Read one sq-gap state from fp (name for messages), up to its "end"
 * line, and fold it into s, which must be a set for ins (with segments if
 * the state has them). *line is the count of lines already read from fp
 * (several states may follow one another in one stream) and is advanced.
 * h receives the state's header. Malformed input: SQ_EPARSE and the line.
 */
int sq_gap_state_read(FILE *fp, const char *name, sq_gapset *s,
    const sq_instrument *ins, sq_state_head *h, unsigned long *line,
    sq_error *err);

/* Read only the header of a state (tool, version, options...). */
int sq_state_read_head(FILE *fp, const char *name, sq_state_head *h,
    sq_error *err);

#endif
