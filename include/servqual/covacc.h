/*
 * servqual covariance accumulator: one pass over respondents collects what
 * reliability and factor analysis need (counts, means, co-moments) for k
 * variables, listwise (complete cases) or pairwise. Memory is O(k^2),
 * whatever the number of respondents; accumulators over shards merge.
 */
#ifndef SERVQUAL_COVACC_H
#define SERVQUAL_COVACC_H

#include <stddef.h>

#include "servqual/error.h"

typedef struct sq_covacc sq_covacc;

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

/* Release an accumulator. */
void sq_covacc_free(sq_covacc *a);

#endif
