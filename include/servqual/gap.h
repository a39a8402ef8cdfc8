/*
 * servqual gap scores: accumulators of paired E/P statistics per item,
 * per dimension and for the SERVQUAL score, and the table of results
 * (see DESIGN.md "Definitions"). Accumulators hold running moments
 * (Welford/Chan), so memory does not grow with respondents and two
 * accumulators over disjoint shards merge exactly.
 */
#ifndef SERVQUAL_GAP_H
#define SERVQUAL_GAP_H

#include "servqual/error.h"
#include "servqual/hash.h"
#include "servqual/instrument.h"
#include "servqual/survey.h"

/* Running moments of a paired (E, P) series. */
typedef struct sq_pairmom {
	double n;
	double me, mp;		/* means of E and P */
	double md, m2d;		/* mean of P - E and its sum of squares */
} sq_pairmom;

/* Add one pair to m. */
void sq_pairmom_add(sq_pairmom *m, double e, double p);

/* Fold b into a (Chan et al.'s parallel update). */
void sq_pairmom_merge(sq_pairmom *a, const sq_pairmom *b);

enum sq_scope {
	SQ_SCOPE_ITEM = 0,
	SQ_SCOPE_DIMENSION,
	SQ_SCOPE_SERVQUAL,
	SQ_SCOPE_WEIGHTED
};

/*
 * Accumulator for one group of respondents. Items on a scale of at most
 * SQ_COUNT_MAX points are kept as counts of (E, P) answer pairs, exact
 * and cheaper than running moments; other answers go to item[].
 */
#define SQ_COUNT_MAX 16

typedef struct sq_gapacc {
	size_t nitems, ndims;
	double lo;		/* lowest answer on the scale */
	size_t range;		/* answers on the scale, 0: no counts */
	unsigned long long *cnt; /* nitems * range * range pair counts */
	sq_pairmom *item;	/* nitems */
	sq_pairmom *dim;	/* ndims */
	sq_pairmom sq;		/* unweighted SERVQUAL */
	sq_pairmom wsq;		/* weighted SERVQUAL */
	double respondents;	/* rows added */
} sq_gapacc;

/* A new, empty accumulator for ins. */
int sq_gapacc_new(const sq_instrument *ins, sq_gapacc **out);

/* Add one respondent. */
void sq_gapacc_add(sq_gapacc *a, const sq_instrument *ins,
    const sq_response *r);

/* The moments of item i: its counts and running moments combined. */
void sq_gapacc_item(const sq_gapacc *a, size_t i, sq_pairmom *m);

/* Fold b into a (same instrument). */
void sq_gapacc_merge(sq_gapacc *a, const sq_gapacc *b);

/* Release an accumulator. */
void sq_gapacc_free(sq_gapacc *a);

/* One result row; figures are NAN where undefined. */
typedef struct sq_gaprow {
	int scope;		/* enum sq_scope */
	int dim;		/* dimension index, -1 on servqual rows */
	int item;		/* item index, -1 unless scope is item */
	double n, mean_e, mean_p, gap, sd, se, ci_low, ci_high;
	double t, df, p, p_adj, d;
} sq_gaprow;

/*
 * Result rows of a in contract order: items, dimensions, servqual,
 * servqual_weighted; conf is the confidence level (0.95). p_adj is
 * Holm-adjusted across the item rows.
 */
int sq_gap_rows(const sq_gapacc *a, const sq_instrument *ins, double conf,
    sq_gaprow **rows, size_t *nrows);

/* Paired summary of one series: fills row's n..d (not p_adj). */
void sq_gap_summary(const sq_pairmom *m, double conf, sq_gaprow *row);

/* Holm step-down adjustment of p[0..n-1] into adj (NAN entries skipped). */
int sq_holm(const double *p, size_t n, double *adj);

/* Accumulators per segment value, in order of first appearance. */
typedef struct sq_gapset {
	sq_gapacc *all;
	size_t nseg, cap;
	char **seg;		/* segment values */
	sq_gapacc **acc;
	size_t *hash;		/* open-addressing index into seg */
	size_t hcap;
	int finished;		/* segments folded into all */
	sq_hash_key key;	/* of the index: random per set */
	size_t maxseg;		/* segments the memory budget allows */
	unsigned long rows;	/* rows added with a segment value */
} sq_gapset;

/*
 * Segments are capped at SQ_MAX_SEGMENTS and at what SQ_SEGMENT_MEMORY
 * bytes of accumulators hold (64 MiB, the memory goal of a run; each
 * takes about 21 KB on the 22-item SERVQUAL, more with more items).
 */
#define SQ_MAX_SEGMENTS 100000
#define SQ_SEGMENT_MEMORY ((size_t)64 << 20)

/* A new set; by_segment says whether per-segment groups are kept. */
int sq_gapset_new(const sq_instrument *ins, int by_segment,
    sq_gapset **out);

/*
 * Add r to its segment's group (to "all" when there are no segments);
 * each respondent is accumulated once.
 */
int sq_gapset_add(sq_gapset *s, const sq_instrument *ins,
    const sq_response *r, sq_error *err);

/* After the last add: fold the segments into "all" (exact for counts). */
void sq_gapset_finish(sq_gapset *s);

/* Release a set. */
void sq_gapset_free(sq_gapset *s);

struct sq_table;

/*
 * The sq-gap table of a set: "all" first, then each segment. With human
 * set, scope and dimension cells are labels in lang, for md and pretty.
 */
int sq_gap_table(const sq_gapset *s, const sq_instrument *ins, double conf,
    int human, int lang, struct sq_table **out);

/* The column names of the sq-gap table, NULL-terminated. */
extern const char *const sq_gap_columns[];

#endif
