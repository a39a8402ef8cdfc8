/*
 * The covariance accumulator's insides (covacc.c), shared with its state
 * body reader and writer (covaccstate.c) and nothing else.
 */
#ifndef SERVQUAL_COVACC_INT_H
#define SERVQUAL_COVACC_INT_H

#include <stddef.h>

struct pairmom {
	double n;
	double mi, mj;		/* means of i and j over the pair's cases */
	double sii, sjj, sij;	/* co-moments over the pair's cases */
};

/* Integer sums of a pair's cases. */
struct ipair {
	long long n, si, sj, sii, sjj, sij;
};

/* Largest integer kept exact; with it, sums of products fit to 2^42 rows. */
#define EXACT_MAX 1024
#define EXACT_NMAX 4398046511104.0

struct sq_covacc {
	size_t k;
	int pairwise;
	int inexact;		/* 0: the integer sums hold */
	double seen;
	long long *isum;	/* k, exact listwise sums */
	long long *ixy;		/* k * k, upper triangle */
	long long *ix;		/* k scratch */
	struct ipair *ip;	/* k (k + 1) / 2, exact pairwise sums */
	/* listwise */
	double n;
	double *mean;		/* k */
	double *com;		/* k * k, upper triangle used */
	double *d;		/* k scratch */
	/* pairwise */
	struct pairmom *pm;	/* k (k + 1) / 2, row-major upper triangle */
	size_t *idx;		/* k scratch */
};

#endif
