/*
 * Data-quality flags of sq-check, respondent by respondent. The flags
 * need the respondent ids seen so far (an open-addressing set of
 * strings); all else is counts. The tables and gates over the counts are
 * check_table.c; the canonical CSV is check_clean.c.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/check.h"
#include "servqual/i18n.h"
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
int
chk_room(void **p, size_t *cap, size_t len, size_t need, size_t size)
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
	if (chk_room((void **)&c->text, &c->tcap, c->tlen, len, 1) != SQ_OK ||
	    chk_room((void **)&c->ent, &c->capent, c->nids, 1,
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
