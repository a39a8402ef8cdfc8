/* Respondent scores on a block: see include/servqual/scores.h. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <strings.h>

#include "servqual/scores.h"

#define EXACT_MAX 9007199254740992.0	/* 2^53 */

int
sq_scores_new(const sq_instrument *ins, sq_scores **out)
{
	sq_scores *s;
	size_t n = ins->ndims > 0 ? ins->ndims : 1;

	*out = NULL;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return SQ_ENOMEM;
	s->ndims = ins->ndims;
	s->dim = calloc(n, sizeof(*s->dim));
	s->sum = calloc(n, sizeof(*s->sum));
	s->count = calloc(n, sizeof(*s->count));
	s->k = calloc(n, sizeof(*s->k));
	if (s->dim == NULL || s->sum == NULL || s->count == NULL ||
	    s->k == NULL) {
		sq_scores_free(s);
		return SQ_ENOMEM;
	}
	/* counted once here, not for every respondent */
	for (n = 0; n < ins->nitems; n++)
		s->k[ins->items[n].dim]++;
	*out = s;
	return SQ_OK;
}

void
sq_scores_free(sq_scores *s)
{
	if (s == NULL)
		return;
	free(s->dim);
	free(s->sum);
	free(s->count);
	free(s->k);
	free(s);
}

int
sq_scores_block_parse(const char *s, int *block)
{
	if (strcasecmp(s, "G") == 0)
		*block = SQ_SCORE_G;
	else if (strcasecmp(s, "P") == 0)
		*block = SQ_SCORE_P;
	else if (strcasecmp(s, "E") == 0)
		*block = SQ_SCORE_E;
	else
		return -1;
	return 0;
}

static uint64_t
gcd(uint64_t a, uint64_t b)
{
	while (b != 0) {
		uint64_t t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/*
 * The mean of the dimension scores as one division: sum_d S_d (L / c_d)
 * over d L. Falls back to the plain mean when L or the products grow
 * past exact doubles.
 */
static double
mean_of_scores(sq_scores *s, const double *w, double *wmean)
{
	uint64_t L = 1;
	double num = 0, wnum = 0, wsum = 0, big = 0;
	int exact = 1, wok = w != NULL;
	size_t d;

	for (d = 0; d < s->ndims && exact; d++) {
		uint64_t c = s->count[d], g = gcd(L, c);

		if (L / g > UINT64_MAX / c || (double)(L / g * c) > 1e12)
			exact = 0;
		else
			L = L / g * c;
	}
	for (d = 0; d < s->ndims; d++) {
		double f = exact ? (double)(L / s->count[d]) : 0;

		if (exact) {
			num += s->sum[d] * f;
			big = fmax(big, fabs(s->sum[d] * f));
		}
		if (wok && !isnan(w[d])) {
			wsum += w[d];
			wnum += exact ? w[d] * s->sum[d] * f : w[d] * s->dim[d];
			if (exact)
				big = fmax(big, fabs(w[d] * s->sum[d] * f));
		} else
			wok = 0;
	}
	if (exact && (big * (double)s->ndims * 128 >= EXACT_MAX ||
	    (double)L * (double)s->ndims >= EXACT_MAX))
		exact = 0;
	if (!exact) {
		num = 0;
		wnum = 0;
		for (d = 0; d < s->ndims; d++) {
			num += s->dim[d];
			if (wok)
				wnum += w[d] * s->dim[d];
		}
		*wmean = wok && wsum > 0 ? wnum / wsum : NAN;
		s->sq_num = num / (double)s->ndims;
		s->sq_den = 1;
		s->w_num = *wmean;
		s->w_den = 1;
		return s->sq_num;
	}
	*wmean = wok && wsum > 0 ? wnum / (wsum * (double)L) : NAN;
	s->sq_num = num;
	s->sq_den = (double)s->ndims * (double)L;
	s->w_num = wnum;
	s->w_den = wsum * (double)L;
	return num / ((double)s->ndims * (double)L);
}

int
sq_scores_dims(sq_scores *s, const sq_instrument *ins,
    const sq_response *r, int block)
{
	size_t i, d;
	int all = ins->ndims > 0;

	for (d = 0; d < s->ndims; d++) {
		s->sum[d] = 0;
		s->count[d] = 0;
	}
	for (i = 0; i < ins->nitems; i++) {
		double x;

		switch (block) {
		case SQ_SCORE_P:
			x = r->p[i];
			break;
		case SQ_SCORE_E:
			x = r->e[i];
			break;
		default:
			x = r->p[i] - r->e[i];	/* NAN unless both */
			break;
		}
		if (isnan(x))
			continue;
		d = (size_t)ins->items[i].dim;
		s->sum[d] += x;
		s->count[d]++;
	}
	for (d = 0; d < s->ndims; d++) {
		/* defined with at least ceil(k/2) of its k items */
		if (s->count[d] == 0 || 2 * s->count[d] < s->k[d]) {
			s->dim[d] = NAN;
			all = 0;
		} else
			s->dim[d] = s->sum[d] / (double)s->count[d];
	}
	return all;
}

void
sq_scores_compute(sq_scores *s, const sq_instrument *ins,
    const sq_response *r, int block)
{
	s->servqual = NAN;
	s->weighted = NAN;
	if (sq_scores_dims(s, ins, r, block))
		s->servqual = mean_of_scores(s, r->w, &s->weighted);
}
