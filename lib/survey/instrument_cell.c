/*
 * One cell of a codebook row: whole and real numbers, a scale's ends, a
 * column number, a role of the three-column form; and the error that
 * names the cell (file, line, column).
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/i18n.h"
#include "instrument_int.h"

int
cb_err(struct cb *c, sq_error *err, unsigned long line, size_t col,
    const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), _(fmt), ap);
	va_end(ap);
	return sq_error_set(err, SQ_ECODEBOOK, c->name, line, col, NULL,
	    "%s", msg);
}

int
sqi_parse_int(const char *s, int *v)
{
	char *end;
	long l;

	errno = 0;
	l = strtol(s, &end, 10);
	while (*end == ' ')
		end++;
	if (s[0] == '\0' || *end != '\0' || errno != 0 || l < 1 ||
	    l > 1000000)
		return -1;
	*v = (int)l;
	return 0;
}

int
sqi_parse_num(const char *s, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(s, &end);
	while (*end == ' ')
		end++;
	if (s[0] == '\0' || *end != '\0' || errno != 0 || !isfinite(*v))
		return -1;
	return 0;
}

/*
 * A scale end: a whole number within SQ_SCALE_LIMIT, written as one
 * (strtod would read "6.99999999999999999" as 7). -1 if not a number,
 * -2 if a number but not such.
 */
static int
parse_end(const char *s, double *v)
{
	char *end;
	long l;

	if (sqi_parse_num(s, v) != 0)
		return -1;
	errno = 0;
	l = strtol(s, &end, 10);
	while (*end == ' ')
		end++;
	if (*end != '\0' || errno != 0 || l < -SQ_SCALE_LIMIT ||
	    l > SQ_SCALE_LIMIT)
		return -2;
	*v = (double)l;
	return 0;
}

int
sqi_grow(void *arr, size_t *cap, size_t n, size_t size)
{
	void **p = arr, *np;
	size_t nc;

	if (n < *cap)
		return SQ_OK;
	nc = *cap ? 2 * *cap : 16;
	if (nc > ((size_t)1 << 31) / size ||
	    (np = realloc(*p, nc * size)) == NULL)
		return SQ_ENOMEM;
	*p = np;
	*cap = nc;
	return SQ_OK;
}

int
sqi_col_number_ok(const char *h)
{
	char *end;
	unsigned long k;

	errno = 0;
	k = strtoul(h + 1, &end, 10);
	return *end == '\0' && errno == 0 && k >= 1 &&
	    k <= SQ_MAX_COLUMN_NUMBER;
}

int
sqi_scale_ends(struct cb *c, const sq_row *row, char **f, double *lo,
    double *hi, const char *what, sq_error *err)
{
	int i, r;

	for (i = 1; i <= 2; i++) {
		r = parse_end(f[i], i == 1 ? lo : hi);
		if (r == -1)
			return cb_err(c, err, row->line, (size_t)i + 1,
			    "%s %s \"%s\" is not a number", what,
			    i == 1 ? "minimum" : "maximum", f[i]);
		if (r != 0)
			return cb_err(c, err, row->line, (size_t)i + 1,
			    "%s %s \"%s\" is not a whole number in %d..%d",
			    what, i == 1 ? "minimum" : "maximum", f[i],
			    -SQ_SCALE_LIMIT, SQ_SCALE_LIMIT);
	}
	if (*lo >= *hi)
		return cb_err(c, err, row->line, 3,
		    "%s maximum \"%s\" is not above the minimum", what, f[2]);
	return SQ_OK;
}

int
sqi_zone_role(const char *role)
{
	if (strcmp(role, "a") == 0 || strcmp(role, "adequate") == 0 ||
	    strcmp(role, "min") == 0 || strcmp(role, "minimum") == 0)
		return SQ_ROLE_A;
	if (strcmp(role, "d") == 0 || strcmp(role, "desired") == 0 ||
	    strcmp(role, "des") == 0)
		return SQ_ROLE_D;
	return SQ_ROLE_NONE;
}
