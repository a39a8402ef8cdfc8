/*
 * servqual reliability: Cronbach's alpha (raw and standardized), Feldt's
 * interval, item-rest correlations, alpha if an item is deleted,
 * McDonald's omega total and the reliability of a difference score, as
 * pure functions of a covariance or correlation matrix (k x k, row-major),
 * agreeing with R's psych; and an accumulator that collects, in one pass
 * over respondents, the matrices sq-alpha needs for the E, P and gap (G)
 * blocks of every dimension and of the whole scale.
 */
#ifndef SERVQUAL_RELIABILITY_H
#define SERVQUAL_RELIABILITY_H

#include <stddef.h>
#include <stdio.h>

#include "servqual/error.h"
#include "servqual/instrument.h"
#include "servqual/survey.h"
#include "servqual/table.h"

/*
 * Alpha of the k items with covariance cov: raw (psych raw_alpha), from
 * the correlations cov2cor(cov) (std.alpha) and their mean off-diagonal
 * value (average_r). Any output may be NULL; NAN where undefined (k < 2,
 * a NaN entry, zero variance).
 */
int sq_alpha(const double *cov, size_t k, double *alpha, double *alpha_std,
    double *average_r);

/*
 * Per item i: r_drop[i], the correlation of item i with the sum of the
 * others (psych r.drop), and alpha_drop[i], raw alpha of the other k - 1
 * items (psych alpha.drop raw_alpha; NAN when k < 3). Either may be NULL.
 */
int sq_alpha_items(const double *cov, size_t k, double *r_drop,
    double *alpha_drop);

/*
 * Feldt's (1987) interval for alpha at level conf, with F(n - 1,
 * (n - 1)(k - 1)) as psych::alpha.ci; NAN when n < 2 or k < 2.
 */
int sq_feldt_ci(double alpha, double n, size_t k, double conf, double *lo,
    double *hi);

/*
 * McDonald's omega total from a one-factor minres solution of the
 * correlation matrix cor, as psych::omega(nfactors = 1)$omega.tot:
 * 1 - sum(1 - l^2) / (sum of cor after reflecting items whose loading
 * is negative). Minres is solved by principal axes iterated until
 * communalities change by < 1e-14, communalities capped at 0.995 as
 * psych bounds uniquenesses; *iter (may be NULL) gets the iterations.
 * NAN with SQ_ENUMERIC when it does not converge, NAN when k < 3.
 */
int sq_omega_total(const double *cor, size_t k, double *omega,
    unsigned *iter);

/*
 * Reliability of D = P - E from the reliabilities ree, rpp, variances
 * ve, vp of E and P and their correlation rep (Lord 1958):
 * (ve ree + vp rpp - 2 rep se sp) / (ve + vp - 2 rep se sp).
 */
double sq_diff_reliability(double ree, double rpp, double ve, double vp,
    double rep);

/*
 * The same from the 2k x 2k covariance of k E items followed by their k
 * P items: ree, rpp are the raw alphas of the two diagonal blocks, ve, vp
 * the variances of the E and P sum scores, rep their correlation.
 */
double sq_diff_reliability_cov(const double *cov, size_t k);

enum sq_relscope { SQ_REL_SCALE = 0, SQ_REL_ITEM };

/* One row of sq-alpha's table; figures NAN where undefined. */
typedef struct sq_relrow {
	int scope;		/* enum sq_relscope */
	int block;		/* enum sq_block */
	int dim;		/* dimension index, -1 for the whole scale */
	int item;		/* item index on item rows, else -1 */
	double n, k;
	double alpha, alpha_std, ci_low, ci_high;	/* scale rows */
	double r_drop, alpha_if_deleted;		/* item rows */
	double average_r, omega_total;			/* scale rows */
	double r_diff;		/* scale rows of block G */
	int omega_status;	/* SQ_OK or SQ_ENUMERIC */
	double conf;		/* confidence level of ci_low, ci_high */
} sq_relrow;

typedef struct sq_relacc sq_relacc;

/*
 * A new accumulator for ins (borrowed; must outlive the accumulator);
 * pairwise != 0 for pairwise deletion, else listwise per block x
 * dimension (block G: rows complete on the E and P items).
 */
int sq_relacc_new(const sq_instrument *ins, int pairwise, sq_relacc **out);

/* Add one respondent. */
void sq_relacc_add(sq_relacc *a, const sq_response *r);

/* Fold b into a (same instrument and mode). */
int sq_relacc_merge(sq_relacc *a, const sq_relacc *b);

/*
 * The table: for blocks E, P, G, for each dimension and then the whole
 * scale, a scale row followed by its item rows; conf for Feldt (0.95).
 * *rows is the caller's to free().
 */
int sq_rel_rows(const sq_relacc *a, double conf, sq_relrow **rows,
    size_t *nrows);

/*
 * Partial results: sq-alpha's state body (between the head and "end" of
 * state.h; lib/state/relstate.c), the accumulator's integer sums, so that the
 * states of any split of the input fold in any order to the same table:
 *
 *   relacc <items> <scopes> <pairwise 0|1>     scopes: dimensions + 1
 *   pairwise: two covariance accumulators (covacc.h's lines), of the
 *     2 * items E then P answers and of the items' gaps P - E
 *   listwise: for each scope s with k > 0 items (dimensions, then the
 *     whole scale):
 *     scope <s> <k>
 *     the covacc lines of its E, of its P and of its G items
 *     diff <rows> <exact 0|1>         rows complete on its E and P items
 *     exact: dsum <2k + 2 sums>       E items, P items, sum E, sum P
 *            dsq <2k + 2 sums of squares>
 *            dcross <sum of (sum E)(sum P)>
 *     not exact (answers that are no small whole numbers): dmean, dm2
 *       <2k + 2 hex floats> and dcross <co-moment of the sums>
 */
struct sq_state_rd;

/* a's state body (above) to fp; SQ_EIO. */
int sq_alpha_state_write_body(FILE *fp, const sq_relacc *a);

/*
 * Fold the body of one sq-alpha state from r into a (made for the same
 * instrument and mode), up to before "end": SQ_EPARSE naming the line on
 * any line that is not what sq_alpha_state_write_body writes for a, or
 * a sum no count of answers can reach; SQ_ENOMEM.
 */
int sq_alpha_state_read_body(struct sq_state_rd *r, sq_relacc *a);

/* Release an accumulator. */
void sq_relacc_free(sq_relacc *a);

/*
 * Keep only the rows of block (a form without E has P rows only: E and
 * G have no data); returns how many are left, in order.
 */
size_t sq_rel_keep_block(sq_relrow *rows, size_t n, int block);

/* sq-alpha's column names, NULL-terminated (DESIGN.md, then extras). */
extern const char *const sq_rel_columns[];

/*
 * rows for people (md, pretty): the scales under their block, or with
 * items != 0 the item statistics; names in language lang.
 */
int sq_rel_pretty(const sq_relrow *rows, size_t nrows,
    const sq_instrument *ins, int lang, int items, struct sq_table **out);

/*
 * Columns the machine formats append after sq_rel_columns, the facts a
 * chart of the table needs: conf (level of ci_low, ci_high), scale_min,
 * scale_max, label (item wording on item rows, dimension name on
 * dimension rows, in lang) and instrument.
 */
extern const char *const sq_rel_fact_columns[];

/*
 * rows as a table; human != 0 (md, pretty) names scopes, dimensions and
 * the missing-data mode in language lang instead of codes.
 */
int sq_rel_table(const sq_relrow *rows, size_t nrows,
    const sq_instrument *ins, int pairwise, int human, int lang,
    sq_table **out);

/* A quality gate such as "alpha<0.70": statistic, operator, threshold. */
typedef struct sq_relgate {
	int stat;		/* SQ_GATE_* */
	int le;			/* 1 for <=, 0 for < */
	double threshold;
	char text[64];		/* as given */
} sq_relgate;

enum { SQ_GATE_ALPHA = 0, SQ_GATE_ALPHA_STD, SQ_GATE_OMEGA, SQ_GATE_RDIFF };

/*
 * Parse "STAT<X" or "STAT<=X", STAT one of alpha, alpha_std,
 * omega_total (or omega), r_diff; SQ_EUSAGE if malformed.
 */
int sq_relgate_parse(const char *s, sq_relgate *g);

/*
 * Does gate g hold on scale row r (statistic below the threshold)? A NaN
 * statistic never holds.
 */
int sq_relgate_holds(const sq_relgate *g, const sq_relrow *r);

#endif
