/*
 * Chart text: Pango layouts, measuring, showing (with the SVG label
 * layer and the overflow check), haloed and wrapped text, the font and
 * colour in use. The drawing primitives built on it are in chart_kit.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "servqual/chart.h"
#include "servqual/encoding.h"
#include "chart_int.h"

/*
 * Text goes through Pango (pangocairo): shaping, font fallback for any
 * script DejaVu Sans lacks, line breaking by Unicode's rules (a word or
 * URL wider than its column breaks between characters rather than
 * running out of it) and measured heights. Metrics are unhinted and glyph
 * positions unrounded, so a chart measures the same on the scratch
 * surface that sizes it as on the PNG, PDF or SVG it is drawn into.
 */

/* The chart's layout, made on first use (charts draw on one cr). */
static PangoLayout *
layout_of(struct ctx *c)
{
	PangoContext *pc;
	cairo_font_options_t *fo;

	if (c->layout)
		return c->layout;
	c->layout = pango_cairo_create_layout(c->cr);
	if (c->layout == NULL)
		return NULL;
	pc = pango_layout_get_context(c->layout);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pc, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(pc, FALSE);
	pango_layout_context_changed(c->layout);
	return c->layout;
}

void
sqc_release(struct ctx *c)
{
	if (c->layout)
		g_object_unref(c->layout);
	c->layout = NULL;
}

char *
sqc_utf8_dup(const char *s, size_t len)
{
	size_t o = 0, k;
	char *out = malloc(3 * len + 1);

	if (out == NULL)
		return NULL;
	while (len > 0) {
		k = sq_utf8_valid(s, len);
		memcpy(out + o, s, k);
		o += k;
		s += k;
		len -= k;
		if (len > 0) {
			/* A byte that starts no valid sequence: U+FFFD. */
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			s++;
			len--;
		}
	}
	out[o] = '\0';
	return out;
}

/* Set len bytes of s into the layout (valid UTF-8), unwrapped or to maxw. */
static PangoLayout *
set_text(struct ctx *c, const char *s, size_t len, double maxw,
    PangoAlignment al)
{
	PangoLayout *l = layout_of(c);
	PangoFontDescription *fd;
	char *t;

	if (l == NULL)
		return NULL;
	fd = pango_font_description_new();
	pango_font_description_set_family(fd, FONT);
	pango_font_description_set_weight(fd, c->bold ? PANGO_WEIGHT_BOLD :
	    PANGO_WEIGHT_NORMAL);
	pango_font_description_set_absolute_size(fd, c->fs * PANGO_SCALE);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (maxw > 0) {
		pango_layout_set_width(l, (int)(maxw * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	} else
		pango_layout_set_width(l, -1);
	pango_layout_set_alignment(l, al);
	if (sq_utf8_valid(s, len) == len && memchr(s, '\0', len) == NULL)
		pango_layout_set_text(l, s, (int)len);
	else {
		if ((t = sqc_utf8_dup(s, len)) == NULL) {
			c->failed = 1;
			pango_layout_set_text(l, "", 0);
			return l;
		}
		/* An embedded NUL ends the text, as it would for C. */
		pango_layout_set_text(l, t, -1);
		free(t);
	}
	return l;
}

/*
 * Note the box (x, y, w, h) in user space as inked by text: text that
 * leaves the chart is recorded, so that a chart of a size the user set
 * refuses rather than cuts its text.
 */
static void
note_box(struct ctx *c, double x, double y, double w, double h)
{
	double px[4] = { x, x + w, x, x + w }, py[4] = { y, y, y + h, y + h };
	int i;

	if (c->H <= 0 || w <= 0)
		return;
	for (i = 0; i < 4; i++) {
		cairo_user_to_device(c->cr, &px[i], &py[i]);
		cairo_matrix_transform_point(&c->to_chart, &px[i], &py[i]);
		if (px[i] < -0.5 || py[i] < -0.5 || px[i] > c->W + 0.5 ||
		    py[i] > c->H + 0.5)
			c->overflow = 1;
	}
}

/* Draw the layout with its top-left at (x, y); record its lines. */
static void
show(struct ctx *c, PangoLayout *l, double x, double y)
{
	PangoLayoutIter *it;
	PangoRectangle log;
	const char *text = pango_layout_get_text(l);

	pango_layout_get_extents(l, NULL, &log);
	note_box(c, x + (double)log.x / PANGO_SCALE, y, (double)log.width /
	    PANGO_SCALE, (double)log.height / PANGO_SCALE);
	if (c->H <= 0)
		return;
	cairo_move_to(c->cr, x, y);
	pango_cairo_update_layout(c->cr, l);
	pango_cairo_show_layout(c->cr, l);
	if (c->labels == NULL)
		return;
	it = pango_layout_get_iter(l);
	do {
		PangoLayoutLine *ln = pango_layout_iter_get_line_readonly(it);
		double dx, dy;
		size_t n;

		pango_layout_iter_get_line_extents(it, NULL, &log);
		dx = x + (double)log.x / PANGO_SCALE;
		dy = y + (double)pango_layout_iter_get_baseline(it) /
		    PANGO_SCALE;
		cairo_user_to_device(c->cr, &dx, &dy);
		/* The blank a line was broken at is no part of it. */
		n = (size_t)ln->length;
		while (n > 0 && (text[ln->start_index + n - 1] == ' ' ||
		    text[ln->start_index + n - 1] == '\n'))
			n--;
		if (n > 0)
			sq_labels_add(c->labels, dx, dy, c->fs,
			    text + ln->start_index, n);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

void
sqc_set_font(struct ctx *c, double size, int bold)
{
	c->fs = size;
	c->bold = bold;
}

double
sqc_measure(void *vctx, const char *s, size_t len)
{
	struct ctx *c = vctx;
	PangoLayout *l = set_text(c, s, len, 0, PANGO_ALIGN_LEFT);
	PangoRectangle log;

	if (l == NULL)
		return 0;
	pango_layout_get_extents(l, NULL, &log);
	return (double)log.width / PANGO_SCALE;
}

double
sqc_text_w(struct ctx *c, const char *s)
{
	return sqc_measure(c, s, strlen(s));
}

/* Draw len bytes of s with its baseline at y; align 0 left, .5, 1 right. */
void
sqc_text_n(struct ctx *c, double x, double y, const char *s, size_t len,
    double align)
{
	PangoLayout *l = set_text(c, s, len, 0, PANGO_ALIGN_LEFT);
	PangoRectangle log;

	if (l == NULL)
		return;
	pango_layout_get_extents(l, NULL, &log);
	show(c, l, x - (double)log.width / PANGO_SCALE * align,
	    y - (double)pango_layout_get_baseline(l) / PANGO_SCALE);
}

void
sqc_text(struct ctx *c, double x, double y, const char *s, double align)
{
	sqc_text_n(c, x, y, s, strlen(s), align);
}

/* Text on a white halo, so grid and crosshair lines do not cross it. */
void
sqc_halo_text(struct ctx *c, double x, double y, const char *s, double align)
{
	double w = sqc_text_w(c, s), r, g, b, a;
	cairo_pattern_t *src = cairo_get_source(c->cr);

	cairo_pattern_get_rgba(src, &r, &g, &b, &a);
	cairo_set_source_rgba(c->cr, 1, 1, 1, 0.85);
	cairo_rectangle(c->cr, x - w * align - 2, y - c->fs * 0.8, w + 4,
	    c->fs * 1.05);
	cairo_fill(c->cr);
	cairo_set_source_rgba(c->cr, r, g, b, a);
	sqc_text(c, x, y, s, align);
}

/* Line height for a font size. */
double
sqc_lh(double size)
{
	return size * 1.22;
}

/*
 * Draw s wrapped to maxw with the first line's top at y; valign is the
 * share of the block's height to shift it up (0 top, .5 centred).
 * Returns the block height; draws nothing when dry.
 */
double
sqc_wrapped(struct ctx *c, const char *s, double x, double y, double maxw,
    double size, double align, double valign, int dry)
{
	PangoAlignment al = align <= 0.25 ? PANGO_ALIGN_LEFT : align >= 0.75 ?
	    PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER;
	PangoLayout *l;
	PangoRectangle log;
	double h, fs = c->fs;

	if (maxw < 1)
		maxw = 1;
	c->fs = size;
	l = set_text(c, s, strlen(s), maxw, al);
	c->fs = fs;
	if (l == NULL)
		return 0;
	pango_layout_get_extents(l, NULL, &log);
	h = (double)log.height / PANGO_SCALE;
	if (s[0] == '\0')
		return 0;
	if (!dry) {
		double fs0 = c->fs;

		c->fs = size;
		show(c, l, x - maxw * (al == PANGO_ALIGN_LEFT ? 0 :
		    al == PANGO_ALIGN_CENTER ? 0.5 : 1), y - h * valign);
		c->fs = fs0;
	}
	return h;
}

/* Widest line of s wrapped to maxw. */
double
sqc_wrapped_w(struct ctx *c, const char *s, double maxw)
{
	PangoLayout *l = set_text(c, s, strlen(s), maxw < 1 ? 1 : maxw,
	    PANGO_ALIGN_LEFT);
	PangoLayoutIter *it;
	PangoRectangle log;
	double w = 0;

	if (l == NULL)
		return 0;
	it = pango_layout_get_iter(l);
	do {
		pango_layout_iter_get_line_extents(it, NULL, &log);
		if ((double)log.width / PANGO_SCALE > w)
			w = (double)log.width / PANGO_SCALE;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return w;
}
