/*
 * Tidy tables: columns, their styles for people, and cells row by row.
 * Writing them out is table_write.c (machine formats) and pretty.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/table.h"
#include "table_int.h"

int
sq_table_new(const char *const *cols, size_t ncols, sq_table **out)
{
	sq_table *t;
	size_t i;

	*out = NULL;
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return SQ_ENOMEM;
	t->ncols = ncols;
	t->group = -1;
	if ((t->col = calloc(ncols ? ncols : 1, sizeof(*t->col))) == NULL) {
		sq_table_free(t);
		return SQ_ENOMEM;
	}
	for (i = 0; i < ncols; i++) {
		t->col[i].digits = 3;
		if ((t->col[i].name = strdup(cols[i])) == NULL) {
			sq_table_free(t);
			return SQ_ENOMEM;
		}
	}
	*out = t;
	return SQ_OK;
}

void
sq_table_free(sq_table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; t->col != NULL && i < t->ncols; i++)
		free(t->col[i].name);
	for (i = 0; i < t->ncell; i++)
		free(t->cell[i].s);
	free(t->col);
	free(t->cell);
	free(t);
}

void
sq_table_style(sq_table *t, size_t c, int numstyle)
{
	if (c < t->ncols)
		t->col[c].kind = numstyle;
}

void
sq_table_human(sq_table *t, size_t c, int kind, int digits,
    const char *label)
{
	if (c >= t->ncols)
		return;
	t->col[c].kind = kind;
	t->col[c].digits = digits < 0 ? 0 : digits > 12 ? 12 : digits;
	t->col[c].label = label;
}

void
sq_table_guard(sq_table *t, int on)
{
	t->guard = on;
}

void
sq_table_hide(sq_table *t, size_t c)
{
	if (c < t->ncols)
		t->col[c].hidden = 1;
}

void
sq_table_show(sq_table *t, const char *const *names)
{
	size_t c, i;

	for (c = 0; c < t->ncols; c++) {
		t->col[c].hidden = 1;
		for (i = 0; names[i] != NULL; i++)
			if (strcmp(names[i], t->col[c].name) == 0)
				t->col[c].hidden = 0;
	}
}

void
sq_table_group(sq_table *t, size_t c)
{
	if (c < t->ncols)
		t->group = (long)c;
}

long
sq_table_find(const sq_table *t, const char *name)
{
	size_t c;

	for (c = 0; c < t->ncols; c++)
		if (strcmp(t->col[c].name, name) == 0)
			return (long)c;
	return -1;
}

static struct sq_cell *
next_cell(sq_table *t)
{
	if (t->ncell == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 256;
		struct sq_cell *nc = realloc(t->cell, cap * sizeof(*nc));

		if (nc == NULL)
			return NULL;
		t->cell = nc;
		t->cap = cap;
	}
	return &t->cell[t->ncell++];
}

int
sq_table_str(sq_table *t, const char *s)
{
	struct sq_cell *c;
	char *d;

	if ((d = strdup(s ? s : "")) == NULL)
		return SQ_ENOMEM;
	if ((c = next_cell(t)) == NULL) {
		free(d);
		return SQ_ENOMEM;
	}
	c->s = d;
	c->x = NAN;
	return SQ_OK;
}

int
sq_table_num(sq_table *t, double x)
{
	struct sq_cell *c;

	if ((c = next_cell(t)) == NULL)
		return SQ_ENOMEM;
	c->s = NULL;
	c->x = x;
	return SQ_OK;
}

size_t
sq_table_rows(const sq_table *t)
{
	return t->ncols ? t->ncell / t->ncols : 0;
}

