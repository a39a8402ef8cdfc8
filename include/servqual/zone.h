/*
 * servqual zone of tolerance (three-column surveys: adequate A, desired
 * D and perceived P levels per item; see DESIGN.md "sq-zone"). Per item,
 * dimension and overall score: means of A, D and P, the measures of
 * service adequacy MSA = P - A and superiority MSS = P - D with paired
 * t-tests, the zone width D - A, and the shares of respondents below,
 * within and above their zone; an inverted zone (A > D) is counted apart.
 *
 * Memory: a few sums per item and dimension and group, never per
 * respondent. Scores of a respondent are exact rationals (integer sums
 * over an item count), and a respondent's place against the zone is
 * decided on those sums, so ties are exact.
 */
#ifndef SERVQUAL_ZONE_H
#define SERVQUAL_ZONE_H

#include "servqual/error.h"
#include "servqual/gap.h"
#include "servqual/instrument.h"
#include "servqual/keyset.h"
#include "servqual/survey.h"

/*
 * Sums of one series of (A, D, P) triples: two paired moments (gap.h's
 * sq_pairmom), exact integer sums while the scores are integers over one
 * denominator (answers; dimension and overall scores over the lcm of
 * their item counts), so accumulators merge to the same bits in any
 * order; running moments (order-dependent in the last bits) only for
 * answers that are not whole numbers (codebook recodes) or denominators
 * too large.
 */
typedef struct sq_zonemom {
	sq_pairmom pa;			/* (A, P): sums of A, P, (P - A)^2 */
	sq_pairmom pd;			/* (D, P): sums of D, P, (P - D)^2 */
	unsigned long long below, within, above; /* counts, A <= D only */
	unsigned long long inverted;	/* A > D */
} sq_zonemom;

/* One group of respondents. */
typedef struct sq_zoneacc {
	size_t nitems, ndims;
	sq_zonemom *item;		/* nitems */
	sq_zonemom *dim;		/* ndims */
	sq_zonemom all;			/* the overall score */
	double respondents;		/* rows added (a whole number) */
	long long lden;			/* lcm of the item counts a dimension
					   score can be the mean of; 0: too
					   large (running moments) */
} sq_zoneacc;

/* A new, empty accumulator for ins. */
int sq_zoneacc_new(const sq_instrument *ins, sq_zoneacc **out);

/* Add one respondent (r->a, r->d, r->p; NAN = missing). */
void sq_zoneacc_add(sq_zoneacc *a, const sq_instrument *ins,
    const sq_response *r);

/* Fold the series b into a. */
void sq_zonemom_merge(sq_zonemom *a, const sq_zonemom *b);

/* Fold b into a (same instrument): exact sums add in any order. */
void sq_zoneacc_merge(sq_zoneacc *a, const sq_zoneacc *b);

/* Release an accumulator; NULL is a no-op. */
void sq_zoneacc_free(sq_zoneacc *a);

enum sq_zone_scope {
	SQ_ZONE_ITEM = 0, SQ_ZONE_DIMENSION, SQ_ZONE_OVERALL
};

/* One result row; NAN where undefined (shares: no A <= D cases). */
typedef struct sq_zonerow {
	int scope;			/* enum sq_zone_scope */
	int dim;			/* dimension index, -1 on overall */
	int item;			/* item index, -1 unless an item */
	double n, mean_a, mean_d, mean_p;
	double msa, msa_sd, msa_t, msa_p;
	double mss, mss_sd, mss_t, mss_p;
	double width, below, within, above, inverted;
} sq_zonerow;

/* Rows of a: items, dimensions, overall. The caller frees *rows. */
int sq_zone_rows(const sq_zoneacc *a, const sq_instrument *ins,
    sq_zonerow **rows, size_t *nrows);

#define SQ_ZONE_MAX_SEGMENTS 100000

/* Accumulators for all respondents and per segment value (-b). */
typedef struct sq_zoneset {
	sq_zoneacc *all;
	size_t nseg;			/* segments: keys.n, for readers */
	char **seg;			/* keys.name: by first appearance */
	sq_zoneacc **acc;		/* nseg accumulators, by index */
	size_t cap;			/* entries acc has room for */
	sq_keyset keys;			/* the segment values' index */
	int by_segment;			/* segments kept (-b) */
} sq_zoneset;

/* A new set; by_segment keeps a group per segment value. */
int sq_zoneset_new(const sq_instrument *ins, int by_segment,
    sq_zoneset **out);

/* Add r to all and to its segment ("(blank)" for an empty value). */
int sq_zoneset_add(sq_zoneset *s, const sq_instrument *ins,
    const sq_response *r, sq_error *err);

/*
 * The accumulator of segment v in s (a set with segments), made empty
 * and appended after the others when new: SQ_OK, SQ_ELIMIT (more than
 * SQ_ZONE_MAX_SEGMENTS) or SQ_ENOMEM.
 */
int sq_zoneset_segment(sq_zoneset *s, const sq_instrument *ins,
    const char *v, sq_zoneacc **acc);

/*
 * Fold src (what came after dst in the input) into dst, both for ins:
 * src's segments new to dst are appended in src's order, so the order of
 * first appearance is kept. SQ_OK, SQ_ELIMIT or SQ_ENOMEM.
 */
int sq_zoneset_fold(sq_zoneset *dst, const sq_zoneset *src,
    const sq_instrument *ins);

/* Release a set; NULL is a no-op. */
void sq_zoneset_free(sq_zoneset *s);

struct sq_table;

/*
 * The sq-zone table: all, then each segment. The appended columns
 * scale_min, scale_max and label (dimension name or item wording in lang)
 * let a chart be drawn from the table alone. With human set, scope and
 * dimension cells are labels in lang.
 */
int sq_zone_table(const sq_zoneset *s, const sq_instrument *ins, int human,
    int lang, struct sq_table **out);

/* The column names of the sq-zone table, NULL-terminated. */
extern const char *const sq_zone_columns[];

#endif
