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
#include "servqual/keyset.h"
#include "servqual/instrument.h"
#include "servqual/survey.h"
#include "servqual/valcount.h"

/*
 * Moments of a paired (E, P) series. While every pair added is a pair of
 * integers over one common denominator (X_e / den, X_p / den), the
 * moments are exact integer sums, which merge in any order to the same
 * bits; the first pair that is not (or a pair over another denominator)
 * turns them into running moments (Welford/Chan), as before.
 */
typedef struct sq_pairmom {
	double n;
	int inexact;		/* 0: the integer sums below hold */
	long long den;		/* common denominator, 0 before the first */
	__int128 xe, xp, xd2;	/* sums of X_e, X_p, (X_p - X_e)^2 */
	double me, mp;		/* inexact: means of E and P */
	double md, m2d;		/* inexact: mean of P - E, sum of squares */
} sq_pairmom;

/* Largest |X| kept exact: squares of 2^40 pairs sum without overflow. */
#define SQ_EXACT_MAX 1099511627776.0	/* 2^40 */

/* Add one pair to m. */
void sq_pairmom_add(sq_pairmom *m, double e, double p);

/* Add the pair (xe / den, xp / den), den > 0. */
void sq_pairmom_addx(sq_pairmom *m, long long xe, long long xp,
    long long den);

/* Fold b into a (integer sums, else Chan et al.'s parallel update). */
void sq_pairmom_merge(sq_pairmom *a, const sq_pairmom *b);

/*
 * The moments of m as running moments in out (out->inexact set), computed
 * the same way from the same sums, whatever order they were added in.
 */
void sq_pairmom_moments(const sq_pairmom *m, sq_pairmom *out);

enum sq_scope {
	SQ_SCOPE_ITEM = 0,
	SQ_SCOPE_DIMENSION,
	SQ_SCOPE_SERVQUAL,
	SQ_SCOPE_WEIGHTED
};

/*
 * What a gap row describes, by the export's form: P - E (SERVQUAL), P
 * alone (SERVPERF: mean, sd and CI of P; no gap, test or effect) or
 * P - D, the measure of service superiority (three-column; mean_e then
 * holds the mean of D).
 */
enum sq_gap_block { SQ_GAP_G = 0, SQ_GAP_P, SQ_GAP_MSS };

/* The block's name in the table's block column: "G", "P" or "MSS". */
const char *sq_gap_block_name(int block);

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
	long long lden;		/* lcm of the dimensions' item counts, 0: none */
	sq_pairmom sq;		/* unweighted SERVQUAL */
	sq_pairmom wsq;		/* weighted SERVQUAL */
	double respondents;	/* rows added */
	int block;		/* enum sq_gap_block of what was added */
	/* counts of the distinct P - E for the signed-rank test: of each
	   dimension score (an exact fraction, (sum P - sum E) / count), and
	   of the item answers cnt[] does not hold */
	sq_valcount *wdim;	/* ndims */
	sq_valcount *witem;	/* nitems */
	int nomem;		/* a count could not grow: rows fail */
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
	double w_n, w, p_w;	/* Wilcoxon signed-rank (items, dimensions) */
} sq_gaprow;

/*
 * Result rows of a in contract order: items, dimensions, servqual,
 * servqual_weighted; conf is the confidence level (0.95). p_adj is
 * Holm-adjusted across the item rows.
 */
int sq_gap_rows(const sq_gapacc *a, const sq_instrument *ins, double conf,
    sq_gaprow **rows, size_t *nrows);

/* As sq_gap_rows with p_adj by method adjust (enum sq_adjust). */
int sq_gap_rows_adjust(const sq_gapacc *a, const sq_instrument *ins,
    double conf, int adjust, sq_gaprow **rows, size_t *nrows);

/* Paired summary of one series: fills row's n..d (not p_adj). */
void sq_gap_summary(const sq_pairmom *m, double conf, sq_gaprow *row);

/*
 * The common denominator of dimension scores (means of ceil(k/2)..k of a
 * dimension's k items): lcm(1..k) of the largest dimension, 0 when above
 * 2^20. Exact accumulators keep scores as integers over it.
 */
long long sq_score_den(const sq_instrument *ins);

/* The block of a form (enum sq_form -> enum sq_gap_block). */
int sq_gap_block_of(int form);

/*
 * r as the pair the gap accumulator takes: P with D (three-column) or
 * with lo, the scale minimum (SERVPERF); ref (nitems) holds the series.
 */
void sq_gap_pair(const sq_response *r, size_t nitems, double lo,
    double *ref, sq_response *out);

/* The sq-gap title of a form, in lang. */
const char *sq_gap_title(int form, int lang);

/* A row of P paired with lo made a row of P alone (SERVPERF). */
void sq_gaprow_perf(sq_gaprow *row, double lo);

/* Holm step-down adjustment of p[0..n-1] into adj (NAN entries skipped). */
int sq_holm(const double *p, size_t n, double *adj);

/* Holm, Benjamini-Hochberg, Bonferroni or no adjustment (NAN skipped). */
enum sq_adjust { SQ_ADJ_HOLM = 0, SQ_ADJ_BH, SQ_ADJ_BONFERRONI,
    SQ_ADJ_NONE };
int sq_adjust(const double *p, size_t n, int method, double *adj);

/* Parse "holm", "bh", "bonferroni" or "none"; -1 if none of them. */
int sq_adjust_parse(const char *s);

/* Accumulators per segment value, in order of first appearance. */
typedef struct sq_gapset {
	sq_gapacc *all;
	size_t nseg;		/* segments: keys.n, kept for readers */
	char **seg;		/* segment values: keys.name, for readers */
	sq_gapacc **acc;	/* nseg accumulators, by segment index */
	size_t cap;		/* entries acc has room for */
	sq_keyset keys;		/* the segment values' index */
	int by_segment;		/* segments kept (-b) */
	int finished;		/* segments folded into all */
	size_t maxseg;		/* segments the memory budget allows */
	unsigned long rows;	/* rows added with a segment value */
	double *ref;		/* nitems: the series P is paired with */
	int adjust;		/* enum sq_adjust of p_adj, 0: Holm */
} sq_gapset;

/*
 * Segments are capped at SQ_MAX_SEGMENTS and at what SQ_SEGMENT_MEMORY
 * bytes of accumulators hold (64 MiB, the memory goal of a run; each
 * takes about 10 KB on the 22-item SERVQUAL, more with more items).
 */
#define SQ_MAX_SEGMENTS 100000
#define SQ_SEGMENT_MEMORY ((size_t)64 << 20)

/* A new set; by_segment says whether per-segment groups are kept. */
int sq_gapset_new(const sq_instrument *ins, int by_segment,
    sq_gapset **out);

/*
 * Add r to its segment's group (to "all" when there are no segments);
 * each respondent is accumulated once. By r->form: P paired with E, with
 * D (three-column), or alone (SERVPERF: paired with the scale minimum,
 * which sq_gap_rows takes back out).
 */
int sq_gapset_add(sq_gapset *s, const sq_instrument *ins,
    const sq_response *r, sq_error *err);

/*
 * The accumulator of segment value v, created (last in order) if new;
 * SQ_EUSAGE for a set without segments, SQ_ELIMIT past the limit.
 */
int sq_gapset_segment(sq_gapset *s, const sq_instrument *ins, const char *v,
    sq_gapacc **acc);

/*
 * The error for one segment too many (SQ_ELIMIT), saying when the column
 * looks like an id; line 0 when no row is to blame (a merge).
 */
int sq_gapset_limit_error(const sq_gapset *s, const sq_instrument *ins,
    unsigned long line, sq_error *err);

/* After the last add: fold the segments into "all" (exact for counts). */
void sq_gapset_finish(sq_gapset *s);

/* Release a set. */
void sq_gapset_free(sq_gapset *s);

struct sq_table;

/*
 * The sq-gap table of a set: "all" first, then each segment. With human
 * set, scope and dimension cells are labels in lang, for md and pretty;
 * without, the fact columns follow (labels in lang).
 */
int sq_gap_table(const sq_gapset *s, const sq_instrument *ins, double conf,
    int human, int lang, struct sq_table **out);

/*
 * The sq-gap table for people (md, pretty): items grouped under their
 * dimension, then the dimension and SERVQUAL rows, per segment.
 */
int sq_gap_pretty(const sq_gapset *s, const sq_instrument *ins,
    double conf, int lang, struct sq_table **out);

/* The column names of the sq-gap table, NULL-terminated. */
extern const char *const sq_gap_columns[];

/*
 * Columns the machine formats append after sq_gap_columns: conf,
 * scale_min, scale_max, label, instrument (what a chart needs).
 */
extern const char *const sq_gap_fact_columns[];

#endif
