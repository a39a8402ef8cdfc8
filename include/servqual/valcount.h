/*
 * servqual value counts: how many times each distinct value occurred.
 * Scores built from Likert answers take finitely many values (exact
 * rationals, see scores.h), so a count per distinct value holds all a
 * rank test, a median or a variance needs, in memory that grows with the
 * distinct values, not with respondents. Counts of disjoint shards add.
 */
#ifndef SERVQUAL_VALCOUNT_H
#define SERVQUAL_VALCOUNT_H

#include <stddef.h>

/* An open-addressing map double -> count; zero-initialise before use. */
typedef struct sq_valcount {
	double *v;
	unsigned long long *c;	/* 0: empty slot */
	size_t n, cap;		/* distinct values, slots (power of 2) */
	double total;		/* sum of the counts */
} sq_valcount;

/* Count x (not NAN; -0 counts as 0) c more times. SQ_ENOMEM or SQ_OK. */
int sq_valcount_add(sq_valcount *m, double x, unsigned long long c);

/* Add every count of b to a. */
int sq_valcount_merge(sq_valcount *a, const sq_valcount *b);

/*
 * The distinct values in increasing order with their counts, into
 * caller-freed arrays (*v and *c NULL when m is empty).
 */
int sq_valcount_sorted(const sq_valcount *m, double **v,
    unsigned long long **c);

/* n, mean and sample variance (NAN for n < 2) of the counted values. */
void sq_valcount_moments(const sq_valcount *m, double *n, double *mean,
    double *var);

/*
 * Wilcoxon's signed-rank test of counted differences as R's
 * wilcox.test(exact = FALSE, correct = TRUE): *nz the non-zero ones, *w
 * the sum of the ranks of |d| (mid-ranks for ties) of the positive ones,
 * *p two-sided from the normal approximation with tie and continuity
 * corrections (NAN when nz = 0). SQ_ENOMEM or SQ_OK.
 */
int sq_signrank(const sq_valcount *m, double *nz, double *w, double *p);

/* Release m's arrays and zero it. */
void sq_valcount_release(sq_valcount *m);

#endif
