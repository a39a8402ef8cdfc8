/*
 * sq-zone's partial-result state: the body between a state's head and
 * its "end" (state.h), folded by sq-merge into the table one run over all
 * the shards would print. Every count is whole, every sum exact (zone.h),
 * so any merge order gives the same bits.
 *
 *   groups <g>                       1 + the segments (-b)
 *   group all | group seg <hex bytes, or - for empty>
 *   respondents <n>                  rows added to the group
 *   then per series (items, dimensions, the overall score), three lines:
 *   zone <below> <within> <above> <inverted>
 *   mom ...                          (A, P) paired moments (momstate.h)
 *   mom ...                          (D, P) paired moments
 *
 * The reader treats its input as hostile: a count over the respondents,
 * shares that do not add up to n, moments of unequal n, a bad token or a
 * truncated body are SQ_EPARSE naming the line; the segments are bounded
 * by SQ_ZONE_MAX_SEGMENTS.
 */
#ifndef SERVQUAL_ZONESTATE_H
#define SERVQUAL_ZONESTATE_H

#include <stdio.h>

#include "servqual/state.h"
#include "servqual/zone.h"

/* Write the body of s to fp; SQ_OK or SQ_EIO. */
int sq_zone_state_write_body(FILE *fp, const sq_zoneset *s);

/*
 * Fold the body of one sq-zone state (r after its head) into s, a set
 * for ins (with segments if the state has them), up to before "end".
 */
int sq_zone_state_read_body(sq_state_rd *r, sq_zoneset *s,
    const sq_instrument *ins);

#endif
