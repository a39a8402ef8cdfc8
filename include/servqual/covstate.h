/*
 * servqual partial results of a covariance accumulator (covacc.h): the
 * body of the states of sq-factor and sq-cfa (head and end: state.h).
 * Their analyses need nothing of the respondents but the accumulator
 * (rows and invalid cells are in the head, the form in its facts), so
 * the body is the accumulator alone:
 *
 *   covacc <k> <pairwise> <inexact>   variables, 0|1, 0|1
 *   seen <n>                          observations added (a whole count,
 *                                     decimal)
 * exact (inexact 0: every value a whole number within +-1024):
 *   n <n>                             complete cases
 *   sum <s_0> ... <s_k-1>             sums over them
 *   xy <i> <s_ii> ... <s_i,k-1>       sums of products, k lines, i = 0..
 *   pairs <m>                         pairwise: cases not complete
 *   pair <i> <j> <n> <si> <sj> <sii> <sjj> <sij>
 *                                     m lines, pairs i <= j with n > 0 in
 *                                     increasing order: sums over the
 *                                     cases complete on i and j only
 * inexact (running moments; hex floats):
 *   n <n>
 *   mean <m_0> ... <m_k-1>
 *   com <i> <c_ii> ... <c_i,k-1>      co-moments, k lines
 *   pairs <m>
 *   pair <i> <j> <n> <mi> <mj> <sii> <sjj> <sij>
 *
 * Exact bodies fold into any accumulator of the same k and mode in any
 * order to the same integers, so the results are the same bits however
 * the input was split. Inexact ones (scales beyond +-1024) fold by Chan
 * et al.'s formula: right, but the last bits may depend on the order.
 */
#ifndef SERVQUAL_COVSTATE_H
#define SERVQUAL_COVSTATE_H

#include <stdio.h>

#include "servqual/covacc.h"
#include "servqual/state.h"

/* Values of at most this size (whole numbers) keep the sums exact. */
#define SQ_COVACC_EXACT_MAX 1024

/* Write a's body (above); SQ_OK or SQ_EIO. */
int sq_covacc_state_write_body(FILE *fp, const sq_covacc *a);

/*
 * Fold the body of one state into a, up to before "end". The state must
 * have a's k and mode; anything else, or any figure no accumulator can
 * hold, is SQ_EPARSE naming the line (r->err); SQ_ENOMEM.
 */
int sq_covacc_state_read_body(sq_state_rd *r, sq_covacc *a);

/* sq-factor's and sq-cfa's bodies are the accumulator's. */
int sq_factor_state_read_body(sq_state_rd *r, sq_covacc *a);
int sq_cfa_state_read_body(sq_state_rd *r, sq_covacc *a);

#endif
