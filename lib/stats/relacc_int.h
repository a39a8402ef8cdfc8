/*
 * sq-alpha's accumulator inside (relacc.c), shared with its state body
 * reader and writer (relstate.c) and nothing else.
 */
#ifndef SERVQUAL_RELACC_INT_H
#define SERVQUAL_RELACC_INT_H

#include <stddef.h>

#include "servqual/covacc.h"
#include "servqual/reliability.h"

/*
 * Whole answers up to this size are summed exactly, over fewer rows than
 * SQ_DM_NMAX (2^42): with at most SQ_MAX_ITEMS items, n times a sum of
 * squares stays below 2^123, inside 128 bits.
 */
#define SQ_DM_EXACT_MAX 1024.0
#define SQ_DM_NMAX 4398046511104.0

/*
 * What the difference-score reliability of a scope needs, listwise, over
 * the rows complete on its E and P items: the co-moments of every item
 * and of the E and P sum scores, and the co-moment of the two sums. While
 * every answer is a whole number of at most SQ_DM_EXACT_MAX in size they
 * are kept as integer sums (x, x^2 of each item and sum, the product of
 * the sums), which merge in any order to the same integers; the first
 * other answer turns them into running moments (Welford, Chan), which
 * merge up to rounding.
 */
struct sq_diffmom {
	size_t k;
	int inexact;		/* 0: the integer sums hold */
	double n;		/* rows */
	__int128 *s, *ss;	/* 2k + 2: E items, P items, sum E, sum P */
	__int128 sep;		/* sum of (sum E)(sum P) */
	double *mean, *m2;	/* 2k + 2, running */
	double cep;		/* co-moment of sum E and sum P, running */
};

/* Empty moments of k items' E and P; SQ_ENOMEM. */
int sq_diffmom_init(struct sq_diffmom *m, size_t k);

/* Free m's arrays (not m). */
void sq_diffmom_release(struct sq_diffmom *m);

/* Fold b into a (same k); SQ_EUSAGE, SQ_ENOMEM. */
int sq_diffmom_merge(struct sq_diffmom *a, const struct sq_diffmom *b);

/*
 * The accumulator. Listwise, scope s (dimension s, or the whole scale at
 * s = ndims) has its own E, P and G accumulators, since the complete
 * cases differ by block and scope (a gap is missing when its E or its P
 * is), and the moments r_diff needs over G's rows. Pairwise, every entry
 * uses its own pair of variables, so one joint E+P accumulator over all
 * items and one over the gaps serve every scope as submatrices.
 */
struct sq_relacc {
	const sq_instrument *ins;
	int pairwise;
	size_t nscope;		/* ndims + 1 */
	size_t *k;		/* items per scope */
	size_t **idx;		/* item indices per scope */
	sq_covacc **e, **p, **g;	/* listwise, per scope */
	struct sq_diffmom *dm;		/* listwise, per scope */
	sq_covacc *pw_ep, *pw_g;	/* pairwise */
	double *x;		/* 3 * nitems scratch */
};

#endif
