/*
 * The groups of a comparison (sq_cmpset): each group's counted scores,
 * found by name through a keyed hash; adding a response, folding one set
 * into another and the groups' name order.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/compare.h"
#include "servqual/hash.h"

int
sq_cmpset_new(const sq_instrument *ins, int block, int items,
    sq_cmpset **out)
{
	sq_cmpset *s;

	*out = NULL;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return SQ_ENOMEM;
	sq_hash_key_init(&s->key);
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
		free(s->name[g]);
	}
	free(s->vc);
	free(s->resp);
	free(s->first);
	free(s->name);
	free(s->hash);
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

/* Index of group name, adding it when new; -1 on failure (rc says). */
static long
group(sq_cmpset *s, const char *name, int *rc)
{
	size_t i, j;

	if (2 * (s->ngroups + 1) > s->hcap) {
		size_t cap = s->hcap ? 2 * s->hcap : 64;
		size_t *h = malloc(cap * sizeof(*h));

		if (h == NULL)
			goto nomem;
		for (i = 0; i < cap; i++)
			h[i] = SIZE_MAX;
		for (i = 0; i < s->ngroups; i++) {
			for (j = sq_hash_keyed(&s->key, s->name[i]) & (cap - 1);
			    h[j] != SIZE_MAX; j = (j + 1) & (cap - 1))
				;
			h[j] = i;
		}
		free(s->hash);
		s->hash = h;
		s->hcap = cap;
	}
	for (j = sq_hash_keyed(&s->key, name) & (s->hcap - 1); s->hash[j] != SIZE_MAX;
	    j = (j + 1) & (s->hcap - 1))
		if (strcmp(s->name[s->hash[j]], name) == 0)
			return (long)s->hash[j];
	if (s->ngroups == SQ_CMP_MAX_GROUPS) {
		*rc = SQ_ELIMIT;
		return -1;
	}
	if (s->ngroups == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 8;
		char **n = realloc(s->name, cap * sizeof(*n));

		if (n == NULL)
			goto nomem;
		s->name = n;
		{
			sq_valcount **v = realloc(s->vc, cap * sizeof(*v));

			if (v == NULL)
				goto nomem;
			s->vc = v;
		}
		{
			unsigned long long *u = realloc(s->resp,
			    cap * sizeof(*u));

			if (u == NULL)
				goto nomem;
			s->resp = u;
		}
		{
			unsigned long *f = realloc(s->first, cap * sizeof(*f));

			if (f == NULL)
				goto nomem;
			s->first = f;
		}
		s->cap = cap;
	}
	s->name[s->ngroups] = strdup(name);
	s->vc[s->ngroups] = calloc(s->nscores, sizeof(sq_valcount));
	if (s->name[s->ngroups] == NULL || s->vc[s->ngroups] == NULL) {
		free(s->name[s->ngroups]);
		free(s->vc[s->ngroups]);
		goto nomem;
	}
	s->resp[s->ngroups] = 0;
	s->first[s->ngroups] = 0;
	s->hash[j] = s->ngroups;
	return (long)s->ngroups++;
nomem:
	*rc = SQ_ENOMEM;
	return -1;
}

int
sq_cmpset_add(sq_cmpset *s, const sq_instrument *ins, const char *gname,
    const sq_response *r, sq_error *err)
{
	sq_valcount *vc;
	size_t d, i;
	long g;
	int rc = SQ_OK;

	if (blank(gname)) {
		s->blank++;
		return SQ_OK;
	}
	if ((g = group(s, gname, &rc)) < 0)
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
sq_cmpset_group(sq_cmpset *s, const char *name, size_t *idx)
{
	int rc = SQ_OK;
	long g = group(s, name, &rc);

	if (g < 0)
		return rc;
	*idx = (size_t)g;
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
