/*
 * Chart drawing with Cairo: one function per chart type over shared
 * pieces (title block, legend, axes, wrapped labels, notes). Lengths are
 * points; the font is DejaVu Sans, which the build installs, so every
 * machine draws the same.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "servqual/chart.h"
#include "chart_int.h"

#define FONT		"DejaVu Sans"
#define MARGIN		18.0
#define FS_TITLE	14.0
#define FS_SUB		9.0
#define FS_LABEL	9.0
#define FS_TICK		8.5
#define FS_AXIS		9.5
#define FS_NOTE		8.0
#define MAXLINES	16

/* Messages by language. */
enum {
	M_T_GAPS, M_T_ITEMS, M_T_RADAR, M_T_IPA, M_T_GROUPS, M_T_LIKERT_E,
	M_T_LIKERT_P, M_T_SCREE, M_T_CORR, M_T_LOAD,
	M_EXP, M_PERC, M_MEANS, M_GAPAX, M_GAPCI, M_WHISK, M_RESP, M_SCALE,
	M_IMP, M_PERF, M_CROSS, M_Q0, M_Q1, M_Q2, M_Q3, M_SEGMENT, M_PCT,
	M_ANSWER, M_COMP, M_EIGEN, M_OBS, M_PA, M_PA_TAB, M_KAISER,
	M_ABOVE, M_EIGNOTE, M_CORR, M_LOADING, M_SORTED, M_RADIAL, M_SEGBY, M_FROM,
	M_LIKNOTE, M_LIKNOTE_EVEN, M_CORRNOTE, M_LOWEST, M_HIGHEST, M_EP,
	M_NANCELL, M_STDIN, M_BOLD,
	M_NMSG
};

static const char *const msg[M_NMSG][2] = {
	{ "SERVQUAL gaps by dimension", "Brechas SERVQUAL por dimensión" },
	{ "Gap per item (P \u2212 E)", "Brecha por ítem (P \u2212 E)" },
	{ "Expectations and perceptions by dimension",
	  "Expectativas y percepciones por dimensión" },
	{ "Importance\u2013performance analysis",
	  "Análisis importancia\u2013desempeño" },
	{ "Dimension gaps by segment", "Brechas por dimensión y segmento" },
	{ "Distribution of answers: expectations",
	  "Distribución de respuestas: expectativas" },
	{ "Distribution of answers: perceptions",
	  "Distribución de respuestas: percepciones" },
	{ "Scree plot with parallel analysis",
	  "Gráfico de sedimentación con análisis paralelo" },
	{ "Correlations between items", "Correlaciones entre ítems" },
	{ "Factor loadings", "Cargas factoriales" },
	{ "Expectation (E)", "Expectativa (E)" },
	{ "Perception (P)", "Percepción (P)" },
	{ "Mean score", "Puntuación media" },
	{ "Gap (P \u2212 E)", "Brecha (P \u2212 E)" },
	{ "Gap (P \u2212 E) with %s% CI", "Brecha (P \u2212 E) con IC %s %" },
	{ "Whiskers: %s% confidence intervals.",
	  "Bigotes: intervalos de confianza al %s %." },
	{ "n = %s respondents", "n = %s encuestados" },
	{ "Scale %s\u2013%s.", "Escala %s\u2013%s." },
	{ "Importance (mean of the 100-point weights)",
	  "Importancia (media de los pesos sobre 100 puntos)" },
	{ "Performance (mean perception P)",
	  "Desempeño (percepción P media)" },
	{ "Crosshairs at the means of importance (%s) and performance (%s) "
	  "over the dimensions.",
	  "Las líneas cruzadas están en las medias de importancia (%s) y de "
	  "desempeño (%s) de las dimensiones." },
	{ "Concentrate here", "Concentrarse aquí" },
	{ "Keep up the good work", "Mantener el buen trabajo" },
	{ "Low priority", "Baja prioridad" },
	{ "Possible overkill", "Posible exceso" },
	{ "segment", "segmento" },
	{ "Share of answers (%)", "Porcentaje de respuestas (%)" },
	{ "Answer", "Respuesta" },
	{ "Component", "Componente" },
	{ "Eigenvalue", "Valor propio" },
	{ "Observed", "Observado" },
	{ "Parallel analysis: 95th percentile of %s random data sets",
	  "Análisis paralelo: percentil 95 de %s conjuntos aleatorios" },
	{ "Parallel analysis", "Análisis paralelo" },
	{ "Eigenvalue = 1", "Valor propio = 1" },
	{ "Components above the parallel-analysis line: %s.",
	  "Componentes sobre la línea del análisis paralelo: %s." },
	{ "Eigenvalues of the correlations of the %s items over %s complete "
	  "cases.",
	  "Valores propios de las correlaciones de los ítems %s sobre %s casos "
	  "completos." },
	{ "Correlation", "Correlación" },
	{ "Loading", "Carga" },
	{ "Sorted from the largest negative gap.",
	  "Ordenados de la mayor brecha negativa a la mayor positiva." },
	{ "Radial axis: mean score on the %s\u2013%s scale.",
	  "Eje radial: puntuación media en la escala %s\u2013%s." },
	{ "Dimension gaps by %s", "Brechas por dimensión según %s" },
	{ "Source: %s", "Fuente: %s" },
	{ "Bars centred on the middle answer (%s): lower answers extend to "
	  "the left, higher ones to the right.",
	  "Barras centradas en la respuesta central (%s): las respuestas "
	  "menores se extienden a la izquierda y las mayores a la derecha." },
	{ "Bars centred between the two middle answers: lower answers extend"
	  " to the left, higher ones to the right.",
	  "Barras centradas entre las dos respuestas centrales: las menores "
	  "se extienden a la izquierda y las mayores a la derecha." },
	{ "Pearson correlations of the %s items over %s complete cases.",
	  "Correlaciones de Pearson de los ítems %s sobre %s casos "
	  "completos." },
	{ "lowest", "mínimo" },
	{ "highest", "máximo" },
	{ "Mean expectation and perception",
	  "Expectativa y percepción medias" },
	{ "Grey cells: undefined (an item without variance).",
	  "Celdas grises: indefinidas (un ítem sin varianza)." },
	{ "standard input", "entrada estándar" },
	{ "Bold: loadings of 0.40 or more in absolute value.",
	  "En negrita: cargas de 0,40 o más en valor absoluto." },
};

struct ctx;
static void fill(const struct ctx *, int, char *, size_t, const char *,
    const char *);

struct ctx {
	cairo_t *cr;
	struct sq_labels *labels;
	const sq_chartdata *d;
	const sq_chart_opts *o;
	int lang;
	double W, H;
	double top;		/* y below the title block and legend */
	double bottom;		/* y above the notes */
	double fs;		/* current font size */
};

static const char *
M(const struct ctx *c, int id)
{
	return msg[id][c->lang == SQ_LANG_ES ? 1 : 0];
}

static void
set_font(struct ctx *c, double size, int bold)
{
	cairo_select_font_face(c->cr, FONT, CAIRO_FONT_SLANT_NORMAL,
	    bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(c->cr, size);
	c->fs = size;
}

static void
rgb(struct ctx *c, const double v[3])
{
	cairo_set_source_rgb(c->cr, v[0], v[1], v[2]);
}

static void
grey(struct ctx *c, double g)
{
	cairo_set_source_rgb(c->cr, g, g, g);
}

static double
measure(void *vctx, const char *s, size_t len)
{
	struct ctx *c = vctx;
	cairo_text_extents_t e;
	char buf[512];

	if (len >= sizeof(buf))
		len = sizeof(buf) - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	cairo_text_extents(c->cr, buf, &e);
	return e.x_advance;
}

static double
text_w(struct ctx *c, const char *s)
{
	return measure(c, s, strlen(s));
}

/* Draw len bytes of s with its baseline at y; align 0 left, .5, 1 right. */
static void
text_n(struct ctx *c, double x, double y, const char *s, size_t len,
    double align)
{
	char buf[512];
	double w;

	if (len >= sizeof(buf))
		len = sizeof(buf) - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	w = measure(c, buf, len);
	x -= w * align;
	cairo_move_to(c->cr, x, y);
	cairo_show_text(c->cr, buf);
	if (c->labels) {
		double dx = x, dy = y;

		cairo_user_to_device(c->cr, &dx, &dy);
		sq_labels_add(c->labels, dx, dy, c->fs, buf, len);
	}
}

static void
text(struct ctx *c, double x, double y, const char *s, double align)
{
	text_n(c, x, y, s, strlen(s), align);
}

/* Text on a white halo, so grid and crosshair lines do not cross it. */
static void
halo_text(struct ctx *c, double x, double y, const char *s, double align)
{
	double w = text_w(c, s), r, g, b, a;
	cairo_pattern_t *src = cairo_get_source(c->cr);

	cairo_pattern_get_rgba(src, &r, &g, &b, &a);
	cairo_set_source_rgba(c->cr, 1, 1, 1, 0.85);
	cairo_rectangle(c->cr, x - w * align - 2, y - c->fs * 0.8, w + 4,
	    c->fs * 1.05);
	cairo_fill(c->cr);
	cairo_set_source_rgba(c->cr, r, g, b, a);
	text(c, x, y, s, align);
}

/* Line height for a font size. */
static double
lh(double size)
{
	return size * 1.22;
}

/*
 * Draw s wrapped to maxw with the first line's top at y; valign is the
 * share of the block's height to shift it up (0 top, .5 centred).
 * Returns the block height; draws nothing when dry.
 */
static double
wrapped(struct ctx *c, const char *s, double x, double y, double maxw,
    double size, double align, double valign, int dry)
{
	sq_line ln[MAXLINES];
	size_t n, i, m;
	double h;

	n = sq_wrap(s, maxw, measure, c, ln, MAXLINES, NULL);
	m = n < MAXLINES ? n : MAXLINES;
	h = lh(size) * (double)m;
	if (dry)
		return h;
	y -= h * valign;
	for (i = 0; i < m; i++)
		text_n(c, x, y + lh(size) * (double)i + size * 0.93,
		    s + ln[i].off, ln[i].len, align);
	return h;
}

/* Widest line of s wrapped to maxw. */
static double
wrapped_w(struct ctx *c, const char *s, double maxw)
{
	sq_line ln[MAXLINES];
	double w;

	sq_wrap(s, maxw, measure, c, ln, MAXLINES, &w);
	return w;
}

/* A number for a label: decimal comma in Spanish, a true minus sign. */
static void
fmt_num(const struct ctx *c, double v, int dec, char *buf, size_t len)
{
	char tmp[64], *p;
	size_t o = 0;

	if (isnan(v)) {
		snprintf(buf, len, "NaN");
		return;
	}
	if (fabs(v) < 0.5 * pow(10, -dec))
		v = 0;
	snprintf(tmp, sizeof(tmp), "%.*f", dec, fabs(v));
	if (c->lang == SQ_LANG_ES && (p = strchr(tmp, '.')) != NULL)
		*p = ',';
	if (v < 0 && o + 3 < len) {
		memcpy(buf, "\u2212", 3);
		o = 3;
	}
	snprintf(buf + o, len - o, "%s", tmp);
}

/* A figure such as 95 or 1.5 for use inside a sentence. */
static void
fmt_g(const struct ctx *c, double v, char *buf, size_t len)
{
	char *p;

	snprintf(buf, len, "%g", v);
	if (c->lang == SQ_LANG_ES && (p = strchr(buf, '.')) != NULL)
		*p = ',';
}

static const char *
dim_name(const struct ctx *c, size_t d)
{
	const sq_dimension *dm = &c->d->ins->dims[d];

	return dm->name[c->lang][0] ? dm->name[c->lang] : dm->code;
}

/* "12. wording" for item i. */
static void
item_label(const struct ctx *c, size_t i, char *buf, size_t len)
{
	const sq_item *it = &c->d->ins->items[i];
	const char *w = it->wording[c->lang][0] ? it->wording[c->lang] :
	    it->wording[0];

	if (w[0])
		snprintf(buf, len, "%d. %s", it->number, w);
	else
		snprintf(buf, len, "%d", it->number);
}

/* Colour of dimension d: Okabe-Ito without black and yellow first. */
static void
dim_color(size_t d, double v[3])
{
	static const size_t order[] = { 5, 1, 3, 6, 7, 2, 0, 4 };

	sq_palette(order[d % 8], v);
}

/* ---- shared pieces ---- */

static int
chart_title(const sq_chartdata *d, const sq_chart_opts *o, char *buf,
    size_t len)
{
	struct ctx c;
	int id;

	memset(&c, 0, sizeof(c));
	c.d = d;
	c.lang = o->lang == SQ_LANG_ES ? SQ_LANG_ES : SQ_LANG_EN;
	if (o->title) {
		snprintf(buf, len, "%s", o->title);
		return 0;
	}
	switch (o->type) {
	case SQ_CHART_GAPS:
		id = M_T_GAPS;
		break;
	case SQ_CHART_ITEMS:
		id = M_T_ITEMS;
		break;
	case SQ_CHART_RADAR:
		id = M_T_RADAR;
		break;
	case SQ_CHART_IPA:
		id = M_T_IPA;
		break;
	case SQ_CHART_GROUPS:
		fill(&c, M_SEGBY, buf, len, d->segname[0] ? d->segname :
		    M(&c, M_SEGMENT), NULL);
		return 0;
	case SQ_CHART_LIKERT:
		id = d->likert_block == SQ_BLOCK_E ? M_T_LIKERT_E :
		    M_T_LIKERT_P;
		break;
	case SQ_CHART_SCREE:
		id = M_T_SCREE;
		break;
	default:
		id = d->matrix_kind == SQ_MATRIX_CORRELATION ? M_T_CORR :
		    M_T_LOAD;
		break;
	}
	snprintf(buf, len, "%s", M(&c, id));
	return 0;
}

void
sq_chart_title(const sq_chartdata *d, const sq_chart_opts *opts, char *buf,
    size_t len)
{
	chart_title(d, opts, buf, len);
}

/* Title and subtitle; sets c->top. */
static void
title_block(struct ctx *c)
{
	double y = MARGIN, h;
	char t[512], sub[384], num[64];

	chart_title(c->d, c->o, t, sizeof(t));
	set_font(c, FS_TITLE, 1);
	grey(c, 0.1);
	h = wrapped(c, t, MARGIN, y, c->W - 2 * MARGIN, FS_TITLE, 0, 0, 0);
	y += h + 2;
	sub[0] = '\0';
	if (!isnan(c->d->respondents)) {
		char nn[32];

		snprintf(nn, sizeof(nn), "%.0f", c->d->respondents);
		fill(c, M_RESP, num, sizeof(num), nn, NULL);
		snprintf(sub, sizeof(sub), "%s \u00b7 ", num);
	}
	fill(c, M_FROM, sub + strlen(sub), sizeof(sub) - strlen(sub),
	    c->d->source[0] && strcmp(c->d->source, "-") != 0 ?
	    c->d->source : M(c, M_STDIN), NULL);
	set_font(c, FS_SUB, 0);
	grey(c, 0.35);
	h = wrapped(c, sub, MARGIN, y, c->W - 2 * MARGIN, FS_SUB, 0, 0, 0);
	c->top = y + h + 8;
}

/* Notes at the bottom, wrapped; sets c->bottom. */
static void
notes(struct ctx *c, const char *s)
{
	double h;

	set_font(c, FS_NOTE, 0);
	h = wrapped(c, s, MARGIN, 0, c->W - 2 * MARGIN, FS_NOTE, 0, 0, 1);
	c->bottom = c->H - MARGIN - h;
	grey(c, 0.3);
	wrapped(c, s, MARGIN, c->bottom, c->W - 2 * MARGIN, FS_NOTE, 0, 0, 0);
	c->bottom -= 6;
}

struct legend_item {
	const char *label;
	double color[3];
	int kind;		/* 0 box, 1 line with dot, 2 dashed line */
};

/* Legend entries in rows from (x, c->top) within width w; moves c->top. */
static void
legend(struct ctx *c, const char *heading, const struct legend_item *it,
    size_t n, double x, double w)
{
	double cx = x, y = c->top, sw = 11, gap = 14, row = lh(FS_LABEL) + 3;
	size_t i;

	set_font(c, FS_LABEL, 0);
	if (heading) {
		grey(c, 0.2);
		text(c, cx, y + FS_LABEL, heading, 0);
		cx += text_w(c, heading) + 8;
	}
	for (i = 0; i < n; i++) {
		double tw = text_w(c, it[i].label);
		double need = sw + 5 + tw;

		if (cx + need > x + w && cx > x) {
			cx = x;
			y += row;
		}
		rgb(c, it[i].color);
		if (it[i].kind == 0) {
			cairo_rectangle(c->cr, cx, y + 1, sw, sw - 2);
			cairo_fill(c->cr);
		} else {
			cairo_set_line_width(c->cr, 2);
			if (it[i].kind == 2) {
				double dash[] = { 3, 2 };

				cairo_set_dash(c->cr, dash, 2, 0);
			}
			cairo_move_to(c->cr, cx - 2, y + sw / 2);
			cairo_line_to(c->cr, cx + sw + 2, y + sw / 2);
			cairo_stroke(c->cr);
			cairo_set_dash(c->cr, NULL, 0, 0);
			cairo_arc(c->cr, cx + sw / 2, y + sw / 2, 2.6, 0,
			    2 * M_PI);
			cairo_fill(c->cr);
		}
		grey(c, 0.15);
		text(c, cx + sw + 5, y + FS_LABEL, it[i].label, 0);
		cx += need + gap;
	}
	c->top = y + row + 6;
}

/* Horizontal grid and tick labels of a vertical value axis. */
static void
yaxis(struct ctx *c, const sq_scale *s, const sq_ticks *t, double x0,
    double x1, const char *title)
{
	int dec = sq_tick_decimals(t->step);
	size_t i;
	char buf[64];

	set_font(c, FS_TICK, 0);
	cairo_set_line_width(c->cr, 0.5);
	for (i = 0; i < t->n; i++) {
		double v = sq_tick(t, i), y = sq_scale_map(s, v);

		grey(c, v == 0 ? 0.45 : 0.88);
		cairo_move_to(c->cr, x0, y);
		cairo_line_to(c->cr, x1, y);
		cairo_stroke(c->cr);
		grey(c, 0.3);
		fmt_num(c, v, dec, buf, sizeof(buf));
		text(c, x0 - 4, y + FS_TICK * 0.35, buf, 1);
	}
	if (title) {
		double ym = (s->r0 + s->r1) / 2;

		set_font(c, FS_AXIS, 0);
		grey(c, 0.2);
		cairo_save(c->cr);
		cairo_translate(c->cr, x0 - 30, ym);
		cairo_rotate(c->cr, -M_PI / 2);
		text(c, 0, 0, title, 0.5);
		cairo_restore(c->cr);
	}
}

/* Vertical grid and tick labels of a horizontal value axis. */
static void
xaxis(struct ctx *c, const sq_scale *s, const sq_ticks *t, double y0,
    double y1, const char *title, int absolute)
{
	int dec = sq_tick_decimals(t->step);
	size_t i;
	char buf[64];

	set_font(c, FS_TICK, 0);
	cairo_set_line_width(c->cr, 0.5);
	for (i = 0; i < t->n; i++) {
		double v = sq_tick(t, i), x = sq_scale_map(s, v);

		grey(c, v == 0 ? 0.45 : 0.88);
		cairo_move_to(c->cr, x, y0);
		cairo_line_to(c->cr, x, y1);
		cairo_stroke(c->cr);
		grey(c, 0.3);
		fmt_num(c, absolute ? fabs(v) : v, dec, buf, sizeof(buf));
		text(c, x, y1 + 4 + FS_TICK, buf, 0.5);
	}
	if (title) {
		set_font(c, FS_AXIS, 0);
		grey(c, 0.2);
		text(c, (s->r0 + s->r1) / 2, y1 + 8 + FS_TICK + lh(FS_AXIS),
		    title, 0.5);
	}
}

/* Space a horizontal axis with a title takes below the plot. */
static double
xaxis_h(void)
{
	return 8 + FS_TICK + lh(FS_AXIS) + 4;
}

/* A confidence whisker from a to b at position p across. */
static void
whisker(struct ctx *c, double a, double b, double p, int horizontal,
    double cap)
{
	cairo_set_line_width(c->cr, 1.1);
	grey(c, 0.15);
	if (horizontal) {
		cairo_move_to(c->cr, a, p);
		cairo_line_to(c->cr, b, p);
		cairo_move_to(c->cr, a, p - cap);
		cairo_line_to(c->cr, a, p + cap);
		cairo_move_to(c->cr, b, p - cap);
		cairo_line_to(c->cr, b, p + cap);
	} else {
		cairo_move_to(c->cr, p, a);
		cairo_line_to(c->cr, p, b);
		cairo_move_to(c->cr, p - cap, a);
		cairo_line_to(c->cr, p + cap, a);
		cairo_move_to(c->cr, p - cap, b);
		cairo_line_to(c->cr, p + cap, b);
	}
	cairo_stroke(c->cr);
}

static void
fill_rect(struct ctx *c, const sq_rect *r)
{
	cairo_rectangle(c->cr, r->x, r->y, r->w, r->h);
	cairo_fill(c->cr);
}

/* Category labels under bands, wrapped to the step; returns the height. */
static double
band_labels(struct ctx *c, const sq_band *b, const char *const *lab,
    double y, int dry)
{
	double hmax = 0, s, w, h, step;
	size_t i;

	step = (b->r1 - b->r0) / (double)(b->n ? b->n : 1);
	set_font(c, FS_LABEL, 0);
	grey(c, 0.15);
	for (i = 0; i < b->n; i++) {
		sq_band_pos(b, i, &s, &w);
		h = wrapped(c, lab[i], s + w / 2, y, step - 6, FS_LABEL, 0.5, 0,
		    dry);
		if (h > hmax)
			hmax = h;
	}
	return hmax;
}

static void
set_frame(sq_chart_frame *f, double x0, double y0, double x1, double y1,
    const sq_scale *v, const sq_band *b, int horizontal)
{
	if (f == NULL)
		return;
	f->plot.x = x0;
	f->plot.y = y0;
	f->plot.w = x1 - x0;
	f->plot.h = y1 - y0;
	f->value = *v;
	if (b)
		f->band = *b;
	f->horizontal = horizontal;
}

/* Range of the gap CIs (and the gaps) of n stats, with 0 included. */
static void
gap_range(const sq_chartstat *s, size_t n, double *lo, double *hi)
{
	size_t i;

	*lo = 0;
	*hi = 0;
	for (i = 0; i < n; i++) {
		double a = isnan(s[i].ci_low) ? s[i].gap : s[i].ci_low;
		double b = isnan(s[i].ci_high) ? s[i].gap : s[i].ci_high;

		if (!isnan(a) && a < *lo)
			*lo = a;
		if (!isnan(b) && b > *hi)
			*hi = b;
	}
}

/* Message id with each "%s" replaced by a, then b. */
static void
fill(const struct ctx *c, int id, char *buf, size_t len, const char *a,
    const char *b)
{
	const char *t = M(c, id);
	size_t o = 0;

	while (*t && o + 1 < len) {
		if (t[0] == '%' && t[1] == 's') {
			const char *v = a ? a : "";
			size_t n = strlen(v);

			if (n > len - 1 - o)
				n = len - 1 - o;
			memcpy(buf + o, v, n);
			o += n;
			a = b;
			b = NULL;
			t += 2;
			continue;
		}
		buf[o++] = *t++;
	}
	buf[o] = '\0';
}

/* A message about the confidence level, e.g. "... 95% CI". */
static void
pct_text(const struct ctx *c, double conf, int id, char *buf, size_t len)
{
	char pc[32];

	fmt_g(c, 100 * conf, pc, sizeof(pc));
	fill(c, id, buf, len, pc, NULL);
}

static const double *
gapcol(double g, double v[3])
{
	sq_palette(g < 0 ? 6 : 3, v);
	return v;
}

static double
luminance(const double v[3])
{
	return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

/* Width of the widest gap value label ("-0.00"), at the tick font. */
static double
value_w(struct ctx *c)
{
	set_font(c, FS_TICK, 1);
	return text_w(c, "\u22120.00");
}

/* Wrapped row labels of a horizontal chart, centred on each row. */
static void
row_labels(struct ctx *c, const char *const *lab, const size_t *ord,
    size_t n, double x, double y0, double rowh, double labw, int bold)
{
	size_t i;

	set_font(c, FS_LABEL, bold);
	grey(c, 0.1);
	for (i = 0; i < n; i++)
		wrapped(c, lab[ord ? ord[i] : i], x, y0 + rowh * (double)i +
		    rowh / 2, labw + 0.5, FS_LABEL, 0, 0.5, 0);
}

static int
draw_gaps(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_instrument *ins = d->ins;
	size_t nd = ins->ndims, i;
	struct legend_item li[4];
	const char *lab[SQ_MAX_DIMS];
	char note[512], buf[256], num[64], lo_s[32], hi_s[32];
	double labw = 0, split, lx0, lx1, rx0, rx1, y0, y1, lo, hi, s, w, vw;
	sq_ticks tl, tr;
	sq_scale sl, sr;
	sq_band b;
	sq_rect r;
	int neg = 0, pos = 0;

	title_block(c);
	for (i = 0; i < nd; i++) {
		lab[i] = dim_name(c, i);
		if (d->dim[i].gap < 0)
			neg = 1;
		else if (d->dim[i].gap >= 0)
			pos = 1;
	}
	li[0] = (struct legend_item){ M(c, M_EXP), { 0 }, 0 };
	sq_palette(2, li[0].color);
	li[1] = (struct legend_item){ M(c, M_PERC), { 0 }, 0 };
	sq_palette(5, li[1].color);
	i = 2;
	if (neg) {
		li[i] = (struct legend_item){ "P \u2212 E < 0", { 0 }, 0 };
		sq_palette(6, li[i++].color);
	}
	if (pos) {
		li[i] = (struct legend_item){ "P \u2212 E \u2265 0", { 0 }, 0 };
		sq_palette(3, li[i++].color);
	}
	legend(c, NULL, li, i, MARGIN, c->W - 2 * MARGIN);
	fmt_g(c, ins->min, lo_s, sizeof(lo_s));
	fmt_g(c, ins->max, hi_s, sizeof(hi_s));
	fill(c, M_SCALE, buf, sizeof(buf), lo_s, hi_s);
	pct_text(c, c->o->conf, M_WHISK, num, sizeof(num));
	snprintf(note, sizeof(note), "%s %s", buf, num);
	notes(c, note);

	set_font(c, FS_LABEL, 1);
	for (i = 0; i < nd; i++)
		labw = fmax(labw, wrapped_w(c, lab[i], (c->W - 2 * MARGIN) *
		    0.2));
	vw = value_w(c);
	lx0 = MARGIN + labw + 12;
	split = lx0 + (c->W - MARGIN - lx0) * 0.5;
	lx1 = split - 12;
	rx0 = split + 12 + (neg ? vw + 6 : 0);
	rx1 = c->W - MARGIN - (pos ? vw + 6 : 0);
	y0 = c->top + lh(10) + 6;
	y1 = c->bottom - xaxis_h();
	if (y1 - y0 < 40 || lx1 - lx0 < 60 || rx1 - rx0 < 60)
		return SQ_ELIMIT;
	b = (sq_band){ y0, y1, nd, 0.3, 0.1 };

	/* Panel titles. */
	set_font(c, 10, 1);
	grey(c, 0.15);
	text(c, lx0, c->top + 10, M(c, M_EP), 0);
	pct_text(c, c->o->conf, M_GAPCI, buf, sizeof(buf));
	text(c, split + 12, c->top + 10, buf, 0);
	row_labels(c, lab, NULL, nd, MARGIN, y0 + (y1 - y0) / (double)nd *
	    0, (y1 - y0) / (double)nd, labw, 1);

	/* Left: E and P means, from the bottom of the scale. */
	sq_nice_ticks(ins->min, ins->max, 6, &tl);
	sl = (sq_scale){ tl.lo, tl.hi, lx0, lx1 };
	xaxis(c, &sl, &tl, y0, y1, M(c, M_MEANS), 0);
	for (i = 0; i < nd; i++) {
		double col[3];
		int k;

		for (k = 0; k < 2; k++) {
			double v = k ? d->dim[i].mean_p : d->dim[i].mean_e;

			if (isnan(v))
				continue;
			sq_band_sub(&b, i, (size_t)k, 2, &s, &w);
			sq_bar_rect(&sl, tl.lo, v, s + 0.5, w - 1, 1, &r);
			sq_palette(k ? 5 : 2, col);
			rgb(c, col);
			fill_rect(c, &r);
			set_font(c, FS_TICK, 1);
			fmt_num(c, v, 2, num, sizeof(num));
			if (text_w(c, num) + 8 < r.w) {
				grey(c, luminance(col) < 0.45 ? 1 : 0.1);
				text(c, r.x + r.w - 4, s + w / 2 + FS_TICK *
				    0.35, num, 1);
			}
		}
	}

	/* Right: gaps with intervals. */
	gap_range(d->dim, nd, &lo, &hi);
	sq_nice_ticks(lo, hi, 5, &tr);
	sr = (sq_scale){ tr.lo, tr.hi, rx0, rx1 };
	xaxis(c, &sr, &tr, y0, y1, M(c, M_GAPAX), 0);
	for (i = 0; i < nd; i++) {
		const sq_chartstat *st = &d->dim[i];
		double col[3], end;

		if (isnan(st->gap))
			continue;
		sq_band_pos(&b, i, &s, &w);
		sq_bar_rect(&sr, 0, st->gap, s, w, 1, &r);
		rgb(c, gapcol(st->gap, col));
		fill_rect(c, &r);
		end = st->gap;
		if (!isnan(st->ci_low) && !isnan(st->ci_high)) {
			whisker(c, sq_scale_map(&sr, st->ci_low),
			    sq_scale_map(&sr, st->ci_high), s + w / 2, 1,
			    fmin(w * 0.2, 6));
			end = st->gap < 0 ? st->ci_low : st->ci_high;
		}
		set_font(c, FS_TICK, 1);
		grey(c, 0.1);
		fmt_num(c, st->gap, 2, num, sizeof(num));
		if (st->gap < 0)
			text(c, sq_scale_map(&sr, end) - 4, s + w / 2 +
			    FS_TICK * 0.35, num, 1);
		else
			text(c, sq_scale_map(&sr, end) + 4, s + w / 2 +
			    FS_TICK * 0.35, num, 0);
	}
	set_frame(frame, rx0, y0, rx1, y1, &sr, &b, 1);
	return SQ_OK;
}

/* Height of the notes block for s. */
static double
notes_h(struct ctx *c, const char *s)
{
	set_font(c, FS_NOTE, 0);
	return wrapped(c, s, 0, 0, c->W - 2 * MARGIN, FS_NOTE, 0, 0, 1) + 6;
}

/*
 * Row layout for one wrapped label per row: the label column is at most
 * share of the width; *labw gets its width, *rowh the uniform row height.
 */
static void
rows_layout(struct ctx *c, char (*lab)[SQ_WORDING_LEN + 16], size_t n,
    double share, double *labw, double *rowh)
{
	double maxw = (c->W - 2 * MARGIN) * share, w, h, wm = 0, hm = 0;
	size_t i;

	set_font(c, FS_LABEL, 0);
	for (i = 0; i < n; i++) {
		w = wrapped_w(c, lab[i], maxw);
		h = wrapped(c, lab[i], 0, 0, maxw, FS_LABEL, 0, 0, 1);
		if (w > wm)
			wm = w;
		if (h > hm)
			hm = h;
	}
	*labw = wm;
	*rowh = hm + 7 > 17 ? hm + 7 : 17;
}

static int
cmp_gap(const void *a, const void *b, void *ctx)
{
	const sq_chartstat *s = ctx;
	double x = s[*(const size_t *)a].gap, y = s[*(const size_t *)b].gap;

	if (isnan(x) || isnan(y))
		return isnan(x) - isnan(y);
	if (x != y)
		return x < y ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static void
dim_legend(struct ctx *c)
{
	struct legend_item li[SQ_MAX_DIMS];
	size_t i, nd = c->d->ins->ndims;

	for (i = 0; i < nd; i++) {
		li[i] = (struct legend_item){ dim_name(c, i), { 0 }, 0 };
		dim_color(i, li[i].color);
	}
	legend(c, NULL, li, nd, MARGIN, c->W - 2 * MARGIN);
}

static int
draw_items(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_instrument *ins = d->ins;
	size_t ni = ins->nitems, i, *ord;
	char (*lab)[SQ_WORDING_LEN + 16], note[512], ci[256], num[64];
	double labw, rowh, x0, x1, y0, y1, lo, hi, pad, nh, s, w;
	sq_ticks t;
	sq_scale sc;
	sq_band b;
	sq_rect r;

	lab = calloc(ni ? ni : 1, sizeof(*lab));
	ord = calloc(ni ? ni : 1, sizeof(*ord));
	if (!lab || !ord) {
		free(lab);
		free(ord);
		return SQ_ENOMEM;
	}
	for (i = 0; i < ni; i++) {
		ord[i] = i;
		item_label(c, i, lab[i], sizeof(lab[i]));
	}
	qsort_r(ord, ni, sizeof(*ord), cmp_gap, d->item);
	title_block(c);
	dim_legend(c);
	pct_text(c, c->o->conf, M_WHISK, ci, sizeof(ci));
	snprintf(note, sizeof(note), "%s %s", M(c, M_SORTED), ci);
	nh = notes_h(c, note);
	rows_layout(c, lab, ni, 0.42, &labw, &rowh);
	y0 = c->top;
	if (c->H <= 0)
		c->H = y0 + rowh * (double)ni + xaxis_h() + nh + MARGIN + 4;
	y1 = c->H - MARGIN - nh - xaxis_h();
	notes(c, note);
	gap_range(d->item, ni, &lo, &hi);
	pad = value_w(c) + 6;
	x0 = MARGIN + labw + 12 + (lo < 0 ? pad : 0);
	x1 = c->W - MARGIN - 4;
	for (i = 0; i < ni; i++)
		if (d->item[i].gap >= 0)
			x1 = c->W - MARGIN - pad;
	if (x1 - x0 < 80 || y1 - y0 < 10 * (double)ni / 2) {
		free(lab);
		free(ord);
		return SQ_ELIMIT;
	}
	sq_nice_ticks(lo, hi, 6, &t);
	sc = (sq_scale){ t.lo, t.hi, x0, x1 };
	rowh = (y1 - y0) / (double)(ni ? ni : 1);
	b.pad_inner = rowh > 20 ? 1 - 14 / rowh : 0.3;
	b = (sq_band){ y0, y1, ni, b.pad_inner, b.pad_inner / 2 };
	xaxis(c, &sc, &t, y0, y1, M(c, M_GAPAX), 0);
	for (i = 0; i < ni; i++) {
		const sq_chartstat *st = &d->item[ord[i]];
		double col[3], end, mid;

		sq_band_pos(&b, i, &s, &w);
		mid = s + w / 2;
		set_font(c, FS_LABEL, 0);
		grey(c, 0.1);
		wrapped(c, lab[ord[i]], MARGIN, y0 + rowh * (double)i +
		    rowh / 2, labw + 0.5, FS_LABEL, 0, 0.5, 0);
		if (isnan(st->gap))
			continue;
		sq_bar_rect(&sc, 0, st->gap, s, w, 1, &r);
		dim_color((size_t)ins->items[ord[i]].dim, col);
		rgb(c, col);
		fill_rect(c, &r);
		end = st->gap;
		if (!isnan(st->ci_low) && !isnan(st->ci_high)) {
			whisker(c, sq_scale_map(&sc, st->ci_low),
			    sq_scale_map(&sc, st->ci_high), mid, 1, w * 0.3);
			end = st->gap < 0 ? st->ci_low : st->ci_high;
		}
		set_font(c, FS_TICK, 0);
		grey(c, 0.1);
		fmt_num(c, st->gap, 2, num, sizeof(num));
		if (st->gap < 0)
			text(c, sq_scale_map(&sc, end) - 4, mid + FS_TICK * 0.35,
			    num, 1);
		else
			text(c, sq_scale_map(&sc, end) + 4, mid + FS_TICK * 0.35,
			    num, 0);
	}
	set_frame(frame, x0, y0, x1, y1, &sc, &b, 1);
	free(lab);
	free(ord);
	return SQ_OK;
}

static void
polygon(struct ctx *c, const double *v, size_t n, const sq_scale *rs,
    double cx, double cy)
{
	size_t k;
	double x, y;

	for (k = 0; k < n; k++) {
		sq_polar(cx, cy, sq_scale_map(rs, v[k]), k, n, &x, &y);
		if (k == 0)
			cairo_move_to(c->cr, x, y);
		else
			cairo_line_to(c->cr, x, y);
	}
	cairo_close_path(c->cr);
}

static int
draw_radar(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_instrument *ins = d->ins;
	size_t nd = ins->ndims, k, i;
	struct legend_item li[2];
	double e[SQ_MAX_DIMS], p[SQ_MAX_DIMS], cx, cy, R, labw = 110;
	double col[3], x, y, dash[] = { 5, 3 };
	char note[256], lo_s[32], hi_s[32], num[32];
	sq_ticks t;
	sq_scale rs;
	int dec;

	if (nd < 3)
		return SQ_EDATA;
	title_block(c);
	li[0] = (struct legend_item){ M(c, M_EXP), { 0 }, 2 };
	sq_palette(2, li[0].color);
	li[1] = (struct legend_item){ M(c, M_PERC), { 0 }, 1 };
	sq_palette(5, li[1].color);
	legend(c, NULL, li, 2, MARGIN, c->W - 2 * MARGIN);
	fmt_g(c, ins->min, lo_s, sizeof(lo_s));
	fmt_g(c, ins->max, hi_s, sizeof(hi_s));
	fill(c, M_RADIAL, note, sizeof(note), lo_s, hi_s);
	notes(c, note);
	cx = c->W / 2;
	cy = (c->top + c->bottom) / 2;
	R = (c->bottom - c->top) / 2 - 2 * lh(FS_LABEL) - 6;
	if ((c->W - 2 * MARGIN) / 2 - labw - 8 < R)
		R = (c->W - 2 * MARGIN) / 2 - labw - 8;
	if (R < 40)
		return SQ_ELIMIT;
	sq_nice_ticks(ins->min, ins->max, 6, &t);
	rs = (sq_scale){ ins->min, ins->max, 0, R };
	dec = sq_tick_decimals(t.step);
	/* Rings and spokes. */
	cairo_set_line_width(c->cr, 0.6);
	for (i = 0; i < t.n; i++) {
		double v = sq_tick(&t, i), ring[SQ_MAX_DIMS];

		if (v < ins->min || v > ins->max)
			continue;
		for (k = 0; k < nd; k++)
			ring[k] = v;
		grey(c, 0.85);
		polygon(c, ring, nd, &rs, cx, cy);
		cairo_stroke(c->cr);
	}
	for (k = 0; k < nd; k++) {
		sq_polar(cx, cy, R, k, nd, &x, &y);
		grey(c, 0.8);
		cairo_move_to(c->cr, cx, cy);
		cairo_line_to(c->cr, x, y);
		cairo_stroke(c->cr);
	}
	for (k = 0; k < nd; k++) {
		e[k] = isnan(d->dim[k].mean_e) ? ins->min : d->dim[k].mean_e;
		p[k] = isnan(d->dim[k].mean_p) ? ins->min : d->dim[k].mean_p;
	}
	/* E dashed, P solid; light fills so both stay visible. */
	sq_palette(2, col);
	cairo_set_source_rgba(c->cr, col[0], col[1], col[2], 0.12);
	polygon(c, e, nd, &rs, cx, cy);
	cairo_fill_preserve(c->cr);
	rgb(c, col);
	cairo_set_line_width(c->cr, 2);
	cairo_set_dash(c->cr, dash, 2, 0);
	cairo_stroke(c->cr);
	cairo_set_dash(c->cr, NULL, 0, 0);
	sq_palette(5, col);
	cairo_set_source_rgba(c->cr, col[0], col[1], col[2], 0.15);
	polygon(c, p, nd, &rs, cx, cy);
	cairo_fill_preserve(c->cr);
	rgb(c, col);
	cairo_stroke(c->cr);
	for (k = 0; k < nd; k++) {
		sq_palette(2, col);
		rgb(c, col);
		sq_polar(cx, cy, sq_scale_map(&rs, e[k]), k, nd, &x, &y);
		cairo_arc(c->cr, x, y, 3, 0, 2 * M_PI);
		cairo_fill(c->cr);
		sq_palette(5, col);
		rgb(c, col);
		sq_polar(cx, cy, sq_scale_map(&rs, p[k]), k, nd, &x, &y);
		cairo_arc(c->cr, x, y, 3, 0, 2 * M_PI);
		cairo_fill(c->cr);
	}
	/* Ring values along the first spoke, on a white halo. */
	set_font(c, FS_TICK, 0);
	for (i = 0; i < t.n; i++) {
		double v = sq_tick(&t, i);

		if (v < ins->min || v > ins->max)
			continue;
		fmt_num(c, v, dec, num, sizeof(num));
		y = cy - sq_scale_map(&rs, v);
		cairo_set_source_rgba(c->cr, 1, 1, 1, 0.8);
		cairo_rectangle(c->cr, cx + 3, y - FS_TICK * 0.6,
		    text_w(c, num) + 2, FS_TICK * 1.2);
		cairo_fill(c->cr);
		grey(c, 0.35);
		text(c, cx + 4, y + FS_TICK * 0.35, num, 0);
	}
	/* Dimension names outside the rings, with the two means. */
	for (k = 0; k < nd; k++) {
		double sx, sy, al, va, a = 2 * M_PI * (double)k / (double)nd;
		char lab[SQ_NAME_LEN + 64], me[32], mp[32];

		sq_polar(cx, cy, R + 10, k, nd, &x, &y);
		sx = sin(a);
		sy = cos(a);
		al = fabs(sx) < 0.2 ? 0.5 : sx > 0 ? 0 : 1;
		va = sy > 0.2 ? 1 : sy < -0.2 ? 0 : 0.5;
		fmt_num(c, d->dim[k].mean_e, 2, me, sizeof(me));
		fmt_num(c, d->dim[k].mean_p, 2, mp, sizeof(mp));
		set_font(c, FS_LABEL, 1);
		grey(c, 0.1);
		snprintf(lab, sizeof(lab), "%s", dim_name(c, k));
		{
			double h1 = wrapped(c, lab, x, 0, labw, FS_LABEL, al, 0,
			    1);
			double h = h1 + lh(FS_TICK);

			wrapped(c, lab, x, y - h * va, labw, FS_LABEL, al, 0, 0);
			set_font(c, FS_TICK, 0);
			grey(c, 0.3);
			snprintf(lab, sizeof(lab), "E %s \u00b7 P %s", me, mp);
			text(c, x, y - h * va + h1 + FS_TICK, lab, al);
		}
	}
	if (frame) {
		frame->plot = (sq_rect){ cx - R, cy - R, 2 * R, 2 * R };
		frame->value = rs;
		frame->horizontal = 0;
	}
	return SQ_OK;
}

/* Label placement: does r overlap any of n rects? */
static int
overlaps(const sq_rect *r, const sq_rect *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (r->x < v[i].x + v[i].w && v[i].x < r->x + r->w &&
		    r->y < v[i].y + v[i].h && v[i].y < r->y + r->h)
			return 1;
	return 0;
}

static int
draw_ipa(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_instrument *ins = d->ins;
	size_t nd = ins->ndims, k, n = 0, nb = 0;
	double ilo = INFINITY, ihi = -INFINITY, plo = INFINITY, phi = -INFINITY;
	double ic = 0, pc = 0, x0, x1, y0, y1, pad, col[3], dash[] = { 4, 3 };
	char note[512], a[32], b[32];
	sq_ticks tx, ty;
	sq_scale sx, sy;
	sq_rect boxes[2 * SQ_MAX_DIMS + 4];
	static const int qid[4] = { M_Q0, M_Q1, M_Q2, M_Q3 };

	for (k = 0; k < nd; k++) {
		double i = d->importance[k], p = d->performance[k];

		if (isnan(i) || isnan(p))
			continue;
		ic += i;
		pc += p;
		n++;
		ilo = fmin(ilo, i);
		ihi = fmax(ihi, i);
		plo = fmin(plo, p);
		phi = fmax(phi, p);
	}
	if (n == 0)
		return SQ_EEMPTY;
	ic /= (double)n;
	pc /= (double)n;
	title_block(c);
	fmt_num(c, ic, 1, a, sizeof(a));
	fmt_num(c, pc, 2, b, sizeof(b));
	fill(c, M_CROSS, note, sizeof(note), a, b);
	notes(c, note);
	x0 = MARGIN + 48;
	x1 = c->W - MARGIN - 4;
	y0 = c->top + 4;
	y1 = c->bottom - xaxis_h();
	pad = fmax((ihi - ilo) * 0.3, 1);
	sq_nice_ticks(ilo - pad, ihi + pad, 6, &tx);
	pad = fmax((phi - plo) * 0.3, 0.2);
	sq_nice_ticks(plo - pad, phi + pad, 6, &ty);
	sx = (sq_scale){ tx.lo, tx.hi, x0, x1 };
	sy = (sq_scale){ ty.lo, ty.hi, y1, y0 };
	xaxis(c, &sx, &tx, y0, y1, M(c, M_IMP), 0);
	yaxis(c, &sy, &ty, x0, x1, M(c, M_PERF));
	/* Crosshairs. */
	grey(c, 0.35);
	cairo_set_line_width(c->cr, 1);
	cairo_set_dash(c->cr, dash, 2, 0);
	cairo_move_to(c->cr, sq_scale_map(&sx, ic), y0);
	cairo_line_to(c->cr, sq_scale_map(&sx, ic), y1);
	cairo_move_to(c->cr, x0, sq_scale_map(&sy, pc));
	cairo_line_to(c->cr, x1, sq_scale_map(&sy, pc));
	cairo_stroke(c->cr);
	cairo_set_dash(c->cr, NULL, 0, 0);
	/* Quadrant names in the corners. */
	set_font(c, FS_LABEL, 1);
	grey(c, 0.55);
	for (k = 0; k < 4; k++) {
		const char *q = M(c, qid[k]);
		int right = k == SQ_Q_CONCENTRATE || k == SQ_Q_KEEP_UP;
		int top = k == SQ_Q_KEEP_UP || k == SQ_Q_OVERKILL;
		double tx_ = right ? x1 - 6 : x0 + 6;
		double ty_ = top ? y0 + 6 : y1 - 6 - lh(FS_LABEL);
		double w = text_w(c, q);

		text(c, tx_, ty_ + FS_LABEL, q, right ? 1 : 0);
		boxes[nb++] = (sq_rect){ right ? tx_ - w : tx_, ty_, w,
		    lh(FS_LABEL) };
	}
	/* Points first, so labels avoid them. */
	for (k = 0; k < nd; k++) {
		double px, py;

		if (isnan(d->importance[k]) || isnan(d->performance[k]))
			continue;
		px = sq_scale_map(&sx, d->importance[k]);
		py = sq_scale_map(&sy, d->performance[k]);
		dim_color(k, col);
		rgb(c, col);
		cairo_arc(c->cr, px, py, 5, 0, 2 * M_PI);
		cairo_fill(c->cr);
		boxes[nb++] = (sq_rect){ px - 5, py - 5, 10, 10 };
	}
	set_font(c, FS_LABEL, 0);
	for (k = 0; k < nd; k++) {
		static const double off[8][2] = {
			{ 8, -0.5 }, { -8, -0.5 }, { 8, -1.4 }, { 8, 0.4 },
			{ -8, -1.4 }, { -8, 0.4 }, { 0, -1.9 }, { 0, 0.9 }
		};
		double px, py, w, h = lh(FS_LABEL);
		int j, best = 0;
		sq_rect r = { 0 };

		if (isnan(d->importance[k]) || isnan(d->performance[k]))
			continue;
		px = sq_scale_map(&sx, d->importance[k]);
		py = sq_scale_map(&sy, d->performance[k]);
		w = text_w(c, dim_name(c, k));
		for (j = 0; j < 8; j++) {
			double lx = off[j][0] > 0 ? px + off[j][0] :
			    off[j][0] < 0 ? px + off[j][0] - w : px - w / 2;

			r = (sq_rect){ lx, py + off[j][1] * h, w, h };
			if (r.x >= x0 && r.x + r.w <= x1 && r.y >= y0 &&
			    r.y + r.h <= y1 && !overlaps(&r, boxes, nb)) {
				best = j;
				break;
			}
			if (j == 7)
				best = 0;
		}
		if (j == 8) {
			double lx = px + off[best][0];

			r = (sq_rect){ lx, py + off[best][1] * h, w, h };
		}
		boxes[nb++] = r;
		grey(c, 0.1);
		halo_text(c, r.x, r.y + FS_LABEL, dim_name(c, k), 0);
	}
	if (frame) {
		set_frame(frame, x0, y0, x1, y1, &sy, NULL, 0);
	}
	return SQ_OK;
}

/*
 * Colour of segment j: Okabe-Ito without black, which the whiskers use,
 * and a neutral grey as the eighth.
 */
static void
seg_color(size_t j, double v[3])
{
	static const size_t pal[7] = { 5, 1, 3, 6, 7, 2, 4 };

	if (j >= 7) {
		v[0] = v[1] = v[2] = 0.6;
		return;
	}
	sq_palette(pal[j], v);
}

static int
draw_groups(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_instrument *ins = d->ins;
	size_t nd = ins->ndims, ns = d->nseg, i, j;
	struct legend_item li[8];
	const char *lab[SQ_MAX_DIMS];
	char note[256], num[32];
	double x0, x1, y0, y1, lo = 0, hi = 0, s, w, labh;
	sq_ticks t;
	sq_scale sc;
	sq_band b;
	sq_rect r;

	if (ns == 0)
		return SQ_EEMPTY;
	if (ns > 8)
		return SQ_ELIMIT;
	title_block(c);
	for (j = 0; j < ns; j++) {
		li[j] = (struct legend_item){ d->seg[j], { 0 }, 0 };
		seg_color(j, li[j].color);
	}
	legend(c, d->segname[0] ? d->segname : M(c, M_SEGMENT), li, ns,
	    MARGIN, c->W - 2 * MARGIN);
	pct_text(c, c->o->conf, M_WHISK, note, sizeof(note));
	notes(c, note);
	for (i = 0; i < nd; i++)
		lab[i] = dim_name(c, i);
	for (j = 0; j < ns; j++) {
		double a, bb;

		gap_range(d->segdim + j * nd, nd, &a, &bb);
		lo = fmin(lo, a);
		hi = fmax(hi, bb);
	}
	sq_nice_ticks(lo, hi, 6, &t);
	x0 = MARGIN + 44;
	x1 = c->W - MARGIN;
	y0 = c->top + 4;
	b = (sq_band){ x0, x1, nd, 0.25, 0.1 };
	labh = band_labels(c, &b, lab, 0, 1);
	y1 = c->bottom - labh - 6;
	if (y1 - y0 < 60)
		return SQ_ELIMIT;
	sc = (sq_scale){ t.lo, t.hi, y1, y0 };
	yaxis(c, &sc, &t, x0, x1, M(c, M_GAPAX));
	for (i = 0; i < nd; i++)
		for (j = 0; j < ns; j++) {
			const sq_chartstat *st = &d->segdim[j * nd + i];
			double col[3];

			if (isnan(st->gap))
				continue;
			sq_band_sub(&b, i, j, ns, &s, &w);
			sq_bar_rect(&sc, 0, st->gap, s + 0.5, w - 1, 0, &r);
			seg_color(j, col);
			rgb(c, col);
			fill_rect(c, &r);
			if (!isnan(st->ci_low) && !isnan(st->ci_high))
				whisker(c, sq_scale_map(&sc, st->ci_low),
				    sq_scale_map(&sc, st->ci_high), s + w / 2,
				    0, fmin(w * 0.25, 5));
		}
	(void)num;
	band_labels(c, &b, lab, y1 + 5, 0);
	set_frame(frame, x0, y0, x1, y1, &sc, &b, 0);
	return SQ_OK;
}

static int
draw_likert(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_instrument *ins = d->ins;
	size_t ni = ins->nitems, nv = d->nvals, i, v;
	char (*lab)[SQ_WORDING_LEN + 16], note[512], num[32], mid[32];
	struct legend_item li[21];
	char vl[21][32];
	double *lo, *hi, labw, rowh, x0, x1, y0, y1, nh, mn = 0, mx = 0, s, w;
	sq_ticks t;
	sq_scale sc;
	sq_band b;
	int rc = SQ_OK;

	if (nv < 2 || nv > 21)
		return SQ_EDATA;
	lab = calloc(ni ? ni : 1, sizeof(*lab));
	lo = calloc(ni * nv + 1, sizeof(double));
	hi = calloc(ni * nv + 1, sizeof(double));
	if (!lab || !lo || !hi) {
		rc = SQ_ENOMEM;
		goto out;
	}
	for (i = 0; i < ni; i++) {
		item_label(c, i, lab[i], sizeof(lab[i]));
		sq_likert_layout(d->count + i * nv, nv, lo + i * nv,
		    hi + i * nv);
		mn = fmin(mn, lo[i * nv]);
		mx = fmax(mx, hi[i * nv + nv - 1]);
	}
	title_block(c);
	for (v = 0; v < nv; v++) {
		fmt_g(c, d->vmin + (double)v, vl[v], sizeof(vl[v]));
		if (v == 0 || v == nv - 1) {
			size_t l = strlen(vl[v]);

			snprintf(vl[v] + l, sizeof(vl[v]) - l, " (%s)",
			    M(c, v == 0 ? M_LOWEST : M_HIGHEST));
		}
		li[v] = (struct legend_item){ vl[v], { 0 }, 0 };
		sq_likert_color(v, nv, li[v].color);
	}
	legend(c, M(c, M_ANSWER), li, nv, MARGIN, c->W - 2 * MARGIN);
	if (nv % 2) {
		fmt_g(c, d->vmin + (double)(nv / 2), mid, sizeof(mid));
		fill(c, M_LIKNOTE, note, sizeof(note), mid, NULL);
	} else
		fill(c, M_LIKNOTE_EVEN, note, sizeof(note), NULL, NULL);
	nh = notes_h(c, note);
	rows_layout(c, lab, ni, 0.38, &labw, &rowh);
	y0 = c->top;
	if (c->H <= 0)
		c->H = y0 + rowh * (double)ni + xaxis_h() + nh + MARGIN + 4;
	y1 = c->H - MARGIN - nh - xaxis_h();
	notes(c, note);
	x0 = MARGIN + labw + 12;
	x1 = c->W - MARGIN - 6;
	if (x1 - x0 < 100 || y1 - y0 < 5 * (double)ni) {
		rc = SQ_ELIMIT;
		goto out;
	}
	sq_nice_ticks(mn, mx, 6, &t);
	sc = (sq_scale){ t.lo, t.hi, x0, x1 };
	rowh = (y1 - y0) / (double)(ni ? ni : 1);
	b.pad_inner = rowh > 22 ? 1 - 16 / rowh : 0.25;
	b = (sq_band){ y0, y1, ni, b.pad_inner, b.pad_inner / 2 };
	xaxis(c, &sc, &t, y0, y1, M(c, M_PCT), 1);
	for (i = 0; i < ni; i++) {
		sq_band_pos(&b, i, &s, &w);
		set_font(c, FS_LABEL, 0);
		grey(c, 0.1);
		wrapped(c, lab[i], MARGIN, y0 + rowh * (double)i + rowh / 2,
		    labw + 0.5, FS_LABEL, 0, 0.5, 0);
		set_font(c, FS_TICK - 1, 0);
		for (v = 0; v < nv; v++) {
			double col[3], a = lo[i * nv + v], z = hi[i * nv + v];
			sq_rect r;

			if (!(z > a))
				continue;
			sq_bar_rect(&sc, a, z, s, w, 1, &r);
			sq_likert_color(v, nv, col);
			rgb(c, col);
			fill_rect(c, &r);
			fmt_num(c, z - a, 0, num, sizeof(num));
			if (text_w(c, num) + 4 <= r.w && w >= FS_TICK) {
				grey(c, luminance(col) < 0.5 ? 1 : 0.1);
				text(c, r.x + r.w / 2, s + w / 2 +
				    (FS_TICK - 1) * 0.35, num, 0.5);
			}
		}
	}
	set_frame(frame, x0, y0, x1, y1, &sc, &b, 1);
out:
	free(lab);
	free(lo);
	free(hi);
	return rc;
}

/* "E", "P" or "P \u2212 E" for the block of a scree or heatmap. */
static const char *
block_name(const sq_chartdata *d)
{
	return d->block == SQ_BLOCK_E ? "E" : d->block == SQ_BLOCK_G ?
	    "P \u2212 E" : "P";
}

static int
draw_scree(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	size_t k = d->ncomp, i, above = 0, nl = 1;
	struct legend_item li[2];
	char pa[256], note[512], num[32];
	double x0, x1, y0, y1, mx = 1, col[3], x, y, dash[] = { 5, 3 };
	int have_ref = 0, started;
	sq_ticks tx, ty;
	sq_scale sx, sy;

	if (k == 0)
		return SQ_EEMPTY;
	for (i = 0; i < k; i++) {
		if (!isnan(d->eigen[i]))
			mx = fmax(mx, d->eigen[i]);
		if (!isnan(d->reference[i])) {
			mx = fmax(mx, d->reference[i]);
			have_ref = 1;
		}
	}
	for (i = 0; have_ref && i < k; i++) {
		if (!(d->eigen[i] > d->reference[i]))
			break;
		above++;
	}
	title_block(c);
	li[0] = (struct legend_item){ M(c, M_OBS), { 0 }, 1 };
	sq_palette(5, li[0].color);
	if (have_ref) {
		if (d->pa_iter > 0) {
			snprintf(num, sizeof(num), "%d", d->pa_iter);
			fill(c, M_PA, pa, sizeof(pa), num, NULL);
		} else
			snprintf(pa, sizeof(pa), "%s", M(c, M_PA_TAB));
		li[1] = (struct legend_item){ pa, { 0 }, 2 };
		sq_palette(6, li[1].color);
		nl = 2;
	}
	legend(c, NULL, li, nl, MARGIN, c->W - 2 * MARGIN);
	note[0] = '\0';
	if (!isnan(d->cases)) {
		snprintf(num, sizeof(num), "%.0f", d->cases);
		fill(c, M_EIGNOTE, note, sizeof(note), block_name(d), num);
	}
	if (have_ref) {
		size_t l = strlen(note);

		snprintf(num, sizeof(num), "%zu", above);
		if (l)
			note[l++] = ' ';
		fill(c, M_ABOVE, note + l, sizeof(note) - l, num, NULL);
	}
	notes(c, note);
	x0 = MARGIN + 44;
	x1 = c->W - MARGIN - 4;
	y0 = c->top + 4;
	y1 = c->bottom - xaxis_h();
	if (y1 - y0 < 60)
		return SQ_ELIMIT;
	sq_nice_ticks(0, mx * 1.05, 6, &ty);
	if (k <= 30)
		tx = (sq_ticks){ 1, (double)k, 1, k };
	else {
		sq_nice_ticks(1, (double)k, 8, &tx);
		if (tx.lo < 1) {
			tx.lo += tx.step;
			tx.n--;
		}
	}
	sx = (sq_scale){ 0.5, (double)k + 0.5, x0, x1 };
	sy = (sq_scale){ ty.lo, ty.hi, y1, y0 };
	yaxis(c, &sy, &ty, x0, x1, M(c, M_EIGEN));
	xaxis(c, &sx, &tx, y0, y1, M(c, M_COMP), 0);
	/* The Kaiser line, eigenvalue 1, for reference. */
	grey(c, 0.55);
	cairo_set_line_width(c->cr, 0.8);
	{
		double dots[] = { 1, 2 };

		cairo_set_dash(c->cr, dots, 2, 0);
	}
	cairo_move_to(c->cr, x0, sq_scale_map(&sy, 1));
	cairo_line_to(c->cr, x1, sq_scale_map(&sy, 1));
	cairo_stroke(c->cr);
	cairo_set_dash(c->cr, NULL, 0, 0);
	set_font(c, FS_TICK, 0);
	halo_text(c, x1 - 2, sq_scale_map(&sy, 1) - 3, M(c, M_KAISER), 1);
	/* Parallel analysis, dashed, then the observed line. */
	if (have_ref) {
		sq_palette(6, col);
		rgb(c, col);
		cairo_set_line_width(c->cr, 1.6);
		cairo_set_dash(c->cr, dash, 2, 0);
		for (i = 0, started = 0; i < k; i++) {
			if (isnan(d->reference[i]))
				continue;
			x = sq_scale_map(&sx, (double)i + 1);
			y = sq_scale_map(&sy, d->reference[i]);
			if (started++)
				cairo_line_to(c->cr, x, y);
			else
				cairo_move_to(c->cr, x, y);
		}
		cairo_stroke(c->cr);
		cairo_set_dash(c->cr, NULL, 0, 0);
		for (i = 0; i < k; i++) {
			if (isnan(d->reference[i]))
				continue;
			cairo_arc(c->cr, sq_scale_map(&sx, (double)i + 1),
			    sq_scale_map(&sy, d->reference[i]), 2.2, 0,
			    2 * M_PI);
			cairo_fill(c->cr);
		}
	}
	sq_palette(5, col);
	rgb(c, col);
	cairo_set_line_width(c->cr, 2);
	for (i = 0, started = 0; i < k; i++) {
		if (isnan(d->eigen[i]))
			continue;
		x = sq_scale_map(&sx, (double)i + 1);
		y = sq_scale_map(&sy, d->eigen[i]);
		if (started++)
			cairo_line_to(c->cr, x, y);
		else
			cairo_move_to(c->cr, x, y);
	}
	cairo_stroke(c->cr);
	for (i = 0; i < k; i++) {
		if (isnan(d->eigen[i]))
			continue;
		cairo_arc(c->cr, sq_scale_map(&sx, (double)i + 1),
		    sq_scale_map(&sy, d->eigen[i]), 3.2, 0, 2 * M_PI);
		cairo_fill(c->cr);
	}
	set_frame(frame, x0, y0, x1, y1, &sy, NULL, 0);
	return SQ_OK;
}

/* Item index named by a label such as "P12", or -1. */
static int
label_item(const sq_instrument *ins, const char *s)
{
	char *end;
	long v;

	while (*s && (*s < '0' || *s > '9'))
		s++;
	if (*s == '\0')
		return -1;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v > 100000)
		return -1;
	return sq_instrument_item(ins, (int)v);
}

static int
draw_heatmap(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_instrument *ins = d->ins;
	size_t nr = d->mrows, nc = d->mcols, i, j;
	double rw = 0, chh = 0, cw, ch, x0, y0, legw = 70, nh, col[3];
	double maxlab, rowlines = 1;
	char note[640], num[32], (*lab)[SQ_WORDING_LEN + 32];
	int rotate = 0, values, corr = d->matrix_kind == SQ_MATRIX_CORRELATION;
	sq_ticks t;
	sq_scale ls;

	if (nr == 0 || nc == 0)
		return SQ_EEMPTY;
	if ((lab = calloc(nr, sizeof(*lab))) == NULL)
		return SQ_ENOMEM;
	title_block(c);
	for (i = 0, j = 0; i < nr * nc; i++)
		j += isnan(d->matrix[i]);
	{
		char cn[32], first[256];

		snprintf(cn, sizeof(cn), "%.0f", d->cases);
		if (corr && !isnan(d->cases))
			fill(c, M_CORRNOTE, first, sizeof(first),
			    block_name(d), cn);
		else
			snprintf(first, sizeof(first), "%s", corr ? "" :
			    M(c, M_BOLD));
		snprintf(note, sizeof(note), "%s%s%s", first,
		    first[0] && j ? " " : "", j ? M(c, M_NANCELL) : "");
	}
	nh = notes_h(c, note);
	/* Loadings have few columns: the rows can carry the wordings. */
	maxlab = corr ? 1e9 : (c->W - 2 * MARGIN) * 0.45;
	set_font(c, FS_TICK, 0);
	for (i = 0; i < nr; i++) {
		int it = corr ? -1 : label_item(ins, d->rowlab[i]);
		const char *w = it >= 0 ? ins->items[it].wording[c->lang] : "";

		if (it >= 0 && w[0] == '\0')
			w = ins->items[it].wording[0];
		snprintf(lab[i], sizeof(lab[i]), "%s%s%s", d->rowlab[i],
		    w[0] ? " " : "", w);
		rw = fmax(rw, wrapped_w(c, lab[i], maxlab));
		rowlines = fmax(rowlines, wrapped(c, lab[i], 0, 0, maxlab,
		    FS_TICK, 0, 0, 1) / lh(FS_TICK));
	}
	for (j = 0; j < nc; j++)
		chh = fmax(chh, text_w(c, d->collab[j]));
	cw = (c->W - 2 * MARGIN - rw - 8 - legw) / (double)nc;
	if (cw > (corr ? 44 : 64))
		cw = corr ? 44 : 64;
	ch = corr ? cw : fmax(20, rowlines * lh(FS_TICK) + 6);
	if (c->H > 0) {
		double room = (c->H - c->top - nh - MARGIN - chh - 8) /
		    (double)nr;

		if (room < ch)
			ch = room;
		if (corr)
			cw = ch = fmin(cw, ch);
	}
	if (cw < 6 || ch < 6) {
		free(lab);
		return SQ_ELIMIT;
	}
	rotate = chh + 4 > cw;
	chh = rotate ? chh + 6 : lh(FS_TICK) + 4;
	if (c->H <= 0)
		c->H = c->top + chh + ch * (double)nr + nh + MARGIN + 4;
	notes(c, note);
	values = cw >= 24 && ch >= 12;
	x0 = MARGIN + rw + 6;
	y0 = c->top + chh;
	set_font(c, FS_TICK, 0);
	for (j = 0; j < nc; j++) {
		double cx = x0 + cw * ((double)j + 0.5);

		grey(c, 0.15);
		if (rotate) {
			cairo_save(c->cr);
			cairo_translate(c->cr, cx + FS_TICK * 0.35, y0 - 4);
			cairo_rotate(c->cr, -M_PI / 2);
			text(c, 0, 0, d->collab[j], 0);
			cairo_restore(c->cr);
		} else
			text(c, cx, y0 - 5, d->collab[j], 0.5);
	}
	for (i = 0; i < nr; i++) {
		double cy = y0 + ch * (double)i;

		set_font(c, FS_TICK, 0);
		grey(c, 0.15);
		if (corr)
			text(c, x0 - 4, cy + ch / 2 + FS_TICK * 0.35, lab[i], 1);
		else
			wrapped(c, lab[i], MARGIN, cy + ch / 2, rw + 0.5,
			    FS_TICK, 0, 0.5, 0);
		for (j = 0; j < nc; j++) {
			double v = d->matrix[i * nc + j];

			sq_diverging(v, col);
			if (isnan(v))
				grey(c, 0.92);
			else
				rgb(c, col);
			cairo_rectangle(c->cr, x0 + cw * (double)j, cy, cw, ch);
			cairo_fill(c->cr);
			if (values && !isnan(v)) {
				/* Salient loadings (|l| >= .40) in bold. */
				set_font(c, fmin(FS_TICK, cw / 3.4),
				    !corr && fabs(v) >= 0.4);
				grey(c, luminance(col) < 0.5 ? 1 : 0.1);
				fmt_num(c, v, 2, num, sizeof(num));
				text(c, x0 + cw * ((double)j + 0.5), cy +
				    ch / 2 + c->fs * 0.35, num, 0.5);
			}
		}
	}
	/* White rules between dimensions. */
	cairo_set_source_rgb(c->cr, 1, 1, 1);
	cairo_set_line_width(c->cr, 2);
	for (i = 1; i < nr; i++)
		if (d->rowdim[i] != d->rowdim[i - 1]) {
			cairo_move_to(c->cr, x0, y0 + ch * (double)i);
			cairo_line_to(c->cr, x0 + cw * (double)nc,
			    y0 + ch * (double)i);
		}
	for (j = 1; j < nc; j++)
		if (d->coldim[j] != d->coldim[j - 1]) {
			cairo_move_to(c->cr, x0 + cw * (double)j, y0);
			cairo_line_to(c->cr, x0 + cw * (double)j,
			    y0 + ch * (double)nr);
		}
	cairo_stroke(c->cr);
	/* Colour key. */
	{
		double kx = x0 + cw * (double)nc + 16, kh = fmin(180,
		    ch * (double)nr), ky = y0;
		cairo_pattern_t *grad;
		int k;

		set_font(c, FS_LABEL, 0);
		grey(c, 0.15);
		text(c, kx, ky - 5, M(c, corr ? M_CORR : M_LOADING), 0);
		/* The map is linear between its ends and white: 3 stops. */
		grad = cairo_pattern_create_linear(0, ky, 0, ky + kh);
		for (k = 0; k < 3; k++) {
			sq_diverging(1 - k, col);
			cairo_pattern_add_color_stop_rgb(grad, k / 2.0, col[0],
			    col[1], col[2]);
		}
		cairo_set_source(c->cr, grad);
		cairo_rectangle(c->cr, kx, ky, 12, kh);
		cairo_fill(c->cr);
		cairo_pattern_destroy(grad);
		grey(c, 0.5);
		cairo_set_line_width(c->cr, 0.5);
		cairo_rectangle(c->cr, kx, ky, 12, kh);
		cairo_stroke(c->cr);
		t = (sq_ticks){ -1, 1, 0.5, 5 };
		ls = (sq_scale){ 1, -1, ky, ky + kh };
		set_font(c, FS_TICK, 0);
		for (k = 0; k < 5; k++) {
			double v = sq_tick(&t, (size_t)k);

			fmt_num(c, v, 1, num, sizeof(num));
			grey(c, 0.3);
			text(c, kx + 16, sq_scale_map(&ls, v) + FS_TICK * 0.35,
			    num, 0);
		}
	}
	if (frame) {
		frame->plot = (sq_rect){ x0, y0, cw * (double)nc,
		    ch * (double)nr };
		frame->value = (sq_scale){ -1, 1, 0, 1 };
		frame->band = (sq_band){ y0, y0 + ch * (double)nr, nr, 0, 0 };
		frame->horizontal = 0;
	}
	free(lab);
	return SQ_OK;
}

static const double default_size[SQ_CHART_NTYPES][2] = {
	{ 640, 400 },	/* gaps */
	{ 640, 0 },	/* items: as tall as the labels need */
	{ 520, 460 },	/* radar */
	{ 560, 460 },	/* ipa */
	{ 640, 400 },	/* groups */
	{ 640, 0 },	/* likert */
	{ 560, 400 },	/* scree */
	{ 600, 0 }	/* heatmap */
};

/* Whether d holds what the chart needs; a message in err if not. */
static int
check_data(const sq_chartdata *d, int type, sq_error *err)
{
	const char *src = d->source;
	const char *tn = sq_chart_type_name(type);
	size_t i;

	switch (type) {
	case SQ_CHART_GAPS:
	case SQ_CHART_ITEMS:
	case SQ_CHART_RADAR:
		if (type == SQ_CHART_RADAR && d->ins->ndims < 3)
			return sq_error_set(err, SQ_EDATA, src, 0, 0, "",
			    "a radar chart needs at least 3 dimensions; the "
			    "instrument has %zu", d->ins->ndims);
		if (!d->has_gaps)
			return sq_error_set(err, SQ_EDATA, src, 0, 0, "",
			    "no gap statistics for a %s chart; give a survey "
			    "export or an sq-gap table", tn);
		for (i = 0; type == SQ_CHART_RADAR && i < d->ins->ndims; i++)
			if (isnan(d->dim[i].mean_e) || isnan(d->dim[i].mean_p))
				return sq_error_set(err, SQ_EDATA, src, 0, 0,
				    "", "dimension %s has no mean E and P; a "
				    "radar chart needs every dimension",
				    d->ins->dims[i].code);
		return SQ_OK;
	case SQ_CHART_IPA:
		if (!d->has_ipa)
			return sq_error_set(err, SQ_EDATA, src, 0, 0, "",
			    "no importance and performance for an ipa chart;"
			    " give an export with weight columns or a table "
			    "\"dimension importance performance\"");
		return SQ_OK;
	case SQ_CHART_GROUPS:
		if (d->nseg == 0)
			return sq_error_set(err, SQ_EDATA, src, 0, 0, "",
			    "no segments for a groups chart; give --by COLUMN"
			    " with an export, or an sq-gap table made with "
			    "--by");
		if (d->nseg > 8)
			return sq_error_set(err, SQ_EDATA, src, 0, 0, "",
			    "%zu segments; a groups chart draws at most 8 "
			    "legibly", d->nseg);
		return SQ_OK;
	case SQ_CHART_LIKERT:
		if (!d->has_likert)
			return sq_error_set(err, SQ_EDATA, src, 0, 0, "",
			    "no answer counts for a likert chart; give a "
			    "survey export or a table \"item value n\"");
		return SQ_OK;
	case SQ_CHART_SCREE:
		if (!d->has_scree)
			return sq_error_set(err, SQ_EDATA, src, 0, 0, "",
			    "no eigenvalues for a scree chart; give a survey "
			    "export or sq-factor's eigenvalue table");
		return SQ_OK;
	case SQ_CHART_HEATMAP:
		if (!d->has_matrix)
			return sq_error_set(err, SQ_EDATA, src, 0, 0, "",
			    "no matrix for a heatmap; give a survey export or"
			    " a correlation or loading matrix");
		return SQ_OK;
	}
	return sq_error_set(err, SQ_EUSAGE, src, 0, 0, "",
	    "unknown chart type %d", type);
}

int
sq_chart_draw(void *vcr, const sq_chartdata *d, const sq_chart_opts *opts,
    double width, double height, struct sq_labels *labels,
    sq_chart_frame *frame, sq_error *err)
{
	struct ctx c;
	sq_chart_frame f0;
	int rc;

	if ((rc = check_data(d, opts->type, err)) != SQ_OK)
		return rc;
	memset(&c, 0, sizeof(c));
	c.cr = vcr;
	c.labels = labels;
	c.d = d;
	c.o = opts;
	c.lang = opts->lang == SQ_LANG_ES ? SQ_LANG_ES : SQ_LANG_EN;
	c.W = width;
	c.H = height;
	if (frame == NULL)
		frame = &f0;
	memset(frame, 0, sizeof(*frame));
	/* Paint the background, unless only measuring. */
	if (height > 0) {
		cairo_set_source_rgb(c.cr, 1, 1, 1);
		cairo_paint(c.cr);
	}
	switch (opts->type) {
	case SQ_CHART_GAPS:
		rc = draw_gaps(&c, frame);
		break;
	case SQ_CHART_ITEMS:
		rc = draw_items(&c, frame);
		break;
	case SQ_CHART_RADAR:
		rc = draw_radar(&c, frame);
		break;
	case SQ_CHART_IPA:
		rc = draw_ipa(&c, frame);
		break;
	case SQ_CHART_GROUPS:
		rc = draw_groups(&c, frame);
		break;
	case SQ_CHART_LIKERT:
		rc = draw_likert(&c, frame);
		break;
	case SQ_CHART_SCREE:
		rc = draw_scree(&c, frame);
		break;
	default:
		rc = draw_heatmap(&c, frame);
		break;
	}
	frame->width = c.W;
	frame->height = c.H;
	if (rc == SQ_ELIMIT)
		return sq_error_set(err, rc, d->source, 0, 0, "",
		    "the %s chart does not fit in %.0f x %.0f pt; make it "
		    "larger with --width and --height",
		    sq_chart_type_name(opts->type), c.W, c.H);
	if (rc == SQ_ENOMEM)
		return sq_error_set(err, rc, d->source, 0, 0, "",
		    "out of memory");
	if (rc != SQ_OK)
		return sq_error_set(err, rc, d->source, 0, 0, "",
		    "nothing to draw for a %s chart",
		    sq_chart_type_name(opts->type));
	if (labels && labels->failed)
		return sq_error_set(err, SQ_ENOMEM, d->source, 0, 0, "",
		    "out of memory");
	return SQ_OK;
}

int
sq_chart_size(const sq_chartdata *d, const sq_chart_opts *opts,
    double *width, double *height, sq_error *err)
{
	int t = opts->type >= 0 && opts->type < SQ_CHART_NTYPES ?
	    opts->type : 0;
	cairo_surface_t *s;
	cairo_t *cr;
	sq_chart_frame f;
	int rc;

	*width = opts->width > 0 ? opts->width : default_size[t][0];
	*height = opts->height > 0 ? opts->height : default_size[t][1];
	if (*height > 0)
		return SQ_OK;
	/* Lay the chart out once on a scratch surface to learn its height. */
	s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		rc = sq_error_set(err, SQ_ENOMEM, d->source, 0, 0, "",
		    "cairo: %s", cairo_status_to_string(
		    cairo_surface_status(s)));
		cairo_surface_destroy(s);
		return rc;
	}
	cr = cairo_create(s);
	rc = sq_chart_draw(cr, d, opts, *width, 0, NULL, &f, err);
	if (rc == SQ_OK && cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		rc = sq_error_set(err, SQ_EIO, d->source, 0, 0, "",
		    "cairo: %s", cairo_status_to_string(cairo_status(cr)));
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	*height = ceil(f.height);
	return rc;
}
