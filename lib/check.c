/*
 * Data-quality flags and the canonical CSV of sq-check. The flags need the
 * respondent ids seen so far (an open-addressing set of strings); all else
 * is counts.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/check.h"
#include "servqual/i18n.h"
#include "servqual/table.h"
#include "servqual/hash.h"

#include "check_int.h"

int
sq_check_new(const sq_instrument *ins, const sq_check_opts *o,
    sq_check **out)
{
	sq_check *c;
	size_t d;

	*out = NULL;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return SQ_ENOMEM;
	c->ins = ins;
	sq_hash_key_init(&c->key);
	if (o != NULL)
		c->o = *o;
	if (c->o.min_answers == 0) {
		c->o.min_answers = (unsigned)ins->nitems;
		c->auto_min = 1;
	}
	if (c->o.weight_total == 0)
		c->o.weight_total = 100;
	c->miss_e = calloc(ins->nitems + 1, sizeof(*c->miss_e));
	c->miss_p = calloc(ins->nitems + 1, sizeof(*c->miss_p));
	c->miss_a = calloc(ins->nitems + 1, sizeof(*c->miss_a));
	c->miss_d = calloc(ins->nitems + 1, sizeof(*c->miss_d));
	c->need = calloc(ins->ndims + 1, sizeof(*c->need));
	if (c->miss_e == NULL || c->miss_p == NULL || c->miss_a == NULL ||
	    c->miss_d == NULL || c->need == NULL) {
		sq_check_free(c);
		return SQ_ENOMEM;
	}
	for (d = 0; d < ins->ndims; d++)
		c->need[d] = (int)(sq_instrument_dim_items(ins, (int)d) + 1) /
		    2;
	*out = c;
	return SQ_OK;
}

void
sq_check_free(sq_check *c)
{
	if (c == NULL)
		return;
	free(c->text);
	free(c->files);
	free(c->ffirst);
	free(c->ent);
	free(c->slot);
	free(c->miss_e);
	free(c->miss_p);
	free(c->miss_a);
	free(c->miss_d);
	free(c->need);
	free(c);
}

static int
ids_grow(sq_check *c)
{
	size_t cap = c->capids ? c->capids * 2 : 1024, i, j;
	uint32_t *n;

	if (cap > ((size_t)1 << 31))
		return SQ_ENOMEM;
	if ((n = calloc(cap, sizeof(*n))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < c->nids; i++) {
		for (j = sq_hash_keyed(&c->key, c->text + c->ent[i].off) &
		    (cap - 1);
		    n[j] != 0;
		    j = (j + 1) & (cap - 1))
			;
		n[j] = (uint32_t)(i + 1);
	}
	free(c->slot);
	c->slot = n;
	c->capids = cap;
	return SQ_OK;
}

/* Make room for need more bytes of *p (of *cap, *len used). */
static int
room(void **p, size_t *cap, size_t len, size_t need, size_t size)
{
	size_t nc = *cap ? *cap : 1024;
	void *np;

	if (len + need <= *cap)
		return SQ_OK;
	while (nc < len + need)
		nc *= 2;
	if ((np = realloc(*p, nc * size)) == NULL)
		return SQ_ENOMEM;
	*p = np;
	*cap = nc;
	return SQ_OK;
}

int
sq_check_ids_add(sq_check *c, const char *id, unsigned long line,
    int *found, unsigned long *first, size_t *idx)
{
	size_t j, len = strlen(id) + 1;
	struct identry *e;

	*found = 0;
	*first = 0;
	*idx = 0;
	if (2 * (c->nids + 1) > c->capids && ids_grow(c) != SQ_OK)
		return SQ_ENOMEM;
	for (j = sq_hash_keyed(&c->key, id) & (c->capids - 1);
	    c->slot[j] != 0;
	    j = (j + 1) & (c->capids - 1)) {
		e = &c->ent[c->slot[j] - 1];
		if (strcmp(c->text + e->off, id) == 0) {
			*found = 1;
			*first = e->line;
			*idx = c->slot[j] - 1;
			return SQ_OK;
		}
	}
	if (room((void **)&c->text, &c->tcap, c->tlen, len, 1) != SQ_OK ||
	    room((void **)&c->ent, &c->capent, c->nids, 1,
	    sizeof(*c->ent)) != SQ_OK)
		return SQ_ENOMEM;
	memcpy(c->text + c->tlen, id, len);
	e = &c->ent[c->nids];
	e->off = c->tlen;
	e->line = line;
	c->tlen += len;
	c->slot[j] = (uint32_t)++c->nids;
	return SQ_OK;
}

/* Respondent flag f is about to be reported. */
static void
mark(sq_check *c, int f)
{
	c->flags |= (unsigned)f;
	c->current = f;
}

static void flag(const char *, unsigned long, sq_problem_fn, void *,
    const char *, ...) __attribute__((format(printf, 5, 6)));

static void
flag(const char *file, unsigned long line, sq_problem_fn fn, void *ctx,
    const char *fmt, ...)
{
	sq_error p;
	char msg[400];
	va_list ap;

	if (fn == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), _(fmt), ap);
	va_end(ap);
	sq_error_set(&p, SQ_EDATA, file, line, 0, NULL, "%s", msg);
	fn(ctx, &p);
}

/*
 * All present answers in v equal as ticked (reverse keying undone), at
 * least half of them present?
 */
static int
straight(const sq_instrument *ins, const double *v, double *val,
    size_t *cnt)
{
	size_t i, k = 0, n = ins->nitems;
	double first = NAN, x;

	for (i = 0; i < n; i++) {
		if (isnan(v[i]))
			continue;
		x = ins->items[i].reverse ? ins->min + ins->max - v[i] : v[i];
		if (k++ == 0)
			first = x;
		else if (x != first)
			return 0;
	}
	*val = first;
	*cnt = k;
	return k >= 2 && 2 * k >= n;
}

/* The file an id entry was first seen in: the last one starting at or
 * before it. */
static size_t
file_of(const sq_check *c, size_t idx)
{
	size_t lo = 0, hi = c->nfiles;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->ffirst[mid] <= idx)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

int
sq_check_add(sq_check *c, const sq_response *r, const char *file,
    sq_problem_fn fn, void *ctx)
{
	const sq_instrument *ins = c->ins;
	unsigned long first;
	size_t i, d, cnt, present = 0, nb, b, ninv = 0;
	int *have, ok = 1, blocks[3];
	int servqual = r->form == SQ_FORM_SERVQUAL;
	int zone = r->form == SQ_FORM_ZONE;
	char have_all[SQ_MAX_ITEMS], inv[256];
	double v, sum = 0;
	size_t idx, ffile;
	int found;

	/* the files read, in order: a duplicate names its first file */
	if (c->nfiles == 0 || c->files[c->nfiles - 1] != file) {
		const char **nf;
		size_t *ff;

		if ((nf = realloc(c->files, (c->nfiles + 1) *
		    sizeof(*nf))) == NULL)
			return SQ_ENOMEM;
		c->files = nf;
		if ((ff = realloc(c->ffirst, (c->nfiles + 1) *
		    sizeof(*ff))) == NULL)
			return SQ_ENOMEM;
		c->ffirst = ff;
		c->files[c->nfiles] = file;
		c->ffirst[c->nfiles++] = c->nids;
	}
	c->s.rows++;
	c->flags = 0;
	c->s.form = r->form;
	nb = sq_check_blocks(r->form, blocks);
	if (c->auto_min)	/* half the answer cells of the form */
		c->o.min_answers = (unsigned)((nb * ins->nitems + 1) / 2);
	for (i = 0; i < ins->nitems; i++) {
		size_t m = 0;

		c->miss_e[i] += servqual && isnan(r->e[i]);
		c->miss_p[i] += isnan(r->p[i]);
		c->miss_a[i] += zone && isnan(r->a[i]);
		c->miss_d[i] += zone && isnan(r->d[i]);
		for (b = 0; b < nb; b++)
			m += isnan(sq_check_cell(r, blocks[b], i));
		c->s.missing += m;
		have_all[i] = m == 0;
	}
	/* usable: every dimension has ceil(k/2) items with all blocks */
	if ((have = calloc(ins->ndims + 1, sizeof(*have))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < ins->nitems; i++)
		if (have_all[i])
			have[ins->items[i].dim]++;
	for (d = 0; d < ins->ndims; d++)
		if (have[d] < c->need[d])
			ok = 0;
	free(have);
	c->s.usable += ok;

	if (r->id != NULL && r->id[0] != '\0') {
		if (sq_check_ids_add(c, r->id, r->line, &found, &first,
		    &idx) != SQ_OK)
			return SQ_ENOMEM;
		if (found) {
			ffile = file_of(c, idx);
			c->s.duplicate_ids++;
			mark(c, SQ_CHECK_DUPLICATE);
			if (ffile == c->nfiles - 1)
				flag(file, r->line, fn, ctx, "duplicate "
				    "respondent id \"%s\" (first on line %lu)",
				    r->id, first);
			else
				flag(file, r->line, fn, ctx, "duplicate "
				    "respondent id \"%s\" (first on line %lu "
				    "of %s)", r->id, first,
				    c->files[ffile] != NULL ?
				    c->files[ffile] : "-");
		}
	}
	if (r->answered < c->o.min_answers) {
		c->s.too_few++;
		mark(c, SQ_CHECK_FEW);
		flag(file, r->line, fn, ctx, "too few answers: %u of %zu "
		    "(fewer than %u)", r->answered, nb * ins->nitems,
		    c->o.min_answers);
	} else {
		for (b = 0; b < nb; b++) {
			if (!straight(ins, sq_check_series(r, blocks[b]), &v,
			    &cnt))
				continue;
			c->s.straight_lining++;
			mark(c, SQ_CHECK_STRAIGHT);
			flag(file, r->line, fn, ctx, sq_ngettext(
			    "straight-lining: %zu %c answer only, and it is %g",
			    "straight-lining: all %zu %c answers are %g", cnt),
			    cnt, blocks[b], v);
		}
	}
	/* an inverted zone: the adequate level above the desired one */
	inv[0] = '\0';
	for (i = 0; zone && i < ins->nitems; i++)
		if (r->a[i] > r->d[i]) {
			size_t len = strlen(inv);

			/* the first ten items name the pattern */
			if (ninv < 10)
				snprintf(inv + len, sizeof(inv) - len, "%s%d",
				    ninv ? ", " : "", ins->items[i].number);
			else if (ninv == 10)
				snprintf(inv + len, sizeof(inv) - len, ", ...");
			ninv++;
		}
	if (ninv > 0) {
		c->s.inverted++;
		mark(c, SQ_CHECK_INVERTED);
		flag(file, r->line, fn, ctx, sq_ngettext("inverted zone "
		    "(adequate above desired) on item %s", "inverted zone "
		    "(adequate above desired) on items %s", ninv), inv);
	}
	if (c->o.weights) {
		for (d = 0; d < ins->ndims; d++)
			if (!isnan(r->w[d])) {
				present++;
				sum += r->w[d];
			}
		if (present > 0 && present < ins->ndims) {
			c->s.weights_off++;
			mark(c, SQ_CHECK_WEIGHTS);
			flag(file, r->line, fn, ctx, "weights incomplete: %zu "
			    "of %zu given", present, ins->ndims);
		} else if (present > 0 &&
		    fabs(sum - c->o.weight_total) > 0.01) {
			c->s.weights_off++;
			mark(c, SQ_CHECK_WEIGHTS);
			flag(file, r->line, fn, ctx, "weights sum to %g, not "
			    "%g", sum, c->o.weight_total);
		}
	}
	c->s.straight_respondents += (c->flags & SQ_CHECK_STRAIGHT) != 0;
	return SQ_OK;
}

int
sq_check_fold(sq_check *dst, const sq_check *src)
{
	unsigned long first;
	size_t i, idx;
	int found;

	/* an id of src already in dst: src's first respondent with it
	   repeats an earlier one */
	for (i = 0; i < src->nids; i++) {
		if (sq_check_ids_add(dst, src->text + src->ent[i].off, 0,
		    &found, &first, &idx) != SQ_OK)
			return SQ_ENOMEM;
		dst->s.duplicate_ids += (unsigned long)found;
	}
	dst->s.rows += src->s.rows;
	dst->s.usable += src->s.usable;
	dst->s.missing += src->s.missing;
	dst->s.duplicate_ids += src->s.duplicate_ids;
	dst->s.straight_lining += src->s.straight_lining;
	dst->s.straight_respondents += src->s.straight_respondents;
	dst->s.too_few += src->s.too_few;
	dst->s.weights_off += src->s.weights_off;
	dst->s.inverted += src->s.inverted;
	for (i = 0; i < dst->ins->nitems; i++) {
		dst->miss_e[i] += src->miss_e[i];
		dst->miss_p[i] += src->miss_p[i];
		dst->miss_a[i] += src->miss_a[i];
		dst->miss_d[i] += src->miss_d[i];
	}
	if (src->s.rows > 0)
		dst->s.form = src->s.form;
	return SQ_OK;
}

unsigned
sq_check_flags(const sq_check *c)
{
	return c->flags;
}

int
sq_check_current(const sq_check *c)
{
	return c->current;
}

void
sq_check_result(const sq_check *c, sq_check_summary *s)
{
	*s = c->s;
	s->missing_e = c->miss_e;
	s->missing_p = c->miss_p;
	s->missing_a = c->miss_a;
	s->missing_d = c->miss_d;
}

int
sq_check_blocks(int form, int *blocks)
{
	if (form == SQ_FORM_SERVPERF) {
		blocks[0] = 'P';
		return 1;
	}
	if (form == SQ_FORM_ZONE) {
		blocks[0] = 'A';
		blocks[1] = 'D';
		blocks[2] = 'P';
		return 3;
	}
	blocks[0] = 'E';
	blocks[1] = 'P';
	return 2;
}

const double *
sq_check_series(const sq_response *r, int block)
{
	return block == 'E' ? r->e : block == 'A' ? r->a : block == 'D' ?
	    r->d : r->p;
}

double
sq_check_cell(const sq_response *r, int block, size_t i)
{
	return sq_check_series(r, block)[i];
}

static const char *const measure[SQ_CM_N] = {
	[SQ_CM_ROWS] = "rows_read",
	[SQ_CM_USABLE] = "respondents_usable",
	[SQ_CM_RAGGED] = "ragged_rows",
	[SQ_CM_INVALID] = "invalid_cells",
	[SQ_CM_MISSING] = "missing_cells",
	[SQ_CM_DUPLICATE] = "duplicate_ids",
	[SQ_CM_STRAIGHT] = "straight_lining",
	[SQ_CM_FEW] = "too_few_answers",
	[SQ_CM_WEIGHTS] = "weights_not_100",
	[SQ_CM_INVERTED] = "inverted_zone",
};

const char *
sq_check_measure_name(int m)
{
	return m >= 0 && m < SQ_CM_N ? measure[m] : "";
}

void
sq_check_measures(const sq_check *c, unsigned long invalid,
    unsigned long ragged, double *v, double *s)
{
	int blocks[3], m;
	double rows = (double)c->s.rows;
	double cells = rows * (double)sq_check_blocks(c->s.form, blocks) *
	    (double)c->ins->nitems;

	v[SQ_CM_ROWS] = rows;
	v[SQ_CM_USABLE] = (double)c->s.usable;
	v[SQ_CM_RAGGED] = (double)ragged;
	v[SQ_CM_INVALID] = (double)invalid;
	v[SQ_CM_MISSING] = (double)c->s.missing;
	v[SQ_CM_DUPLICATE] = (double)c->s.duplicate_ids;
	v[SQ_CM_STRAIGHT] = (double)c->s.straight_respondents;
	v[SQ_CM_FEW] = (double)c->s.too_few;
	v[SQ_CM_WEIGHTS] = (double)c->s.weights_off;
	v[SQ_CM_INVERTED] = (double)c->s.inverted;
	for (m = 0; m < SQ_CM_N; m++)
		s[m] = v[m] / (m == SQ_CM_INVALID || m == SQ_CM_MISSING ?
		    cells : rows);
}

int
sq_check_summary_table(const sq_check *c, const char *shape,
    const double *v, const double *s, sq_table **out)
{
	static const char *const cols[] = { "header", "form", "measure",
		"count", "share" };
	int m, rc;

	if ((rc = sq_table_new(cols, 5, out)) != SQ_OK)
		return rc;
	sq_table_style(*out, 3, SQ_NUM_INT);
	for (m = 0; m < SQ_CM_N && rc == SQ_OK; m++)
		if ((rc = sq_table_str(*out, shape)) == SQ_OK &&
		    (rc = sq_table_str(*out, sq_form_name(c->s.form))) ==
		    SQ_OK &&
		    (rc = sq_table_str(*out, measure[m])) == SQ_OK &&
		    (rc = sq_table_num(*out, v[m])) == SQ_OK)
			rc = sq_table_num(*out, s[m]);
	return rc;
}

int
sq_check_items_table(const sq_check *c, sq_table **out)
{
	const sq_instrument *ins = c->ins;
	const unsigned long *miss[3];
	const char *cols[5] = { "item", "dimension" };
	char names[3][16];
	int blocks[3], nb, b, rc;
	size_t i;

	nb = sq_check_blocks(c->s.form, blocks);
	for (b = 0; b < nb; b++) {
		snprintf(names[b], sizeof(names[b]), "missing_%c",
		    blocks[b] - 'A' + 'a');
		cols[2 + b] = names[b];
		miss[b] = blocks[b] == 'E' ? c->miss_e : blocks[b] == 'A' ?
		    c->miss_a : blocks[b] == 'D' ? c->miss_d : c->miss_p;
	}
	if ((rc = sq_table_new(cols, 2 + (size_t)nb, out)) != SQ_OK)
		return rc;
	sq_table_style(*out, 0, SQ_NUM_INT);
	for (b = 0; b < nb; b++)
		sq_table_style(*out, 2 + (size_t)b, SQ_NUM_INT);
	for (i = 0; i < ins->nitems && rc == SQ_OK; i++) {
		if ((rc = sq_table_num(*out, ins->items[i].number)) == SQ_OK)
			rc = sq_table_str(*out,
			    ins->dims[ins->items[i].dim].code);
		for (b = 0; b < nb && rc == SQ_OK; b++)
			rc = sq_table_num(*out, (double)miss[b][i]);
	}
	return rc;
}

int
sq_checkgate_parse(const char *s, sq_checkgate *g)
{
	const char *x;
	char *end;
	size_t n = 0;

	memset(g, 0, sizeof(*g));
	for (g->measure = SQ_CM_RAGGED; g->measure < SQ_CM_N; g->measure++)
		if (strncmp(s, measure[g->measure],
		    n = strlen(measure[g->measure])) == 0 && s[n] == '>')
			break;
	if (g->measure == SQ_CM_N || strlen(s) >= sizeof(g->text))
		return SQ_EUSAGE;
	g->ge = s[n + 1] == '=';
	x = s + n + 1 + g->ge;
	if (*x < '0' || *x > '9')	/* no sign, space, nan or inf */
		return SQ_EUSAGE;
	g->x = strtod(x, &end);
	g->share = *end == '%';
	if (strcmp(end, g->share ? "%" : "") != 0 ||
	    !(g->x <= (g->share ? 100 : 1e15)))
		return SQ_EUSAGE;
	snprintf(g->text, sizeof(g->text), "%s", s);
	return SQ_OK;
}

int
sq_checkgate_holds(const sq_checkgate *g, const double *v, const double *s)
{
	double x = g->share ? 100 * s[g->measure] : v[g->measure];

	return g->ge ? x >= g->x : x > g->x;
}

/*
 * The canonical CSV. A row is built in a buffer and written with one
 * fwrite; answers are whole numbers almost always, and writing them digit
 * by digit is several times faster than "%.15g".
 */

struct sq_clean {
	FILE *fp;
	const sq_instrument *ins;
	size_t ncols;
	char *keep;		/* per export column: copy it */
	int weights, overall;
	int blocks[3];		/* the form's answer blocks, as letters */
	size_t nb;
	char *buf;		/* the row being built */
	size_t len, cap;
	int nomem;
	char sep;		/* ',' or, for Spanish spreadsheets, ';' */
	int comma;		/* decimal comma */
	int crlf;		/* CRLF line ends (Excel) */
	int guard;		/* formula guard: see sq_clean_guard() */
};

void
sq_clean_guard(sq_clean *c, int on)
{
	c->guard = on;
}

/* Append n bytes of s to the row. */
static void
put(sq_clean *c, const char *s, size_t n)
{
	if (room((void **)&c->buf, &c->cap, c->len, n, 1) != SQ_OK) {
		c->nomem = 1;
		return;
	}
	memcpy(c->buf + c->len, s, n);
	c->len += n;
}

static void
put_char(sq_clean *c, char ch)
{
	if (c->len < c->cap)
		c->buf[c->len++] = ch;
	else
		put(c, &ch, 1);
}

/* Write s as one CSV field, quoted when it needs it. */
static void
put_field(sq_clean *c, const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0)
		return;
	if (strchr(s, c->sep) == NULL && strpbrk(s, "\"\r\n") == NULL &&
	    s[0] != ' ' && s[n - 1] != ' ') {
		put(c, s, n);
		return;
	}
	put_char(c, '"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			put_char(c, '"');
		put_char(c, s[i]);
	}
	put_char(c, '"');
}

/* A number as %.15g would write it; whole numbers digit by digit. */
static void
put_num(sq_clean *c, double x)
{
	char b[40], *p = b + sizeof(b);
	unsigned long long u;

	if (isnan(x))
		return;
	if (x != floor(x) || fabs(x) >= 1e15) {
		int n = snprintf(b, sizeof(b), "%.15g", x);
		char *dot;

		if (c->comma && (dot = strchr(b, '.')) != NULL)
			*dot = ',';
		put(c, b, (size_t)n);
		return;
	}
	u = (unsigned long long)fabs(x);
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (x < 0)
		*--p = '-';
	put(c, p, (size_t)(b + sizeof(b) - p));
}

/* Write the row built and start the next. */
static int
flush_row(sq_clean *c)
{
	if (c->crlf)
		put_char(c, '\r');
	put_char(c, '\n');
	if (c->nomem)
		return SQ_ENOMEM;
	if (fwrite(c->buf, 1, c->len, c->fp) != c->len)
		return SQ_EIO;
	c->len = 0;
	return SQ_OK;
}

/* Whether the canonical CSV of c has columns of role r. */
static int
writes(const sq_clean *c, int r)
{
	size_t b;

	for (b = 0; b < c->nb; b++)
		if ((r == SQ_ROLE_E && c->blocks[b] == 'E') ||
		    (r == SQ_ROLE_P && c->blocks[b] == 'P') ||
		    (r == SQ_ROLE_A && c->blocks[b] == 'A') ||
		    (r == SQ_ROLE_D && c->blocks[b] == 'D'))
			return 1;
	return r == SQ_ROLE_W || r == SQ_ROLE_OVERALL;
}

int
sq_clean_new(FILE *fp, const sq_instrument *ins, const sq_survey_header *h,
    int keep_all, sq_clean **out)
{
	return sq_clean_new_as(fp, ins, h, keep_all, SQ_FMT_CSV, out);
}

int
sq_clean_new_as(FILE *fp, const sq_instrument *ins,
    const sq_survey_header *h, int keep_all, int format, sq_clean **out)
{
	sq_clean *c;
	size_t i, nw = 0, sep = 0;
	char name[32];
	int t, rc;

	*out = NULL;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return SQ_ENOMEM;
	if ((c->keep = calloc(h->ncols + 1, 1)) == NULL) {
		free(c);
		return SQ_ENOMEM;
	}
	c->fp = fp;
	c->ins = ins;
	c->ncols = h->ncols;
	c->sep = format == SQ_FMT_CSV ? ',' : ';';
	c->comma = format != SQ_FMT_CSV;
	c->crlf = format == SQ_FMT_EXCEL;
	if (format == SQ_FMT_EXCEL)
		put(c, "\xef\xbb\xbf", 3);	/* Excel reads UTF-8 only so */
	c->nb = (size_t)sq_check_blocks(h->form, c->blocks);
	for (i = 0; i < h->ncols; i++) {
		switch (h->role[i]) {
		case SQ_ROLE_W:
			nw++;
			break;
		case SQ_ROLE_OVERALL:
			c->overall = 1;
			break;
		case SQ_ROLE_E:
		case SQ_ROLE_P:
		case SQ_ROLE_A:
		case SQ_ROLE_D:
			break;
		case SQ_ROLE_ID:
		case SQ_ROLE_SEGMENT:
			c->keep[i] = 1;
			break;
		default:
			/* an unbound name that reads as an answer of the
			 * form would collide with the canonical columns */
			c->keep[i] = (int)i == h->segcol ||
			    (int)i == h->idcol || (keep_all &&
			    (h->role[i] != SQ_ROLE_NONE ||
			    !writes(c, sq_survey_auto_role(ins, h->name[i],
			    &t))));
			break;
		}
	}
	c->weights = nw > 0;
	for (i = 0; i < h->ncols; i++)
		if (c->keep[i]) {
			if (sep++)
				put_char(c, c->sep);
			put_field(c, h->name[i]);
		}
	for (i = 0; i < c->nb * ins->nitems; i++) {
		if (sep++)
			put_char(c, c->sep);
		snprintf(name, sizeof(name), "%c%d", c->blocks[i / ins->nitems],
		    ins->items[i % ins->nitems].number);
		put(c, name, strlen(name));
	}
	for (i = 0; c->weights && i < ins->ndims; i++) {
		put_char(c, c->sep);
		put(c, "W_", 2);
		put_field(c, ins->dims[i].code);
	}
	if (c->overall) {
		put_char(c, c->sep);
		put(c, "overall", 7);
	}
	if ((rc = flush_row(c)) != SQ_OK) {
		sq_clean_free(c);
		return rc;
	}
	*out = c;
	return SQ_OK;
}

int
sq_clean_row(sq_clean *c, const sq_response *r)
{
	const sq_instrument *ins = c->ins;
	size_t i, sep = 0;
	double x;

	for (i = 0; i < c->ncols && i < r->row->nfields; i++)
		if (c->keep[i]) {
			if (sep++)
				put_char(c, c->sep);
			if (c->guard && r->row->field[i][0] != '\0' &&
			    strchr("=+-@\t\r", r->row->field[i][0]) != NULL) {
				/* The apostrophe is part of the field. */
				size_t n = strlen(r->row->field[i]) + 2;
				char *g = malloc(n);

				if (g == NULL)
					return SQ_ENOMEM;
				snprintf(g, n, "'%s", r->row->field[i]);
				put_field(c, g);
				free(g);
			} else
				put_field(c, r->row->field[i]);
		}
	for (i = 0; i < c->nb * ins->nitems; i++) {
		const sq_item *it = &ins->items[i % ins->nitems];

		x = sq_check_cell(r, c->blocks[i / ins->nitems],
		    i % ins->nitems);
		if (!isnan(x) && it->reverse)
			x = ins->min + ins->max - x;	/* as answered */
		if (sep++)
			put_char(c, c->sep);
		put_num(c, x);
	}
	for (i = 0; c->weights && i < ins->ndims; i++) {
		put_char(c, c->sep);
		put_num(c, r->w[i]);
	}
	if (c->overall) {
		put_char(c, c->sep);
		put_num(c, r->overall);
	}
	return flush_row(c);
}

void
sq_clean_free(sq_clean *c)
{
	if (c == NULL)
		return;
	free(c->keep);
	free(c->buf);
	free(c);
}
