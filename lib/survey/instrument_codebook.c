/*
 * Codebooks: a CSV file an analyst can edit in a spreadsheet, read over
 * the built-in instrument. Every row starts with its kind (see
 * man/servqual-codebook.5):
 *
 *   scale,MIN,MAX
 *   overall,MIN,MAX               default: the items' scale, whole numbers
 *   dimension,CODE,NAME_EN[,NAME_ES]
 *   item,NUMBER,DIMENSION[,WORDING_EN[,WORDING_ES]]
 *   reverse,NUMBER[,NUMBER...]
 *   missing,CODE[,CODE...]
 *   label,TEXT,VALUE
 *   column,HEADER,ROLE[,TARGET]   ROLE: E P A D W overall segment id
 *   recode,VALUE,NEW              NEW: a value or NA (missing)
 *
 * Rows are read one by one, then what no row could check alone (reverse
 * items, column targets, columns named twice) is checked once the whole
 * file is read.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/keyset.h"
#include "servqual/output.h"
#include "instrument_int.h"

static int
push_str(char ***arr, size_t *n, size_t *cap, const char *s)
{
	char **na;
	char f[256];

	if (sqi_grow(arr, cap, *n, sizeof(**arr)) != SQ_OK)
		return SQ_ENOMEM;
	na = *arr;
	sq_fold(s, f, sizeof(f));
	if ((na[*n] = strdup(f)) == NULL)
		return SQ_ENOMEM;
	(*n)++;
	return SQ_OK;
}

static int
cb_row(void *ctx, const sq_row *row, sq_error *err)
{
	struct cb *c = ctx;
	sq_instrument *ins = c->ins;
	char **f = row->field;
	size_t nf = row->nfields, i;
	char kind[32];
	int n, d, rc;

	while (nf > 0 && f[nf - 1][0] == '\0')
		nf--;	/* spreadsheets pad rows with empty cells */
	if (nf == 0 || f[0][0] == '#')
		return 0;
	sq_fold(f[0], kind, sizeof(kind));
	if (row->index == 0 && strcmp(kind, "kind") == 0)
		return 0;
	if (strcmp(kind, "scale") == 0) {
		if (nf != 3)
			return cb_err(c, err, row->line, 1,
			    "a scale row is: scale,MIN,MAX");
		if ((rc = sqi_scale_ends(c, row, f, &ins->min, &ins->max,
		    "scale", err)) != SQ_OK)
			return rc;
		c->have_scale = 1;
	} else if (strcmp(kind, "overall") == 0) {
		if (nf != 3)
			return cb_err(c, err, row->line, 1,
			    "an overall row is: overall,MIN,MAX (the overall "
			    "rating's scale)");
		if ((rc = sqi_scale_ends(c, row, f, &ins->omin, &ins->omax,
		    "overall scale", err)) != SQ_OK)
			return rc;
		c->have_overall = 1;
	} else if (strcmp(kind, "dimension") == 0) {
		if (nf < 3 || nf > 4)
			return cb_err(c, err, row->line, 1, "a dimension row "
			    "is: dimension,CODE,NAME_EN[,NAME_ES]");
		if (f[1][0] == '\0' || strlen(f[1]) >= SQ_CODE_LEN ||
		    strpbrk(f[1], " ,;\t") != NULL)
			return cb_err(c, err, row->line, 2, "dimension code "
			    "\"%s\" must be 1-15 characters without blanks",
			    f[1]);
		if (!c->have_items) {
			sqi_clear_dims_items(ins);
			c->have_items = 1;
		}
		if (sq_instrument_dim(ins, f[1]) >= 0)
			return cb_err(c, err, row->line, 2,
			    "dimension \"%s\" is declared twice", f[1]);
		if (ins->ndims == SQ_MAX_DIMS)
			return cb_err(c, err, row->line, 2,
			    "more than 32 dimensions");
		if (sq_instrument_add_dim(ins, f[1], f[2],
		    nf == 4 ? f[3] : NULL) != SQ_OK)
			return SQ_ENOMEM;
	} else if (strcmp(kind, "item") == 0) {
		if (nf < 3 || nf > 5)
			return cb_err(c, err, row->line, 1, "an item row is: "
			    "item,NUMBER,DIMENSION[,WORDING_EN[,WORDING_ES]]"
			    "");
		if (!c->have_items)
			return cb_err(c, err, row->line, 1, "declare the "
			    "dimensions (dimension rows) before the items");
		if (sqi_parse_int(f[1], &n) != 0)
			return cb_err(c, err, row->line, 2, "item number "
			    "\"%s\" is not a whole number from 1", f[1]);
		if (sq_instrument_item(ins, n) >= 0)
			return cb_err(c, err, row->line, 2,
			    "item %s is declared twice", f[1]);
		if ((d = sq_instrument_dim(ins, f[2])) < 0)
			return cb_err(c, err, row->line, 3, "unknown "
			    "dimension \"%s\" (declare it in a dimension row)",
			    f[2]);
		if (ins->nitems == SQ_MAX_ITEMS)
			return cb_err(c, err, row->line, 2,
			    "more than 512 items");
		if (sq_instrument_add_item(ins, n, d, nf >= 4 ? f[3] : NULL,
		    nf == 5 ? f[4] : NULL) != SQ_OK)
			return SQ_ENOMEM;
	} else if (strcmp(kind, "reverse") == 0) {
		if (nf < 2)
			return cb_err(c, err, row->line, 1, "a reverse row is: "
			    "reverse,NUMBER[,NUMBER...]");
		for (i = 1; i < nf; i++) {
			int *nr;
			unsigned long *nl;

			if (sqi_parse_int(f[i], &n) != 0)
				return cb_err(c, err, row->line, i + 1,
				    "item number \"%s\" is not a whole "
				    "number from 1", f[i]);
			if (c->nreverse == c->reverse_cap) {
				size_t cap = c->reverse_cap ?
				    2 * c->reverse_cap : 16;

				if (cap > ((size_t)1 << 28))
					return SQ_ENOMEM;
				nr = realloc(c->reverse, cap * sizeof(*nr));
				if (nr == NULL)
					return SQ_ENOMEM;
				c->reverse = nr;
				nl = realloc(c->reverse_line, cap *
				    sizeof(*nl));
				if (nl == NULL)
					return SQ_ENOMEM;
				c->reverse_line = nl;
				c->reverse_cap = cap;
			}
			c->reverse[c->nreverse] = n;
			c->reverse_line[c->nreverse++] = row->line;
		}
	} else if (strcmp(kind, "missing") == 0) {
		if (nf < 2)
			return cb_err(c, err, row->line, 1, "a missing row is: "
			    "missing,CODE[,CODE...]");
		for (i = 1; i < nf; i++)
			if (push_str(&ins->missing, &ins->nmissing,
			    &c->missing_cap, f[i]))
				return SQ_ENOMEM;
	} else if (strcmp(kind, "label") == 0) {
		return sqi_label_row(c, row, nf, err);
	} else if (strcmp(kind, "column") == 0) {
		sq_colmap *m;
		char role[32];

		if (nf < 3 || nf > 4)
			return cb_err(c, err, row->line, 1, "a column row is: "
			    "column,HEADER,ROLE[,TARGET]");
		sq_fold(f[2], role, sizeof(role));
		if (ins->ncols == c->col_cap) {
			size_t cap = c->col_cap ? c->col_cap * 2 : 32;
			sq_colmap *nc = realloc(ins->cols, cap * sizeof(*nc));
			unsigned long *nl;
			char **nt;

			if (nc == NULL)
				return SQ_ENOMEM;
			ins->cols = nc;
			if ((nl = realloc(c->col_line, cap * sizeof(*nl))) ==
			    NULL)
				return SQ_ENOMEM;
			c->col_line = nl;
			if ((nt = realloc(c->col_target, cap * sizeof(*nt))) ==
			    NULL)
				return SQ_ENOMEM;
			c->col_target = nt;
			c->col_cap = cap;
		}
		m = &ins->cols[ins->ncols];
		memset(m, 0, sizeof(*m));
		if (strcmp(role, "e") == 0)
			m->role = SQ_ROLE_E;
		else if (strcmp(role, "p") == 0)
			m->role = SQ_ROLE_P;
		else if (strcmp(role, "w") == 0 || strcmp(role, "weight") == 0)
			m->role = SQ_ROLE_W;
		else if (strcmp(role, "overall") == 0)
			m->role = SQ_ROLE_OVERALL;
		else if (strcmp(role, "segment") == 0)
			m->role = SQ_ROLE_SEGMENT;
		else if (strcmp(role, "id") == 0)
			m->role = SQ_ROLE_ID;
		else if ((m->role = sqi_zone_role(role)) == SQ_ROLE_NONE)
			return cb_err(c, err, row->line, 3, "unknown column "
			    "role \"%s\" (E, P, A, D, W, overall, segment or "
			    "id)", f[2]);
		if (f[1][0] == '\0')
			return cb_err(c, err, row->line, 2,
			    "column header is empty");
		if (f[1][0] == '#' && isdigit((unsigned char)f[1][1]) &&
		    !sqi_col_number_ok(f[1]))
			return cb_err(c, err, row->line, 2, "column \"%s\": "
			    "columns are numbered from #1 (#1..#%d)", f[1],
			    SQ_MAX_COLUMN_NUMBER);
		if ((m->role == SQ_ROLE_E || m->role == SQ_ROLE_P ||
		    m->role == SQ_ROLE_A || m->role == SQ_ROLE_D ||
		    m->role == SQ_ROLE_W) && (nf < 4 || f[3][0] == '\0'))
			return cb_err(c, err, row->line, 3, "role \"%s\" needs "
			    "a target: an item number for E, P, A and D, a "
			    "dimension code for W", f[2]);
		if ((m->name = strdup(f[1])) == NULL)
			return SQ_ENOMEM;
		c->col_target[ins->ncols] = strdup(nf == 4 ? f[3] : "");
		c->col_line[ins->ncols] = row->line;
		m->line = row->line;
		ins->ncols++;
		if (c->col_target[ins->ncols - 1] == NULL)
			return SQ_ENOMEM;
	} else if (strcmp(kind, "recode") == 0) {
		return sqi_recode_row(c, row, nf, err);
	} else
		return cb_err(c, err, row->line, 1, "unknown row kind \"%s\" "
		    "(scale, dimension, item, reverse, missing, label, "
		    "column or recode)", f[0]);
	return 0;
}

/*
 * The header a column row names, as matching sees it: folded, and "#k"
 * as the number k (so "#03" and "#3" are one column).
 */
static void
col_key(const char *h, char *out, size_t len)
{
	if (h[0] == '#' && isdigit((unsigned char)h[1]))
		snprintf(out, len, "#%lu", strtoul(h + 1, NULL, 10));
	else
		sq_fold(h, out, len);
}

/* No header is named by two column rows: a keyset of the keys. */
static int
cols_unique(struct cb *c, sq_error *err)
{
	sq_instrument *ins = c->ins;
	char key[256];
	sq_keyset ks;
	size_t i, j;
	int added, rc = SQ_OK;

	sq_keyset_init(&ks, ins->ncols);
	for (i = 0; i < ins->ncols && rc == SQ_OK; i++) {
		col_key(ins->cols[i].name, key, sizeof(key));
		/* key i gets index i: the adds stop at the first repeat */
		if ((rc = sq_keyset_add(&ks, key, &j, &added)) == SQ_OK &&
		    !added)
			rc = cb_err(c, err, c->col_line[i], 2, "column \"%s\" "
			    "is mapped twice (also on line %lu)",
			    ins->cols[i].name, c->col_line[j]);
	}
	sq_keyset_release(&ks);
	return rc;
}

/* Check what rows could not check alone, once everything is read. */
static int
cb_resolve(struct cb *c, sq_error *err)
{
	sq_instrument *ins = c->ins;
	size_t i, d;
	int k;

	if (c->have_items) {
		if (ins->nitems == 0)
			return cb_err(c, err, 0, 0,
			    "dimensions are declared but no items");
		for (d = 0; d < ins->ndims; d++)
			if (sq_instrument_dim_items(ins, (int)d) == 0)
				return cb_err(c, err, 0, 0, "dimension %s has "
				    "no items", ins->dims[d].code);
	}
	for (i = 0; i < c->nreverse; i++) {
		if ((k = sq_instrument_item(ins, c->reverse[i])) < 0) {
			char num[32];

			snprintf(num, sizeof(num), "%d", c->reverse[i]);
			return cb_err(c, err, c->reverse_line[i], 0,
			    "reverse: there is no item %s", num);
		}
		ins->items[k].reverse = 1;
	}
	/* a recode into a value no answer may take would turn every such
	 * answer into an error quoting the answer as given */
	for (i = 0; i < ins->nrecodes; i++) {
		double x = ins->recodes[i].to;

		if (!isnan(x) && !(x >= ins->min && x <= ins->max) &&
		    !(c->have_overall && x >= ins->omin && x <= ins->omax)) {
			char num[64];

			snprintf(num, sizeof(num), "%.15g", x);
			return cb_err(c, err, c->recode_line[i], 3,
			    "recode target %s is outside the scale %g..%g%s",
			    num, ins->min, ins->max, c->have_overall ?
			    " and the overall rating's" : "");
		}
	}
	if ((k = cols_unique(c, err)) != SQ_OK)
		return k;
	for (i = 0; i < ins->ncols; i++) {
		sq_colmap *m = &ins->cols[i];
		const char *t = c->col_target[i];
		int n;

		if (m->role == SQ_ROLE_E || m->role == SQ_ROLE_P ||
		    m->role == SQ_ROLE_A || m->role == SQ_ROLE_D) {
			if (sqi_parse_int(t, &n) != 0 ||
			    (m->target = sq_instrument_item(ins, n)) < 0)
				return cb_err(c, err, c->col_line[i], 4,
				    "there is no item \"%s\"", t);
		} else if (m->role == SQ_ROLE_W) {
			if ((m->target = sq_instrument_dim(ins, t)) < 0)
				return cb_err(c, err, c->col_line[i], 4,
				    "there is no dimension \"%s\"", t);
		}
	}
	return SQ_OK;
}

int
sq_instrument_read(FILE *fp, const char *name, sq_instrument **out,
    sq_error *err)
{
	struct cb c;
	sq_reader_opts o;
	size_t i;
	int rc;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	memset(&o, 0, sizeof(o));
	o.max_field = 4096;
	c.name = name;
	if ((c.ins = sqi_alloc()) == NULL)
		return sq_error_set(err, SQ_ENOMEM, name, 0, 0, NULL,
		    "out of memory");
	rc = sqi_set_builtin(c.ins);
	if (rc == SQ_OK)
		rc = sq_read_csv(fp, name, &o, cb_row, &c, err);
	if (rc == SQ_OK)
		rc = cb_resolve(&c, err);
	if (rc == SQ_OK && c.have_items) {
		/* The codebook's base name: no analyst's path in a table. */
		const char *base = strrchr(name, '/');
		char *nn = strdup(base ? base + 1 : name);

		if (nn == NULL)
			rc = SQ_ENOMEM;
		else {
			free(c.ins->name);
			c.ins->name = nn;
		}
	}
	if (rc == SQ_OK && (c.ins->codebook = strdup(name)) == NULL)
		rc = SQ_ENOMEM;
	if (rc == SQ_ENOMEM)
		sq_error_set(err, rc, name, 0, 0, NULL, "out of memory");
	for (i = 0; i < c.ins->ncols; i++)
		free(c.col_target[i]);
	free(c.col_target);
	free(c.col_line);
	free(c.reverse);
	free(c.reverse_line);
	free(c.recode_slot);
	free(c.recode_line);
	if (rc != SQ_OK) {
		sq_instrument_free(c.ins);
		return rc;
	}
	*out = c.ins;
	return SQ_OK;
}

int
sq_instrument_load(const char *path, sq_instrument **ins, sq_error *err)
{
	FILE *fp;
	int rc;

	if (path == NULL) {
		if ((rc = sq_instrument_servqual(ins)) != SQ_OK)
			sq_error_set(err, rc, NULL, 0, 0, NULL,
			    "out of memory");
		return rc;
	}
	if ((rc = sq_input_open(path, &fp, err)) != SQ_OK)
		return rc;
	rc = sq_instrument_read(fp, path, ins, err);
	sq_input_close(fp);
	return rc;
}
