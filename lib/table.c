/*
 * Tidy tables and their five output formats.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "servqual/table.h"
#include "servqual/unicode.h"

struct cell {
	char *s;		/* string cell, or NULL for a number */
	double x;
};

struct sq_table {
	size_t ncols;
	char **col;
	int *style;
	struct cell *cell;
	size_t ncell, cap;
	int guard;		/* formula guard on text cells (tsv, csv) */
};

void
sq_table_guard(sq_table *t, int on)
{
	t->guard = on;
}

/* Whether a text cell would start a spreadsheet formula. */
static int
formula_like(const char *s)
{
	return s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

int
sq_table_new(const char *const *cols, size_t ncols, sq_table **out)
{
	sq_table *t;
	size_t i;

	*out = NULL;
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return SQ_ENOMEM;
	t->ncols = ncols;
	t->col = calloc(ncols, sizeof(*t->col));
	t->style = calloc(ncols, sizeof(*t->style));
	if (t->col == NULL || t->style == NULL) {
		sq_table_free(t);
		return SQ_ENOMEM;
	}
	for (i = 0; i < ncols; i++)
		if ((t->col[i] = strdup(cols[i])) == NULL) {
			sq_table_free(t);
			return SQ_ENOMEM;
		}
	*out = t;
	return SQ_OK;
}

void
sq_table_free(sq_table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; t->col != NULL && i < t->ncols; i++)
		free(t->col[i]);
	for (i = 0; i < t->ncell; i++)
		free(t->cell[i].s);
	free(t->col);
	free(t->style);
	free(t->cell);
	free(t);
}

void
sq_table_style(sq_table *t, size_t c, int numstyle)
{
	if (c < t->ncols)
		t->style[c] = numstyle;
}

static struct cell *
next_cell(sq_table *t)
{
	if (t->ncell == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 256;
		struct cell *nc = realloc(t->cell, cap * sizeof(*nc));

		if (nc == NULL)
			return NULL;
		t->cell = nc;
		t->cap = cap;
	}
	return &t->cell[t->ncell++];
}

int
sq_table_str(sq_table *t, const char *s)
{
	struct cell *c;
	char *d;

	if ((d = strdup(s ? s : "")) == NULL)
		return SQ_ENOMEM;
	if ((c = next_cell(t)) == NULL) {
		free(d);
		return SQ_ENOMEM;
	}
	c->s = d;
	c->x = NAN;
	return SQ_OK;
}

int
sq_table_num(sq_table *t, double x)
{
	struct cell *c;

	if ((c = next_cell(t)) == NULL)
		return SQ_ENOMEM;
	c->s = NULL;
	c->x = x;
	return SQ_OK;
}

size_t
sq_table_rows(const sq_table *t)
{
	return t->ncols ? t->ncell / t->ncols : 0;
}

int
sq_format_parse(const char *s)
{
	static const char *const names[] = {
		"tsv", "csv", "json", "md", "pretty"
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

/* Rounded for people. */
static void
fmt_human(double x, int style, char *buf, size_t len)
{
	if (isnan(x))
		snprintf(buf, len, "NaN");
	else if (isinf(x))
		snprintf(buf, len, x > 0 ? "Inf" : "-Inf");
	else if (style == SQ_NUM_INT)
		snprintf(buf, len, "%.0f", x);
	else if (style == SQ_NUM_P && x < 0.0001)
		snprintf(buf, len, "<0.0001");
	else if (style == SQ_NUM_P)
		snprintf(buf, len, "%.4f", x);
	else
		snprintf(buf, len, "%.3f", fabs(x) < 0.0005 ? 0.0 : x);
}

static void
put_tsv_str(FILE *fp, const char *s)
{
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, fp);
}

static void
put_csv_str(FILE *fp, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
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

static void
put_json_str(FILE *fp, const char *s)
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

/* Display width: terminal columns by grapheme cluster. */
static size_t
width(const char *s)
{
	return sq_display_width(s);
}

/*
 * Text for a terminal or a Markdown reader: control characters (ESC, BEL,
 * newlines, C1 controls) escaped visibly as \xHH or \u00HH, so a cell
 * cannot move the cursor or clear the screen; in md a "|" is "\|" and a
 * "\" is "\\". Caller frees; NULL when out of memory.
 */
static char *
human_escape(const char *s, int md)
{
	size_t n = strlen(s), o = 0;
	char *out = malloc(6 * n + 1);
	const unsigned char *p = (const unsigned char *)s;

	if (out == NULL)
		return NULL;
	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7F)
			o += (size_t)sprintf(out + o, "\\x%02X", *p);
		else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			o += (size_t)sprintf(out + o, "\\u00%02X", p[1]);
			p++;
		} else if (md && (*p == '|' || *p == '\\')) {
			out[o++] = '\\';
			out[o++] = (char)*p;
		} else
			out[o++] = (char)*p;
	}
	out[o] = '\0';
	return out;
}

static void
pad(FILE *fp, size_t n)
{
	while (n-- > 0)
		fputc(' ', fp);
}

static int
write_human(const sq_table *t, FILE *fp, int md, const char *title)
{
	size_t rows = sq_table_rows(t), r, c, *w;
	char **txt;
	int rc = SQ_OK;

	w = calloc(t->ncols, sizeof(*w));
	txt = calloc(rows * t->ncols + 1, sizeof(*txt));
	if (w == NULL || txt == NULL) {
		rc = SQ_ENOMEM;
		goto out;
	}
	for (c = 0; c < t->ncols; c++)
		w[c] = width(t->col[c]);
	for (r = 0; r < rows; r++)
		for (c = 0; c < t->ncols; c++) {
			const struct cell *ce = &t->cell[r * t->ncols + c];
			char buf[64];

			if (ce->s == NULL)
				fmt_human(ce->x, t->style[c], buf, sizeof(buf));
			if ((txt[r * t->ncols + c] = human_escape(ce->s ?
			    ce->s : buf, md)) == NULL) {
				rc = SQ_ENOMEM;
				goto out;
			}
			if (width(txt[r * t->ncols + c]) > w[c])
				w[c] = width(txt[r * t->ncols + c]);
		}
	if (title != NULL)
		fprintf(fp, md ? "### %s\n\n" : "%s\n\n", title);
	for (c = 0; c < t->ncols; c++) {
		fputs(md ? "| " : c ? "  " : "", fp);
		fputs(t->col[c], fp);
		if (md || c + 1 < t->ncols)
			pad(fp, w[c] - width(t->col[c]));
		if (md)
			fputc(' ', fp);
	}
	fputs(md ? "|\n" : "\n", fp);
	for (c = 0; md && c < t->ncols; c++) {
		int num = rows > 0 && t->cell[c].s == NULL;

		fputs("|", fp);
		fputs(num ? " " : ":", fp);
		pad(fp, 0);
		for (r = 0; r < w[c]; r++)
			fputc('-', fp);
		fputs(num ? ":" : " ", fp);
	}
	if (md)
		fputs("|\n", fp);
	for (r = 0; r < rows; r++) {
		for (c = 0; c < t->ncols; c++) {
			const char *s = txt[r * t->ncols + c];
			size_t gap = w[c] - width(s);
			int num = t->cell[r * t->ncols + c].s == NULL;

			fputs(md ? "| " : c ? "  " : "", fp);
			if (num)
				pad(fp, gap);
			fputs(s, fp);
			if (!num && (md || c + 1 < t->ncols))
				pad(fp, gap);
			if (md)
				fputc(' ', fp);
		}
		fputs(md ? "|\n" : "\n", fp);
	}
out:
	if (txt != NULL)
		for (r = 0; r < rows * t->ncols; r++)
			free(txt[r]);
	free(txt);
	free(w);
	return rc;
}

int
sq_table_write(const sq_table *t, FILE *fp, int format, const char *title)
{
	size_t rows = sq_table_rows(t), r, c;
	char buf[64];

	if (format == SQ_FMT_MD || format == SQ_FMT_PRETTY)
		return write_human(t, fp, format == SQ_FMT_MD, title);
	if (format == SQ_FMT_JSON)
		fputs("[\n", fp);
	else {
		for (c = 0; c < t->ncols; c++) {
			if (c)
				fputc(format == SQ_FMT_CSV ? ',' : '\t', fp);
			fputs(t->col[c], fp);
		}
		fputc('\n', fp);
	}
	for (r = 0; r < rows; r++) {
		if (format == SQ_FMT_JSON)
			fputs("  {", fp);
		for (c = 0; c < t->ncols; c++) {
			const struct cell *ce = &t->cell[r * t->ncols + c];

			if (format == SQ_FMT_JSON) {
				fputs(c ? ", " : "", fp);
				put_json_str(fp, t->col[c]);
				fputs(": ", fp);
				if (ce->s != NULL)
					put_json_str(fp, ce->s);
				else if (!isfinite(ce->x))
					fputs("null", fp);
				else {
					fmt_machine(ce->x, buf, sizeof(buf));
					fputs(buf, fp);
				}
				continue;
			}
			if (c)
				fputc(format == SQ_FMT_CSV ? ',' : '\t', fp);
			if (ce->s == NULL) {
				fmt_machine(ce->x, buf, sizeof(buf));
				fputs(buf, fp);
				continue;
			}
			if (t->guard && formula_like(ce->s)) {
				/* The apostrophe is part of the field. */
				size_t n = strlen(ce->s) + 2;
				char *g = malloc(n);

				if (g == NULL)
					return SQ_ENOMEM;
				snprintf(g, n, "'%s", ce->s);
				if (format == SQ_FMT_CSV)
					put_csv_str(fp, g);
				else
					put_tsv_str(fp, g);
				free(g);
			} else if (format == SQ_FMT_CSV)
				put_csv_str(fp, ce->s);
			else
				put_tsv_str(fp, ce->s);
		}
		if (format == SQ_FMT_JSON)
			fputs(r + 1 < rows ? "},\n" : "}\n", fp);
		else
			fputc('\n', fp);
	}
	if (format == SQ_FMT_JSON)
		fputs("]\n", fp);
	return ferror(fp) ? SQ_EIO : SQ_OK;
}
