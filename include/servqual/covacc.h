/*
 * servqual covariance accumulator: one pass over respondents collects what
 * reliability and factor analysis need (counts, means, co-moments) for k
 * variables, listwise (complete cases) or pairwise. Memory is O(k^2),
 * whatever the number of respondents; accumulators over shards merge.
 */
#ifndef SERVQUAL_COVACC_H
#define SERVQUAL_COVACC_H

#include <stddef.h>
#include <stdio.h>

#include "servqual/error.h"

typedef struct sq_covacc sq_covacc;
struct sq_state_rd;		/* state.h */

/* A new accumulator over k variables; pairwise != 0 for pairwise use. */
int sq_covacc_new(size_t k, int pairwise, sq_covacc **out);

/* Add one observation x[0..k-1]; NAN marks a missing value. */
void sq_covacc_add(sq_covacc *a, const double *x);

/* Fold b into a (same k and mode). */
int sq_covacc_merge(sq_covacc *a, const sq_covacc *b);

/* Observations added (all of them, complete or not). */
double sq_covacc_seen(const sq_covacc *a);

/*
 * Listwise: complete cases used. Pairwise: the smallest pairwise count.
 */
double sq_covacc_n(const sq_covacc *a);

/*
 * Sample covariance (n - 1 denominator) into cov[k*k], row-major; pairwise
 * entries use the cases complete on that pair, as R's
 * cov(use = "pairwise.complete.obs"). NAN where n < 2.
 */
int sq_covacc_cov(const sq_covacc *a, double *cov);

/* Correlations as R's cor() with the same use; NAN where undefined. */
int sq_covacc_cor(const sq_covacc *a, double *cor);

/* Means over the cases used (pairwise: over each variable's own cases). */
int sq_covacc_means(const sq_covacc *a, double *mean);

/* Number of variables. */
size_t sq_covacc_k(const sq_covacc *a);

/*
 * Cases behind each entry into n[k*k]: listwise, the complete cases
 * everywhere; pairwise, the cases complete on each pair (diagonal: on the
 * variable).
 */
int sq_covacc_pairn(const sq_covacc *a, double *n);

/*
 * Partial results (state.h): the accumulator as lines of a state's body,
 * integers in decimal and doubles as hex floats, so that a state reads
 * back to the same sums on any machine (lib/state/covaccstate.c):
 *
 *   covacc <k> <pairwise 0|1> <exact 0|1> <seen> <n>
 *   exact (integer sums over the complete cases, then the pairwise part):
 *     sum <k sums>
 *     xy <i> <k - i sums of x_i x_j, j = i..k-1>     i = 0..k-1
 *     pair <i> n|si|sj|sii|sjj|sij <k - i values>    pairwise: 6 per i
 *   not exact (running moments; only for data that are not small whole
 *   numbers, which then merge up to rounding):
 *     mean <k means>
 *     com <i> <k - i co-moments>
 *     pm <i> n|mi|mj|sii|sjj|sij <k - i values>
 */
int sq_covacc_state_write(FILE *fp, const sq_covacc *a);

/*
 * Fold the lines sq_covacc_state_write wrote, read from r, into a (of the
 * same k and mode), as sq_covacc_merge would fold their accumulator.
 * Input is hostile: every count and sum is bounded; SQ_EPARSE naming the
 * line, SQ_ENOMEM.
 */
int sq_covacc_state_read(struct sq_state_rd *r, sq_covacc *a);

/* Release an accumulator. */
void sq_covacc_free(sq_covacc *a);

#endif
