/*
 * The bodies of sq-factor's and sq-cfa's partial-result states (head and
 * end: state.h). Their analyses need nothing of the respondents but the
 * covariance accumulator of the items (rows and invalid cells are in the
 * head, the form in its facts), so each body is the accumulator's lines
 * alone, as sq_covacc_state_write writes them (covacc.h):
 *
 *   covacc <k> <pairwise 0|1> <exact 0|1> <seen> <n>
 *   sum ..., xy <i> ..., pair <i> <field> ...       (exact)
 *   mean ..., com <i> ..., pm <i> <field> ...       (running moments)
 *
 * Exact bodies fold in any order to the same integers, so the output is
 * the same bits however the input was split. Running moments (whole
 * numbers beyond +-SQ_COVACC_EXACT_MAX) fold up to rounding.
 */
#ifndef SERVQUAL_COVSTATE_H
#define SERVQUAL_COVSTATE_H

#include "servqual/covacc.h"
#include "servqual/state.h"

/* Whole numbers of at most this size keep the accumulator's sums exact. */
#define SQ_COVACC_EXACT_MAX 1024

/*
 * Fold the body of one sq-factor (sq-cfa) state into a, an accumulator
 * of the items analysed (sq-factor: pairwise with --pairwise), up to
 * before "end"; a bad body is SQ_EPARSE naming the line (r->err).
 */
int sq_factor_state_read_body(sq_state_rd *r, sq_covacc *a);
int sq_cfa_state_read_body(sq_state_rd *r, sq_covacc *a);

#endif
