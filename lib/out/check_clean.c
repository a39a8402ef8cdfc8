/*
 * The canonical CSV of sq-check --clean. A row is built in a buffer and
 * written with one fwrite; answers are whole numbers almost always, and
 * writing them digit by digit is several times faster than "%.15g".
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/check.h"
#include "check_int.h"

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
	if (chk_room((void **)&c->buf, &c->cap, c->len, n, 1) != SQ_OK) {
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
