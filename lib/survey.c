/*
 * The survey: the export's header bound to the instrument, then every data
 * row turned into one respondent's answers.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "servqual/survey.h"

/* Missing-value codes every tool knows, folded (see sq_fold). */
static const char *const default_missing[] = {
	"na", "n/a", "nan", "-99", "no aplica", "ns/nr", "#n/d", "#n/a",
	"nr", "ns", NULL
};

struct col {
	int role;		/* enum sq_role */
	int target;
};

struct sv {
	const sq_instrument *ins;
	const sq_survey_opts *o;
	const char *name;
	sq_response_fn fn;
	void *ctx;
	sq_survey_stats *st;
	unsigned skipped;
	int have_header;
	size_t ncols;
	struct col *col;
	char **colname;
	double *e, *p, *w;
	int segcol;		/* -1 when none */
	int idcol;
};

static void
sv_free(struct sv *s)
{
	size_t i;

	if (s->colname != NULL)
		for (i = 0; i < s->ncols; i++)
			free(s->colname[i]);
	free(s->colname);
	free(s->col);
	free(s->e);
	free(s->p);
	free(s->w);
}

/* "E1", "e01", "E_1", "P 7" -> role and item number; 0 if not such. */
static int
auto_item(const char *h, int *num)
{
	const char *q;
	char *end;
	long n;
	int role;

	while (*h == ' ')
		h++;
	if (*h == 'E' || *h == 'e')
		role = SQ_ROLE_E;
	else if (*h == 'P' || *h == 'p')
		role = SQ_ROLE_P;
	else
		return 0;
	q = h + 1;
	if (*q == '_' || *q == ' ' || *q == '-' || *q == '.')
		q++;
	if (!isdigit((unsigned char)*q))
		return 0;
	errno = 0;
	n = strtol(q, &end, 10);
	while (*end == ' ')
		end++;
	if (*end != '\0' || errno != 0 || n < 1 || n > 100000)
		return 0;
	*num = (int)n;
	return role;
}

/* "W_TAN", "w_tan", "WTAN" -> dimension index, or -1. */
static int
auto_weight(const sq_instrument *ins, const char *h)
{
	while (*h == ' ')
		h++;
	if (*h != 'W' && *h != 'w')
		return -1;
	h++;
	if (*h == '_' || *h == ' ' || *h == '-')
		h++;
	return sq_instrument_dim(ins, h);
}

static int
header_err(struct sv *s, sq_error *err, int code, size_t col,
    const char *colname, const char *msg)
{
	return sq_error_set(err, code, s->name, s->o && s->o->skip_rows ?
	    s->o->skip_rows + 1 : 1, col, colname, "%s", msg);
}

static int
bind_header(struct sv *s, const sq_row *row, sq_error *err)
{
	const sq_instrument *ins = s->ins;
	size_t i, j, nw = 0;
	int explicit_items = 0, explicit_w = 0, *seen, n, r, t;
	char msg[256];

	for (i = 0; i < ins->ncols; i++) {
		if (ins->cols[i].role == SQ_ROLE_E ||
		    ins->cols[i].role == SQ_ROLE_P)
			explicit_items = 1;
		if (ins->cols[i].role == SQ_ROLE_W)
			explicit_w = 1;
	}
	s->ncols = row->nfields;
	s->col = calloc(s->ncols, sizeof(*s->col));
	s->colname = calloc(s->ncols, sizeof(*s->colname));
	s->e = malloc(ins->nitems * sizeof(double));
	s->p = malloc(ins->nitems * sizeof(double));
	s->w = malloc((ins->ndims + 1) * sizeof(double));
	/* who holds each E, P and W slot: column index + 1 */
	seen = calloc(2 * ins->nitems + ins->ndims + 1, sizeof(int));
	if (!s->col || !s->colname || !s->e || !s->p || !s->w || !seen) {
		free(seen);
		return header_err(s, err, SQ_ENOMEM, 0, NULL, "out of memory");
	}
	s->segcol = -1;
	s->idcol = -1;
	for (i = 0; i < s->ncols; i++) {
		const char *h = row->field[i];
		int slot = -1;

		if ((s->colname[i] = strdup(h)) == NULL) {
			free(seen);
			return header_err(s, err, SQ_ENOMEM, 0, NULL,
			    "out of memory");
		}
		r = SQ_ROLE_NONE;
		t = -1;
		for (j = 0; j < ins->ncols; j++) {
			if (strcasecmp(ins->cols[j].name, h) == 0) {
				r = ins->cols[j].role;
				t = ins->cols[j].target;
				break;
			}
		}
		if (r == SQ_ROLE_NONE && !explicit_items &&
		    (r = auto_item(h, &n)) != SQ_ROLE_NONE &&
		    (t = sq_instrument_item(ins, n)) < 0)
			r = SQ_ROLE_NONE;	/* E23 is just another column */
		if (r == SQ_ROLE_NONE && !explicit_w &&
		    (t = auto_weight(ins, h)) >= 0)
			r = SQ_ROLE_W;
		if (r == SQ_ROLE_NONE && strcasecmp(h, "overall") == 0)
			r = SQ_ROLE_OVERALL;
		if (s->o && s->o->by && strcasecmp(h, s->o->by) == 0) {
			if (s->segcol >= 0) {
				snprintf(msg, sizeof(msg), "segment column "
				    "\"%s\" appears twice (also #%d)",
				    s->o->by, s->segcol + 1);
				free(seen);
				return header_err(s, err, SQ_ESCHEMA, i + 1, h,
				    msg);
			}
			s->segcol = (int)i;
			continue;
		}
		if (r == SQ_ROLE_ID && s->idcol < 0)
			s->idcol = (int)i;
		if (r == SQ_ROLE_E)
			slot = t;
		else if (r == SQ_ROLE_P)
			slot = (int)ins->nitems + t;
		else if (r == SQ_ROLE_W)
			slot = 2 * (int)ins->nitems + t;
		else if (r == SQ_ROLE_OVERALL)
			slot = 2 * (int)ins->nitems + (int)ins->ndims;
		if (slot >= 0) {
			if (seen[slot] != 0) {
				snprintf(msg, sizeof(msg), "duplicate column: "
				    "it holds the same answer as column %s "
				    "(#%d)", s->colname[seen[slot] - 1],
				    seen[slot]);
				free(seen);
				return header_err(s, err, SQ_ESCHEMA, i + 1, h,
				    msg);
			}
			seen[slot] = (int)i + 1;
		}
		s->col[i].role = r;
		s->col[i].target = t;
	}
	if (s->o && s->o->by && s->segcol < 0) {
		snprintf(msg, sizeof(msg), "segment column \"%s\" not found "
		    "in the header", s->o->by);
		free(seen);
		return header_err(s, err, SQ_ESCHEMA, 0, NULL, msg);
	}
	for (i = 0; i < 2 * ins->nitems; i++) {
		if (seen[i] != 0)
			continue;
		snprintf(msg, sizeof(msg), "required column %c%d not found "
		    "(items are E1..E%d and P1..P%d; name other columns "
		    "in a codebook with -c)", i < ins->nitems ? 'E' : 'P',
		    ins->items[i % ins->nitems].number,
		    ins->items[ins->nitems - 1].number,
		    ins->items[ins->nitems - 1].number);
		free(seen);
		return header_err(s, err, SQ_ESCHEMA, 0, NULL, msg);
	}
	for (i = 0; i < ins->ndims; i++)
		if (seen[2 * ins->nitems + i] != 0)
			nw++;
	if (nw > 0 && nw < ins->ndims) {
		for (i = 0; i < ins->ndims; i++)
			if (seen[2 * ins->nitems + i] == 0)
				break;
		snprintf(msg, sizeof(msg), "weight column W_%s not found "
		    "(the other weight columns are there)",
		    ins->dims[i].code);
		free(seen);
		return header_err(s, err, SQ_ESCHEMA, 0, NULL, msg);
	}
	if (s->st) {
		s->st->has_weights = nw == ins->ndims;
		s->st->has_overall = seen[2 * ins->nitems + ins->ndims] != 0;
	}
	if (nw != ins->ndims)	/* weights are all there or ignored */
		for (i = 0; i < s->ncols; i++)
			if (s->col[i].role == SQ_ROLE_W)
				s->col[i].role = SQ_ROLE_NONE;
	free(seen);
	return SQ_OK;
}

static int
is_missing(const sq_instrument *ins, const char *v, size_t len)
{
	char f[64];
	size_t i;

	if (len >= sizeof(f))
		return 0;
	sq_fold(v, f, sizeof(f));
	if (f[0] == '\0')
		return 1;
	for (i = 0; default_missing[i] != NULL; i++)
		if (strcmp(f, default_missing[i]) == 0)
			return 1;
	for (i = 0; i < ins->nmissing; i++)
		if (strcmp(f, ins->missing[i]) == 0)
			return 1;
	return 0;
}

/* A number in C syntax, surrounding blanks allowed; -1 if not one. */
static int
to_number(const char *v, double *x)
{
	char *end;

	errno = 0;
	*x = strtod(v, &end);
	if (end == v)
		return -1;
	while (*end == ' ' || *end == '\t')
		end++;
	if (*end != '\0' || errno == ERANGE || !isfinite(*x))
		return -1;
	/* strtod takes hex and "inf"; answers are decimal */
	while (*v == ' ' || *v == '\t')
		v++;
	if (*v == '+' || *v == '-')
		v++;
	if (!isdigit((unsigned char)*v) && *v != '.')
		return -1;
	if (strchr(v, 'x') || strchr(v, 'X'))
		return -1;
	return 0;
}

/*
 * Report a bad cell, "VALUE" what: an error, or a problem passed to the
 * caller's callback, or a count under --invalid=missing. 0 to go on.
 */
static int
bad_cell(struct sv *s, const sq_row *row, size_t i, sq_error *err,
    const char *what)
{
	char val[72];
	sq_error pe;
	size_t n = row->len[i];

	if (n > 60) {
		memcpy(val, row->field[i], 57);
		memcpy(val + 57, "...", 4);
	} else
		memcpy(val, row->field[i], n + 1);
	if (s->st)
		s->st->invalid++;
	if (s->o && s->o->problem) {
		sq_error_set(&pe, SQ_EDATA, s->name, row->line, i + 1,
		    s->colname[i], "\"%s\" %s", val, what);
		s->o->problem(s->o->problem_ctx, &pe);
		return 0;
	}
	if (s->o && s->o->invalid == SQ_INVALID_MISSING)
		return 0;
	return sq_error_set(err, SQ_EDATA, s->name, row->line, i + 1,
	    s->colname[i], "\"%s\" %s", val, what);
}

/* An answer on the scale: a number, a missing code or a label. */
static int
item_value(struct sv *s, const sq_row *row, size_t i, double *x,
    sq_error *err)
{
	const sq_instrument *ins = s->ins;
	const char *v = row->field[i];
	char range[64], f[256];
	size_t k;

	*x = NAN;
	/* Fast path: one digit. */
	if (row->len[i] == 1 && v[0] >= '0' && v[0] <= '9') {
		*x = v[0] - '0';
	} else if (row->len[i] == 0 || is_missing(ins, v, row->len[i])) {
		return 0;
	} else if (to_number(v, x) != 0) {
		if (ins->nlabels > 0 && row->len[i] < sizeof(f)) {
			sq_fold(v, f, sizeof(f));
			for (k = 0; k < ins->nlabels; k++)
				if (strcmp(f, ins->labels[k].text) == 0)
					break;
			if (k < ins->nlabels) {
				*x = ins->labels[k].value;
				goto range;
			}
		}
		*x = NAN;
		return bad_cell(s, row, i, err, ins->nlabels > 0 ?
		    "is not a number or a label of the codebook" :
		    "is not a number");
	}
range:
	if (*x < ins->min || *x > ins->max || *x != floor(*x)) {
		snprintf(range, sizeof(range), "is outside the scale %g..%g",
		    ins->min, ins->max);
		*x = NAN;
		return bad_cell(s, row, i, err, range);
	}
	return 0;
}

/* Plain digits (at most 9) as a number; -1 if the field is not that. */
static int
digits(const char *v, size_t len, double *x)
{
	long n = 0;
	size_t i;

	if (len == 0 || len > 9)
		return -1;
	for (i = 0; i < len; i++) {
		if (v[i] < '0' || v[i] > '9')
			return -1;
		n = n * 10 + (v[i] - '0');
	}
	*x = (double)n;
	return 0;
}

/* A weight or rating: any number >= 0 (weights) or any number. */
static int
real_value(struct sv *s, const sq_row *row, size_t i, int nonneg,
    double *x, sq_error *err)
{
	const char *v = row->field[i];

	if (digits(v, row->len[i], x) == 0)
		return 0;	/* the common case, and never a missing code */
	*x = NAN;
	if (row->len[i] == 0 || is_missing(s->ins, v, row->len[i]))
		return 0;
	if (to_number(v, x) != 0) {
		*x = NAN;
		return bad_cell(s, row, i, err, "is not a number");
	}
	if (nonneg && *x < 0) {
		*x = NAN;
		return bad_cell(s, row, i, err,
		    "is negative; weights are 0 or more");
	}
	return 0;
}

static int
data_row(struct sv *s, const sq_row *row, sq_error *err)
{
	const sq_instrument *ins = s->ins;
	sq_response r;
	size_t i, k;
	double x;
	int rc;

	if (row->nfields != s->ncols) {
		char msg[128];
		sq_error pe;

		snprintf(msg, sizeof(msg), "row has %zu fields, the header "
		    "has %zu", row->nfields, s->ncols);
		if (s->o && s->o->problem) {
			sq_error_set(&pe, SQ_EPARSE, s->name, row->line, 0,
			    NULL, "%s", msg);
			s->o->problem(s->o->problem_ctx, &pe);
			return 0;
		}
		return sq_error_set(err, SQ_EPARSE, s->name, row->line, 0,
		    NULL, "%s", msg);
	}
	for (k = 0; k < ins->nitems; k++)
		s->e[k] = s->p[k] = NAN;
	for (k = 0; k < ins->ndims; k++)
		s->w[k] = NAN;
	r.overall = NAN;
	r.segment = NULL;
	r.id = NULL;
	for (i = 0; i < row->nfields; i++) {
		switch (s->col[i].role) {
		case SQ_ROLE_E:
		case SQ_ROLE_P:
			if ((rc = item_value(s, row, i, &x, err)) != 0)
				return rc;
			k = (size_t)s->col[i].target;
			if (!isnan(x) && ins->items[k].reverse)
				x = ins->min + ins->max - x;
			if (s->col[i].role == SQ_ROLE_E)
				s->e[k] = x;
			else
				s->p[k] = x;
			break;
		case SQ_ROLE_W:
			if ((rc = real_value(s, row, i, 1, &x, err)) != 0)
				return rc;
			s->w[s->col[i].target] = x;
			break;
		case SQ_ROLE_OVERALL:
			if ((rc = real_value(s, row, i, 0, &r.overall, err)))
				return rc;
			break;
		default:
			break;
		}
	}
	if (s->segcol >= 0)
		r.segment = row->field[s->segcol];
	if (s->idcol >= 0)
		r.id = row->field[s->idcol];
	if (s->st) {
		for (k = 0; k < ins->nitems; k++) {
			s->st->missing_e += isnan(s->e[k]);
			s->st->missing_p += isnan(s->p[k]);
		}
		s->st->rows++;
	}
	r.line = row->line;
	r.e = s->e;
	r.p = s->p;
	r.w = s->w;
	return s->fn(s->ctx, &r, err);
}

static int
on_row(void *ctx, const sq_row *row, sq_error *err)
{
	struct sv *s = ctx;

	if (s->o && s->skipped < s->o->skip_rows) {
		s->skipped++;
		return 0;
	}
	if (!s->have_header) {
		s->have_header = 1;
		return bind_header(s, row, err);
	}
	return data_row(s, row, err);
}

int
sq_survey_read(FILE *fp, const char *name, const sq_instrument *ins,
    const sq_survey_opts *opts, sq_response_fn fn, void *ctx,
    sq_survey_stats *st, sq_error *err)
{
	struct sv s;
	sq_survey_stats local;
	int rc;

	memset(&s, 0, sizeof(s));
	if (st == NULL)
		st = &local;
	memset(st, 0, sizeof(*st));
	s.ins = ins;
	s.o = opts;
	s.name = name;
	s.fn = fn;
	s.ctx = ctx;
	s.st = st;
	s.segcol = -1;
	s.idcol = -1;
	rc = sq_read_csv(fp, name, opts ? &opts->csv : NULL, on_row, &s, err);
	if (rc == SQ_OK && !s.have_header)
		rc = sq_error_set(err, SQ_EEMPTY, name, 0, 0, NULL,
		    "empty file: no header row");
	else if (rc == SQ_OK && st->rows == 0)
		rc = sq_error_set(err, SQ_EEMPTY, name, 0, 0, NULL,
		    "no data rows after the header");
	sv_free(&s);
	return rc;
}
