/*
 * servqual comparisons: omnibus and pairwise tests of every score
 * (dimension, servqual, servqual_weighted; items on request) between
 * groups of respondents (DESIGN.md "sq-compare").
 *
 * Memory: each group keeps, per score, a count of each distinct score
 * (sq_valcount). Dimension and item scores take finitely many values (a
 * few hundred on a 7-point scale), so memory is flat in respondents and
 * means, variances, medians and ranks with exact ties all come from the
 * counts. The weighted score is counted the same way: with whole-number
 * weights it too takes finitely many values, but with many distinct
 * weightings memory grows with them (16-28 bytes per distinct value).
 * Counts of disjoint shards add, and every figure of the table is
 * computed from the counts taken in increasing order of value, never in
 * the order respondents came in: shards folded in any order (sq-merge,
 * -j) give the single run's table byte for byte.
 */
#ifndef SERVQUAL_COMPARE_H
#define SERVQUAL_COMPARE_H

#include "servqual/error.h"
#include "servqual/instrument.h"
#include "servqual/keyset.h"
#include "servqual/scores.h"
#include "servqual/survey.h"
#include "servqual/valcount.h"

enum sq_cmptest {
	SQ_T_ANOVA = 0, SQ_T_WELCH, SQ_T_KRUSKAL, SQ_T_LEVENE,
	SQ_T_TUKEY, SQ_T_GAMES_HOWELL, SQ_T_DUNN, SQ_T_WELCH_T,
	SQ_T_MANN_WHITNEY, SQ_T_PAIRED_T, SQ_T_WILCOXON, SQ_T_NTESTS
};

/* Test names as the table writes them, by enum sq_cmptest. */
extern const char *const sq_cmp_test_names[];

/* Effect names ("" when the test reports none), by enum sq_cmptest. */
extern const char *const sq_cmp_effect_names[];

#define SQ_CMP_MAX_GROUPS 200	/* pairs grow as its square */

typedef struct sq_cmpset {
	int block;		/* enum sq_score_block */
	int items;		/* item scores too */
	size_t ndims, nitems;
	size_t nscores;		/* ndims + 2 (+ nitems) */
	size_t ngroups;		/* groups: keys.n, kept for readers */
	char **name;		/* keys.name: in order of appearance */
	sq_valcount **vc;	/* ngroups arrays of nscores counts */
	unsigned long long *resp;	/* respondents of each group */
	unsigned long *first;	/* line of each group's first respondent
				   (0 from a state), for the limit error */
	size_t cap[3];		/* room in vc, resp and first */
	sq_keyset keys;		/* the group names' index */
	unsigned long blank;	/* respondents with a blank group */
	sq_scores *sc;
} sq_cmpset;

/* A new empty set; score index s: dims, servqual, weighted, items. */
int sq_cmpset_new(const sq_instrument *ins, int block, int items,
    sq_cmpset **out);

/*
 * Add r to group (NULL or blank: counted in blank, left out). Fails with
 * SQ_ELIMIT past SQ_CMP_MAX_GROUPS groups, SQ_ENOMEM.
 */
int sq_cmpset_add(sq_cmpset *s, const sq_instrument *ins,
    const char *group, const sq_response *r, sq_error *err);

/* Release s; NULL is a no-op. */
void sq_cmpset_free(sq_cmpset *s);

/*
 * The index of group name (not blank) in *idx, adding it when new:
 * SQ_OK, SQ_ELIMIT past SQ_CMP_MAX_GROUPS groups, SQ_ENOMEM.
 */
int sq_cmpset_group(sq_cmpset *s, const char *name, size_t *idx);

/*
 * Fold src (a set of the same instrument, block and items) into dst:
 * groups matched by name, counts added. The table depends only on the
 * counts, so folding shards in any order gives the single run's bytes.
 * SQ_OK, SQ_ELIMIT (more than SQ_CMP_MAX_GROUPS groups in all: *line is
 * the line in src of the first respondent of the group one too many, as
 * a single run would report it), SQ_ENOMEM.
 */
int sq_cmpset_fold(sq_cmpset *dst, const sq_cmpset *src,
    unsigned long *line);

/* One row of results; figures NAN where undefined. */
typedef struct sq_cmprow {
	int scope;		/* enum sq_scope (gap.h) */
	int dim, item;		/* -1 when none */
	int test;		/* enum sq_cmptest */
	long g1, g2;		/* group indexes into the set, -1: none */
	double n, diff, stat, df1, df2, p, p_adj, ci_low, ci_high, es;
	double n1, n2, mean1, mean2, sd1, sd2;	/* the two groups */
} sq_cmprow;

/*
 * Every test on every score, in the order: scores (dimensions, servqual,
 * servqual_weighted, items); per score anova, welch, kruskal, levene,
 * tukey, games_howell and dunn pairs, and with two groups welch_t and
 * mann_whitney. Pairs have g1 < g2 by strcmp of the names. conf is the
 * confidence level of the intervals.
 */
int sq_cmp_rows(const sq_cmpset *s, double conf, sq_cmprow **rows,
    size_t *nrows);

/*
 * Two waves of one panel, matched by respondent id (--paired-by). Wave 0
 * is kept whole: per respondent its id and each score as the exact
 * fraction it was computed as (16 bytes per score, about 8 + 16 * nscores
 * + the id's length + 16 bytes of index a respondent); wave 1 is matched
 * against it row by row, and only the counts of the differences (exact:
 * one division of integer products) are kept.
 */
typedef struct sq_cmppanel sq_cmppanel;

/* A new panel for scores on block (items too when items is set). */
int sq_cmppanel_new(const sq_instrument *ins, int block, int items,
    sq_cmppanel **out);

/* Add a respondent of wave 0 or 1 (needs r->id). */
int sq_cmppanel_add(sq_cmppanel *p, const sq_instrument *ins, int wave,
    const sq_response *r, sq_error *err);

/* Matched and unmatched counts as a sentence ("" when all matched);
   *total the matched respondents. */
void sq_cmppanel_report(const sq_cmppanel *p, unsigned long *total,
    char *buf, size_t len);

/* paired_t and wilcoxon rows per score (group1 = wave 0 = index 0). */
int sq_cmppanel_rows(const sq_cmppanel *p, double conf, sq_cmprow **rows,
    size_t *nrows);

/* Release p; NULL is a no-op. */
void sq_cmppanel_free(sq_cmppanel *p);

/* The groups' indexes sorted by strcmp of their names (caller frees). */
int sq_cmpset_order(const sq_cmpset *s, size_t **order);

#endif
