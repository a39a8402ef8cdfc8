/*
 * Cells of an export: numbers as exports write them ("7", "7,00",
 * "1.234,5"), missing codes, text labels, and each answer, weight and
 * overall rating checked against its scale. A bad cell is an error, a
 * problem for the caller, or missing (--invalid=missing).
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/i18n.h"
#include "survey_int.h"

/* Missing-value codes every tool knows, folded (see sq_fold). */
static const char *const default_missing[] = {
	"na", "n/a", "nan", "no aplica", "ns/nr", "#n/d", "#n/a", "nr", "ns",
	"\"\"", "-", ".", NULL
};
#define DEFAULT_MISSING_NUM	(-99.0)

int
sq_parse_number(const char *v, int comma, double *x)
{
	char buf[64], *end;
	const char *p = v, *q, *e;
	size_t o = 0, digits = 0, ndot = 0, ncomma = 0;
	int frac = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	q = p + strlen(p);
	while (q > p && (q[-1] == ' ' || q[-1] == '\t'))
		q--;
	if (q - p >= (long)sizeof(buf) - 1 || q == p)
		return -1;
	/* An exponent ("1.5E-05", as Excel shows small weights) ends it. */
	for (e = p; e < q && *e != 'e' && *e != 'E'; e++)
		;
	if (e < q) {
		const char *d = e + 1;

		if (d < q && (*d == '+' || *d == '-'))
			d++;
		if (d == q)
			return -1;
		for (; d < q; d++)
			if (*d < '0' || *d > '9')
				return -1;
		q = e;
	}
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
	for (; *e != '\0' && *e != ' ' && *e != '\t'; e++)
		buf[o++] = *e;
	buf[o] = '\0';
	errno = 0;
	*x = strtod(buf, &end);
	if (*end != '\0')
		return -1;
	if (!isfinite(*x) || (errno == ERANGE && fabs(*x) > 1))
		return -2;	/* beyond the largest double */
	return 0;		/* below the smallest: 0 or subnormal, as R */
}

/* Codebook missing codes that are numbers, for "99" to match "99.00". */
int
sqs_numeric_missing(struct sv *s)
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
		else if (*p == 'e' || *p == 'E')
			return 0;	/* "1.5E1": the double says it */
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
int
sqs_overall_value(struct sv *s, const sq_row *row, size_t i, double *x,
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
int
sqs_item_value(struct sv *s, const sq_row *row, size_t i, double *x,
    sq_error *err)
{
	const sq_instrument *ins = s->ins;
	const char *v = row->field[i];
	char range[64], f[256];
	int rc = -1;

	*x = NAN;
	/* Fast path: one digit. */
	if (row->len[i] == 1 && v[0] >= '0' && v[0] <= '9') {
		*x = v[0] - '0';
		if (ins->nrecodes > 0 && sq_instrument_recode(ins, x) &&
		    isnan(*x))
			return 0;
	} else if (row->len[i] == 0) {
		return 0;
	} else if ((rc = sq_parse_number(v, 1, x)) == 0) {
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
		if (rc == -2)
			return bad_cell(s, row, i, err, "is beyond the range "
			    "of numbers");
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
int
sqs_real_value(struct sv *s, const sq_row *row, size_t i, int nonneg,
    double *x, sq_error *err)
{
	const char *v = row->field[i];
	int rc;

	/* the common case first */
	if (digits(v, row->len[i], x) == 0 && !is_missing_num(s, *x))
		return 0;
	*x = NAN;
	if (row->len[i] == 0)
		return 0;
	if ((rc = sq_parse_number(v, s->comma, x)) == 0) {
		if (is_missing_num(s, *x)) {
			*x = NAN;
			return 0;
		}
	} else if (is_missing_text(s->ins, v, row->len[i])) {
		return 0;
	} else {
		*x = NAN;
		if (rc == -2)
			return bad_cell(s, row, i, err, "is beyond the range "
			    "of numbers");
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
