/*
 * servqual scores: a respondent's dimension scores on a block, and the
 * SERVQUAL scores built from them (DESIGN.md, "Scores"), for the tools
 * that compare, regress or rank respondents (sq-compare, sq-drivers).
 *
 * A dimension score on block P (E) is the mean of the dimension's items
 * with P (E) present; on block G the mean of P - E over the items with
 * both present. It is defined when at least ceil(k/2) of the dimension's
 * k items qualify. servqual is the mean of all dimension scores (defined
 * when every one is); servqual_weighted is sum(w_d s_d) / sum(w_d) with
 * the respondent's own weights (undefined when a weight is missing or
 * they sum to 0).
 *
 * Exactness: every score is computed as ONE division of sums of the
 * answers (exact while answers are whole or half numbers), so equal
 * scores are equal doubles and rank tests see exact ties. For servqual
 * the dimension sums are brought to a common denominator L = lcm(counts);
 * when that would leave the range of exact doubles (2^53) the score is
 * the plain mean of the dimension scores instead.
 *
 * Memory: one sq_scores per tool, reused for every respondent.
 */
#ifndef SERVQUAL_SCORES_H
#define SERVQUAL_SCORES_H

#include "servqual/instrument.h"
#include "servqual/survey.h"

/* Which answers a score is built from. */
enum sq_score_block { SQ_SCORE_G = 0, SQ_SCORE_P, SQ_SCORE_E };

typedef struct sq_scores {
	size_t ndims;
	double *dim;		/* ndims dimension scores, NAN if undefined */
	double *sum;		/* ndims: sum of the qualifying answers */
	unsigned *count;	/* ndims: items that qualified */
	double servqual;	/* NAN unless every dimension is defined */
	double weighted;	/* NAN unless all weights present, sum > 0 */
	unsigned *k;		/* ndims: items of each dimension */
	/* servqual = sq_num / sq_den, weighted = w_num / w_den: the one
	   division each was computed as (den 1 when it was not exact) */
	double sq_num, sq_den, w_num, w_den;
} sq_scores;

/* Allocate for ins; *out is the caller's, freed with sq_scores_free. */
int sq_scores_new(const sq_instrument *ins, sq_scores **out);

/* Compute r's scores on block (enum sq_score_block) into s. */
void sq_scores_compute(sq_scores *s, const sq_instrument *ins,
    const sq_response *r, int block);

/*
 * Only the dimension scores (dim, sum, count) of r on block; servqual
 * and weighted are left as they were. Returns 1 when all are defined.
 */
int sq_scores_dims(sq_scores *s, const sq_instrument *ins,
    const sq_response *r, int block);

/* Parse "G", "P" or "E" (any case) into *block; -1 if none of them. */
int sq_scores_block_parse(const char *s, int *block);

/* Release s; NULL is a no-op. */
void sq_scores_free(sq_scores *s);

#endif
