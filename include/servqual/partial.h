/*
 * sq-gap's output: the table of a finished set, written atomically, and
 * the fold of one set into another (byte ranges, states).
 */
#ifndef SERVQUAL_PARTIAL_H
#define SERVQUAL_PARTIAL_H

#include "servqual/gap.h"
#include "servqual/output.h"
#include "servqual/state.h"

/*
 * The sq-gap table of finished set s, titled for the export's form (enum
 * sq_form), to outpath (NULL: stdout); guard: --formula-guard.
 */
int sq_gap_emit(const sq_gapset *s, const sq_instrument *ins, double conf,
    int form, int format, int lang, int guard, unsigned long long rows,
    const char *outpath,
    sq_error *err);

/*
 * Fold unfinished set src into dst (both for ins, both with or without
 * segments); src's new segments come after dst's, in src's order.
 */
int sq_gapset_fold(sq_gapset *dst, const sq_gapset *src,
    const sq_instrument *ins);

#endif
