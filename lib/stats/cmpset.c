/*
 * The groups of a comparison (sq_cmpset): each group's counted scores,
 * found by name through a keyset; adding a response, folding one set
 * into another and the groups' name order.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/compare.h"

int
sq_cmpset_new(const sq_instrument *ins, int block, int items,
    sq_cmpset **out)
{
	sq_cmpset *s;

	*out = NULL;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return SQ_ENOMEM;
	sq_keyset_init(&s->keys, SQ_CMP_MAX_GROUPS);
	s->block = block;
	s->items = items;
	s->ndims = ins->ndims;
	s->nitems = ins->nitems;
	s->nscores = ins->ndims + 2 + (items ? ins->nitems : 0);
	if (sq_scores_new(ins, &s->sc) != SQ_OK) {
		free(s);
		return SQ_ENOMEM;
	}
	*out = s;
	return SQ_OK;
}

void
sq_cmpset_free(sq_cmpset *s)
{
	size_t g, k;

	if (s == NULL)
		return;
	for (g = 0; g < s->ngroups; g++) {
		for (k = 0; k < s->nscores; k++)
			sq_valcount_release(&s->vc[g][k]);
		free(s->vc[g]);
	}
	free(s->vc);
	free(s->resp);
	free(s->first);
	sq_keyset_release(&s->keys);
	sq_scores_free(s->sc);
	free(s);
}

static int
blank(const char *g)
{
	if (g == NULL)
		return 1;
	for (; *g != '\0'; g++)
		if (*g != ' ' && *g != '\t' && *g != '\r' && *g != '\n')
			return 0;
	return 1;
}

int
sq_cmpset_group(sq_cmpset *s, const char *name, size_t *idx)
{
	size_t g;
	int added, rc;

	if ((rc = sq_keyset_add(&s->keys, name, &g, &added)) != SQ_OK)
		return rc;
	if (added && (sq_keyset_fit(&s->keys, &s->vc, &s->cap[0],
	    sizeof(*s->vc)) != SQ_OK || sq_keyset_fit(&s->keys, &s->resp,
	    &s->cap[1], sizeof(*s->resp)) != SQ_OK ||
	    sq_keyset_fit(&s->keys, &s->first, &s->cap[2],
	    sizeof(*s->first)) != SQ_OK ||
	    (s->vc[g] = calloc(s->nscores, sizeof(sq_valcount))) == NULL)) {
		sq_keyset_pop(&s->keys);
		return SQ_ENOMEM;
	}
	if (added) {
		s->resp[g] = 0;
		s->first[g] = 0;
	}
	s->ngroups = s->keys.n;
	s->name = s->keys.name;
	*idx = g;
	return SQ_OK;
}

int
sq_cmpset_add(sq_cmpset *s, const sq_instrument *ins, const char *gname,
    const sq_response *r, sq_error *err)
{
	sq_valcount *vc;
	size_t d, i, g;
	int rc;

	if (blank(gname)) {
		s->blank++;
		return SQ_OK;
	}
	if ((rc = sq_cmpset_group(s, gname, &g)) != SQ_OK)
		return rc == SQ_ELIMIT ? sq_error_set(err, rc, "",
		    r->line, 0, NULL, "more than %d groups",
		    SQ_CMP_MAX_GROUPS) : sq_error_set(err, rc, "", 0, 0,
		    NULL, "out of memory");
	vc = s->vc[g];
	if (s->resp[g]++ == 0)
		s->first[g] = r->line;
	sq_scores_compute(s->sc, ins, r, s->block);
	for (d = 0; d < s->ndims; d++)
		if (!isnan(s->sc->dim[d]))
			rc |= sq_valcount_add(&vc[d], s->sc->dim[d], 1);
	if (!isnan(s->sc->servqual))
		rc |= sq_valcount_add(&vc[d], s->sc->servqual, 1);
	if (!isnan(s->sc->weighted))
		rc |= sq_valcount_add(&vc[d + 1], s->sc->weighted, 1);
	for (i = 0; s->items && i < s->nitems; i++) {
		double x = s->block == SQ_SCORE_P ? r->p[i] :
		    s->block == SQ_SCORE_E ? r->e[i] : r->p[i] - r->e[i];

		if (!isnan(x))
			rc |= sq_valcount_add(&vc[s->ndims + 2 + i], x, 1);
	}
	if (rc != SQ_OK)
		return sq_error_set(err, SQ_ENOMEM, "", 0, 0, NULL,
		    "out of memory");
	return SQ_OK;
}

int
sq_cmpset_fold(sq_cmpset *dst, const sq_cmpset *src, unsigned long *line)
{
	size_t g, k, d = 0;
	int rc;

	*line = 0;
	if (src->nscores != dst->nscores)
		return SQ_EUSAGE;
	/* in src's order of appearance: the limit falls where one run's
	   would */
	for (g = 0; g < src->ngroups; g++) {
		if ((rc = sq_cmpset_group(dst, src->name[g], &d)) != SQ_OK) {
			*line = src->first[g];
			return rc;
		}
		if (dst->resp[d] == 0)
			dst->first[d] = src->first[g];
		for (k = 0; k < src->nscores; k++)
			if (sq_valcount_merge(&dst->vc[d][k],
			    &src->vc[g][k]) != SQ_OK)
				return SQ_ENOMEM;
		dst->resp[d] += src->resp[g];
	}
	dst->blank += src->blank;
	return SQ_OK;
}

static int
order_cmp(const void *a, const void *b, void *arg)
{
	char *const *name = arg;

	return strcmp(name[*(const size_t *)a], name[*(const size_t *)b]);
}

int
sq_cmpset_order(const sq_cmpset *s, size_t **order)
{
	size_t i, *o = malloc((s->ngroups ? s->ngroups : 1) * sizeof(*o));

	*order = o;
	if (o == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < s->ngroups; i++)
		o[i] = i;
	/* names are distinct, so the order is total */
	qsort_r(o, s->ngroups, sizeof(*o), order_cmp, s->name);
	return SQ_OK;
}
