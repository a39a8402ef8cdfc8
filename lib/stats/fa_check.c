/*
 * The structure check behind sq-factor's --fail-if gates: which factor
 * each item loads on, whether every dimension's items share one factor,
 * Tucker's congruence of each dimension with its best factor, and which
 * dimensions merge. Works on a loading matrix; extraction is factor.c.
 */
#include <math.h>
#include <stdlib.h>

#include "servqual/factor.h"

void
sq_fa_check_free(sq_fa_check *c)
{
	if (c == NULL)
		return;
	free(c->primary);
	free(c->dimfactor);
	free(c->onfactor);
	free(c->nitems);
	free(c->congruence);
	free(c->congfactor);
	free(c->group);
	free(c);
}

int
sq_fa_check_structure(const double *L, size_t p, size_t k, const int *dim,
    size_t ndim, sq_fa_check **out)
{
	sq_fa_check *c;
	size_t *cnt = NULL, i, j, d, e;
	double *sabs = NULL, *css = NULL;
	int rc = SQ_ENOMEM;

	*out = NULL;
	if (p == 0 || k == 0 || ndim == 0)
		return SQ_EUSAGE;
	for (i = 0; i < p; i++)
		if (dim[i] < 0 || (size_t)dim[i] >= ndim)
			return SQ_EUSAGE;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return SQ_ENOMEM;
	c->p = p;
	c->k = k;
	c->ndim = ndim;
	c->primary = malloc(p * sizeof(int));
	c->dimfactor = malloc(ndim * sizeof(int));
	c->onfactor = calloc(ndim, sizeof(size_t));
	c->nitems = calloc(ndim, sizeof(size_t));
	c->congruence = malloc(ndim * sizeof(double));
	c->congfactor = malloc(ndim * sizeof(int));
	c->group = malloc(ndim * sizeof(int));
	cnt = calloc(ndim * k, sizeof(size_t));
	sabs = calloc(ndim * k, sizeof(double));
	css = calloc(k, sizeof(double));
	if (!c->primary || !c->dimfactor || !c->onfactor || !c->nitems ||
	    !c->congruence || !c->congfactor || !c->group || !cnt || !sabs ||
	    !css)
		goto out;
	for (i = 0; i < p; i++) {
		size_t best = 0;

		for (j = 0; j < k; j++) {
			if (fabs(L[i * k + j]) > fabs(L[i * k + best]))
				best = j;
			sabs[(size_t)dim[i] * k + j] += fabs(L[i * k + j]);
			css[j] += L[i * k + j] * L[i * k + j];
		}
		c->primary[i] = (int)best;
		cnt[(size_t)dim[i] * k + best]++;
		c->nitems[dim[i]]++;
	}
	c->matches = 1;
	for (d = 0; d < ndim; d++) {
		size_t best = 0;
		double bphi = 0;

		for (j = 1; j < k; j++)
			if (cnt[d * k + j] > cnt[d * k + best] ||
			    (cnt[d * k + j] == cnt[d * k + best] &&
			    sabs[d * k + j] > sabs[d * k + best]))
				best = j;
		c->dimfactor[d] = (int)best;
		c->onfactor[d] = cnt[d * k + best];
		if (c->onfactor[d] != c->nitems[d])
			c->matches = 0;
		/* Tucker's phi with the 0/1 indicator of the dimension */
		c->congfactor[d] = 0;
		c->congruence[d] = NAN;
		for (j = 0; j < k; j++) {
			double s = 0, phi;

			for (i = 0; i < p; i++)
				if ((size_t)dim[i] == d)
					s += L[i * k + j];
			phi = s / sqrt((double)c->nitems[d] * css[j]);
			if (j == 0 || fabs(phi) > bphi) {
				bphi = fabs(phi);
				c->congfactor[d] = (int)j;
				c->congruence[d] = phi;
			}
		}
	}
	c->merged = 0;
	for (d = 0; d < ndim; d++) {
		c->group[d] = (int)d;
		for (e = 0; e < d; e++)
			if (c->nitems[e] > 0 &&
			    c->dimfactor[e] == c->dimfactor[d]) {
				c->group[d] = c->group[e];
				c->merged = 1;
				c->matches = 0;
				break;
			}
	}
	rc = SQ_OK;
out:
	free(cnt);
	free(sabs);
	free(css);
	if (rc != SQ_OK)
		sq_fa_check_free(c);
	else
		*out = c;
	return rc;
}
