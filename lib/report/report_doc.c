/*
 * The report's pages: a column of text flowing down A4 or letter pages,
 * typeset by Pango on a Cairo PDF surface. Headings open bookmarks;
 * tables are the tools' human tables (sq_table with its declared kinds)
 * with a repeated header when they run onto a new page; charts are drawn
 * by the chart library as vector graphics, clipped to their box. The
 * document is laid out twice: once to count the pages, once to draw
 * them with "page i of n".
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "servqual/chart.h"
#include "servqual/i18n.h"
#include "report_int.h"
#include "table_int.h"

#define FONT	"DejaVu Sans"
#define MARGIN	56.0
#define FOOT	28.0

struct rdoc {
	cairo_surface_t *s;
	cairo_t *cr;
	double W, H, y;
	int page, total, failed, outline1;
	char footer[256];
};

static double
colw(const rdoc *d)
{
	return d->W - 2 * MARGIN;
}

static PangoLayout *
layout(rdoc *d, const char *text, double size, int bold, double width)
{
	PangoLayout *l = pango_cairo_create_layout(d->cr);
	PangoFontDescription *f = pango_font_description_from_string(FONT);

	pango_font_description_set_size(f, (int)(size * PANGO_SCALE));
	pango_font_description_set_weight(f, bold ? PANGO_WEIGHT_BOLD :
	    PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, f);
	pango_font_description_free(f);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_text(l, text, -1);
	return l;
}

static void
lsize(PangoLayout *l, double *w, double *h)
{
	int iw, ih;

	pango_layout_get_size(l, &iw, &ih);
	*w = (double)iw / PANGO_SCALE;
	*h = (double)ih / PANGO_SCALE;
}

static void
footer(rdoc *d)
{
	char buf[320];
	PangoLayout *l;
	double w, h;

	if (d->total > 0)
		snprintf(buf, sizeof(buf), _("%s \xc2\xb7 page %d of %d"),
		    d->footer, d->page, d->total);
	else
		snprintf(buf, sizeof(buf), "%s \xc2\xb7 %d", d->footer,
		    d->page);
	l = layout(d, buf, 7.5, 0, 0);
	lsize(l, &w, &h);
	cairo_set_source_rgb(d->cr, 0.4, 0.4, 0.4);
	cairo_move_to(d->cr, (d->W - w) / 2, d->H - FOOT - h / 2);
	pango_cairo_show_layout(d->cr, l);
	g_object_unref(l);
}

rdoc *
rdoc_new(cairo_surface_t *s, double w, double h, int total,
    const char *foot)
{
	rdoc *d = calloc(1, sizeof(*d));

	if (d == NULL)
		return NULL;
	d->s = s;
	d->cr = cairo_create(s);
	d->W = w;
	d->H = h;
	d->total = total;
	d->page = 1;
	d->y = MARGIN;
	snprintf(d->footer, sizeof(d->footer), "%s", foot);
	if (cairo_status(d->cr) != CAIRO_STATUS_SUCCESS)
		d->failed = 1;
	return d;
}

int
rdoc_pages(const rdoc *d)
{
	return d->page;
}

int
rdoc_failed(const rdoc *d)
{
	return d->failed || cairo_status(d->cr) != CAIRO_STATUS_SUCCESS;
}

void
rdoc_newpage(rdoc *d)
{
	if (d->page > 1)
		footer(d);
	cairo_show_page(d->cr);
	d->page++;
	d->y = MARGIN;
}

void
rdoc_end(rdoc *d)
{
	if (d == NULL)
		return;
	if (d->page > 1)
		footer(d);
	cairo_show_page(d->cr);
	cairo_destroy(d->cr);
	free(d);
}

/* Room for h more points on this page, or a new page. */
static void
need(rdoc *d, double h)
{
	if (d->y + h > d->H - MARGIN - FOOT && d->y > MARGIN)
		rdoc_newpage(d);
}

static void
bookmark(rdoc *d, int level, const char *text)
{
	char link[64];
	int id;

	if (d->total <= 0)
		return;
	snprintf(link, sizeof(link), "page=%d pos=[%.0f %.0f]", d->page,
	    MARGIN, d->y);
	id = cairo_pdf_surface_add_outline(d->s, level == 1 ?
	    CAIRO_PDF_OUTLINE_ROOT : d->outline1, text, link,
	    CAIRO_PDF_OUTLINE_FLAG_OPEN);
	if (level == 1)
		d->outline1 = id;
}

void
rdoc_heading(rdoc *d, int level, const char *text)
{
	PangoLayout *l;
	double w, h;

	if (level == 1 && d->y > MARGIN)
		rdoc_newpage(d);
	l = layout(d, text, level == 1 ? 16 : 12, 1, colw(d));
	lsize(l, &w, &h);
	need(d, h + 60);
	if (level == 2)
		d->y += 8;
	bookmark(d, level, text);
	cairo_set_source_rgb(d->cr, 0.05, 0.2, 0.4);
	cairo_move_to(d->cr, MARGIN, d->y);
	pango_cairo_show_layout(d->cr, l);
	d->y += h + (level == 1 ? 10 : 5);
	if (level == 1) {
		cairo_set_line_width(d->cr, 0.8);
		cairo_move_to(d->cr, MARGIN, d->y - 5);
		cairo_line_to(d->cr, d->W - MARGIN, d->y - 5);
		cairo_stroke(d->cr);
		d->y += 4;
	}
	g_object_unref(l);
}

/*
 * text with a true minus sign for a hyphen before a figure ("-0.70") and
 * no line break around " = " and " < ".
 */
static char *
minus(const char *text)
{
	size_t n = strlen(text), i, o = 0;
	char *out = malloc(3 * n + 1);

	if (out == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (text[i] == '-' && text[i + 1] >= '0' && text[i + 1] <= '9' &&
		    (i == 0 || strchr(" (\t", text[i - 1]) != NULL)) {
			memcpy(out + o, "\xe2\x88\x92", 3);
			o += 3;
		} else if (text[i] == ' ' && i > 0 && (text[i + 1] == '=' ||
		    text[i + 1] == '<' || ((text[i - 1] == '=' ||
		    text[i - 1] == '<') && i > 1 && text[i - 2] == ' '))) {
			/* "p = 0.144" and "p < 0.001" stay on one line */
			memcpy(out + o, "\xc2\xa0", 2);
			o += 2;
		} else
			out[o++] = text[i];
	}
	out[o] = '\0';
	return out;
}

void
rdoc_para(rdoc *d, const char *text, double size, int bold, int bullet)
{
	PangoLayout *l;
	double w, h, ind = bullet ? 14 : 0;
	char *t = minus(text);

	if (t == NULL) {
		d->failed = 1;
		return;
	}
	l = layout(d, t, size, bold, colw(d) - ind);
	free(t);
	lsize(l, &w, &h);
	need(d, h);
	cairo_set_source_rgb(d->cr, 0.1, 0.1, 0.1);
	if (bullet) {
		PangoLayout *b = layout(d, "\xe2\x80\xa2", size, 0, 0);

		cairo_move_to(d->cr, MARGIN + 3, d->y);
		pango_cairo_show_layout(d->cr, b);
		g_object_unref(b);
	}
	cairo_move_to(d->cr, MARGIN + ind, d->y);
	pango_cairo_show_layout(d->cr, l);
	d->y += h + size * 0.5;
	g_object_unref(l);
}

void
rdoc_space(rdoc *d, double pts)
{
	d->y += pts;
}

void
rdoc_center(rdoc *d, const char *text, double size, int bold)
{
	PangoLayout *l = layout(d, text, size, bold, colw(d));
	double w, h;

	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	lsize(l, &w, &h);
	need(d, h);
	cairo_set_source_rgb(d->cr, 0.05, 0.2, 0.4);
	cairo_move_to(d->cr, MARGIN, d->y);
	pango_cairo_show_layout(d->cr, l);
	d->y += h + size * 0.4;
	g_object_unref(l);
}

/* Text of cell (r, c) as people read it. */
static void
cell(const sq_table *t, size_t r, size_t c, char *buf, size_t len)
{
	const struct sq_cell *ce = &t->cell[r * t->ncols + c];

	if (ce->s != NULL)
		snprintf(buf, len, "%s", ce->s);
	else
		sq_fmt_human(ce->x, t->col[c].kind, t->col[c].digits, buf,
		    len);
	/* a true minus sign reads better in print */
	if (buf[0] == '-' && strlen(buf) + 3 < len) {
		memmove(buf + 3, buf + 1, strlen(buf));
		memcpy(buf, "\xe2\x88\x92", 3);
	}
}

static const char *
head(const sq_table *t, size_t c)
{
	const char *l = t->col[c].label;

	return l == NULL ? t->col[c].name : *l == '\0' ? "" : _(l);
}

#define TFS	8.0		/* table font size */
#define PADX	7.0
#define ROWH	12.5

static void
trow(rdoc *d, const sq_table *t, const size_t *vis, size_t nv,
    const double *x, const double *w, size_t r, int header, double fs)
{
	char buf[256];
	size_t i;

	for (i = 0; i < nv; i++) {
		size_t c = vis[i];
		PangoLayout *l;
		double lw, lh;
		int right = t->col[c].kind != SQ_NUM_TEXT;

		if (header)
			snprintf(buf, sizeof(buf), "%s", head(t, c));
		else
			cell(t, r, c, buf, sizeof(buf));
		if (!header && t->cell[r * t->ncols + c].s != NULL &&
		    t->col[c].kind == SQ_NUM_REAL)
			right = 0;
		l = layout(d, buf, fs, header, 0);
		lsize(l, &lw, &lh);
		cairo_move_to(d->cr, right ? x[i] + w[i] - PADX / 2 - lw :
		    x[i] + PADX / 2, d->y + (ROWH - lh) / 2);
		pango_cairo_show_layout(d->cr, l);
		g_object_unref(l);
	}
	d->y += ROWH;
}

static void
rule(rdoc *d, double x0, double x1, double lw)
{
	cairo_set_line_width(d->cr, lw);
	cairo_move_to(d->cr, x0, d->y);
	cairo_line_to(d->cr, x1, d->y);
	cairo_stroke(d->cr);
}

/* Rows a table takes: header, group headings, rows. */
static size_t
table_rows(const sq_table *t)
{
	size_t rows = sq_table_rows(t), r, n = 1;
	const char *last = NULL;

	for (r = 0; r < rows; r++) {
		const char *g = t->group >= 0 ?
		    t->cell[r * t->ncols + (size_t)t->group].s : NULL;

		n += 1 + (g != NULL && *g != '\0' && (last == NULL ||
		    strcmp(g, last) != 0));
		if (g != NULL)
			last = g;
	}
	return n;
}

void
rdoc_keep_table(rdoc *d, const sq_table *t, double extra)
{
	double h = (double)table_rows(t) * ROWH + 14 + extra;

	if (h < d->H - 2 * MARGIN - FOOT)
		need(d, h);
}

/* Widths of the visible columns at font size fs into w; their sum. */
static double
measure(rdoc *d, const sq_table *t, const size_t *vis, size_t nv,
    double *w, double fs)
{
	size_t rows = sq_table_rows(t), r, i;
	double total = 0, lw, lh;
	char buf[256];

	for (i = 0; i < nv; i++) {
		PangoLayout *l = layout(d, head(t, vis[i]), fs, 1, 0);

		lsize(l, &lw, &lh);
		g_object_unref(l);
		w[i] = lw;
		for (r = 0; r < rows; r++) {
			cell(t, r, vis[i], buf, sizeof(buf));
			l = layout(d, buf, fs, 0, 0);
			lsize(l, &lw, &lh);
			g_object_unref(l);
			if (lw > w[i])
				w[i] = lw;
		}
		w[i] += PADX * fs / TFS;
		total += w[i];
	}
	return total;
}

/* The header row between its rules, from x0, total wide. */
static void
table_head(rdoc *d, const sq_table *t, const size_t *vis, size_t nv,
    const double *x, const double *w, double x0, double total, double fs)
{
	cairo_set_source_rgb(d->cr, 0.1, 0.1, 0.1);
	rule(d, x0, x0 + total, 0.9);
	trow(d, t, vis, nv, x, w, 0, 1, fs);
	rule(d, x0, x0 + total, 0.5);
}

/* A group's heading across the table, on a tinted band. */
static void
group_heading(rdoc *d, const char *g, double x0, double total, double fs)
{
	PangoLayout *l = layout(d, g, fs, 1, total);
	double lw, lh;

	lsize(l, &lw, &lh);
	cairo_set_source_rgb(d->cr, 0.93, 0.95, 0.98);
	cairo_rectangle(d->cr, x0, d->y, total, ROWH);
	cairo_fill(d->cr);
	cairo_set_source_rgb(d->cr, 0.05, 0.2, 0.4);
	cairo_move_to(d->cr, x0 + PADX / 2, d->y + (ROWH - lh) / 2);
	pango_cairo_show_layout(d->cr, l);
	g_object_unref(l);
	d->y += ROWH;
	cairo_set_source_rgb(d->cr, 0.1, 0.1, 0.1);
}

void
rdoc_table(rdoc *d, const sq_table *t)
{
	size_t rows = sq_table_rows(t), r, c, nv = 0, i;
	size_t *vis = calloc(t->ncols + 1, sizeof(size_t));
	double *w = calloc(t->ncols + 1, sizeof(double));
	double *x = calloc(t->ncols + 1, sizeof(double));
	double total = 0, x0, fs = TFS;
	const char *last = NULL;
	int pass;

	if (vis == NULL || w == NULL || x == NULL) {
		d->failed = 1;
		goto out;
	}
	for (c = 0; c < t->ncols; c++)
		if (!t->col[c].hidden && (long)c != t->group)
			vis[nv++] = c;
	/* Measure; a table wider than the column is set smaller. */
	for (pass = 0; pass < 2; pass++) {
		total = measure(d, t, vis, nv, w, fs);
		if (total <= colw(d))
			break;
		fs = fmax(5.5, floor(fs * colw(d) / total * 10) / 10);
	}
	x0 = MARGIN + (total < colw(d) ? (colw(d) - total) / 2 : 0);
	for (i = 0; i < nv; i++)
		x[i] = i ? x[i - 1] + w[i - 1] : x0;
	/* Keep a table that fits on a page on one page. */
	d->y += 4;
	rdoc_keep_table(d, t, 0);
	need(d, 3 * ROWH);
	table_head(d, t, vis, nv, x, w, x0, total, fs);
	for (r = 0; r < rows; r++) {
		const char *g = t->group >= 0 ?
		    t->cell[r * t->ncols + (size_t)t->group].s : NULL;
		int heading = g != NULL && *g != '\0' &&
		    (last == NULL || strcmp(g, last) != 0);

		if (d->y + ROWH * (heading ? 2 : 1) > d->H - MARGIN - FOOT) {
			rule(d, x0, x0 + total, 0.9);
			rdoc_newpage(d);
			table_head(d, t, vis, nv, x, w, x0, total, fs);
		}
		if (heading)
			group_heading(d, g, x0, total, fs);
		if (g != NULL)
			last = g;
		trow(d, t, vis, nv, x, w, r, 0, fs);
	}
	rule(d, x0, x0 + total, 0.9);
	d->y += 10;
out:
	free(vis);
	free(w);
	free(x);
}

void
rdoc_chart(rdoc *d, const sq_chartdata *cd, const sq_chart_opts *co,
    const char *heading)
{
	sq_chart_opts o = *co;
	sq_error err;
	double w, h;

	o.width = colw(d);
	o.height = 0;
	memset(&err, 0, sizeof(err));
	if (sq_chart_size(cd, &o, &w, &h, &err) != SQ_OK) {
		rdoc_para(d, err.msg, 9, 0, 0);
		return;
	}
	if (h > d->H - 2 * MARGIN - FOOT - 50)
		h = d->H - 2 * MARGIN - FOOT - 50;
	need(d, h + (heading ? 40 : 0));
	if (heading != NULL)
		rdoc_heading(d, 2, heading);
	cairo_save(d->cr);
	cairo_translate(d->cr, MARGIN, d->y);
	cairo_rectangle(d->cr, 0, 0, w, h);
	cairo_clip(d->cr);
	if (sq_chart_draw(d->cr, cd, &o, w, h, NULL, NULL, &err) != SQ_OK) {
		cairo_restore(d->cr);
		rdoc_para(d, err.msg, 9, 0, 0);
		return;
	}
	cairo_restore(d->cr);
	d->y += h + 10;
}

void
sq_report_release_fonts(void)
{
	/* Pango's default font map holds fontconfig; drop it first. */
	pango_cairo_font_map_set_default(NULL);
	sq_chart_release_fonts();
}
