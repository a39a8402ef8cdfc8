/*
 * A table written out: the format names, tsv, csv (comma or semicolon),
 * Excel's csv and json here, md and pretty through pretty.c; the JSON
 * string and number writers the report writers share.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "servqual/table.h"
#include "table_int.h"

/* A text cell a spreadsheet would read as a formula. */
static int
formula_like(const char *s)
{
	return s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

int
sq_format_parse(const char *s)
{
	static const char *const names[] = {
		"tsv", "csv", "json", "csv-es", "excel", "md", "pretty"
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

/* Full precision for machines. */
static void
fmt_machine(double x, char *buf, size_t len)
{
	if (isnan(x))
		snprintf(buf, len, "NaN");
	else if (isinf(x))
		snprintf(buf, len, x > 0 ? "Inf" : "-Inf");
	else
		snprintf(buf, len, "%.15g", x == 0 ? 0.0 : x);
}

static void
put_tsv_str(FILE *fp, const char *s)
{
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, fp);
}

/* A csv field; sep is ',' or ';'. */
static void
put_csv_str(FILE *fp, const char *s, char sep)
{
	if (strchr(s, sep) == NULL && strpbrk(s, "\"\r\n") == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

void
sq_json_str(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", fp);
		else if (c == '\t')
			fputs("\\t", fp);
		else if (c < 0x20)
			fprintf(fp, "\\u%04x", c);
		else
			fputc(c, fp);
	}
	fputc('"', fp);
}

void
sq_json_num(FILE *fp, double x)
{
	if (isfinite(x))
		fprintf(fp, "%.15g", x == 0 ? 0.0 : x);
	else
		fputs("null", fp);
}

int
sq_table_write(const sq_table *t, FILE *fp, int format, const char *title)
{
	size_t rows = sq_table_rows(t), r, c;
	int es = format == SQ_FMT_CSV_ES || format == SQ_FMT_EXCEL;
	char sep = format == SQ_FMT_TSV ? '\t' : es ? ';' : ',';
	const char *eol = format == SQ_FMT_EXCEL ? "\r\n" : "\n";
	char buf[64], *dot;

	if (format == SQ_FMT_MD || format == SQ_FMT_PRETTY)
		return sq_table_write_human(t, fp, format == SQ_FMT_MD, title);
	if (format == SQ_FMT_EXCEL)
		fputs("\xef\xbb\xbf", fp);	/* Excel reads UTF-8 only so */
	if (format == SQ_FMT_JSON)
		fputs("[\n", fp);
	else {
		for (c = 0; c < t->ncols; c++) {
			if (c)
				fputc(sep, fp);
			if (format == SQ_FMT_TSV)
				put_tsv_str(fp, t->col[c].name);
			else
				put_csv_str(fp, t->col[c].name, sep);
		}
		fputs(eol, fp);
	}
	for (r = 0; r < rows; r++) {
		if (format == SQ_FMT_JSON)
			fputs("  {", fp);
		for (c = 0; c < t->ncols; c++) {
			const struct sq_cell *ce = &t->cell[r * t->ncols + c];

			if (format == SQ_FMT_JSON) {
				fputs(c ? ", " : "", fp);
				sq_json_str(fp, t->col[c].name);
				fputs(": ", fp);
				if (ce->s != NULL)
					sq_json_str(fp, ce->s);
				else if (!isfinite(ce->x))
					fputs("null", fp);
				else {
					fmt_machine(ce->x, buf, sizeof(buf));
					fputs(buf, fp);
				}
				continue;
			}
			if (c)
				fputc(sep, fp);
			if (ce->s == NULL && es && isnan(ce->x))
				continue;	/* a blank cell, not text */
			if (ce->s == NULL) {
				fmt_machine(ce->x, buf, sizeof(buf));
				if (es && (dot = strchr(buf, '.')) != NULL)
					*dot = ',';
				fputs(buf, fp);
			} else if (t->guard && formula_like(ce->s)) {
				/* The apostrophe is part of the field. */
				size_t n = strlen(ce->s) + 2;
				char *g = malloc(n);

				if (g == NULL)
					return SQ_ENOMEM;
				snprintf(g, n, "'%s", ce->s);
				if (format == SQ_FMT_TSV)
					put_tsv_str(fp, g);
				else
					put_csv_str(fp, g, sep);
				free(g);
			} else if (format == SQ_FMT_TSV)
				put_tsv_str(fp, ce->s);
			else
				put_csv_str(fp, ce->s, sep);
		}
		if (format == SQ_FMT_JSON)
			fputs(r + 1 < rows ? "},\n" : "}\n", fp);
		else
			fputs(eol, fp);
	}
	if (format == SQ_FMT_JSON)
		fputs("]\n", fp);
	return ferror(fp) ? SQ_EIO : SQ_OK;
}
