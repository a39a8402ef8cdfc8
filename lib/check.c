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
	unsigned long *miss_e, *miss_p;
	int *need;		/* per dimension: items needed, ceil(k/2) */
	char *text;		/* the ids, NUL-terminated, one after another */
	size_t tlen, tcap;
	struct identry *ent;
	size_t nids, capent;
	uint32_t *slot;
	size_t capids;
	sq_hash_key key;	/* of the id index: random per check */
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
	sq_hash_key_init(&c->key);
	if (o != NULL)
		c->o = *o;
	if (c->o.min_answers == 0)
		c->o.min_answers = (unsigned)ins->nitems;
	if (c->o.weight_total == 0)
		c->o.weight_total = 100;
	c->miss_e = calloc(ins->nitems + 1, sizeof(*c->miss_e));
	c->miss_p = calloc(ins->nitems + 1, sizeof(*c->miss_p));
	c->need = calloc(ins->ndims + 1, sizeof(*c->need));
	if (c->miss_e == NULL || c->miss_p == NULL || c->need == NULL) {
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
	for (j = sq_hash_keyed(&c->key, id) & (c->capids - 1);
	    c->slot[j] != 0;
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
	vsnprintf(msg, sizeof(msg), fmt, ap);
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
	size_t i, d, cnt, present = 0;
	int *have, ok = 1;
	double v, sum = 0;

	c->s.rows++;
	for (i = 0; i < ins->nitems; i++) {
		c->miss_e[i] += isnan(r->e[i]);
		c->miss_p[i] += isnan(r->p[i]);
		c->s.missing += isnan(r->e[i]) + isnan(r->p[i]);
	}
	/* usable: every dimension has ceil(k/2) items with E and P */
	if ((have = calloc(ins->ndims + 1, sizeof(*have))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < ins->nitems; i++)
		if (!isnan(r->e[i]) && !isnan(r->p[i]))
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
		    "(fewer than %u)", r->answered, 2 * ins->nitems,
		    c->o.min_answers);
	} else {
		if (straight(ins, r->e, &v, &cnt)) {
			c->s.straight_lining++;
			flag(file, r->line, fn, ctx, "straight-lining: all "
			    "%zu E answers are %g", cnt, v);
		}
		if (straight(ins, r->p, &v, &cnt)) {
			c->s.straight_lining++;
			flag(file, r->line, fn, ctx, "straight-lining: all "
			    "%zu P answers are %g", cnt, v);
		}
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
}

/* The canonical CSV. */

struct sq_clean {
	FILE *fp;
	const sq_instrument *ins;
	size_t ncols;
	char *keep;		/* per export column: copy it */
	int weights, overall;
};

/* Write s as one CSV field, quoted when it needs it. */
static void
put_field(FILE *fp, const char *s)
{
	const char *p;

	if (s[0] != '\0' && strpbrk(s, ",\"\r\n") == NULL && s[0] != ' ' &&
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
put_num(FILE *fp, double x)
{
	if (!isnan(x))
		fprintf(fp, "%.15g", x);
}

int
sq_clean_new(FILE *fp, const sq_instrument *ins, const sq_survey_header *h,
    sq_clean **out)
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
			break;
		default:
			/* an unbound name that reads as an answer would
			 * collide with the canonical columns */
			c->keep[i] = h->role[i] != SQ_ROLE_NONE ||
			    sq_survey_auto_role(ins, h->name[i], &t) ==
			    SQ_ROLE_NONE;
			break;
		}
	}
	c->weights = nw > 0;
	for (i = 0; i < h->ncols; i++)
		if (c->keep[i]) {
			if (sep++)
				putc(',', fp);
			put_field(fp, h->name[i]);
		}
	for (i = 0; i < 2 * ins->nitems; i++) {
		if (sep++)
			putc(',', fp);
		fprintf(fp, "%c%d", i < ins->nitems ? 'E' : 'P',
		    ins->items[i % ins->nitems].number);
	}
	for (i = 0; c->weights && i < ins->ndims; i++) {
		fputs(",W_", fp);
		put_field(fp, ins->dims[i].code);
	}
	if (c->overall)
		fputs(",overall", fp);
	fputs("\n", fp);
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
				putc(',', c->fp);
			put_field(c->fp, r->row->field[i]);
		}
	for (i = 0; i < 2 * ins->nitems; i++) {
		const sq_item *it = &ins->items[i % ins->nitems];

		x = i < ins->nitems ? r->e[i] : r->p[i - ins->nitems];
		if (!isnan(x) && it->reverse)
			x = ins->min + ins->max - x;	/* as answered */
		if (sep++)
			putc(',', c->fp);
		put_num(c->fp, x);
	}
	for (i = 0; c->weights && i < ins->ndims; i++) {
		putc(',', c->fp);
		put_num(c->fp, r->w[i]);
	}
	if (c->overall) {
		putc(',', c->fp);
		put_num(c->fp, r->overall);
	}
	putc('\n', c->fp);
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
