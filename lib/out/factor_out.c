/*
 * What sq-factor's and sq-cfa's renderings write alike (factor_out.h):
 * the rows of a section, JSON members, notes and flagged items.
 */
#include <stdarg.h>
#include <stdio.h>

#include "servqual/error.h"
#include "factor_out.h"

int
fo_rows(sq_table *t, const char *section, const struct fo_cell *v,
    size_t n, size_t before, size_t after)
{
	size_t i, j;
	int rc = SQ_OK;

	for (i = 0; i < n && rc == SQ_OK; i++) {
		if ((rc = sq_table_str(t, section)) != SQ_OK ||
		    (rc = sq_table_str(t, v[i].key)) != SQ_OK)
			break;
		for (j = 0; j < before && rc == SQ_OK; j++)
			rc = sq_table_str(t, "");
		if (rc == SQ_OK)
			rc = v[i].text ? sq_table_str(t, v[i].text) :
			    sq_table_num(t, v[i].value);
		for (j = 0; j < after && rc == SQ_OK; j++)
			rc = sq_table_str(t, "");
	}
	return rc;
}

void
fo_json(FILE *fp, const struct fo_cell *v, size_t n, const char *sep)
{
	size_t i;

	for (i = 0; i < n; i++) {
		fprintf(fp, "%s\"%s\": ", i ? sep : "", v[i].key);
		sq_json_num(fp, v[i].value);
	}
}

void
fo_put(char *buf, size_t len, size_t *off, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (*off >= len)
		return;
	va_start(ap, fmt);
	k = vsnprintf(buf + *off, len - *off, fmt, ap);
	va_end(ap);
	if (k > 0)
		*off += (size_t)k;
}

void
fo_items(char *buf, size_t len, size_t *off, const int *flag, size_t p,
    char block, const sq_instrument *ins)
{
	size_t i;
	int first = 1;

	for (i = 0; i < p; i++)
		if (flag[i]) {
			fo_put(buf, len, off, "%s %c%d", first ? "" : ",",
			    block, ins->items[i].number);
			first = 0;
		}
}

int
fo_done(sq_table *t, int rc, sq_table **out)
{
	if (rc != SQ_OK)
		sq_table_free(t);
	else
		*out = t;
	return rc;
}
