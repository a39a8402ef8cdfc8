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

/*
 * Respondent ids, kept compactly: the text in one arena, an entry per id,
 * and an open-addressing table of 32-bit entry numbers (0: empty).
 */
struct identry {
	size_t off;		/* into the arena */
	unsigned long line;	/* where it was first seen */
};

struct sq_check {
	const sq_instrument *ins;
	sq_check_opts o;
	sq_check_summary s;
	unsigned long *miss_e, *miss_p, *miss_a, *miss_d;
	int auto_min;		/* min_answers follows the form */
	int *need;		/* per dimension: items needed, ceil(k/2) */
	char *text;		/* the ids, NUL-terminated, one after another */
	size_t tlen, tcap;
	struct identry *ent;
	size_t nids, capent;
	uint32_t *slot;
	size_t capids;
};

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
		for (j = sq_hash_str(c->text + c->ent[i].off) & (cap - 1);
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

/* Remember id; *first is the line it was first seen on, or 0 if new. */
static int
ids_add(sq_check *c, const char *id, unsigned long line,
    unsigned long *first)
{
	size_t j, len = strlen(id) + 1;
	struct identry *e;

	*first = 0;
	if (2 * (c->nids + 1) > c->capids && ids_grow(c) != SQ_OK)
		return SQ_ENOMEM;
	for (j = sq_hash_str(id) & (c->capids - 1); c->slot[j] != 0;
	    j = (j + 1) & (c->capids - 1)) {
		e = &c->ent[c->slot[j] - 1];
		if (strcmp(c->text + e->off, id) == 0) {
			*first = e->line;
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

	c->s.rows++;
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
		if (ids_add(c, r->id, r->line, &first) != SQ_OK)
			return SQ_ENOMEM;
		if (first != 0) {
			c->s.duplicate_ids++;
			flag(file, r->line, fn, ctx, "duplicate respondent id "
			    "\"%s\" (first on line %lu)", r->id, first);
		}
	}
	if (r->answered < c->o.min_answers) {
		c->s.too_few++;
		flag(file, r->line, fn, ctx, "too few answers: %u of %zu "
		    "(fewer than %u)", r->answered, nb * ins->nitems,
		    c->o.min_answers);
	} else {
		for (b = 0; b < nb; b++) {
			if (!straight(ins, sq_check_series(r, blocks[b]), &v,
			    &cnt))
				continue;
			c->s.straight_lining++;
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
			flag(file, r->line, fn, ctx, "weights incomplete: %zu "
			    "of %zu given", present, ins->ndims);
		} else if (present > 0 &&
		    fabs(sum - c->o.weight_total) > 0.01) {
			c->s.weights_off++;
			flag(file, r->line, fn, ctx, "weights sum to %g, not "
			    "%g", sum, c->o.weight_total);
		}
	}
	return SQ_OK;
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

/* The canonical CSV. */

struct sq_clean {
	FILE *fp;
	const sq_instrument *ins;
	size_t ncols;
	char *keep;		/* per export column: copy it */
	int weights, overall;
	char sep;		/* ',' or, for Spanish spreadsheets, ';' */
	int comma;		/* decimal comma */
	const char *eol;
	int blocks[3];		/* the form's answer blocks, as letters */
	size_t nb;
};

/* Write s as one CSV field, quoted when it needs it. */
static void
put_field(FILE *fp, const char *s, char sep)
{
	const char *p;

	if (s[0] != '\0' && strchr(s, sep) == NULL &&
	    strpbrk(s, "\"\r\n") == NULL && s[0] != ' ' &&
	    s[strlen(s) - 1] != ' ') {
		fputs(s, fp);
		return;
	}
	if (s[0] == '\0')
		return;
	putc('"', fp);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			putc('"', fp);
		putc(*p, fp);
	}
	putc('"', fp);
}

static void
put_num(FILE *fp, double x, int comma)
{
	char buf[40], *dot;

	if (isnan(x))
		return;
	snprintf(buf, sizeof(buf), "%.15g", x);
	if (comma && (dot = strchr(buf, '.')) != NULL)
		*dot = ',';
	fputs(buf, fp);
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
    sq_clean **out)
{
	return sq_clean_new_as(fp, ins, h, SQ_FMT_CSV, out);
}

int
sq_clean_new_as(FILE *fp, const sq_instrument *ins,
    const sq_survey_header *h, int format, sq_clean **out)
{
	sq_clean *c;
	size_t i, nw = 0, sep = 0;
	int t;

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
	c->eol = format == SQ_FMT_EXCEL ? "\r\n" : "\n";
	if (format == SQ_FMT_EXCEL)
		fputs("\xef\xbb\xbf", fp);	/* Excel reads UTF-8 only so */
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
		default:
			/* an unbound name that reads as an answer of the
			 * form would collide with the canonical columns */
			c->keep[i] = h->role[i] != SQ_ROLE_NONE ||
			    !writes(c, sq_survey_auto_role(ins, h->name[i],
			    &t));
			break;
		}
	}
	c->weights = nw > 0;
	for (i = 0; i < h->ncols; i++)
		if (c->keep[i]) {
			if (sep++)
				putc(c->sep, fp);
			put_field(fp, h->name[i], c->sep);
		}
	for (i = 0; i < c->nb * ins->nitems; i++) {
		if (sep++)
			putc(c->sep, fp);
		fprintf(fp, "%c%d", c->blocks[i / ins->nitems],
		    ins->items[i % ins->nitems].number);
	}
	for (i = 0; c->weights && i < ins->ndims; i++) {
		fprintf(fp, "%cW_", c->sep);
		put_field(fp, ins->dims[i].code, c->sep);
	}
	if (c->overall)
		fprintf(fp, "%coverall", c->sep);
	fputs(c->eol, fp);
	*out = c;
	return ferror(fp) ? SQ_EIO : SQ_OK;
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
				putc(c->sep, c->fp);
			put_field(c->fp, r->row->field[i], c->sep);
		}
	for (i = 0; i < c->nb * ins->nitems; i++) {
		const sq_item *it = &ins->items[i % ins->nitems];

		x = sq_check_cell(r, c->blocks[i / ins->nitems],
		    i % ins->nitems);
		if (!isnan(x) && it->reverse)
			x = ins->min + ins->max - x;	/* as answered */
		if (sep++)
			putc(c->sep, c->fp);
		put_num(c->fp, x, c->comma);
	}
	for (i = 0; c->weights && i < ins->ndims; i++) {
		putc(c->sep, c->fp);
		put_num(c->fp, r->w[i], c->comma);
	}
	if (c->overall) {
		putc(c->sep, c->fp);
		put_num(c->fp, r->overall, c->comma);
	}
	fputs(c->eol, c->fp);
	return ferror(c->fp) ? SQ_EIO : SQ_OK;
}

void
sq_clean_free(sq_clean *c)
{
	if (c == NULL)
		return;
	free(c->keep);
	free(c);
}
