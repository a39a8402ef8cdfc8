/*
 * Chart data from the tidy tables other tools print (sq-gap, sq-factor)
 * or an analyst writes (matrix, importance-performance, answer counts):
 * the header tells which; the table is small and read whole.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "servqual/chart.h"
#include "servqual/reader.h"
#include "chart_int.h"

/* A whole small table held as strings. */
struct tab {
	size_t ncols, nrows, cap;
	char **head;
	char ***cell;		/* nrows rows of ncols cells */
	unsigned long *line;
	const char *name;
};

static void
tab_free(struct tab *t)
{
	size_t i;

	sqc_free_strv(t->head, t->ncols);
	for (i = 0; i < t->nrows; i++)
		sqc_free_strv(t->cell[i], t->ncols);
	free(t->cell);
	free(t->line);
}

static int
tab_row(void *vctx, const sq_row *row, sq_error *err)
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

static int
tab_col(const struct tab *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (strcasecmp(t->head[i], name) == 0)
			return (int)i;
	return -1;
}

/* A number cell: "NaN", "NA" and "" read as NAN. */
static int
tab_num(const struct tab *t, size_t r, int c, double *x, sq_error *err)
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

/*
 * Duplicate keys. A selector fills cols with the key columns of row r
 * (-1: none) and *name with the column a message names, and returns 0
 * when the row is not checked. The first row whose key an earlier row
 * already has is refused: the same item, dimension or group twice drew
 * twice (zone-radar drew M, N, M, N as four axes).
 */
typedef int dup_sel(const struct tab *t, size_t r, int *cols, int *name);

static const char *const *dup_keys;

static int
dup_cmp(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int k = strcmp(dup_keys[i], dup_keys[j]);

	return k ? k : (i > j) - (i < j);
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

static int
check_dups(const struct tab *t, dup_sel *sel, size_t ncols, sq_error *err)
{
	char **key;
	int *name, cols[8];
	size_t *ix, n = 0, r, best = (size_t)-1;
	int rc = SQ_ENOMEM;

	key = calloc(t->nrows + 1, sizeof(char *));
	name = calloc(t->nrows + 1, sizeof(int));
	ix = malloc((t->nrows + 1) * sizeof(size_t));
	if (key == NULL || name == NULL || ix == NULL)
		goto out;
	for (r = 0; r < t->nrows; r++) {
		if (!sel(t, r, cols, &name[r]))
			continue;
		if ((key[r] = row_key(t, r, cols, ncols)) == NULL)
			goto out;
		ix[n++] = r;
	}
	dup_keys = (const char *const *)key;
	qsort(ix, n, sizeof(size_t), dup_cmp);
	for (r = 1; r < n; r++)
		if (strcmp(key[ix[r]], key[ix[r - 1]]) == 0 &&
		    (best == (size_t)-1 || ix[r] < best))
			best = ix[r];
	rc = SQ_OK;
	if (best != (size_t)-1)
		rc = sq_error_set(err, SQ_EDATA, t->name, t->line[best],
		    (size_t)name[best] + 1, t->head[name[best]],
		    "a second row for %s \"%s\" (the same key as an earlier "
		    "row)", t->head[name[best]], t->cell[best][name[best]]);
out:
	if (key != NULL)
		for (r = 0; r < t->nrows; r++)
			free(key[r]);
	free(key);
	free(name);
	free(ix);
	return rc;
}

/* sq-gap's and sq-zone's rows: an item or a dimension of a segment. */
static int
sel_gap(const struct tab *t, size_t r, int *cols, int *name)
{
	const char *sc;

	cols[0] = tab_col(t, "scope");
	cols[1] = tab_col(t, "segment");
	cols[2] = tab_col(t, "block");
	if (cols[0] < 0)
		return 0;
	sc = t->cell[r][cols[0]];
	if (strcmp(sc, "item") == 0)
		*name = cols[3] = tab_col(t, "item");
	else if (strcmp(sc, "dimension") == 0)
		*name = cols[3] = tab_col(t, "dimension");
	else
		return 0;
	return cols[3] >= 0;
}

/* sq-drivers' rows: one figure per section, segment, model, term, key. */
static int
sel_drivers(const struct tab *t, size_t r, int *cols, int *name)
{
	static const char *const k[] = {
		"section", "segment", "model", "term", "key"
	};
	size_t i;

	for (i = 0; i < 5; i++)
		if ((cols[i] = tab_col(t, k[i])) < 0)
			return 0;
	*name = t->cell[r][cols[3]][0] ? cols[3] : cols[4];
	return 1;
}

/* sq-cfa's rows: one figure per section, key, dimension, item, pair. */
static int
sel_cfa(const struct tab *t, size_t r, int *cols, int *name)
{
	static const char *const k[] = {
		"section", "key", "dimension", "item", "dimension2"
	};
	size_t i;

	for (i = 0; i < 5; i++)
		if ((cols[i] = tab_col(t, k[i])) < 0)
			return 0;
	*name = t->cell[r][cols[3]][0] ? cols[3] :
	    t->cell[r][cols[2]][0] ? cols[2] : cols[1];
	return 1;
}

/* The importance-performance table: one row per dimension. */
static int
sel_ipa(const struct tab *t, size_t r, int *cols, int *name)
{
	(void)r;
	*name = cols[0] = tab_col(t, "dimension");
	return cols[0] >= 0;
}

/* Answer counts: one row per block, item and value. */
static int
sel_likert(const struct tab *t, size_t r, int *cols, int *name)
{
	(void)r;
	cols[0] = tab_col(t, "block");
	cols[1] = tab_col(t, "item");
	*name = cols[2] = tab_col(t, "value");
	return cols[1] >= 0 && cols[2] >= 0;
}

/* A figure outside [lo, hi] (NaN passes: the reader decides). */
static int
tab_range(const struct tab *t, size_t r, int c, double x, double lo,
    double hi, sq_error *err)
{
	if (isnan(x) || (x >= lo && x <= hi))
		return SQ_OK;
	return sq_error_set(err, SQ_EDATA, t->name, t->line[r], (size_t)c + 1,
	    t->head[c], "%s is %g, outside %g..%g", t->head[c], x, lo, hi);
}

static int
need_cols(const struct tab *t, const char *const *names, int *idx,
    size_t n, sq_error *err)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((idx[i] = tab_col(t, names[i])) < 0)
			return sq_error_set(err, SQ_ESCHEMA, t->name, 1, 0, "",
			    "the table has no column \"%s\"", names[i]);
	return SQ_OK;
}

/* Index of dimension code in ins, added (named name, else code) if new. */
static int
ins_dim(sq_instrument *ins, const char *code, const char *name)
{
	int k = sq_instrument_dim(ins, code);

	if (k >= 0)
		return k;
	if (sq_instrument_add_dim(ins, code, name && name[0] ? name : code,
	    NULL) != SQ_OK)
		return -1;
	return (int)ins->ndims - 1;
}

/* The number in an item label such as "12", "P12" or "E_12"; -1 if none. */
static int
label_number(const char *s)
{
	char *end;
	long v;

	while (*s && (*s < '0' || *s > '9'))
		s++;
	if (*s == '\0')
		return -1;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < 1 || v > 1000000)
		return -1;
	return (int)v;
}

/* The instrument named by column ci of the first row, or the table's. */
static const char *
tab_ins_name(const struct tab *t, int ci)
{
	return ci >= 0 && t->nrows > 0 && t->cell[0][ci][0] ? t->cell[0][ci] :
	    t->name;
}

/*
 * The scale a table states in columns cmin, cmax: the same on every row,
 * min below max.
 */
static int
tab_scale(const struct tab *t, int cmin, int cmax, double *lo, double *hi,
    sq_error *err)
{
	size_t r;
	double a, b;
	int rc;

	*lo = *hi = NAN;
	for (r = 0; r < t->nrows; r++) {
		if ((rc = tab_num(t, r, cmin, &a, err)) != SQ_OK ||
		    (rc = tab_num(t, r, cmax, &b, err)) != SQ_OK)
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
static int
tab_conf(const struct tab *t, int cc, double *conf, sq_error *err)
{
	size_t r;
	double v;
	int rc;

	*conf = NAN;
	for (r = 0; cc >= 0 && r < t->nrows; r++) {
		if ((rc = tab_num(t, r, cc, &v, err)) != SQ_OK)
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
static int
bare_instrument(sq_chartdata *d, const struct tab *t)
{
	sq_instrument *ins;
	int rc;

	if (d->ins_given)
		return SQ_OK;
	if ((rc = sq_instrument_new(t->name, 1, 7, &ins)) != SQ_OK)
		return rc;
	return sqc_chartdata_rebase(d, ins);
}

/*
 * The sq-gap table's instrument from its own columns: the dimensions of
 * the "all" dimension rows named by their labels, the items of the "all"
 * item rows with their wordings, the scale, the instrument's name.
 */
static int
gap_instrument(sq_chartdata *d, const struct tab *t, const int *c, int cl,
    int cmin, int cmax, int ci, sq_error *err)
{
	sq_instrument *ins;
	double lo, hi;
	size_t r;
	int rc, pass, k, num;

	if ((rc = tab_scale(t, cmin, cmax, &lo, &hi, err)) != SQ_OK)
		return rc;
	rc = sq_instrument_new(tab_ins_name(t, ci), lo, hi, &ins);
	if (rc != SQ_OK)
		return rc;
	for (pass = 0; pass < 2; pass++)
		for (r = 0; r < t->nrows; r++) {
			const char *scope = t->cell[r][c[0]];
			const char *code = t->cell[r][c[2]];

			if (strcmp(t->cell[r][c[1]], "all") != 0 ||
			    strcmp(scope, pass ? "item" : "dimension") != 0)
				continue;
			k = ins_dim(ins, code, pass ? NULL : t->cell[r][cl]);
			if (k < 0) {
				sq_instrument_free(ins);
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[2] + 1,
				    t->head[c[2]], "\"%s\" is not a dimension"
				    " code (1-15 bytes, at most %d codes)",
				    code, SQ_MAX_DIMS);
			}
			if (!pass)
				continue;
			num = label_number(t->cell[r][c[3]]);
			if (num < 0 || sq_instrument_add_item(ins, num, k,
			    t->cell[r][cl], NULL) != SQ_OK) {
				sq_instrument_free(ins);
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[3] + 1,
				    t->head[c[3]], "\"%s\" is not a new item "
				    "number", t->cell[r][c[3]]);
			}
		}
	return sqc_chartdata_rebase(d, ins);
}

/* Names of the columns of want[] the table lacks, into buf. */
static void
missing_cols(const struct tab *t, const char *const *want, size_t n,
    char *buf, size_t len)
{
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < n; i++)
		if (tab_col(t, want[i]) < 0 && o + 1 < len)
			o += (size_t)snprintf(buf + o, len - o, "%s%s",
			    o ? ", " : "", want[i]);
}

static int
read_gap_table(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const cols[] = {
		"scope", "segment", "dimension", "item", "n", "mean_e",
		"mean_p", "gap", "ci_low", "ci_high"
	};
	static const char *const facts[] = {
		"label", "scale_min", "scale_max"
	};
	const sq_instrument *ins;
	int c[10], rc, cl, cmin, cmax;
	size_t r, s, j;
	char miss[64];

	if ((rc = need_cols(t, cols, c, 10, err)) != SQ_OK)
		return rc;
	cl = tab_col(t, "label");
	cmin = tab_col(t, "scale_min");
	cmax = tab_col(t, "scale_max");
	if ((rc = tab_conf(t, tab_col(t, "conf"), &d->conf, err)) != SQ_OK)
		return rc;
	if (cl >= 0 && cmin >= 0 && cmax >= 0) {
		rc = gap_instrument(d, t, c, cl, cmin, cmax,
		    tab_col(t, "instrument"), err);
		if (rc != SQ_OK)
			return rc;
	} else if (!d->ins_given) {
		missing_cols(t, facts, 3, miss, sizeof(miss));
		return sq_error_set(err, SQ_ESCHEMA, t->name, 1, 0, "",
		    "the table does not say its instrument (no column %s): "
		    "its dimensions, item wordings and scale are unknown; "
		    "make it with sq-gap -f tsv or csv, or give the "
		    "codebook with -c", miss);
	}
	ins = d->ins;
	for (r = 0; r < t->nrows; r++) {
		const char *scope = t->cell[r][c[0]];
		const char *seg = t->cell[r][c[1]];
		sq_chartstat st;
		double v[6];
		int isitem = strcmp(scope, "item") == 0, idx;

		if (!isitem && strcmp(scope, "dimension") != 0)
			continue;
		for (j = 0; j < 6; j++)
			if ((rc = tab_num(t, r, c[4 + j], &v[j], err)) != SQ_OK)
				return rc;
		/* counts non-negative, means and CIs near the scale */
		if ((rc = tab_range(t, r, c[4], v[0], 0, HUGE_VAL, err)))
			return rc;
		for (j = 1; j < 3; j++)
			if ((rc = tab_range(t, r, c[4 + j], v[j], ins->min,
			    ins->max, err)))
				return rc;
		for (j = 3; j < 6; j++)
			if ((rc = tab_range(t, r, c[4 + j], v[j],
			    -2 * (ins->max - ins->min) - 1,
			    ins->max + 2 * (ins->max - ins->min) + 1, err)))
				return rc;
		st.n = v[0];
		st.mean_e = v[1];
		st.mean_p = v[2];
		st.gap = v[3];
		st.ci_low = v[4];
		st.ci_high = v[5];
		if (isitem) {
			char *end;
			long num = strtol(t->cell[r][c[3]], &end, 10);

			idx = *end == '\0' && end != t->cell[r][c[3]] ?
			    sq_instrument_item(ins, (int)num) : -1;
			if (idx < 0)
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[3] + 1, "item",
				    "\"%s\" is no item of the instrument",
				    t->cell[r][c[3]]);
			if (strcmp(seg, "all") == 0)
				d->item[idx] = st;
			continue;
		}
		idx = sq_instrument_dim(ins, t->cell[r][c[2]]);
		if (idx < 0)
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[2] + 1, "dimension",
			    "\"%s\" is no dimension of the instrument",
			    t->cell[r][c[2]]);
		if (strcmp(seg, "all") == 0) {
			d->dim[idx] = st;
			d->has_gaps = 1;
			d->performance[idx] = st.mean_p;
			continue;
		}
		for (s = 0; s < d->nseg; s++)
			if (strcmp(d->seg[s], seg) == 0)
				break;
		if (s == d->nseg) {
			char **s2;
			sq_chartstat *g2;

			/* Charts draw a few; a linear search is enough. */
			if (d->nseg >= 1000)
				return sq_error_set(err, SQ_ELIMIT, t->name,
				    t->line[r], 0, "", "more than 1000 "
				    "segments");
			s2 = realloc(d->seg, (d->nseg + 1) * sizeof(char *));
			if (s2 == NULL)
				return SQ_ENOMEM;
			d->seg = s2;
			g2 = realloc(d->segdim, (d->nseg + 1) * ins->ndims *
			    sizeof(*g2));
			if (g2 == NULL)
				return SQ_ENOMEM;
			d->segdim = g2;
			for (j = 0; j < ins->ndims; j++)
				sqc_stat_nan(&d->segdim[d->nseg * ins->ndims + j]);
			if ((d->seg[d->nseg] = strdup(seg)) == NULL)
				return SQ_ENOMEM;
			d->nseg++;
		}
		d->segdim[s * ins->ndims + (size_t)idx] = st;
	}
	if (!d->has_gaps)
		return sq_error_set(err, SQ_EEMPTY, t->name, 0, 0, "",
		    "the table has no dimension rows for segment \"all\"");
	/* sq-gap's block column: P alone (SERVPERF) */
	c[0] = tab_col(t, "block");
	d->perf = c[0] >= 0 && t->nrows > 0 &&
	    strcmp(t->cell[0][c[0]], "P") == 0;
	return SQ_OK;
}

/*
 * sq-zone's table: the rows of segment "all" with their labels and the
 * scale the table carries, so that no instrument is needed.
 */
static int
read_zone_table(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const cols[] = {
		"scope", "segment", "n", "mean_a", "mean_d", "mean_p",
		"scale_min", "scale_max", "label", "item"
	};
	int c[10], rc, scope;
	size_t r, j, m;
	double v[6];
	char *lab;

	if ((rc = need_cols(t, cols, c, 10, err)) != SQ_OK)
		return rc;
	if ((d->zone = calloc(1, sizeof(*d->zone))) == NULL)
		return SQ_ENOMEM;
	d->zone->lo = d->zone->hi = NAN;
	for (r = 0; r < t->nrows; r++) {
		const char *sc = t->cell[r][c[0]];

		if (strcmp(t->cell[r][c[1]], "all") != 0)
			continue;
		scope = strcmp(sc, "item") == 0 ? 0 : strcmp(sc,
		    "dimension") == 0 ? 1 : strcmp(sc, "overall") == 0 ? 2 :
		    -1;
		if (scope < 0)
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[0] + 1, "scope", "\"%s\" is not item, "
			    "dimension or overall", sc);
		for (j = 0; j < 6; j++)
			if ((rc = tab_num(t, r, c[2 + j], &v[j], err)) != SQ_OK)
				return rc;
		if (isnan(d->zone->lo)) {
			d->zone->lo = v[4];
			d->zone->hi = v[5];
			if (!(v[5] > v[4]) || v[5] - v[4] > 1000)
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[6] + 1, "scale_min",
				    "the scale %g..%g is not an answer scale",
				    v[4], v[5]);
		} else if (v[4] != d->zone->lo || v[5] != d->zone->hi)
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[6] + 1, "scale_min", "the scale %g..%g "
			    "differs from the first row's", v[4], v[5]);
		/* a mean off the scale hung the drawing (ticks to 1e308) */
		for (j = 1; j < 4; j++)
			if (!isnan(v[j]) && !(v[j] >= v[4] && v[j] <= v[5]))
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[2 + j] + 1,
				    cols[2 + j], "%g is outside the scale "
				    "%g..%g", v[j], v[4], v[5]);
		/* items as the other charts label them: "12. wording" */
		m = strlen(t->cell[r][c[9]]) + strlen(t->cell[r][c[8]]) + 3;
		if ((lab = malloc(m)) == NULL)
			return SQ_ENOMEM;
		snprintf(lab, m, "%s%s%s", t->cell[r][c[9]],
		    t->cell[r][c[9]][0] && t->cell[r][c[8]][0] ? ". " : "",
		    t->cell[r][c[8]]);
		rc = sqc_zone_add(d, scope, lab, lab, v[0], v[1], v[2], v[3]);
		free(lab);
		if (rc != SQ_OK)
			return rc == SQ_ELIMIT ? sq_error_set(err, rc, t->name,
			    t->line[r], 0, "", "more than 10000 rows") : rc;
	}
	if (d->zone->n == 0)
		return sq_error_set(err, SQ_EEMPTY, t->name, 0, 0, "",
		    "the table has no rows for segment \"all\"");
	return SQ_OK;
}

static int
read_scree_table(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const refnames[] = {
		"reference", "parallel", "simulated", "pa_mean", "random"
	};
	int ce = tab_col(t, "eigenvalue"), cr = -1, rc;
	size_t r, i;

	for (i = 0; i < sizeof(refnames) / sizeof(refnames[0]) && cr < 0; i++)
		cr = tab_col(t, refnames[i]);
	/* The sniffer reads the first line loosely (quotes, CRs): check. */
	if (ce < 0)
		return sq_error_set(err, SQ_ESCHEMA, t->name, 1, 0, "",
		    "the table has no column \"eigenvalue\"");
	if ((rc = bare_instrument(d, t)) != SQ_OK)
		return rc;
	if (t->nrows == 0)
		return sq_error_set(err, SQ_EEMPTY, t->name, 0, 0, "",
		    "the table has no rows");
	d->eigen = malloc(t->nrows * sizeof(double));
	d->reference = malloc(t->nrows * sizeof(double));
	if (!d->eigen || !d->reference)
		return SQ_ENOMEM;
	d->ncomp = t->nrows;
	for (r = 0; r < t->nrows; r++) {
		if ((rc = tab_num(t, r, ce, &d->eigen[r], err)) != SQ_OK)
			return rc;
		d->reference[r] = NAN;
		if (cr >= 0 &&
		    (rc = tab_num(t, r, cr, &d->reference[r], err)) != SQ_OK)
			return rc;
	}
	d->has_scree = 1;
	return SQ_OK;
}

static int
read_ipa_table(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const cols[] = {
		"dimension", "importance", "performance"
	};
	int c[3], rc, idx, cl = tab_col(t, "label");
	size_t r;

	if ((rc = need_cols(t, cols, c, 3, err)) != SQ_OK)
		return rc;
	if (!d->ins_given) {
		/* The dimensions the table names, by their labels if any. */
		sq_instrument *ins;

		if ((rc = sq_instrument_new(t->name, 1, 7, &ins)) != SQ_OK)
			return rc;
		for (r = 0; r < t->nrows; r++)
			if (ins_dim(ins, t->cell[r][c[0]], cl >= 0 ?
			    t->cell[r][cl] : NULL) < 0) {
				sq_instrument_free(ins);
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[0] + 1,
				    t->head[c[0]], "\"%s\" is not a dimension"
				    " code (1-15 bytes, at most %d codes)",
				    t->cell[r][c[0]], SQ_MAX_DIMS);
			}
		if ((rc = sqc_chartdata_rebase(d, ins)) != SQ_OK)
			return rc;
	}
	for (r = 0; r < t->nrows; r++) {
		idx = sq_instrument_dim(d->ins, t->cell[r][c[0]]);
		if (idx < 0)
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[0] + 1, t->head[c[0]],
			    "\"%s\" is no dimension of the instrument",
			    t->cell[r][c[0]]);
		if ((rc = tab_num(t, r, c[1], &d->importance[idx], err)) ||
		    (rc = tab_num(t, r, c[2], &d->performance[idx], err)))
			return rc;
		/* importance is a weight: never negative */
		if ((rc = tab_range(t, r, c[1], d->importance[idx], 0,
		    HUGE_VAL, err)) != SQ_OK)
			return rc;
	}
	d->has_ipa = 1;
	return SQ_OK;
}

/*
 * The figures of sq-drivers' table whose range is known: R^2, p-values
 * and LMG in [0,1], shares and importance in [0,100] (up to rounding),
 * counts and F non-negative, correlations in [-1,1], performance on the
 * table's scale. A figure outside drew nonsense (an axis to 1e308).
 */
static int
drivers_range(const struct tab *t, size_t r, const int *c, sq_error *err)
{
	static const struct {
		const char *sec, *key;
		double lo, hi;
	} rule[] = {
		{ "summary", "n", 0, HUGE_VAL },
		{ "summary", "conf", 0, 1 },
		{ "model", "r2", 0, 1 },
		{ "model", "adj_r2", -HUGE_VAL, 1 },
		{ "model", "p", 0, 1 },
		{ "model", "n", 0, HUGE_VAL },
		{ "model", "df1", 0, HUGE_VAL },
		{ "model", "df2", 0, HUGE_VAL },
		{ "model", "f", 0, HUGE_VAL },
		{ "coefficient", "p", 0, 1 },
		{ "coefficient", "se", 0, HUGE_VAL },
		{ "coefficient", "vif", 0, HUGE_VAL },
		{ "lmg", "lmg", -1e-9, 1 + 1e-9 },
		{ "lmg", "share", -1e-6, 100 + 1e-6 },
		{ "importance", "stated", -1e-6, 100 + 1e-6 },
		{ "importance", "derived", -1e-6, 100 + 1e-6 },
		{ "importance", "stated_n", 0, HUGE_VAL },
		{ "importance", "spearman", -1 - 1e-9, 1 + 1e-9 },
		{ "ipa", "importance", -1e-6, 100 + 1e-6 },
		{ "ipa", "importance_cross", -1e-6, 100 + 1e-6 },
		{ "ipa", "n", 0, HUGE_VAL },
	};
	const char *sec = t->cell[r][c[0]], *key = t->cell[r][c[4]];
	double x, lo = NAN, hi = NAN;
	size_t i, k;
	int rc;

	for (i = 0; i < sizeof(rule) / sizeof(rule[0]); i++) {
		if (strcmp(sec, rule[i].sec) != 0 ||
		    strcmp(key, rule[i].key) != 0)
			continue;
		if ((rc = tab_num(t, r, c[5], &x, err)) != SQ_OK)
			return rc;
		return tab_range(t, r, c[5], x, rule[i].lo, rule[i].hi, err);
	}
	if (strcmp(sec, "ipa") != 0 || (strcmp(key, "performance") != 0 &&
	    strcmp(key, "performance_cross") != 0))
		return SQ_OK;
	/* performance: on the scale the table states */
	for (k = 0; k < t->nrows; k++) {
		char **v = t->cell[k], *end;
		double y;

		if (strcmp(v[c[0]], "summary") != 0)
			continue;
		y = strtod(v[c[5]], &end);
		if (end == v[c[5]] || *end != '\0')
			continue;
		if (strcmp(v[c[4]], "scale_min") == 0)
			lo = y;
		else if (strcmp(v[c[4]], "scale_max") == 0)
			hi = y;
	}
	if ((rc = tab_num(t, r, c[5], &x, err)) != SQ_OK)
		return rc;
	if (isnan(lo) || isnan(hi))
		return tab_range(t, r, c[5], x, -1e6, 1e6, err);
	return tab_range(t, r, c[5], x, lo - 1e-9, hi + 1e-9, err);
}

/* sq-drivers' long table: section segment model term key value. */
static int
read_drivers_table(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const cols[] = {
		"section", "segment", "model", "term", "key", "value"
	};
	int c[6], rc;
	size_t r;

	if ((rc = need_cols(t, cols, c, 6, err)) != SQ_OK)
		return rc;
	if (!d->ins_given) {
		/* The dimensions the table names (by code), on its scale. */
		sq_instrument *ins;
		double lo = 1, hi = 7, x;
		char *end;

		for (r = 0; r < t->nrows; r++) {
			char **v = t->cell[r];

			if (strcmp(v[c[0]], "summary") != 0)
				continue;
			x = strtod(v[c[5]], &end);
			if (end == v[c[5]] || *end != '\0')
				continue;
			if (strcmp(v[c[4]], "scale_min") == 0)
				lo = x;
			else if (strcmp(v[c[4]], "scale_max") == 0)
				hi = x;
		}
		if ((rc = sq_instrument_new(t->name, lo, hi, &ins)) != SQ_OK)
			return rc;
		for (r = 0; r < t->nrows; r++) {
			const char *term = t->cell[r][c[3]];

			if (term[0] == '\0' || strcmp(term, "intercept") == 0 ||
			    strcmp(t->cell[r][c[1]], "all") != 0)
				continue;
			if (ins_dim(ins, term, NULL) < 0) {
				sq_instrument_free(ins);
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[3] + 1, "term",
				    "\"%s\" is not a dimension code (1-15 "
				    "bytes, at most %d codes)", term,
				    SQ_MAX_DIMS);
			}
		}
		if ((rc = sqc_chartdata_rebase(d, ins)) != SQ_OK)
			return rc;
	}
	for (r = 0; r < t->nrows; r++) {
		char **v = t->cell[r];

		if ((rc = drivers_range(t, r, c, err)) != SQ_OK)
			return rc;
		if ((rc = sqc_drivers_cell(d, v[c[0]], v[c[1]], v[c[2]],
		    v[c[3]], v[c[4]], v[c[5]], t->name, t->line[r], err)))
			return rc;
	}
	return SQ_OK;
}

/*
 * Answer counts "item value n", optionally with "block", "dimension",
 * "label" (the item's wording), "scale_min" and "scale_max". The scale is
 * the table's, else the codebook's: never the values that happen to occur,
 * so "lowest" and "highest" name the scale's ends.
 */
static int
read_likert_table(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const cols[] = { "item", "value", "n" };
	int c[3], cb, cd, cl, cmin, cmax, rc, idx;
	size_t r;
	double lo, hi, v, n;

	if ((rc = need_cols(t, cols, c, 3, err)) != SQ_OK)
		return rc;
	cb = tab_col(t, "block");
	cd = tab_col(t, "dimension");
	cl = tab_col(t, "label");
	cmin = tab_col(t, "scale_min");
	cmax = tab_col(t, "scale_max");
	if (cmin >= 0 && cmax >= 0) {
		if ((rc = tab_scale(t, cmin, cmax, &lo, &hi, err)) != SQ_OK)
			return rc;
	} else if (d->ins_given) {
		lo = d->ins->min;
		hi = d->ins->max;
	} else
		return sq_error_set(err, SQ_ESCHEMA, t->name, 1, 0, "",
		    "the table does not say the answer scale (columns "
		    "scale_min, scale_max); add them or give the codebook "
		    "with -c");
	if (!d->ins_given || cl >= 0 || cd >= 0) {
		/* The items (and dimensions) as the table names them. */
		sq_instrument *ins;
		int num, k;

		if ((rc = sq_instrument_new(t->name, lo, hi, &ins)) != SQ_OK)
			return rc;
		for (r = 0; r < t->nrows; r++) {
			num = label_number(t->cell[r][c[0]]);
			k = ins_dim(ins, cd >= 0 ? t->cell[r][cd] : "ALL", NULL);
			if (num < 0 || k < 0) {
				sq_instrument_free(ins);
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)(num < 0 ? c[0] : cd) +
				    1, num < 0 ? "item" : "dimension", "\"%s\" "
				    "names no item or dimension", num < 0 ?
				    t->cell[r][c[0]] : t->cell[r][cd]);
			}
			if (sq_instrument_item(ins, num) < 0 &&
			    sq_instrument_add_item(ins, num, k, cl >= 0 ?
			    t->cell[r][cl] : NULL, NULL) != SQ_OK) {
				sq_instrument_free(ins);
				return SQ_ENOMEM;
			}
		}
		if ((rc = sqc_chartdata_rebase(d, ins)) != SQ_OK)
			return rc;
	}
	if (t->nrows == 0 || hi - lo > 20 || lo != floor(lo) ||
	    hi != floor(hi))
		return sq_error_set(err, SQ_EDATA, t->name, 0, 0, "",
		    "a Likert chart needs a whole-number scale of 2 to 21 "
		    "points, not %g..%g", lo, hi);
	d->vmin = lo;
	d->nvals = (size_t)(hi - lo) + 1;
	d->likert_block = SQ_BLOCK_P;
	if ((d->count = calloc(d->ins->nitems * d->nvals,
	    sizeof(double))) == NULL)
		return SQ_ENOMEM;
	for (r = 0; r < t->nrows; r++) {
		if ((idx = sqc_label_item(d->ins, t->cell[r][c[0]])) < 0)
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[0] + 1, "item",
			    "\"%s\" is no item of the instrument",
			    t->cell[r][c[0]]);
		if (cb >= 0 && strcasecmp(t->cell[r][cb], "E") == 0)
			d->likert_block = SQ_BLOCK_E;
		if ((rc = tab_num(t, r, c[1], &v, err)) != SQ_OK ||
		    (rc = tab_num(t, r, c[2], &n, err)) != SQ_OK)
			return rc;
		if (!(v >= lo && v <= hi) || v != floor(v))
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[1] + 1, "value", "\"%s\" is not a whole "
			    "answer on the scale %g..%g", t->cell[r][c[1]], lo,
			    hi);
		if (!(n >= 0))
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[2] + 1, "n", "\"%s\" is not a count",
			    t->cell[r][c[2]]);
		d->count[(size_t)idx * d->nvals + (size_t)(v - lo)] += n;
	}
	d->has_likert = 1;
	return SQ_OK;
}

static int
read_matrix_table(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	size_t r, j, nc = t->ncols - 1;
	int rc, square;

	if ((rc = bare_instrument(d, t)) != SQ_OK)
		return rc;
	if (t->ncols < 2 || t->nrows == 0)
		return sq_error_set(err, SQ_EEMPTY, t->name, 0, 0, "",
		    "a matrix needs a row of column names, then rows of a "
		    "label and numbers");
	d->matrix = malloc(t->nrows * nc * sizeof(double));
	d->rowlab = calloc(t->nrows, sizeof(char *));
	d->collab = calloc(nc, sizeof(char *));
	d->rowdim = malloc(t->nrows * sizeof(int));
	d->coldim = malloc(nc * sizeof(int));
	if (!d->matrix || !d->rowlab || !d->collab || !d->rowdim ||
	    !d->coldim)
		return SQ_ENOMEM;
	d->mrows = t->nrows;
	d->mcols = nc;
	for (j = 0; j < nc; j++) {
		int it = sqc_label_item(d->ins, t->head[j + 1]);

		if ((d->collab[j] = strdup(t->head[j + 1])) == NULL)
			return SQ_ENOMEM;
		d->coldim[j] = it >= 0 ? d->ins->items[it].dim : -1;
	}
	for (r = 0; r < t->nrows; r++) {
		int it = sqc_label_item(d->ins, t->cell[r][0]);

		if ((d->rowlab[r] = strdup(t->cell[r][0])) == NULL)
			return SQ_ENOMEM;
		d->rowdim[r] = it >= 0 ? d->ins->items[it].dim : -1;
		for (j = 0; j < nc; j++)
			if ((rc = tab_num(t, r, (int)j + 1,
			    &d->matrix[r * nc + j], err)) != SQ_OK)
				return rc;
	}
	square = d->mrows == d->mcols;
	for (r = 0; square && r < d->mrows; r++)
		if (strcmp(d->rowlab[r], d->collab[r]) != 0 ||
		    fabs(d->matrix[r * nc + r] - 1) > 1e-6)
			square = 0;
	d->matrix_kind = square ? SQ_MATRIX_CORRELATION : SQ_MATRIX_LOADINGS;
	d->has_matrix = 1;
	return SQ_OK;
}

/*
 * sq-factor's long table (section key item dimension factor value): the
 * eigenvalues with the parallel-analysis 95th percentile for the scree
 * chart, and the pattern loadings for the heatmap.
 */
static int
read_factor_table(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const cols[] = {
		"section", "key", "item", "dimension", "factor", "value"
	};
	const sq_instrument *ins;
	int c[6], rc, it;
	size_t r, ncomp = 0, nfac = 0, i, j;
	char block = 'P', buf[32];
	double f, v;

	if ((rc = need_cols(t, cols, c, 6, err)) != SQ_OK)
		return rc;
	if (!d->ins_given) {
		/* Items and dimensions as the table names them. */
		sq_instrument *ni;
		const char *name = t->name;
		int cl = tab_col(t, "label"), k, num;

		for (r = 0; r < t->nrows; r++)
			if (strcmp(t->cell[r][c[0]], "sample") == 0 &&
			    strcmp(t->cell[r][c[1]], "instrument") == 0)
				name = t->cell[r][c[5]];
		if ((rc = sq_instrument_new(name, 1, 7, &ni)) != SQ_OK)
			return rc;
		for (r = 0; r < t->nrows; r++) {
			if (t->cell[r][c[2]][0] == '\0' ||
			    t->cell[r][c[3]][0] == '\0')
				continue;
			num = label_number(t->cell[r][c[2]]);
			k = ins_dim(ni, t->cell[r][c[3]], NULL);
			if (num < 0 || k < 0) {
				sq_instrument_free(ni);
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[2] + 1, "item",
				    "\"%s\" of \"%s\" names no item and "
				    "dimension", t->cell[r][c[2]],
				    t->cell[r][c[3]]);
			}
			if (sq_instrument_item(ni, num) < 0 &&
			    sq_instrument_add_item(ni, num, k, cl >= 0 ?
			    t->cell[r][cl] : NULL, NULL) != SQ_OK) {
				sq_instrument_free(ni);
				return SQ_ENOMEM;
			}
		}
		if ((rc = sqc_chartdata_rebase(d, ni)) != SQ_OK)
			return rc;
	}
	ins = d->ins;
	/* First pass: sizes. */
	for (r = 0; r < t->nrows; r++) {
		const char *sec = t->cell[r][c[0]], *key = t->cell[r][c[1]];

		if (strcmp(sec, "sample") == 0 && strcmp(key, "block") == 0)
			block = t->cell[r][c[5]][0];
		if (strcmp(sec, "sample") == 0 && strcmp(key, "rows") == 0 &&
		    (rc = tab_num(t, r, c[5], &d->respondents, err)) != SQ_OK)
			return rc;
		if (strcmp(sec, "sample") == 0 && strcmp(key, "n") == 0 &&
		    (rc = tab_num(t, r, c[5], &d->cases, err)) != SQ_OK)
			return rc;
		if (strcmp(sec, "eigen") != 0 && strcmp(sec, "loading") != 0)
			continue;
		if ((rc = tab_num(t, r, c[4], &f, err)) != SQ_OK)
			return rc;
		if (!(f >= 1 && f <= SQ_MAX_ITEMS) || f != floor(f))
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[4] + 1, "factor", "\"%s\" is not a "
			    "component number", t->cell[r][c[4]]);
		if (strcmp(sec, "eigen") == 0 && f > (double)ncomp)
			ncomp = (size_t)f;
		if (strcmp(sec, "loading") == 0 &&
		    strcmp(key, "pattern") == 0 && f > (double)nfac)
			nfac = (size_t)f;
	}
	if (ncomp > 0) {
		d->eigen = malloc(ncomp * sizeof(double));
		d->reference = malloc(ncomp * sizeof(double));
		if (!d->eigen || !d->reference)
			return SQ_ENOMEM;
		d->ncomp = ncomp;
		for (i = 0; i < ncomp; i++)
			d->eigen[i] = d->reference[i] = NAN;
	}
	if (nfac > 0) {
		size_t ni = ins->nitems;

		d->matrix = malloc(ni * nfac * sizeof(double));
		d->rowlab = calloc(ni, sizeof(char *));
		d->collab = calloc(nfac, sizeof(char *));
		d->rowdim = malloc(ni * sizeof(int));
		d->coldim = malloc(nfac * sizeof(int));
		if (!d->matrix || !d->rowlab || !d->collab || !d->rowdim ||
		    !d->coldim)
			return SQ_ENOMEM;
		d->mrows = ni;
		d->mcols = nfac;
		for (i = 0; i < ni * nfac; i++)
			d->matrix[i] = NAN;
		for (i = 0; i < ni; i++) {
			snprintf(buf, sizeof(buf), "%c%d", block,
			    ins->items[i].number);
			if ((d->rowlab[i] = strdup(buf)) == NULL)
				return SQ_ENOMEM;
			d->rowdim[i] = ins->items[i].dim;
		}
		for (j = 0; j < nfac; j++) {
			snprintf(buf, sizeof(buf), "F%zu", j + 1);
			if ((d->collab[j] = strdup(buf)) == NULL)
				return SQ_ENOMEM;
			d->coldim[j] = -1;
		}
		d->matrix_kind = SQ_MATRIX_LOADINGS;
	}
	for (r = 0; r < t->nrows; r++) {
		const char *sec = t->cell[r][c[0]], *key = t->cell[r][c[1]];

		if (strcmp(sec, "parallel") == 0 &&
		    strcmp(key, "iterations") == 0) {
			if ((rc = tab_num(t, r, c[5], &v, err)) != SQ_OK)
				return rc;
			d->pa_iter = v >= 1 && v < 1e9 ? (int)v : 0;
			continue;
		}
		if (strcmp(sec, "eigen") != 0 && (strcmp(sec, "loading") != 0 ||
		    strcmp(key, "pattern") != 0))
			continue;
		if ((rc = tab_num(t, r, c[4], &f, err)) != SQ_OK ||
		    (rc = tab_num(t, r, c[5], &v, err)) != SQ_OK)
			return rc;
		j = (size_t)f - 1;
		if (strcmp(sec, "eigen") == 0) {
			if (strcmp(key, "observed") == 0)
				d->eigen[j] = v;
			else if (strcmp(key, "sim_p95") == 0)
				d->reference[j] = v;
			continue;
		}
		if ((it = sqc_label_item(ins, t->cell[r][c[2]])) < 0)
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[2] + 1, "item",
			    "\"%s\" is no item of the instrument",
			    t->cell[r][c[2]]);
		d->matrix[(size_t)it * nfac + j] = v;
	}
	if (ncomp == 0 && nfac == 0)
		return sq_error_set(err, SQ_EEMPTY, t->name, 0, 0, "",
		    "the sq-factor table has no eigenvalues and no loadings");
	d->has_scree = ncomp > 0;
	d->has_matrix = nfac > 0;
	d->block = block == 'E' ? SQ_BLOCK_E : block == 'G' ? SQ_BLOCK_G :
	    SQ_BLOCK_P;
	return SQ_OK;
}

enum {
	T_NONE = 0, T_GAP, T_SCREE, T_IPA, T_LIKERT, T_MATRIX, T_FACTOR,
	T_DRIVERS, T_CFA, T_ZONE, T_COMPARE
};

/*
 * The delimiter of a table: a tab if the first line has one (servqual's
 * TSV), else a comma (-f csv), else a semicolon.
 */
static char
table_delim(const char *buf, size_t len)
{
	const char *nl = memchr(buf, '\n', len);
	size_t n = nl ? (size_t)(nl - buf) : len;

	if (memchr(buf, '\t', n))
		return '\t';
	if (memchr(buf, ',', n))
		return ',';
	return ';';
}

/*
 * The first line of a table, read in place: any number of fields of any
 * length (no copies, so no fixed-size name arrays). Quotes and CRs are
 * skipped; names compare case-insensitively.
 */
struct head {
	const char *buf;
	size_t start, end;	/* the first line is buf[start, end) */
	char delim;
	size_t n;		/* fields */
};

static void
head_init(struct head *h, const char *buf, size_t len, char delim)
{
	const char *nl;
	size_t i;

	h->buf = buf;
	h->delim = delim;
	h->start = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	nl = memchr(buf + h->start, '\n', len - h->start);
	h->end = nl ? (size_t)(nl - buf) : len;
	h->n = 1;
	for (i = h->start; i < h->end; i++)
		if (buf[i] == delim)
			h->n++;
}

/* Whether field [a, b) of the first line is s, ignoring case, '"', CR. */
static int
head_field_is(const struct head *h, size_t a, size_t b, const char *s)
{
	size_t i;

	for (i = a; i < b; i++) {
		char ch = h->buf[i];

		if (ch == '\r' || ch == '"')
			continue;
		if (*s == '\0' ||
		    tolower((unsigned char)ch) != tolower((unsigned char)*s))
			return 0;
		s++;
	}
	return *s == '\0';
}

/* Whether field k (from 0) of the first line is s. */
static int
head_is(const struct head *h, size_t k, const char *s)
{
	size_t i = h->start, a = i, f = 0;

	for (;; i++) {
		if (i == h->end || h->buf[i] == h->delim) {
			if (f == k)
				return head_field_is(h, a, i, s);
			if (i == h->end)
				return 0;
			f++;
			a = i + 1;
		}
	}
}

/* Whether any field of the first line is s. */
static int
head_has(const struct head *h, const char *s)
{
	size_t i = h->start, a = i;

	for (;; i++) {
		if (i == h->end || h->buf[i] == h->delim) {
			if (head_field_is(h, a, i, s))
				return 1;
			if (i == h->end)
				return 0;
			a = i + 1;
		}
	}
}

/* sq-cfa's long table: the rows go to chart_cfa.c one by one. */
static int
read_cfa_table(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const cols[] = {
		"section", "key", "dimension", "item", "dimension2", "value"
	};
	int c[6], rc;
	size_t r;

	if ((rc = need_cols(t, cols, c, 6, err)) != SQ_OK)
		return rc;
	for (r = 0; r < t->nrows; r++)
		if ((rc = sqc_cfa_add(d, t->cell[r][c[0]], t->cell[r][c[1]],
		    t->cell[r][c[2]], t->cell[r][c[3]], t->cell[r][c[4]],
		    t->cell[r][c[5]], t->name, t->line[r], err)) != SQ_OK)
			return rc;
	return sqc_cfa_finish(d, t->name, err);
}

/* Whether every column of the first line is one of ok[0..n-1]. */
static int
head_all_in(const struct head *h, const char *const *ok, size_t n)
{
	size_t i = h->start, a = i, j;

	for (;; i++) {
		if (i == h->end || h->buf[i] == h->delim) {
			for (j = 0; j < n; j++)
				if (head_field_is(h, a, i, ok[j]))
					break;
			if (j == n)
				return 0;
			if (i == h->end)
				return 1;
			a = i + 1;
		}
	}
}

/* Whether every column is one a table of answer counts may have. */
static int
likert_names(const struct head *h)
{
	static const char *const ok[] = {
		"item", "value", "n", "block", "dimension", "label",
		"scale_min", "scale_max"
	};

	return head_all_in(h, ok, sizeof(ok) / sizeof(ok[0]));
}

static int
table_kind(const char *buf, size_t len)
{
	struct head h;
	char delim = table_delim(buf, len);
	size_t n;

	head_init(&h, buf, len, delim);
	n = h.n;
	if (n < 2)
		return T_NONE;
	/* An export names its E and P columns. */
	if (head_has(&h, "e1") && head_has(&h, "p1"))
		return T_NONE;
	if (head_has(&h, "a1") && head_has(&h, "d1"))
		return T_NONE;	/* a three-column export */
	if (head_is(&h, 0, "scope") && head_has(&h, "mean_a") &&
	    head_has(&h, "mean_d"))
		return T_ZONE;
	if (head_is(&h, 0, "scope") && head_has(&h, "gap"))
		return T_GAP;
	if (head_is(&h, 0, "block") && head_has(&h, "test") &&
	    head_has(&h, "group1"))
		return T_COMPARE;
	if (head_is(&h, 0, "section") && head_has(&h, "key") &&
	    head_has(&h, "value") && head_has(&h, "model") &&
	    head_has(&h, "term"))
		return T_DRIVERS;
	if (head_is(&h, 0, "section") && head_has(&h, "key") &&
	    head_has(&h, "dimension2") && head_has(&h, "value"))
		return T_CFA;
	if (head_is(&h, 0, "section") && head_has(&h, "key") &&
	    head_has(&h, "value"))
		return T_FACTOR;
	if (head_has(&h, "eigenvalue"))
		return T_SCREE;
	if (head_has(&h, "importance") &&
	    head_has(&h, "performance"))
		return T_IPA;
	if (head_has(&h, "item") && head_has(&h, "value") &&
	    head_has(&h, "n") && likert_names(&h))
		return T_LIKERT;
	/*
	 * A matrix: the first header cell is empty or names the rows, and
	 * the next line is a label followed by numbers only.
	 */
	if (head_is(&h, 0, "") || head_is(&h, 0, "item") ||
	    head_is(&h, 0, "variable") ||
	    head_is(&h, 0, "row")) {
		size_t i = h.end < len ? h.end + 1 : len, cells = 0;
		int numeric = 1;

		while (i < len && buf[i] != delim && buf[i] != '\n')
			i++;
		while (i < len && buf[i] == delim) {
			char tmp[64], *end;
			size_t k = 0;

			i++;
			while (i < len && buf[i] != delim && buf[i] != '\n' &&
			    buf[i] != '\r') {
				if (k + 1 < sizeof(tmp))
					tmp[k++] = buf[i];
				i++;
			}
			tmp[k] = '\0';
			cells++;
			if (strcasecmp(tmp, "nan") != 0 &&
			    strcmp(tmp, "NA") != 0) {
				strtod(tmp, &end);
				if (end == tmp || *end != '\0')
					numeric = 0;
			}
		}
		if (numeric && cells + 1 == n)
			return T_MATRIX;
	}
	return T_NONE;
}

int
sq_chart_is_table(const char *buf, size_t len)
{
	return table_kind(buf, len) != T_NONE;
}

int
sq_chartdata_table(sq_chartdata *d, const char *buf, size_t len,
    const char *name, sq_error *err)
{
	struct tab t;
	sq_reader_opts ro;
	int kind = table_kind(buf, len), rc;

	if (kind == T_NONE)
		return sq_error_set(err, SQ_ESCHEMA, name, 1, 0, "",
		    "not a table sq-chart reads (sq-gap, sq-factor, a matrix,"
		    " importance-performance or Likert counts)");
	if (kind == T_COMPARE)
		return sqc_compare_table(d, buf, len, name, err);
	memset(&t, 0, sizeof(t));
	t.name = name;
	memset(&ro, 0, sizeof(ro));
	ro.delim = table_delim(buf, len);
	ro.encoding = SQ_ENC_UTF8;
	snprintf(d->source, sizeof(d->source), "%s", name);
	rc = sq_read_csv_mem(buf, len, name, &ro, tab_row, &t, err);
	if (rc == SQ_OK) {
		switch (kind) {
		case T_GAP:
			rc = check_dups(&t, sel_gap, 4, err);
			if (rc == SQ_OK)
				rc = read_gap_table(d, &t, err);
			break;
		case T_SCREE:
			rc = read_scree_table(d, &t, err);
			break;
		case T_IPA:
			rc = check_dups(&t, sel_ipa, 1, err);
			if (rc == SQ_OK)
				rc = read_ipa_table(d, &t, err);
			break;
		case T_LIKERT:
			rc = check_dups(&t, sel_likert, 3, err);
			if (rc == SQ_OK)
				rc = read_likert_table(d, &t, err);
			break;
		case T_FACTOR:
			rc = read_factor_table(d, &t, err);
			break;
		case T_ZONE:
			rc = check_dups(&t, sel_gap, 4, err);
			if (rc == SQ_OK)
				rc = read_zone_table(d, &t, err);
			break;
		case T_DRIVERS:
			rc = check_dups(&t, sel_drivers, 5, err);
			if (rc == SQ_OK)
				rc = read_drivers_table(d, &t, err);
			break;
		case T_CFA:
			rc = check_dups(&t, sel_cfa, 5, err);
			if (rc == SQ_OK)
				rc = read_cfa_table(d, &t, err);
			break;
		default:
			rc = read_matrix_table(d, &t, err);
			break;
		}
	}
	if (rc == SQ_ENOMEM && err && err->msg[0] == '\0')
		sq_error_set(err, rc, name, 0, 0, "", "out of memory");
	tab_free(&t);
	return rc;
}
