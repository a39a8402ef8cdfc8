/*
 * Internal to lib/compare*.c: one group's summary of one score
 * (compare_summary.c) and the tests run on those summaries
 * (compare_tests.c), put together into rows by compare.c.
 */
#ifndef SERVQUAL_COMPARE_INT_H
#define SERVQUAL_COMPARE_INT_H

#include "servqual/compare.h"
#include "servqual/ptukey.h"

/* One group's summary of one score. */
struct gsum {
	long g;			/* group index in the set */
	double n, mean, var, med, zmean, zss, rsum;
};

/* Summaries of score sc over the groups in order, with rank sums and ties. */
int cmp_summarise(const sq_cmpset *s, size_t sc, const size_t *order,
    struct gsum *gs, size_t *k, double *ties);
/* The omnibus rows (SQ_T_ANOVA..SQ_T_LEVENE) of k groups into r. */
void cmp_omnibus(const struct gsum *gs, size_t k, double ties,
    sq_cmprow *r);
/* The pairwise rows of groups a < b, appended at out[*nout]. */
void cmp_pairwise(const struct gsum *gs, size_t k, size_t a, size_t b,
    double N, double ssw, double ties, double qcrit, const sq_srange *sr,
    double conf, int two, sq_cmprow *out, size_t *nout);

#endif
