/*
 * sq-gap's output shared with sq-merge: the table of a finished set, the
 * header of its state and the state itself, written atomically.
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

/* The state header of an sq-gap run with these options (fold:
   --fold-segments; adjust: enum sq_adjust, recorded by name). */
void sq_gap_state_head(sq_state_head *h, const sq_instrument *ins,
    double conf, const char *by, int invalid, int fold, int form, int adjust,
    unsigned long long rows,
    unsigned long long ninvalid);

/* The state of set s (not finished) to outpath (NULL: stdout). */
int sq_gap_partial(const sq_gapset *s, const sq_instrument *ins,
    const sq_state_head *h, const char *outpath, sq_error *err);

/*
 * Fold unfinished set src into dst (both for ins, both with or without
 * segments); src's new segments come after dst's, in src's order.
 */
int sq_gapset_fold(sq_gapset *dst, const sq_gapset *src,
    const sq_instrument *ins);

#endif
