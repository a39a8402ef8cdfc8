/*
 * The survey: the export's header bound to the instrument, then every data
 * row turned into one respondent's answers.
 *
 * Header shapes: one plain row; Qualtrics (ids, question text, then a row
 * of {"ImportId":...} cells, in the new JSON or the legacy quoting); and
 * SurveyMonkey (question text over the first column of each question, a
 * second row naming the sub-items or saying "Response"). Up to two rows
 * after the first are held back until the shape is known.
 *
 * Columns are bound in two passes: names a codebook gives (by name, folded
 * name or "#k" position) first, then names recognised on their own: E1,
 * E01, E_1, group/E1, group-E1, E[SQ001], "Expectativas [E1 ...]", "E1
 * text"; W_TAN; overall. Two recognised columns for one answer are an
 * error: the tool never guesses between them.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "servqual/pipeline.h"
#include "servqual/i18n.h"
#include "servqual/survey.h"
#include "servqual/unicode.h"

/* Missing-value codes every tool knows, folded (see sq_fold). */
static const char *const default_missing[] = {
	"na", "n/a", "nan", "no aplica", "ns/nr", "#n/d", "#n/a", "nr", "ns",
	"\"\"", "-", ".", NULL
};
#define DEFAULT_MISSING_NUM	(-99.0)

/* Column names taken as the respondent id when no codebook names one. */
static const char *const id_names[] = {
	"id", "responseid", "response id", "respondent id", "respondentid",
	"_id", "_uuid", "key", "instanceid", "meta-instanceid",
	"meta/instanceid", NULL
};

/* A row kept beyond its callback. */
struct rowcopy {
	unsigned long line, index;
	size_t nf;
	char *buf;
	size_t *len;
	char **field;
	int delim;
};

struct col {
	int role;		/* enum sq_role */
	int target;
	int autocol;		/* bound by name recognition, not codebook */
};

struct sv {
	const sq_instrument *ins;
	const sq_survey_opts *o;
	const char *name;
	sq_response_fn fn;
	void *ctx;
	sq_survey_stats *st;
	unsigned skipped;
	int state;		/* rows of header held: 0, 1, 2; 3 = bound */
	struct rowcopy h1, h2;
	const char *shape;
	unsigned long hline;	/* line of the header row */
	size_t ncols;
	struct col *col;
	char **colname;
	double *e, *p, *w;
	double *a, *d;		/* three-column form */
	int form;		/* enum sq_form */
	double *nummiss;	/* codebook missing codes that are numbers */
	size_t nnummiss;
	int segcol;		/* -1 when none */
	int idcol;
	int comma;		/* decimal comma allowed in weights */
};

static void
rowcopy_free(struct rowcopy *c)
{
	free(c->buf);
	free(c->len);
	free(c->field);
	memset(c, 0, sizeof(*c));
}

static int
rowcopy_set(struct rowcopy *c, const sq_row *r)
{
	size_t i, tot = 0, off = 0;

	rowcopy_free(c);
	for (i = 0; i < r->nfields; i++)
		tot += r->len[i] + 1;
	c->buf = malloc(tot + 1);
	c->len = malloc((r->nfields + 1) * sizeof(*c->len));
	c->field = malloc((r->nfields + 1) * sizeof(*c->field));
	if (c->buf == NULL || c->len == NULL || c->field == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < r->nfields; i++) {
		memcpy(c->buf + off, r->field[i], r->len[i] + 1);
		c->field[i] = c->buf + off;
		c->len[i] = r->len[i];
		off += r->len[i] + 1;
	}
	c->nf = r->nfields;
	c->line = r->line;
	c->index = r->index;
	c->delim = r->delim;
	return SQ_OK;
}

static void
rowcopy_view(const struct rowcopy *c, sq_row *r)
{
	r->line = c->line;
	r->index = c->index;
	r->nfields = c->nf;
	r->field = c->field;
	r->len = c->len;
	r->delim = c->delim;
}

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
	free(s->a);
	free(s->d);
	free(s->nummiss);
	rowcopy_free(&s->h1);
	rowcopy_free(&s->h2);
}

int
sq_parse_number(const char *v, int comma, double *x)
{
	char buf[64], *end;
	const char *p = v, *q;
	size_t o = 0, digits = 0, ndot = 0, ncomma = 0;
	int frac = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	q = p + strlen(p);
	while (q > p && (q[-1] == ' ' || q[-1] == '\t'))
		q--;
	if (q - p >= (long)sizeof(buf) - 1 || q == p)
		return -1;
	if (*p == '+' || *p == '-')
		buf[o++] = *p++;
	for (; p < q; p++) {
		if (*p >= '0' && *p <= '9') {
			digits++;
			buf[o++] = *p;
		} else if (*p == '.')
			ndot++;
		else if (*p == ',' && comma)
			ncomma++;
		else
			return -1;
	}
	if (digits == 0 || ncomma > 1 || (ncomma == 0 && ndot > 1))
		return -1;
	/* Rebuild with one '.' where the decimal separator was. */
	o = 0;
	p = v;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '+' || *p == '-')
		buf[o++] = *p++;
	if (ncomma == 1 && ndot > 0) {
		/* "1.234,5": dots group thousands, three digits apart. */
		const char *c = strchr(p, ',');
		const char *d;
		size_t run = 0, groups = 0;

		for (d = p; d < c; d++) {
			if (*d == '.') {
				if ((groups == 0 && (run == 0 || run > 3)) ||
				    (groups > 0 && run != 3))
					return -1;
				groups++;
				run = 0;
			} else
				run++;
		}
		if (run != 3)
			return -1;
	}
	for (; p < q; p++) {
		if (*p >= '0' && *p <= '9')
			buf[o++] = *p;
		else if ((ncomma == 1 && *p == ',') ||
		    (ncomma == 0 && *p == '.')) {
			if (frac++)
				return -1;
			buf[o++] = '.';
		}
	}
	buf[o] = '\0';
	errno = 0;
	*x = strtod(buf, &end);
	if (*end != '\0' || errno == ERANGE || !isfinite(*x))
		return -1;
	return 0;
}

/* "E1", "e01", "E_1", "P 7", "A3", "D3" -> role and item number; 0 if
 * not such. */
static int
auto_item(const char *h, size_t n, int *num)
{
	const char *q, *end = h + n;
	long v = 0;
	int role;

	while (h < end && *h == ' ')
		h++;
	while (end > h && end[-1] == ' ')
		end--;
	if (h == end)
		return 0;
	if (*h == 'E' || *h == 'e')
		role = SQ_ROLE_E;
	else if (*h == 'P' || *h == 'p')
		role = SQ_ROLE_P;
	else if (*h == 'A' || *h == 'a')
		role = SQ_ROLE_A;
	else if (*h == 'D' || *h == 'd')
		role = SQ_ROLE_D;
	else
		return 0;
	q = h + 1;
	if (q < end && (*q == '_' || *q == ' ' || *q == '-' || *q == '.'))
		q++;
	if (q == end)
		return 0;
	for (; q < end; q++) {
		if (!isdigit((unsigned char)*q))
			return 0;
		v = v * 10 + (*q - '0');
		if (v > 100000)
			return 0;
	}
	if (v < 1)
		return 0;
	*num = (int)v;
	return role;
}

/* "W_TAN", "w_tan", "WTAN" -> dimension index, or -1. */
static int
auto_weight(const sq_instrument *ins, const char *h, size_t n)
{
	char code[SQ_CODE_LEN];
	const char *end = h + n;

	while (h < end && *h == ' ')
		h++;
	while (end > h && end[-1] == ' ')
		end--;
	if (h == end || (*h != 'W' && *h != 'w'))
		return -1;
	h++;
	if (h < end && (*h == '_' || *h == ' ' || *h == '-'))
		h++;
	if (end - h <= 0 || end - h >= SQ_CODE_LEN)
		return -1;
	memcpy(code, h, (size_t)(end - h));
	code[end - h] = '\0';
	return sq_instrument_dim(ins, code);
}

/* One candidate name: an item, a weight or the overall rating. */
static int
auto_one(const sq_instrument *ins, const char *h, size_t n, int *t)
{
	int r, num;

	if ((r = auto_item(h, n, &num)) != SQ_ROLE_NONE &&
	    (*t = sq_instrument_item(ins, num)) >= 0)
		return r;
	if ((*t = auto_weight(ins, h, n)) >= 0)
		return SQ_ROLE_W;
	*t = -1;
	if (n == 7 && strncasecmp(h, "overall", 7) == 0)
		return SQ_ROLE_OVERALL;
	return SQ_ROLE_NONE;
}

/*
 * Recognise a column name on its own: the name, the part after a group
 * path (group/E1, group-E1, group.E1, "Q: E1"), LimeSurvey's E[SQ001],
 * the text in brackets ("Expectativas [E1 Equipos]") and the first word
 * ("E1 Equipos modernos").
 */
static int
auto_role(const sq_instrument *ins, const char *h, int *t)
{
	size_t n = strlen(h), k;
	const char *lb, *rb, *sp, *sep;
	int r, num;

	if ((r = auto_one(ins, h, n, t)) != SQ_ROLE_NONE)
		return r;
	lb = strchr(h, '[');
	rb = lb ? strchr(lb, ']') : NULL;
	if (lb != NULL && rb != NULL) {
		/* E[SQ001], P[3]: the letter outside, the number inside */
		const char *d = lb + 1;

		while (d < rb && isalpha((unsigned char)*d))
			d++;
		if (lb - h == 1 && d < rb && rb[1] == '\0') {
			char one[16];

			k = (size_t)(rb - d);
			if (k < 8) {
				one[0] = h[0];
				memcpy(one + 1, d, k);
				if ((r = auto_item(one, k + 1, &num)) !=
				    SQ_ROLE_NONE &&
				    (*t = sq_instrument_item(ins, num)) >= 0)
					return r;
			}
		}
		/* "Question [E1 wording]": the bracket's first word */
		sp = lb + 1;
		while (sp < rb && *sp == ' ')
			sp++;
		for (k = 0; sp + k < rb && sp[k] != ' '; k++)
			;
		if ((r = auto_one(ins, sp, k, t)) != SQ_ROLE_NONE)
			return r;
	}
	/* group/E1, group-E1, group.E1, "Question: E1", pesos/w-emp */
	for (sep = h + n - 1; sep > h; sep--)
		if ((sep[-1] == '/' || sep[-1] == '-' || sep[-1] == '.' ||
		    sep[-1] == ':') && sep - 1 > h &&
		    (r = auto_one(ins, sep, strlen(sep), t)) != SQ_ROLE_NONE)
			return r;
	/* "E1 Equipos modernos" */
	sp = strchr(h, ' ');
	if (sp != NULL && sp > h && sp[1] != '\0' &&
	    (r = auto_one(ins, h, (size_t)(sp - h), t)) != SQ_ROLE_NONE)
		return r;
	*t = -1;
	return SQ_ROLE_NONE;
}

int
sq_survey_auto_role(const sq_instrument *ins, const char *name, int *target)
{
	return auto_role(ins, name, target);
}

#define FOLD	256	/* bytes of a folded column name */
#define NSLOT_ITEMS	4	/* item blocks in seen[]: E, P, A, D */

/*
 * Does codebook column name cn (folded: fcn) designate column i named h
 * (folded: fh)?
 */
static int
name_match(const char *cn, const char *fcn, const char *h, const char *fh,
    size_t i)
{
	char *end;
	unsigned long k;

	if (strcasecmp(cn, h) == 0)
		return 1;
	if (cn[0] == '#' && isdigit((unsigned char)cn[1])) {
		k = strtoul(cn + 1, &end, 10);
		return *end == '\0' && k == i + 1;
	}
	return fcn[0] != '\0' && strcmp(fcn, fh) == 0;
}

/* Length of name without its trailing digits; *digits: how many. */
static size_t
stem(const char *name, size_t *digits)
{
	size_t n = strlen(name), k = n;

	while (k > 0 && isdigit((unsigned char)name[k - 1]))
		k--;
	*digits = n - k;
	return k;
}

/*
 * Columns that look like items but no role claims (E23 under the built-in
 * 22 items; Q1_23 beside a codebook's Q1_1..Q1_22): their names into
 * s->st->item_like, for the tool to warn about.
 */
static void
item_like(struct sv *s, char *const *names, size_t ncols)
{
	size_t i, j, o = 0, more = 0, ki, kj, di, dj;
	char *out = s->st->item_like;
	size_t cap = sizeof(s->st->item_like);

	out[0] = '\0';
	for (i = 0; i < ncols; i++) {
		char f[64];
		int like = 0;

		if ((int)i == s->segcol || (int)i == s->idcol ||
		    s->col[i].role != SQ_ROLE_NONE)
			continue;
		ki = stem(names[i], &di);
		if (di == 0)
			continue;
		/* E23, P_23, e023: the built-in shape of an item column. */
		sq_fold(names[i], f, sizeof(f));
		if ((f[0] == 'e' || f[0] == 'p') && (ki == 1 ||
		    (ki == 2 && (f[1] == '_' || f[1] == '-' || f[1] == ' '))))
			like = 1;
		/* The stem of an answer column the codebook named. */
		for (j = 0; !like && j < ncols; j++) {
			if (s->col[j].role != SQ_ROLE_E &&
			    s->col[j].role != SQ_ROLE_P &&
			    s->col[j].role != SQ_ROLE_A &&
			    s->col[j].role != SQ_ROLE_D)
				continue;
			kj = stem(names[j], &dj);
			like = dj > 0 && kj == ki && kj > 0 &&
			    strncasecmp(names[i], names[j], ki) == 0;
		}
		if (!like)
			continue;
		if (o + strlen(names[i]) + 8 < cap)
			o += (size_t)snprintf(out + o, cap - o, "%s%s",
			    o ? ", " : "", names[i]);
		else
			more++;
	}
	if (more > 0 && o + 24 < cap)
		snprintf(out + o, cap - o, " and %zu more", more);
}

/* Index of the column named want: exact, folded, then a unique group
 * suffix (servqual/sucursal for "sucursal"); -1 none, -2 ambiguous. */
static int
find_column(char *const *names, size_t n, const char *want)
{
	char a[256], b[256];
	const char *sep;
	size_t i;
	int found = -1;

	for (i = 0; i < n; i++)
		if (strcasecmp(names[i], want) == 0)
			return (int)i;
	/* "#3": the third column, as a codebook's column rows allow. */
	if (want[0] == '#' && isdigit((unsigned char)want[1])) {
		char *end;
		unsigned long k = strtoul(want + 1, &end, 10);

		return *end == '\0' && k >= 1 && k <= n ? (int)(k - 1) : -1;
	}
	sq_fold(want, a, sizeof(a));
	for (i = 0; i < n; i++) {
		sq_fold(names[i], b, sizeof(b));
		if (strcmp(a, b) == 0)
			return (int)i;
	}
	for (i = 0; i < n; i++) {
		sep = names[i] + strlen(names[i]);
		while (sep > names[i] && sep[-1] != '/' && sep[-1] != '-')
			sep--;
		if (sep == names[i])
			continue;
		sq_fold(sep, b, sizeof(b));
		if (strcmp(a, b) == 0) {
			if (found >= 0)
				return -2;
			found = (int)i;
		}
	}
	return found;
}

static int
header_err(struct sv *s, sq_error *err, int code, size_t col,
    const char *colname, const char *msg)
{
	return sq_error_set(err, code, s->name, s->hline, col, colname, "%s",
	    msg);
}

/* Slot of a role and target in seen[], or -1: E, P, A, D, W, overall. */
static int
slot_of(const sq_instrument *ins, int r, int t)
{
	switch (r) {
	case SQ_ROLE_E:
		return t;
	case SQ_ROLE_P:
		return (int)ins->nitems + t;
	case SQ_ROLE_A:
		return 2 * (int)ins->nitems + t;
	case SQ_ROLE_D:
		return 3 * (int)ins->nitems + t;
	case SQ_ROLE_W:
		return NSLOT_ITEMS * (int)ins->nitems + t;
	case SQ_ROLE_OVERALL:
		return NSLOT_ITEMS * (int)ins->nitems + (int)ins->ndims;
	default:
		return -1;
	}
}

/*
 * A codebook column row that names no column of the header did nothing:
 * the run would read what it did not name, or blame the export. An error
 * at the codebook's line.
 */
static int
cols_present(struct sv *s, char *const *names, size_t ncols,
    const char *folded, sq_error *err)
{
	const sq_instrument *ins = s->ins;
	size_t i, j;
	char *fh;

	if (ins->ncols == 0)
		return SQ_OK;
	if ((fh = malloc((ncols + 1) * FOLD)) == NULL)
		return header_err(s, err, SQ_ENOMEM, 0, NULL, "out of memory");
	for (i = 0; i < ncols; i++)
		sq_fold(names[i], fh + i * FOLD, FOLD);
	for (j = 0; j < ins->ncols; j++) {
		for (i = 0; i < ncols; i++)
			if (name_match(ins->cols[j].name, folded + j * FOLD,
			    names[i], fh + i * FOLD, i))
				break;
		if (i < ncols)
			continue;
		free(fh);
		if (ins->cols[j].name[0] == '#')
			return sq_error_set(err, SQ_ECODEBOOK, ins->codebook,
			    ins->cols[j].line, 2, NULL, "column \"%s\": %s "
			    "has only %zu columns", ins->cols[j].name,
			    s->name ? s->name : "the export", ncols);
		return sq_error_set(err, SQ_ECODEBOOK, ins->codebook,
		    ins->cols[j].line, 2, NULL, "column \"%s\" is not in "
		    "the header of %s", ins->cols[j].name,
		    s->name ? s->name : "the export");
	}
	free(fh);
	return SQ_OK;
}

/* Item slots in seen[] within block b (0 E, 1 P, 2 A, 3 D). */
static size_t
block_count(const sq_instrument *ins, const int *seen, size_t b)
{
	size_t i, n = 0;

	for (i = 0; i < ins->nitems; i++)
		n += seen[b * ins->nitems + i] != 0;
	return n;
}

/*
 * The form from the blocks bound: P with E (SERVQUAL), alone (SERVPERF)
 * or with A and D (three-column). A or D columns recognised by name
 * next to E columns are not taken (a column "D1" of a SERVQUAL export is
 * not a desired level). A block present in part is an error naming the
 * first column missing; so is no P (or nothing at all: E1).
 */
static int
settle_form(struct sv *s, int *seen, char *msg, size_t len)
{
	const sq_instrument *ins = s->ins;
	size_t n = ins->nitems, i, b, cnt[NSLOT_ITEMS];
	static const char letter[NSLOT_ITEMS] = { 'E', 'P', 'A', 'D' };

	for (b = 0; b < NSLOT_ITEMS; b++)
		cnt[b] = block_count(ins, seen, b);
	if (cnt[0] > 0 && cnt[2] + cnt[3] > 0) {
		for (i = 0; i < s->ncols; i++)
			if (s->col[i].autocol && (s->col[i].role ==
			    SQ_ROLE_A || s->col[i].role == SQ_ROLE_D)) {
				seen[slot_of(ins, s->col[i].role,
				    s->col[i].target)] = 0;
				s->col[i].role = SQ_ROLE_NONE;
			}
		cnt[2] = block_count(ins, seen, 2);
		cnt[3] = block_count(ins, seen, 3);
		if (cnt[2] + cnt[3] > 0) {
			snprintf(msg, len, _("the codebook gives both E and A/D "
			    "columns: an export is SERVQUAL (E, P), SERVPERF "
			    "(P) or three-column (A, D, P)"));
			return -1;
		}
	}
	s->form = cnt[0] > 0 ? SQ_FORM_SERVQUAL : cnt[2] + cnt[3] > 0 ?
	    SQ_FORM_ZONE : cnt[1] > 0 ? SQ_FORM_SERVPERF : SQ_FORM_SERVQUAL;
	for (b = 0; b < NSLOT_ITEMS; b++) {
		int need = b == 1 || (b == 0 && s->form == SQ_FORM_SERVQUAL) ||
		    (b >= 2 && s->form == SQ_FORM_ZONE);

		if (!need || cnt[b] == n)
			continue;
		for (i = 0; i < n && seen[b * n + i] != 0; i++)
			;
		if (s->form == SQ_FORM_ZONE)
			snprintf(msg, len, _("required column %c%d not found "
			    "(items are A1..A%d, D1..D%d and P1..P%d; name "
			    "other columns in a codebook with -c)"), letter[b],
			    ins->items[i].number, ins->items[n - 1].number,
			    ins->items[n - 1].number,
			    ins->items[n - 1].number);
		else
			snprintf(msg, len, _("required column %c%d not found "
			    "(items are E1..E%d and P1..P%d; name other "
			    "columns in a codebook with -c)"),
			    cnt[0] + cnt[1] == 0 ? 'E' : letter[b],
			    ins->items[cnt[0] + cnt[1] == 0 ? 0 : i].number,
			    ins->items[n - 1].number,
			    ins->items[n - 1].number);
		return -1;
	}
	return 0;
}

static int
bind_header(struct sv *s, char *const *names, size_t ncols, sq_error *err)
{
	const sq_instrument *ins = s->ins;
	size_t i, j, nw = 0;
	int *seen, r, t, slot, k, rc = SQ_OK;
	char msg[512], *folded = NULL;

	s->ncols = ncols;
	s->col = calloc(ncols + 1, sizeof(*s->col));
	s->colname = calloc(ncols + 1, sizeof(*s->colname));
	s->e = malloc((ins->nitems + 1) * sizeof(double));
	s->p = malloc((ins->nitems + 1) * sizeof(double));
	s->w = malloc((ins->ndims + 1) * sizeof(double));
	s->a = malloc((ins->nitems + 1) * sizeof(double));
	s->d = malloc((ins->nitems + 1) * sizeof(double));
	/* who holds each E, P, A, D, W and overall slot: column index + 1 */
	seen = calloc(NSLOT_ITEMS * ins->nitems + ins->ndims + 1,
	    sizeof(int));
	if (!s->col || !s->colname || !s->e || !s->p || !s->w || !s->a ||
	    !s->d || !seen) {
		free(seen);
		return header_err(s, err, SQ_ENOMEM, 0, NULL, "out of memory");
	}
	for (i = 0; i < ncols; i++)
		if ((s->colname[i] = strdup(names[i])) == NULL) {
			free(seen);
			return header_err(s, err, SQ_ENOMEM, 0, NULL,
			    "out of memory");
		}
	s->segcol = -1;
	s->idcol = -1;
	if (s->o && s->o->by) {
		k = find_column(s->colname, ncols, s->o->by);
		if (k == -2) {
			snprintf(msg, sizeof(msg), _("segment column \"%s\" "
			    "matches several columns; give the full name"),
			    s->o->by);
			rc = header_err(s, err, SQ_ESCHEMA, 0, NULL, msg);
			goto out;
		}
		if (k < 0) {
			snprintf(msg, sizeof(msg), _("segment column \"%s\" not "
			    "found in the header"), s->o->by);
			rc = header_err(s, err, SQ_ESCHEMA, 0, NULL, msg);
			goto out;
		}
		s->segcol = k;
	}
	/* Pass 1: the codebook's names, folded once. */
	if (ins->ncols > 0 && (folded = malloc(ins->ncols * FOLD)) == NULL) {
		rc = header_err(s, err, SQ_ENOMEM, 0, NULL, "out of memory");
		goto out;
	}
	for (j = 0; j < ins->ncols; j++)
		sq_fold(ins->cols[j].name, folded + j * FOLD, FOLD);
	for (i = 0; i < ncols && ins->ncols > 0; i++) {
		char fh[FOLD];

		if ((int)i == s->segcol)
			continue;
		sq_fold(names[i], fh, sizeof(fh));
		for (j = 0; j < ins->ncols; j++)
			if (name_match(ins->cols[j].name, folded + j * FOLD,
			    names[i], fh, i))
				break;
		if (j == ins->ncols)
			continue;
		r = ins->cols[j].role;
		t = ins->cols[j].target;
		if ((slot = slot_of(ins, r, t)) >= 0) {
			if (seen[slot] != 0) {
				snprintf(msg, sizeof(msg), _("duplicate column: "
				    "it holds the same answer as column %s "
				    "(#%d)"), s->colname[seen[slot] - 1],
				    seen[slot]);
				rc = header_err(s, err, SQ_ESCHEMA, i + 1,
				    names[i], msg);
				goto out;
			}
			seen[slot] = (int)i + 1;
		}
		if (r == SQ_ROLE_ID && s->idcol < 0)
			s->idcol = (int)i;
		s->col[i].role = r;
		s->col[i].target = t;
	}
	/* Every column row of the codebook names a column of the header. */
	if ((rc = cols_present(s, names, ncols, folded, err)) != SQ_OK)
		goto out;
	/* Pass 2: names recognised on their own, for answers still free. */
	for (i = 0; i < ncols; i++) {
		if ((int)i == s->segcol || s->col[i].role != SQ_ROLE_NONE)
			continue;
		if ((r = auto_role(ins, names[i], &t)) == SQ_ROLE_NONE)
			continue;
		slot = slot_of(ins, r, t);
		if (seen[slot] != 0) {
			if (!s->col[seen[slot] - 1].autocol)
				continue;	/* the codebook decided */
			snprintf(msg, sizeof(msg), _("duplicate column: it holds "
			    "the same answer as column %s (#%d)"),
			    s->colname[seen[slot] - 1], seen[slot]);
			rc = header_err(s, err, SQ_ESCHEMA, i + 1, names[i],
			    msg);
			goto out;
		}
		seen[slot] = (int)i + 1;
		s->col[i].role = r;
		s->col[i].target = t;
		s->col[i].autocol = 1;
	}
	/* The respondent id: codebook, --id, or a usual name. */
	if (s->idcol < 0 && s->o && s->o->id) {
		k = find_column(s->colname, ncols, s->o->id);
		if (k < 0) {
			snprintf(msg, sizeof(msg), _("id column \"%s\" not found "
			    "in the header"), s->o->id);
			rc = header_err(s, err, SQ_ESCHEMA, 0, NULL, msg);
			goto out;
		}
		s->idcol = k;
	}
	for (j = 0; s->idcol < 0 && id_names[j] != NULL; j++)
		for (i = 0; i < ncols; i++) {
			char f[64];

			sq_fold(names[i], f, sizeof(f));
			if (strcmp(f, id_names[j]) == 0 &&
			    s->col[i].role == SQ_ROLE_NONE &&
			    (int)i != s->segcol) {
				s->idcol = (int)i;
				break;
			}
		}
	if (s->idcol >= 0 && s->col[s->idcol].role == SQ_ROLE_NONE)
		s->col[s->idcol].role = SQ_ROLE_ID;
	if (settle_form(s, seen, msg, sizeof(msg)) != 0) {
		rc = header_err(s, err, SQ_ESCHEMA, 0, NULL, msg);
		goto out;
	}
	for (i = 0; i < ins->nitems; i++)
		s->a[i] = s->d[i] = NAN;
	for (i = 0; i < ins->ndims; i++)
		if (seen[NSLOT_ITEMS * ins->nitems + i] != 0)
			nw++;
	if (nw > 0 && nw < ins->ndims) {
		for (i = 0; i < ins->ndims; i++)
			if (seen[NSLOT_ITEMS * ins->nitems + i] == 0)
				break;
		snprintf(msg, sizeof(msg), _("weight column W_%s not found "
		    "(the other weight columns are there)"),
		    ins->dims[i].code);
		rc = header_err(s, err, SQ_ESCHEMA, 0, NULL, msg);
		goto out;
	}
	if (s->st) {
		s->st->has_weights = nw == ins->ndims;
		s->st->has_overall = seen[NSLOT_ITEMS * ins->nitems +
		    ins->ndims] != 0;
		s->st->form = s->form;
		item_like(s, names, ncols);
	}
	if (nw != ins->ndims)	/* weights are all there or ignored */
		for (i = 0; i < ncols; i++)
			if (s->col[i].role == SQ_ROLE_W)
				s->col[i].role = SQ_ROLE_NONE;
	if (s->o && s->o->header) {
		sq_survey_header h;
		int *roles = malloc((ncols + 1) * sizeof(int));
		int *targets = malloc((ncols + 1) * sizeof(int));

		if (roles == NULL || targets == NULL) {
			free(roles);
			free(targets);
			rc = header_err(s, err, SQ_ENOMEM, 0, NULL,
			    "out of memory");
			goto out;
		}
		for (i = 0; i < ncols; i++) {
			roles[i] = s->col[i].role;
			targets[i] = s->col[i].role == SQ_ROLE_NONE ||
			    s->col[i].role == SQ_ROLE_ID ||
			    s->col[i].role == SQ_ROLE_OVERALL ? -1 :
			    s->col[i].target;
		}
		if (s->segcol >= 0)
			roles[s->segcol] = SQ_ROLE_SEGMENT;
		h.line = s->hline;
		h.ncols = ncols;
		h.name = s->colname;
		h.role = roles;
		h.target = targets;
		h.segcol = s->segcol;
		h.idcol = s->idcol;
		h.shape = s->shape;
		h.form = s->form;
		rc = s->o->header(s->o->header_ctx, &h, err);
		free(roles);
		free(targets);
	}
out:
	free(folded);
	free(seen);
	return rc;
}

/* Codebook missing codes that are numbers, for "99" to match "99.00". */
static int
numeric_missing(struct sv *s)
{
	const sq_instrument *ins = s->ins;
	size_t i;
	double x;

	s->nummiss = malloc((ins->nmissing + 1) * sizeof(double));
	if (s->nummiss == NULL)
		return SQ_ENOMEM;
	s->nummiss[s->nnummiss++] = DEFAULT_MISSING_NUM;
	for (i = 0; i < ins->nmissing; i++)
		if (sq_parse_number(ins->missing[i], 1, &x) == 0)
			s->nummiss[s->nnummiss++] = x;
	return SQ_OK;
}

static int
is_missing_num(const struct sv *s, double x)
{
	size_t i;

	for (i = 0; i < s->nnummiss; i++)
		if (x == s->nummiss[i])
			return 1;
	return 0;
}

static int
is_missing_text(const sq_instrument *ins, const char *v, size_t len)
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

/*
 * Report a bad cell: an error, or a problem passed to the caller's
 * callback, or a count under --invalid=missing. The message is the
 * quoted value followed by fmt. Returns 0 to go on.
 */
static int bad_cell(struct sv *, const sq_row *, size_t, sq_error *,
    const char *, ...) __attribute__((format(printf, 5, 6)));

static int
bad_cell(struct sv *s, const sq_row *row, size_t i, sq_error *err,
    const char *fmt, ...)
{
	char val[72], what[400];
	sq_error pe;
	size_t n = row->len[i];
	va_list ap;

	if (n > 60) {
		/* cut at a character boundary */
		n = 57;
		while (n > 0 && ((unsigned char)row->field[i][n] & 0xC0) ==
		    0x80)
			n--;
		memcpy(val, row->field[i], n);
		memcpy(val + n, "...", 4);
	} else
		memcpy(val, row->field[i], n + 1);
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), _(fmt), ap);
	va_end(ap);
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

/*
 * Whether the number text v has a non-zero digit after its decimal
 * separator (the last '.' or ','): "6.99999999999999999" reads as the
 * double 7, yet is no whole answer.
 */
static int
text_fraction(const char *v)
{
	const char *sep = NULL, *p;

	for (p = v; *p != '\0'; p++)
		if (*p == '.' || *p == ',')
			sep = p;
	for (p = sep ? sep + 1 : v + strlen(v); *p != '\0'; p++)
		if (*p >= '1' && *p <= '9')
			return 1;
	return 0;
}

/*
 * The overall rating, or missing: a number on the overall rating's own
 * scale when the codebook declares one (halves and other fractions
 * allowed: some exports average or rate in half points), else a whole
 * number on the items' scale, as the answers are.
 */
static int
overall_value(struct sv *s, const sq_row *row, size_t i, double *x,
    sq_error *err)
{
	const sq_instrument *ins = s->ins;
	char range[64];

	if (isnan(*x))
		return 0;
	if (!isnan(ins->omin)) {
		if (*x >= ins->omin && *x <= ins->omax)
			return 0;
		snprintf(range, sizeof(range), "%g..%g", ins->omin,
		    ins->omax);
		*x = NAN;
		return bad_cell(s, row, i, err, "is outside the overall "
		    "rating's scale %s", range);
	}
	if (*x >= ins->min && *x <= ins->max && *x == floor(*x) &&
	    !text_fraction(row->field[i]))
		return 0;
	snprintf(range, sizeof(range), "%g..%g", ins->min, ins->max);
	if (*x < ins->min || *x > ins->max) {
		*x = NAN;
		return bad_cell(s, row, i, err, "is outside the overall "
		    "rating's scale %s (the items' scale; a codebook row "
		    "overall,MIN,MAX gives it its own)", range);
	}
	*x = NAN;
	return bad_cell(s, row, i, err, "is not a whole number on the "
	    "overall rating's scale %s (the items' scale; a codebook row "
	    "overall,MIN,MAX gives it its own)", range);
}

/* An answer on the scale: a number, a missing code or a label. */
static int
item_value(struct sv *s, const sq_row *row, size_t i, double *x,
    sq_error *err)
{
	const sq_instrument *ins = s->ins;
	const char *v = row->field[i];
	char range[64], f[256];

	*x = NAN;
	/* Fast path: one digit. */
	if (row->len[i] == 1 && v[0] >= '0' && v[0] <= '9') {
		*x = v[0] - '0';
		if (ins->nrecodes > 0 && sq_instrument_recode(ins, x) &&
		    isnan(*x))
			return 0;
	} else if (row->len[i] == 0) {
		return 0;
	} else if (sq_parse_number(v, 1, x) == 0) {
		if (ins->nrecodes > 0 && sq_instrument_recode(ins, x)) {
			if (isnan(*x))
				return 0;
		} else if (is_missing_num(s, *x)) {
			*x = NAN;
			return 0;
		}
		if (text_fraction(v) && *x >= ins->min && *x <= ins->max) {
			snprintf(range, sizeof(range), "%g..%g", ins->min,
			    ins->max);
			*x = NAN;
			return bad_cell(s, row, i, err, "is not a whole number "
			    "on the scale %s", range);
		}
	} else if (is_missing_text(ins, v, row->len[i])) {
		return 0;
	} else {
		if (ins->nlabels > 0 && row->len[i] < sizeof(f)) {
			int l;

			sq_fold(v, f, sizeof(f));
			if ((l = sq_instrument_label(ins, f)) >= 0) {
				*x = ins->labels[l].value;
				goto range;
			}
		}
		*x = NAN;
		if (ins->nlabels > 0)
			return bad_cell(s, row, i, err, "is not a number or "
			    "a label of the codebook");
		return bad_cell(s, row, i, err, "is not a number");
	}
range:
	if (*x >= ins->min && *x <= ins->max && *x == floor(*x))
		return 0;	/* the hot path: no formatting */
	snprintf(range, sizeof(range), "%g..%g", ins->min, ins->max);
	if (*x < ins->min || *x > ins->max) {
		*x = NAN;
		return bad_cell(s, row, i, err, "is outside the scale %s",
		    range);
	}
	if (*x != floor(*x)) {
		*x = NAN;
		return bad_cell(s, row, i, err, "is not a whole number on "
		    "the scale %s", range);
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

	/* the common case first */
	if (digits(v, row->len[i], x) == 0 && !is_missing_num(s, *x))
		return 0;
	*x = NAN;
	if (row->len[i] == 0)
		return 0;
	if (sq_parse_number(v, s->comma, x) == 0) {
		if (is_missing_num(s, *x)) {
			*x = NAN;
			return 0;
		}
	} else if (is_missing_text(s->ins, v, row->len[i])) {
		return 0;
	} else {
		*x = NAN;
		return bad_cell(s, row, i, err, "is not a number%s",
		    s->comma || strchr(v, ',') == NULL ? "" :
		    " (a decimal comma needs ';' or tab as the delimiter)");
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

	/* Rows of empty cells (a blank line, ";;;;" from Excel) are no
	 * respondents. */
	for (i = 0; i < row->nfields && row->len[i] == 0; i++)
		;
	if (i == row->nfields)
		return 0;
	s->comma = row->delim != ',';
	/* Empty cells past the header's last column (a spreadsheet's
	 * trailing delimiters) are no data. */
	for (i = s->ncols; i < row->nfields && row->len[i] == 0; i++)
		;
	if (row->nfields < s->ncols || i < row->nfields) {
		char msg[128];
		sq_error pe;

		snprintf(msg, sizeof(msg), _("row has %zu fields, the header "
		    "has %zu"), row->nfields, s->ncols);
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
	for (k = 0; s->form == SQ_FORM_ZONE && k < ins->nitems; k++)
		s->a[k] = s->d[k] = NAN;	/* else NAN since the header */
	for (k = 0; k < ins->ndims; k++)
		s->w[k] = NAN;
	memset(&r, 0, sizeof(r));
	r.overall = NAN;
	for (i = 0; i < s->ncols; i++) {
		switch (s->col[i].role) {
		case SQ_ROLE_E:
		case SQ_ROLE_P:
		case SQ_ROLE_A:
		case SQ_ROLE_D:
			if ((rc = item_value(s, row, i, &x, err)) != 0)
				return rc;
			k = (size_t)s->col[i].target;
			if (!isnan(x)) {
				r.answered++;
				if (ins->items[k].reverse)
					x = ins->min + ins->max - x;
			}
			if (s->col[i].role == SQ_ROLE_E)
				s->e[k] = x;
			else if (s->col[i].role == SQ_ROLE_P)
				s->p[k] = x;
			else if (s->col[i].role == SQ_ROLE_A)
				s->a[k] = x;
			else
				s->d[k] = x;
			break;
		case SQ_ROLE_W:
			if ((rc = real_value(s, row, i, 1, &x, err)) != 0)
				return rc;
			s->w[s->col[i].target] = x;
			break;
		case SQ_ROLE_OVERALL:
			if ((rc = real_value(s, row, i, 0, &r.overall, err)) ||
			    (rc = overall_value(s, row, i, &r.overall, err)))
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
		for (k = 0; s->form == SQ_FORM_ZONE && k < ins->nitems; k++) {
			s->st->missing_a += isnan(s->a[k]);
			s->st->missing_d += isnan(s->d[k]);
		}
		if (s->form != SQ_FORM_SERVQUAL)	/* E is no block */
			s->st->missing_e = 0;
		s->st->rows++;
	}
	r.line = row->line;
	r.e = s->e;
	r.p = s->p;
	r.w = s->w;
	r.a = s->a;
	r.d = s->d;
	r.form = s->form;
	r.row = row;
	if (r.segment && s->o && s->o->fold_segments) {
		/* Values that differ only in case or accents are one. */
		char *key = sq_fold_key(r.segment);

		if (key == NULL)
			return sq_error_set(err, SQ_ENOMEM, s->name, row->line,
			    0, NULL, "out of memory");
		r.segment = key;
		rc = s->fn(s->ctx, &r, err);
		free(key);
		return rc;
	}
	return s->fn(s->ctx, &r, err);
}

/* A Qualtrics ImportId row: every cell {"ImportId":...} or {'ImportId'. */
static int
is_importid_row(const sq_row *row)
{
	size_t i, n = 0;
	const char *v;

	for (i = 0; i < row->nfields; i++) {
		v = row->field[i];
		while (*v == ' ')
			v++;
		if (*v == '\0')
			continue;
		if (*v != '{' || strcasestr(v, "importid") == NULL)
			return 0;
		n++;
	}
	return n > 0;
}

static int
is_response_word(const char *v)
{
	char f[32];

	sq_fold(v, f, sizeof(f));
	return strcmp(f, "response") == 0 ||
	    strcmp(f, "open-ended response") == 0;
}

/*
 * SurveyMonkey's second header row: the first row leaves cells empty
 * (sub-items of a question) and this row names them, or says "Response"
 * under single-answer questions.
 */
static int
is_monkey_row(const struct rowcopy *h1, const sq_row *row)
{
	size_t i, empty = 0, named = 0, words = 0;
	double x;

	for (i = 0; i < h1->nf; i++)
		if (h1->len[i] == 0)
			empty++;
	if (empty == 0 || row->nfields != h1->nf)
		return 0;
	for (i = 0; i < row->nfields; i++) {
		if (is_response_word(row->field[i]))
			words++;
		if (h1->len[i] == 0 && row->len[i] > 0 &&
		    sq_parse_number(row->field[i], 1, &x) != 0)
			named++;
	}
	return words > 0 || (named == empty && row->len[0] == 0);
}

static int
bind_rowcopy(struct sv *s, const struct rowcopy *h, sq_error *err)
{
	s->hline = h->line;
	return bind_header(s, h->field, h->nf, err);
}

static int
bind_monkey(struct sv *s, const sq_row *row, sq_error *err)
{
	char **names;
	size_t i;
	int rc;

	names = malloc((row->nfields + 1) * sizeof(*names));
	if (names == NULL)
		return header_err(s, err, SQ_ENOMEM, 0, NULL, "out of memory");
	for (i = 0; i < row->nfields; i++)
		names[i] = row->len[i] > 0 && (s->h1.len[i] == 0 ||
		    !is_response_word(row->field[i])) ? row->field[i] :
		    s->h1.field[i];
	s->shape = "surveymonkey";
	s->hline = s->h1.line;
	rc = bind_header(s, names, row->nfields, err);
	free(names);
	return rc;
}

static int
on_row(void *ctx, const sq_row *row, sq_error *err)
{
	struct sv *s = ctx;
	sq_row held;
	int rc;

	if (s->o && s->skipped < s->o->skip_rows) {
		s->skipped++;
		return 0;
	}
	switch (s->state) {
	case 0:
		s->state = 1;
		if (s->o && s->o->no_shapes) {
			s->state = 3;
			s->hline = row->line;
			return bind_header(s, row->field, row->nfields, err);
		}
		if (rowcopy_set(&s->h1, row) != SQ_OK)
			return sq_error_set(err, SQ_ENOMEM, s->name, row->line,
			    0, NULL, "out of memory");
		return 0;
	case 1:
		if (is_importid_row(row)) {
			s->state = 3;
			s->shape = "qualtrics";
			return bind_rowcopy(s, &s->h1, err);
		}
		if (is_monkey_row(&s->h1, row)) {
			s->state = 3;
			return bind_monkey(s, row, err);
		}
		s->state = 2;
		if (rowcopy_set(&s->h2, row) != SQ_OK)
			return sq_error_set(err, SQ_ENOMEM, s->name, row->line,
			    0, NULL, "out of memory");
		return 0;
	case 2:
		s->state = 3;
		if (is_importid_row(row)) {
			s->shape = "qualtrics";
			return bind_rowcopy(s, &s->h1, err);
		}
		if ((rc = bind_rowcopy(s, &s->h1, err)) != 0)
			return rc;
		rowcopy_view(&s->h2, &held);
		if ((rc = data_row(s, &held, err)) != 0)
			return rc;
		return data_row(s, row, err);
	default:
		return data_row(s, row, err);
	}
}

int
sq_survey_read(FILE *fp, const char *name, const sq_instrument *ins,
    const sq_survey_opts *opts, sq_response_fn fn, void *ctx,
    sq_survey_stats *st, sq_error *err)
{
	struct sv s;
	sq_survey_stats local;
	sq_row held;
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
	s.shape = "plain";
	if (numeric_missing(&s) != SQ_OK) {
		sv_free(&s);
		return sq_error_set(err, SQ_ENOMEM, name, 0, 0, NULL,
		    "out of memory");
	}
	{
		sq_reader_opts ro;

		if (opts)
			ro = opts->csv;
		else
			memset(&ro, 0, sizeof(ro));
		ro.guessed = &st->guessed_cp1252;
		rc = sq_read_csv_pipelined(fp, name, &ro, on_row, &s, err);
	}
	/* Rows held back while the header's shape was open. */
	if (rc == SQ_OK && s.state == 1) {
		s.state = 3;
		rc = bind_rowcopy(&s, &s.h1, err);
	} else if (rc == SQ_OK && s.state == 2) {
		s.state = 3;
		if ((rc = bind_rowcopy(&s, &s.h1, err)) == SQ_OK) {
			rowcopy_view(&s.h2, &held);
			rc = data_row(&s, &held, err);
		}
	}
	if (rc == SQ_OK && s.state == 0)
		rc = sq_error_set(err, SQ_EEMPTY, name, 0, 0, NULL,
		    "empty file: no header row");
	else if (rc == SQ_OK && st->rows == 0)
		rc = sq_error_set(err, SQ_EEMPTY, name, 0, 0, NULL,
		    "no data rows after the header");
	sv_free(&s);
	return rc;
}
