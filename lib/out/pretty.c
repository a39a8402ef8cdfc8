/*
 * Tables for people: md and pretty. Each column reads as its declared
 * kind; widths are measured in terminal columns of UTF-8 text (so "Empatía"
 * is 7 wide, a CJK name twice its letters); pretty output wider than
 * SQ_PRETTY_WIDTH is cut into panels that repeat the leading text columns,
 * as R prints a wide data frame.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <uniwidth.h>

#include "servqual/i18n.h"
#include "servqual/table.h"
#include "table_int.h"

size_t
sq_text_width(const char *s)
{
	int w = u8_strwidth((const uint8_t *)s, "UTF-8");

	return w < 0 ? strlen(s) : (size_t)w;
}

/* digits (an optional '-' then digits) grouped by three with sep. */
static void
group3(const char *in, const char *sep, char *out, size_t len)
{
	size_t n = strspn(in + (*in == '-'), "0123456789"), i, o = 0;
	size_t slen = strlen(sep);
	const char *d = in + (*in == '-');

	if (*in == '-' && o + 1 < len)
		out[o++] = '-';
	for (i = 0; i < n && o + slen + 1 < len; i++) {
		if (i > 0 && (n - i) % 3 == 0 && n >= 4) {
			memcpy(out + o, sep, slen);
			o += slen;
		}
		out[o++] = d[i];
	}
	out[o] = '\0';
}

void
sq_fmt_human(double x, int kind, int digits, char *buf, size_t len)
{
	char raw[64], ip[96];
	const char *dec = sq_i18n_decimal(), *frac;

	if (len == 0)
		return;
	if (isnan(x)) {
		buf[0] = '\0';
		return;
	}
	if (isinf(x)) {
		snprintf(buf, len, "%s\xe2\x88\x9e", x > 0 ? "" : "-");
		return;
	}
	if (kind == SQ_NUM_P) {
		if (x < 0.001)
			snprintf(buf, len, "<0%s001", dec);
		else
			snprintf(buf, len, "%d%s%03d", x >= 0.9995 ? 1 : 0, dec,
			    x >= 0.9995 ? 0 : (int)lround(x * 1000));
		return;
	}
	if (kind == SQ_NUM_INT)
		digits = 0;
	if (fabs(x) >= 1e15) {
		snprintf(buf, len, "%.3g", x);
		return;
	}
	snprintf(raw, sizeof(raw), "%.*f", digits, x);
	if (strspn(raw, "-0.") == strlen(raw) && raw[0] == '-')
		memmove(raw, raw + 1, strlen(raw));	/* no "-0.00" */
	group3(raw, sq_i18n_thousands(), ip, sizeof(ip));
	frac = strchr(raw, '.');
	snprintf(buf, len, "%s%s%s", ip, frac ? dec : "", frac ? frac + 1 : "");
}

void
sq_text_wrap(FILE *fp, const char *text, size_t width)
{
	const char *p = text, *brk, *q;
	size_t w;

	while (*p != '\0') {
		/* the longest run of words that fits, or one word */
		brk = NULL;
		w = 0;
		for (q = p; *q != '\0' && *q != '\n'; q++) {
			/* "p < 0.001" and "a = b" stay whole */
			if (*q == ' ' && strchr("<=", q[1]) == NULL &&
			    (q == p || strchr("<=", q[-1]) == NULL)) {
				if (w > width && brk != NULL)
					break;
				brk = q;	/* the last space that fits, or
						   the first after a long word */
				if (w > width)
					break;
			}
			if (((unsigned char)*q & 0xC0) != 0x80)
				w++;
		}
		if (brk == NULL || ((*q == '\0' || *q == '\n') && w <= width))
			brk = q;
		fwrite(p, 1, (size_t)(brk - p), fp);
		fputc('\n', fp);
		p = *brk == '\0' ? brk : brk + 1;
	}
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

struct layout {
	const sq_table *t;
	size_t rows, nv;
	size_t *vis;		/* visible columns */
	size_t *w;		/* their widths */
	int *right;		/* right-aligned */
	const char **head;	/* their headers */
	char **txt;		/* rows * ncols cell texts */
};

static const char *
cell_text(const struct layout *L, size_t r, size_t c)
{
	return L->txt[r * L->t->ncols + c];
}

static void
row_line(FILE *fp, const struct layout *L, const size_t *cols, size_t n,
    size_t r, size_t indent, int md)
{
	size_t i, end = n;

	/* no trailing blanks: stop after the last cell with text */
	while (!md && r != (size_t)-1 && end > 0 &&
	    *cell_text(L, r, L->vis[cols[end - 1]]) == '\0')
		end--;
	n = end;
	pad(fp, indent);
	for (i = 0; i < n; i++) {
		size_t v = cols[i];
		const char *s = r == (size_t)-1 ? L->head[v] :
		    cell_text(L, r, L->vis[v]);
		size_t gap = L->w[v] - sq_text_width(s);

		fputs(md ? "| " : i ? "  " : "", fp);
		if (L->right[v])
			pad(fp, gap);
		fputs(s, fp);
		if (!L->right[v] && (md || i + 1 < n))
			pad(fp, gap);
		if (md)
			fputc(' ', fp);
	}
	fputs(md ? "|\n" : "\n", fp);
}

static void
panel(FILE *fp, const struct layout *L, const size_t *cols, size_t n,
    int md)
{
	const sq_table *t = L->t;
	const char *last = NULL;
	size_t indent = t->group >= 0 && !md ? 2 : 0, r, i, k;

	row_line(fp, L, cols, n, (size_t)-1, indent, md);
	if (md) {
		for (i = 0; i < n; i++) {
			fputs(L->right[cols[i]] ? "| " : "|:", fp);
			for (k = 0; k < L->w[cols[i]]; k++)
				fputc('-', fp);
			fputs(L->right[cols[i]] ? ":" : " ", fp);
		}
		fputs("|\n", fp);
	}
	for (r = 0; r < L->rows; r++) {
		if (t->group >= 0) {
			const char *g = cell_text(L, r, (size_t)t->group);

			if (*g != '\0' && (last == NULL || strcmp(g, last))) {
				if (md) {
					fputs("| **", fp);
					fputs(g, fp);	/* escaped already */
					fputs("** ", fp);
					for (i = 1; i < n; i++)
						fputs("| ", fp);
					fputs("|\n", fp);
				} else
					fprintf(fp, "%s\n", g);
			}
			last = g;
		}
		row_line(fp, L, cols, n, r, indent, md);
	}
}

int
sq_table_write_human(const sq_table *t, FILE *fp, int md, const char *title)
{
	struct layout L;
	size_t r, c, v, *cols = NULL, nkey, indent;
	int rc = SQ_ENOMEM;

	memset(&L, 0, sizeof(L));
	L.t = t;
	L.rows = sq_table_rows(t);
	L.vis = calloc(t->ncols + 1, sizeof(*L.vis));
	L.w = calloc(t->ncols + 1, sizeof(*L.w));
	L.right = calloc(t->ncols + 1, sizeof(*L.right));
	L.head = calloc(t->ncols + 1, sizeof(*L.head));
	cols = calloc(t->ncols + 1, sizeof(*cols));
	L.txt = calloc(L.rows * t->ncols + 1, sizeof(*L.txt));
	if (L.vis == NULL || L.w == NULL || L.right == NULL ||
	    L.head == NULL || cols == NULL || L.txt == NULL)
		goto out;
	for (r = 0; r < L.rows; r++)
		for (c = 0; c < t->ncols; c++) {
			const struct sq_cell *ce = &t->cell[r * t->ncols + c];
			char buf[96];

			if (ce->s == NULL)
				sq_fmt_human(ce->x, t->col[c].kind,
				    t->col[c].digits, buf, sizeof(buf));
			if ((L.txt[r * t->ncols + c] = ce->s ?
			    human_escape(ce->s, md) : strdup(buf)) == NULL)
				goto out;
		}
	for (c = 0; c < t->ncols; c++) {
		if (t->col[c].hidden || (long)c == t->group)
			continue;
		v = L.nv++;
		L.vis[v] = c;
		/* _("") would be the catalogue's header */
		L.head[v] = t->col[c].label == NULL ? t->col[c].name :
		    t->col[c].label[0] == '\0' ? "" : _(t->col[c].label);
		L.right[v] = t->col[c].kind != SQ_NUM_TEXT;
		for (r = 0; r < L.rows && L.right[v]; r++)
			if (t->cell[r * t->ncols + c].s != NULL &&
			    t->col[c].kind == SQ_NUM_REAL)
				L.right[v] = 0;	/* an undeclared text column */
		L.w[v] = sq_text_width(L.head[v]);
		for (r = 0; r < L.rows; r++)
			if (sq_text_width(cell_text(&L, r, c)) > L.w[v])
				L.w[v] = sq_text_width(cell_text(&L, r, c));
	}
	if (title != NULL && md)
		fprintf(fp, "### %s\n\n", title);
	else if (title != NULL) {
		sq_text_wrap(fp, title, SQ_PRETTY_WIDTH);
		fputc('\n', fp);
	}
	/* The leading text columns name a row: every panel repeats them. */
	for (nkey = 0; nkey < L.nv && !L.right[nkey]; nkey++)
		;
	indent = t->group >= 0 ? 2 : 0;
	v = nkey;
	do {
		size_t n = 0, width = indent;

		for (c = 0; c < nkey; c++) {
			cols[n++] = c;
			width += L.w[c] + (n > 1 ? 2 : 0);
		}
		while (v < L.nv && (md || n == nkey ||
		    width + 2 + L.w[v] <= SQ_PRETTY_WIDTH)) {
			width += L.w[v] + (n > 0 ? 2 : 0);
			cols[n++] = v++;
		}
		if (n > 0)
			panel(fp, &L, cols, n, md);
		if (v < L.nv)
			fputc('\n', fp);
	} while (v < L.nv);
	rc = ferror(fp) ? SQ_EIO : SQ_OK;
out:
	if (L.txt != NULL)
		for (r = 0; r < L.rows * t->ncols; r++)
			free(L.txt[r]);
	free(L.txt);
	free(L.vis);
	free(L.w);
	free(L.right);
	free(L.head);
	free(cols);
	return rc;
}
