/*
 * servqual drivers: what drives the overall rating (DESIGN.md,
 * "sq-drivers"). Two linear models on their own complete cases,
 * servqual (outcome ~ the dimension gap scores) and servperf (outcome ~
 * the dimension P scores); LMG relative importance; stated (the
 * respondents' 100-point weights) vs derived (servperf LMG share)
 * importance; importance-performance quadrants; service-level targets.
 *
 * Memory: the accumulator holds, per model, the sums and cross-products
 * of (scores, outcome), the sums of the weights per distinct weight
 * total, and per segment the sums and sums of squares of every
 * dimension's P and G score: flat in respondents, growing only with
 * segments (-b).
 *
 * Exactness: while answers and weights are whole numbers (and the
 * outcome has at most 4 decimals), every sum is an integer: dimension
 * scores over the common denominator L = lcm of the item counts a score
 * can be the mean of, the outcome over 10^4, the weights as given, per
 * total. Integer sums fold in any order to the same integers, so
 * accumulators over shards merge to the single run's results, bit for
 * bit, whatever the order (sq_drivers_fold; the state is
 * driversstate.h). Other values are kept apart in running moments
 * (Welford, Chan's merge), which differ by order in the last bits.
 *
 * Solving: from the centred co-moments alone. The cross-product matrix
 * of the predictors is scaled to a correlation matrix and factored by
 * GSL's Cholesky, whose factor is the R of a QR of the centred, scaled
 * data; the coefficients come from triangular solves against it and the
 * residual sum of squares from the outcome's last pivot, as a QR gives.
 * LMG is exact over all 2^p subsets of the correlation matrix.
 */
#ifndef SERVQUAL_DRIVERS_H
#define SERVQUAL_DRIVERS_H

#include <stdio.h>

#include "servqual/error.h"
#include "servqual/instrument.h"
#include "servqual/survey.h"

#define SQ_LMG_MAX_DIMS	12	/* LMG over more predictors: NaN */

enum sq_drv_model { SQ_DRV_SERVQUAL = 0, SQ_DRV_SERVPERF, SQ_DRV_NMODELS };
enum sq_drv_block { SQ_DRV_P = 0, SQ_DRV_G };	/* target blocks */
enum sq_drv_source { SQ_IMP_AUTO = 0, SQ_IMP_STATED, SQ_IMP_DERIVED };
enum sq_drv_cross { SQ_CROSS_MEAN = 0, SQ_CROSS_MEDIAN, SQ_CROSS_SCALE };
enum sq_drv_verdict { SQ_MET = 0, SQ_MISSED, SQ_INCONCLUSIVE };

/* One service-level target: dimension, block (P or G), level. */
typedef struct sq_target {
	int dim;
	int block;		/* enum sq_drv_block */
	double target;
} sq_target;

typedef struct sq_drivers sq_drivers;

/* A new accumulator; by_segment keeps target moments per segment. */
int sq_drivers_new(const sq_instrument *ins, int by_segment,
    sq_drivers **out);

/* Add respondent r with outcome y (NAN: missing); errors name r->line. */
int sq_drivers_add(sq_drivers *a, const sq_instrument *ins,
    const sq_response *r, double y, sq_error *err);

/*
 * Fold b (what came after a's respondents) into a, same instrument and
 * segmenting; segments new to a are appended in b's order. SQ_ELIMIT
 * past 100000 segments, SQ_EUSAGE when a and b do not match.
 */
int sq_drivers_fold(sq_drivers *a, const sq_drivers *b);

/* Release; NULL is a no-op. */
void sq_drivers_free(sq_drivers *a);

/* One fitted model; every figure NAN when undefined. */
typedef struct sq_drvmodel {
	double n, r2, adj_r2, f, df1, df2, p;
	/* per term, 0 = intercept, 1 + d = dimension d */
	double est[SQ_MAX_DIMS + 1], se[SQ_MAX_DIMS + 1];
	double t[SQ_MAX_DIMS + 1], pv[SQ_MAX_DIMS + 1];
	double beta[SQ_MAX_DIMS + 1], vif[SQ_MAX_DIMS + 1];
	double lmg[SQ_MAX_DIMS], share[SQ_MAX_DIMS];
	int singular;		/* predictors collinear (or constant) */
} sq_drvmodel;

typedef struct sq_drvtarget {
	int dim, block;
	long seg;		/* segment index, -1 for all respondents */
	double target, n, mean, ci_low, ci_high, t, p;
	int verdict;		/* enum sq_drv_verdict */
} sq_drvtarget;

typedef struct sq_drvresult {
	size_t ndims;
	double respondents;	/* rows read */
	double conf, scale_min, scale_max;
	sq_drvmodel model[SQ_DRV_NMODELS];
	double stated_n;	/* respondents behind the stated importance */
	double stated[SQ_MAX_DIMS], derived[SQ_MAX_DIMS];
	double rank_stated[SQ_MAX_DIMS], rank_derived[SQ_MAX_DIMS];
	double spearman;
	int source;		/* SQ_IMP_STATED or SQ_IMP_DERIVED */
	int rule;		/* enum sq_drv_cross */
	double icross, pcross;
	double importance[SQ_MAX_DIMS];		/* IPA */
	double perf[SQ_MAX_DIMS], perf_n[SQ_MAX_DIMS];
	double perf_lo[SQ_MAX_DIMS], perf_hi[SQ_MAX_DIMS];
	int quadrant[SQ_MAX_DIMS];	/* enum sq_quadrant, -1 undefined */
	int by_segment;
	size_t nseg;
	char **seg;		/* segment names, first appearance order */
	size_t ntarget;
	sq_drvtarget *target;	/* per segment: all first, then each */
} sq_drvresult;

typedef struct sq_drivers_opts {
	double conf;		/* 0.95 */
	int importance;		/* enum sq_drv_source */
	int crosshair;		/* enum sq_drv_cross */
	const sq_target *targets;
	size_t ntargets;
} sq_drivers_opts;

/*
 * The results of a. SQ_EDATA (message in err) when --importance stated
 * is asked of an export without usable weights. *out is the caller's.
 */
int sq_drivers_result(const sq_drivers *a, const sq_instrument *ins,
    const sq_drivers_opts *o, sq_drvresult **out, sq_error *err);

/* Release results; NULL is a no-op. */
void sq_drvresult_free(sq_drvresult *r);

/* Whether some target was missed. */
int sq_drivers_missed(const sq_drvresult *r);

/*
 * Parse "REL=6,TAN=5.5,G:REL=-0.5" and append to *t (realloc'd, *n
 * entries). Returns -1 with msg on a bad spec.
 */
int sq_targets_parse(const char *spec, const sq_instrument *ins,
    sq_target **t, size_t *n, char *msg, size_t len);

/* Read a targets CSV (dimension,block,target) and append to *t. */
int sq_targets_read(const char *path, const sq_instrument *ins,
    sq_target **t, size_t *n, sq_error *err);

/*
 * Least squares of y on p predictors from the centred co-moments: means
 * m[0..p] (m[p] the outcome) and co-moment matrix C (p+1 x p+1,
 * row-major) over n cases. Fills mod (not lmg). For tests and callers.
 */
void sq_drivers_fit(double n, size_t p, const double *m, const double *C,
    sq_drvmodel *mod);

/*
 * LMG of p predictors from their correlation matrix R (p x p) and their
 * correlations r with the outcome: lmg[0..p-1], summing to the R^2 of
 * the full model. SQ_ENUMERIC when a subset's matrix is singular.
 */
int sq_lmg(size_t p, const double *R, const double *r, double *lmg);

/* Ranks, 1 = largest, ties averaged; NAN entries get NAN. */
void sq_rank_desc(const double *x, size_t n, double *rank);

struct sq_table;

/*
 * The long tidy table: section segment model term key value (see
 * man/sq-drivers.1); with human set, labels in lang for md.
 */
int sq_drivers_table(const sq_drvresult *r, const sq_instrument *ins,
    const char *outcome, int human, int lang, struct sq_table **out);

/* The contract's JSON. */
int sq_drivers_json(const sq_drvresult *r, const sq_instrument *ins,
    const char *outcome, FILE *fp);

/* A one-screen summary for people (fits 100 columns). */
int sq_drivers_pretty(const sq_drvresult *r, const sq_instrument *ins,
    const char *outcome, int lang, FILE *fp);

/* Names: "servqual"; "P"/"G"; "met"...; "mean"...; "concentrate"... */
const char *sq_drivers_model_name(int m);
const char *sq_drivers_block_name(int b);
const char *sq_drivers_verdict_name(int v);
const char *sq_drivers_rule_name(int r);
const char *sq_drivers_quadrant_name(int q);

#endif
