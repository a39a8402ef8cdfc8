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
#include "servqual/hash.h"
#include "servqual/instrument.h"
#include "servqual/survey.h"

/* Sums of one series of (A, D, P) triples. */
typedef struct sq_zonemom {
	double n;
	double sa, sd, sp;		/* sums of A, D, P */
	double msa, m2msa;		/* running mean, squares of P - A */
	double mss, m2mss;		/* the same of P - D */
	double below, within, above;	/* counts, A <= D only */
	double inverted;		/* A > D */
} sq_zonemom;

/* One group of respondents. */
typedef struct sq_zoneacc {
	size_t nitems, ndims;
	sq_zonemom *item;		/* nitems */
	sq_zonemom *dim;		/* ndims */
	sq_zonemom all;			/* the overall score */
	double respondents;
} sq_zoneacc;

/* A new, empty accumulator for ins. */
int sq_zoneacc_new(const sq_instrument *ins, sq_zoneacc **out);

/* Add one respondent (r->a, r->d, r->p; NAN = missing). */
void sq_zoneacc_add(sq_zoneacc *a, const sq_instrument *ins,
    const sq_response *r);

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

/* Accumulators for all respondents and per segment value (-b). */
typedef struct sq_zoneset {
	sq_zoneacc *all;
	size_t nseg, cap;
	char **seg;			/* in order of first appearance */
	sq_zoneacc **acc;
	size_t *hash;			/* open addressing: index + 1 */
	size_t hcap;
	sq_hash_key key;		/* random per set: no hash flooding */
} sq_zoneset;

/* A new set; by_segment keeps a group per segment value. */
int sq_zoneset_new(const sq_instrument *ins, int by_segment,
    sq_zoneset **out);

/* Add r to all and to its segment ("(blank)" for an empty value). */
int sq_zoneset_add(sq_zoneset *s, const sq_instrument *ins,
    const sq_response *r, sq_error *err);

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
