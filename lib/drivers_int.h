/*
 * Internal to lib/drivers*.c: sq-drivers' accumulator, shared by the
 * analysis (drivers.c) and the partial-result state (driversstate.c).
 *
 * Every figure is kept twice: an exact part, integer sums of scores
 * brought to a common denominator (dimension scores X / L, the outcome
 * Y / SQ_DRV_YDEN), which fold in any order to the same integers; and a
 * running part (Welford/Chan) for the respondents whose scores are not
 * such fractions (answers that are not whole numbers, an outcome with
 * more than 4 decimals). The two parts are combined only when the
 * results are computed, so data that is all whole numbers gives the
 * same bits whatever the order it was read or merged in.
 */
#ifndef SERVQUAL_DRIVERS_INT_H
#define SERVQUAL_DRIVERS_INT_H

#include "servqual/drivers.h"
#include "servqual/hash.h"
#include "servqual/scores.h"

#define DRV_NQ		(SQ_MAX_DIMS + 1)
#define DRV_NCROSS	(DRV_NQ * (DRV_NQ + 1) / 2)

/* Exact scores: |X| <= 2^36, so 2^46 respondents' squares fit in 2^118. */
#define DRV_XMAX	68719476736LL		/* 2^36 */
#define DRV_NMAX	70368744177664ULL	/* 2^46 */
#define SQ_DRV_YDEN	10000			/* the outcome's denominator */
#define DRV_WMAX	65536			/* largest exact weight */
#define DRV_NTOTALS	4096			/* distinct weight totals */
#define DRV_MAX_SEGMENTS 100000

/* Upper-triangle index of (i, j), i <= j, in a q x q matrix. */
#define DRV_UT(q, i, j)	((i) * (q) - (i) * ((i) - 1) / 2 + (j) - (i))

/* Moments of (x_1..x_p, y): the complete cases of one model. */
struct drv_mom {
	unsigned long long n;		/* exact part: cases */
	__int128 s[DRV_NQ];		/* sums of X */
	__int128 ss[DRV_NCROSS];	/* sums of X_i X_j, upper triangle */
	double rn;			/* running part: cases */
	double rm[DRV_NQ];		/* means */
	double rc[DRV_NCROSS];		/* centred co-moments */
};

/* Moments of one score (mean and sum of squared deviations). */
struct drv_mom1 {
	__int128 s, ss;			/* exact part: sums of X, X^2 */
	unsigned long long n;
	double rn, rm, rm2;		/* running part */
};

/* The stated weights of respondents whose weights sum to one total. */
struct drv_total {
	long long total;		/* sum of the respondent's weights */
	unsigned long long n;		/* respondents */
	long long w[SQ_MAX_DIMS];	/* sums of each weight */
};

struct sq_drivers {
	size_t nd;
	long long L;			/* dimension scores' denominator, 0:
					   none (never exact) */
	struct drv_mom mod[SQ_DRV_NMODELS];
	/* weights rescaled to 100: exact by total, else running sums */
	struct drv_total *tot;		/* ntot, totals increasing */
	size_t ntot;
	double wrun[SQ_MAX_DIMS], wrn;
	double respondents;
	sq_scores *sg, *sp;
	struct drv_mom1 *all;		/* 2 * nd: block P then G */
	int by_segment;
	size_t nseg, cap, hcap;
	char **seg;
	struct drv_mom1 *segmom;	/* nseg * 2 * nd */
	size_t *hash;
	sq_hash_key key;		/* random per run: no hash flooding */
};

/* The moments of segment v (2 * nd of them), added when new. */
int sq_drivers_segment(sq_drivers *a, const char *v, struct drv_mom1 **out);

/* Fold b's model moments into a's (q columns, scores over L). */
void sq_drv_mom_fold(struct drv_mom *a, const struct drv_mom *b, size_t q,
    long long L);

/* Fold b into a (scores over L). */
void sq_drv_mom1_fold(struct drv_mom1 *a, const struct drv_mom1 *b,
    long long L);

/* Count n respondents whose weights sum to total, with sums w[0..nd). */
int sq_drv_total_add(sq_drivers *a, long long total, unsigned long long n,
    const long long *w);

#endif
