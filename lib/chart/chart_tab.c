/*
 * A small table read whole as strings, for the chart readers of
 * chart_table.c: its rows, its columns by name, a cell as a number,
 * figures held to a range, duplicate keys, the scale and confidence it
 * states, and the instrument built up from the codes it names.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "servqual/chart.h"
#include "servqual/reader.h"
#include "chart_int.h"
#include "chart_tab.h"

void
ctab_free(struct tab *t)
{
	size_t i;

	sqc_free_strv(t->head, t->ncols);
	for (i = 0; i < t->nrows; i++)
		sqc_free_strv(t->cell[i], t->ncols);
	free(t->cell);
	free(t->line);
}

int
ctab_row(void *vctx, const sq_row *row, sq_error *err)
{
	struct tab *t = vctx;
	char **v;
	size_t i;

	if (row->index == 0) {
		if ((t->head = calloc(row->nfields, sizeof(char *))) == NULL)
			return SQ_ENOMEM;
		t->ncols = row->nfields;
		for (i = 0; i < row->nfields; i++)
			if ((t->head[i] = strdup(row->field[i])) == NULL)
				return SQ_ENOMEM;
		return SQ_OK;
	}
	/* A blank last line is no row. */
	if (row->nfields == 1 && row->len[0] == 0)
		return SQ_OK;
	if (row->nfields != t->ncols)
		return sq_error_set(err, SQ_EPARSE, t->name, row->line, 0, "",
		    "%zu fields where the header has %zu", row->nfields,
		    t->ncols);
	if (t->nrows >= 1000000)
		return sq_error_set(err, SQ_ELIMIT, t->name, row->line, 0, "",
		    "more than 1000000 rows in a table");
	if (t->nrows == t->cap) {
		size_t nc = t->cap ? 2 * t->cap : 64;
		char ***c2 = realloc(t->cell, nc * sizeof(*c2));
		unsigned long *l2;

		if (c2 == NULL)
			return SQ_ENOMEM;
		t->cell = c2;
		if ((l2 = realloc(t->line, nc * sizeof(*l2))) == NULL)
			return SQ_ENOMEM;
		t->line = l2;
		t->cap = nc;
	}
	if ((v = calloc(t->ncols, sizeof(char *))) == NULL)
		return SQ_ENOMEM;
	t->cell[t->nrows] = v;
	t->line[t->nrows] = row->line;
	t->nrows++;
	for (i = 0; i < t->ncols; i++)
		if ((v[i] = strdup(row->field[i])) == NULL)
			return SQ_ENOMEM;
	return SQ_OK;
}

int
ctab_col(const struct tab *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (strcasecmp(t->head[i], name) == 0)
			return (int)i;
	return -1;
}

/* A number cell: "NaN", "NA" and "" read as NAN. */
int
ctab_num(const struct tab *t, size_t r, int c, double *x, sq_error *err)
{
	const char *s = t->cell[r][c];
	char *end;

	if (*s == '\0' || strcasecmp(s, "nan") == 0 || strcmp(s, "NA") == 0 ||
	    strcasecmp(s, "null") == 0) {
		*x = NAN;
		return SQ_OK;
	}
	*x = strtod(s, &end);
	while (*end == ' ')
		end++;
	if (end == s || *end != '\0')
		return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
		    (size_t)c + 1, t->head[c], "\"%s\" is not a number", s);
	/* inf, or a figure beyond a double (1e999): nothing to draw. */
	if (!isfinite(*x))
		return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
		    (size_t)c + 1, t->head[c], "\"%s\" is not a finite "
		    "number", s);
	return SQ_OK;
}

/* A row's key and its index: sorted together, no state outside. */
struct keyrow {
	char *key;
	size_t row;
};

static int
keyrow_cmp(const void *a, const void *b)
{
	const struct keyrow *x = a, *y = b;
	int k = strcmp(x->key, y->key);

	return k ? k : (x->row > y->row) - (x->row < y->row);
}

/* Key of row r: the cells of cols (-1: none) joined by a unit separator. */
static char *
row_key(const struct tab *t, size_t r, const int *cols, size_t n)
{
	size_t i, m = 1;
	char *k;

	for (i = 0; i < n; i++)
		m += (cols[i] >= 0 ? strlen(t->cell[r][cols[i]]) : 0) + 1;
	if ((k = malloc(m)) == NULL)
		return NULL;
	k[0] = '\0';
	for (i = 0; i < n; i++) {
		if (cols[i] >= 0)
			strcat(k, t->cell[r][cols[i]]);
		strcat(k, "\x1f");
	}
	return k;
}

int
ctab_dups(const struct tab *t, dup_sel *sel, size_t ncols, sq_error *err)
{
	struct keyrow *kr;
	int *name, cols[8];
	size_t n = 0, r, best = (size_t)-1;
	int rc = SQ_ENOMEM;

	kr = malloc((t->nrows + 1) * sizeof(*kr));
	name = calloc(t->nrows + 1, sizeof(int));
	if (kr == NULL || name == NULL)
		goto out;
	for (r = 0; r < t->nrows; r++) {
		if (!sel(t, r, cols, &name[r]))
			continue;
		if ((kr[n].key = row_key(t, r, cols, ncols)) == NULL)
			goto out;
		kr[n++].row = r;
	}
	qsort(kr, n, sizeof(*kr), keyrow_cmp);
	/* equal keys sit together, earliest row first: the later is the
	 * repeat; the first repeat in the table is refused */
	for (r = 1; r < n; r++)
		if (strcmp(kr[r].key, kr[r - 1].key) == 0 &&
		    (best == (size_t)-1 || kr[r].row < best))
			best = kr[r].row;
	rc = SQ_OK;
	if (best != (size_t)-1)
		rc = sq_error_set(err, SQ_EDATA, t->name, t->line[best],
		    (size_t)name[best] + 1, t->head[name[best]],
		    "a second row for %s \"%s\" (the same key as an earlier "
		    "row)", t->head[name[best]], t->cell[best][name[best]]);
out:
	if (kr != NULL)
		for (r = 0; r < n; r++)
			free(kr[r].key);
	free(kr);
	free(name);
	return rc;
}

/* A figure outside [lo, hi] (NaN passes: the reader decides). */
int
ctab_range(const struct tab *t, size_t r, int c, double x, double lo,
    double hi, sq_error *err)
{
	if (isnan(x) || (x >= lo && x <= hi))
		return SQ_OK;
	return sq_error_set(err, SQ_EDATA, t->name, t->line[r], (size_t)c + 1,
	    t->head[c], "%s is %g, outside %g..%g", t->head[c], x, lo, hi);
}

int
ctab_need(const struct tab *t, const char *const *names, int *idx,
    size_t n, sq_error *err)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((idx[i] = ctab_col(t, names[i])) < 0)
			return sq_error_set(err, SQ_ESCHEMA, t->name, 1, 0, "",
			    "the table has no column \"%s\"", names[i]);
	return SQ_OK;
}

/* Index of dimension code in ins, added (named name, else code) if new. */
int
ctab_ins_dim(sq_instrument *ins, const char *code, const char *name)
{
	int k = sq_instrument_dim(ins, code);

	if (k >= 0)
		return k;
	if (sq_instrument_add_dim(ins, code, name && name[0] ? name : code,
	    NULL) != SQ_OK)
		return -1;
	return (int)ins->ndims - 1;
}

/*
 * The scale a table states in columns cmin, cmax: the same on every row,
 * min below max.
 */
int
ctab_scale(const struct tab *t, int cmin, int cmax, double *lo, double *hi,
    sq_error *err)
{
	size_t r;
	double a, b;
	int rc;

	*lo = *hi = NAN;
	for (r = 0; r < t->nrows; r++) {
		if ((rc = ctab_num(t, r, cmin, &a, err)) != SQ_OK ||
		    (rc = ctab_num(t, r, cmax, &b, err)) != SQ_OK)
			return rc;
		if (!(isfinite(a) && isfinite(b) && a < b))
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)cmin + 1, t->head[cmin], "the scale "
			    "\"%s\"..\"%s\" is not a range", t->cell[r][cmin],
			    t->cell[r][cmax]);
		if (r > 0 && (a != *lo || b != *hi))
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)cmin + 1, t->head[cmin], "the scale "
			    "changes from %g..%g to %g..%g", *lo, *hi, a, b);
		*lo = a;
		*hi = b;
	}
	if (t->nrows == 0)
		return sq_error_set(err, SQ_EEMPTY, t->name, 0, 0, "",
		    "the table has no rows");
	return SQ_OK;
}

/* The table's confidence level from column cc (one value), into *conf. */
int
ctab_conf(const struct tab *t, int cc, double *conf, sq_error *err)
{
	size_t r;
	double v;
	int rc;

	*conf = NAN;
	for (r = 0; cc >= 0 && r < t->nrows; r++) {
		if ((rc = ctab_num(t, r, cc, &v, err)) != SQ_OK)
			return rc;
		if (!(v > 0 && v < 1))
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)cc + 1, t->head[cc], "\"%s\" is not a "
			    "confidence level between 0 and 1",
			    t->cell[r][cc]);
		if (!isnan(*conf) && v != *conf)
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)cc + 1, t->head[cc], "the confidence "
			    "level changes from %g to %g", *conf, v);
		*conf = v;
	}
	return SQ_OK;
}

/* An instrument without dimensions or items, for tables that need none. */
int
ctab_bare_ins(sq_chartdata *d, const struct tab *t)
{
	sq_instrument *ins;
	int rc;

	if (d->ins_given)
		return SQ_OK;
	if ((rc = sq_instrument_new(t->name, 1, 7, &ins)) != SQ_OK)
		return rc;
	return sqc_chartdata_rebase(d, ins);
}
