/*
 * Chart drawing kit: the messages in English and Spanish and the pieces
 * every chart type shares (text, wrapped labels, numbers, title block,
 * legend, axes, notes, whiskers, colours). Lengths are points; the font is
 * DejaVu Sans, which the build installs, so every machine draws the same.
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


static const char *const msg[M_NMSG][2] = {
	[M_T_GAPS] =
	    { "SERVQUAL gaps by dimension", "Brechas SERVQUAL por dimensión" },
	[M_T_ITEMS] =
	    { "Gap per item (P \u2212 E)", "Brecha por ítem (P \u2212 E)" },
	[M_T_RADAR] =
	    { "Expectations and perceptions by dimension",
	      "Expectativas y percepciones por dimensión" },
	[M_T_IPA] =
	    { "Importance\u2013performance analysis",
	      "Análisis importancia\u2013desempeño" },
	[M_T_GROUPS] =
	    { "Dimension gaps by segment", "Brechas por dimensión y segmento" },
	[M_T_LIKERT_E] =
	    { "Distribution of answers: expectations",
	      "Distribución de respuestas: expectativas" },
	[M_T_LIKERT_P] =
	    { "Distribution of answers: perceptions",
	      "Distribución de respuestas: percepciones" },
	[M_T_SCREE] =
	    { "Scree plot with parallel analysis",
	      "Gráfico de sedimentación con análisis paralelo" },
	[M_T_CORR] =
	    { "Correlations between items", "Correlaciones entre ítems" },
	[M_T_LOAD] = { "Factor loadings", "Cargas factoriales" },
	[M_EXP] = { "Expectation (E)", "Expectativa (E)" },
	[M_PERC] = { "Perception (P)", "Percepción (P)" },
	[M_MEANS] = { "Mean score", "Puntuación media" },
	[M_GAPAX] = { "Gap (P \u2212 E)", "Brecha (P \u2212 E)" },
	[M_GAPCI] =
	    { "Gap (P \u2212 E) with %s% CI",
	      "Brecha (P \u2212 E) con IC %s\u00a0%" },
	[M_WHISK] =
	    { "Whiskers: %s% confidence intervals.",
	      "Bigotes: intervalos de confianza al %s\u00a0%." },
	[M_RESP] = { "n = %s respondents", "n = %s encuestados" },
	[M_SCALE] = { "Scale %s\u2013%s.", "Escala %s\u2013%s." },
	[M_IMP] =
	    { "Importance (mean of the 100-point weights)",
	      "Importancia (media de los pesos sobre 100 puntos)" },
	[M_PERF] =
	    { "Performance (mean perception P)",
	      "Desempeño (percepción P media)" },
	[M_CROSS] =
	    { "Crosshairs at the means of importance (%s) and performance (%s) "
	      "over the dimensions.",
	      "Las líneas cruzadas están en las medias de importancia (%s) "
	      "y de desempeño (%s) de las dimensiones." },
	[M_Q0] = { "Concentrate here", "Concentrarse aquí" },
	[M_Q1] = { "Keep up the good work", "Mantener el buen trabajo" },
	[M_Q2] = { "Low priority", "Baja prioridad" },
	[M_Q3] = { "Possible overkill", "Posible exceso" },
	[M_SEGMENT] = { "segment", "segmento" },
	[M_PCT] = { "Share of answers (%)", "Porcentaje de respuestas (%)" },
	[M_ANSWER] = { "Answer", "Respuesta" },
	[M_COMP] = { "Component", "Componente" },
	[M_EIGEN] = { "Eigenvalue", "Valor propio" },
	[M_OBS] = { "Observed", "Observado" },
	[M_PA] =
	    { "Parallel analysis: 95th percentile of %s null correlation "
	      "matrices",
	      "Análisis paralelo: percentil 95 de %s matrices de correlación "
	      "nulas" },
	[M_PA_TAB] = { "Parallel analysis", "Análisis paralelo" },
	[M_KAISER] = { "Eigenvalue = 1", "Valor propio = 1" },
	[M_ABOVE] =
	    { "Components above the parallel-analysis line: %s.",
	      "Componentes sobre la línea del análisis paralelo: %s." },
	[M_EIGNOTE] =
	    { "Eigenvalues of the correlations of the %s items over %s "
	      "complete cases.",
	      "Valores propios de las correlaciones de los ítems %s sobre %s "
	      "casos completos." },
	[M_CORR] = { "Correlation", "Correlación" },
	[M_LOADING] = { "Loading", "Carga" },
	[M_SORTED] =
	    { "Sorted from the largest negative gap.",
	      "Ordenados de la mayor brecha negativa a la mayor positiva." },
	[M_RADIAL] =
	    { "Radial axis: mean score on the %s\u2013%s scale.",
	      "Eje radial: puntuación media en la escala %s\u2013%s." },
	[M_SEGBY] =
	    { "Dimension gaps by %s", "Brechas por dimensión según %s" },
	[M_FROM] = { "Source: %s", "Fuente: %s" },
	[M_LIKNOTE] =
	    { "Bars centred on the middle answer (%s): lower answers extend to "
	      "the left, higher ones to the right.",
	      "Barras centradas en la respuesta central (%s): las respuestas "
	      "menores se extienden a la izquierda y las mayores a la "
	      "derecha." },
	[M_LIKNOTE_EVEN] =
	    { "Bars centred between the two middle answers: lower answers "
	      "extend to the left, higher ones to the right.",
	      "Barras centradas entre las dos respuestas centrales: las "
	      "menores se extienden a la izquierda y las mayores a la "
	      "derecha." },
	[M_CORRNOTE] =
	    { "Pearson correlations of the %s items over %s complete cases.",
	      "Correlaciones de Pearson de los ítems %s sobre %s casos "
	      "completos." },
	[M_LOWEST] = { "lowest", "mínimo" },
	[M_HIGHEST] = { "highest", "máximo" },
	[M_EP] =
	    { "Mean expectation and perception",
	      "Expectativa y percepción medias" },
	[M_NANCELL] =
	    { "Grey cells: undefined (an item without variance).",
	      "Celdas grises: indefinidas (un ítem sin varianza)." },
	[M_STDIN] = { "standard input", "entrada estándar" },
	[M_BOLD] =
	    { "Bold: loadings of 0.40 or more in absolute value.",
	      "En negrita: cargas de 0,40 o más en valor absoluto." },
	[M_INCL0] = { "Interval includes 0", "El intervalo incluye 0" },
	[M_LIGHT] =
	    { "Light, outlined bars: the interval includes 0.",
	      "Barras claras con borde: el intervalo incluye 0." },
	[M_RESP_OF] = { "n = %s of %s respondents", "n = %s de %s encuestados" },
	[M_CASES_OF] =
	    { "n = %s complete cases of %s respondents",
	      "n = %s casos completos de %s encuestados" },
};


const char *
sqc_msg(const struct ctx *c, int id)
{
	return msg[id][c->lang == SQ_LANG_ES ? 1 : 0];
}


int
sqc_chart_title(const sq_chartdata *d, const sq_chart_opts *o, char *buf,
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
	if (sqc_zone_title(d, o->type, c.lang, buf, len))
		return 0;
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
		sqc_fill(&c, M_SEGBY, buf, len, d->segname[0] ? d->segname :
		    sqc_msg(&c, M_SEGMENT), NULL);
		return 0;
	case SQ_CHART_LIKERT:
		id = d->likert_block == SQ_BLOCK_E ? M_T_LIKERT_E :
		    M_T_LIKERT_P;
		break;
	case SQ_CHART_SCREE:
		id = M_T_SCREE;
		break;
	case SQ_CHART_DRIVERS:
		snprintf(buf, len, "%s", sqc_drivers_title(c.lang));
		return 0;
	case SQ_CHART_CFA:
		snprintf(buf, len, "%s", sqc_cfa_title(c.lang));
		return 0;
	case SQ_CHART_COMPARE:
		snprintf(buf, len, "%s", c.lang == SQ_LANG_ES ?
		    "Comparaci\xc3\xb3n de grupos" : "Group comparison");
		return 0;
	default:
		id = d->matrix_kind == SQ_MATRIX_CORRELATION ? M_T_CORR :
		    M_T_LOAD;
		break;
	}
	snprintf(buf, len, "%s", sqc_msg(&c, id));
	return 0;
}

void
sq_chart_title(const sq_chartdata *d, const sq_chart_opts *opts, char *buf,
    size_t len)
{
	sqc_chart_title(d, opts, buf, len);
}



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

void
sqc_rgb(struct ctx *c, const double v[3])
{
	cairo_set_source_rgb(c->cr, v[0], v[1], v[2]);
}

void
sqc_grey(struct ctx *c, double g)
{
	cairo_set_source_rgb(c->cr, g, g, g);
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

/* A number for a label: decimal comma in Spanish, a true minus sign. */
void
sqc_fmt_num(const struct ctx *c, double v, int dec, char *buf, size_t len)
{
	char tmp[64], *p;
	size_t o = 0;
	int sign;

	if (isnan(v)) {
		snprintf(buf, len, "NaN");
		return;
	}
	sign = sq_fmt_fixed(v, dec, tmp, sizeof(tmp));
	if (c->lang == SQ_LANG_ES && (p = strchr(tmp, '.')) != NULL)
		*p = ',';
	if (sign < 0 && o + 3 < len) {
		memcpy(buf, "\u2212", 3);
		o = 3;
	}
	snprintf(buf + o, len - o, "%s", tmp);
}

/* A figure such as 95 or 1.5 for use inside a sentence. */
void
sqc_fmt_g(const struct ctx *c, double v, char *buf, size_t len)
{
	char *p;

	snprintf(buf, len, "%g", v);
	if (c->lang == SQ_LANG_ES && (p = strchr(buf, '.')) != NULL)
		*p = ',';
}

const char *
sqc_dim_name(const struct ctx *c, size_t d)
{
	const sq_dimension *dm = &c->d->ins->dims[d];

	return dm->name[c->lang][0] ? dm->name[c->lang] : dm->code;
}

/* "12. wording" for item i. */
void
sqc_item_label(const struct ctx *c, size_t i, char *buf, size_t len)
{
	char *s = sqc_item_label_dup(c, i);

	if (s == NULL) {
		snprintf(buf, len, "%d", c->d->ins->items[i].number);
		return;
	}
	/* Cut only at a character boundary, never inside one. */
	if (strlen(s) >= len && len > 0) {
		size_t k = len - 1;

		while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		s[k] = '\0';
	}
	snprintf(buf, len, "%s", s);
	free(s);
}

char *
sqc_item_label_dup(const struct ctx *c, size_t i)
{
	const sq_item *it = &c->d->ins->items[i];
	const char *w = it->wording[c->lang][0] ? it->wording[c->lang] :
	    it->wording[0];
	size_t n = strlen(w) + 24;
	char *s = malloc(n);

	if (s == NULL)
		return NULL;
	if (w[0])
		snprintf(s, n, "%d. %s", it->number, w);
	else
		snprintf(s, n, "%d", it->number);
	return s;
}

/* Colour of dimension d: Okabe-Ito without black and yellow first. */
void
sqc_dim_color(size_t d, double v[3])
{
	static const size_t order[] = { 5, 1, 3, 6, 7, 2, 0, 4 };

	sq_palette(order[d % 8], v);
}

/*
 * The n the figure rests on: the complete cases behind a scree or heatmap,
 * the most respondents behind any bar or point of the other charts; NAN
 * when unknown.
 */
double
sqc_figure_n(const struct ctx *c)
{
	const sq_chartdata *d = c->d;
	double n = NAN;
	size_t i, v;

	switch (c->o->type) {
	case SQ_CHART_SCREE:
	case SQ_CHART_HEATMAP:
		return d->cases;
	case SQ_CHART_ITEMS:
		for (i = 0; d->item && i < d->ins->nitems; i++)
			if (!isnan(d->item[i].n) && !(d->item[i].n <= n))
				n = d->item[i].n;
		return n;
	case SQ_CHART_LIKERT:
		for (i = 0; d->count && i < d->ins->nitems; i++) {
			double t = 0;

			for (v = 0; v < d->nvals; v++)
				t += d->count[i * d->nvals + v];
			if (!(t <= n))
				n = t;
		}
		return n;
	case SQ_CHART_GROUPS:
		return d->respondents;
	default:
		for (i = 0; d->dim && i < d->ins->ndims; i++)
			if (!isnan(d->dim[i].n) && !(d->dim[i].n <= n))
				n = d->dim[i].n;
		return n;
	}
}

/* Title and subtitle; sets c->top. */
void
sqc_title_block(struct ctx *c)
{
	double y = MARGIN, h;
	char t[512], sub[384], num[64];
	const char *src = c->d->source, *slash;

	sqc_set_font(c, FS_TITLE, 1);
	sqc_grey(c, 0.1);
	if (c->o->title)
		h = sqc_wrapped(c, c->o->title, MARGIN, y, c->W - 2 * MARGIN,
		    FS_TITLE, 0, 0, 0);
	else {
		sqc_chart_title(c->d, c->o, t, sizeof(t));
		h = sqc_wrapped(c, t, MARGIN, y, c->W - 2 * MARGIN, FS_TITLE,
		    0, 0, 0);
	}
	y += h + 2;
	if (c->o->subtitle && c->o->subtitle[0] == '\0') {
		c->top = y + 6;
		return;
	}
	sqc_set_font(c, FS_SUB, 0);
	sqc_grey(c, 0.35);
	if (c->o->subtitle) {
		h = sqc_wrapped(c, c->o->subtitle, MARGIN, y,
		    c->W - 2 * MARGIN, FS_SUB, 0, 0, 0);
		c->top = y + h + 8;
		return;
	}
	sub[0] = '\0';
	if (!isnan(c->d->respondents)) {
		char nn[32], na[32];
		double used = sqc_figure_n(c);

		snprintf(na, sizeof(na), "%.0f", c->d->respondents);
		snprintf(nn, sizeof(nn), "%.0f", used);
		if (isnan(used) || used == c->d->respondents)
			sqc_fill(c, M_RESP, num, sizeof(num), na, NULL);
		else
			sqc_fill(c, c->o->type == SQ_CHART_SCREE ||
			    c->o->type == SQ_CHART_HEATMAP ? M_CASES_OF :
			    M_RESP_OF, num, sizeof(num), nn, na);
		snprintf(sub, sizeof(sub), "%s \u00b7 ", num);
	}
	/* The file's base name: never a path of the analyst's machine. */
	if ((slash = strrchr(src, '/')) != NULL && slash[1] != '\0')
		src = slash + 1;
	sqc_fill(c, M_FROM, sub + strlen(sub), sizeof(sub) - strlen(sub),
	    src[0] && strcmp(src, "-") != 0 ? src : sqc_msg(c, M_STDIN),
	    NULL);
	h = sqc_wrapped(c, sub, MARGIN, y, c->W - 2 * MARGIN, FS_SUB, 0, 0, 0);
	c->top = y + h + 8;
}

/* Notes at the bottom, wrapped; sets c->bottom. */
void
sqc_notes(struct ctx *c, const char *s)
{
	double h;

	sqc_set_font(c, FS_NOTE, 0);
	h = sqc_wrapped(c, s, MARGIN, 0, c->W - 2 * MARGIN, FS_NOTE, 0, 0, 1);
	c->bottom = c->H - MARGIN - h;
	sqc_grey(c, 0.3);
	sqc_wrapped(c, s, MARGIN, c->bottom, c->W - 2 * MARGIN, FS_NOTE, 0, 0,
	    0);
	c->bottom -= 6;
}

/* Legend entries in rows from (x, c->top) within width w; moves c->top. */
void
sqc_legend(struct ctx *c, const char *heading, const struct legend_item *it,
    size_t n, double x, double w)
{
	double cx = x, y = c->top, sw = 11, gap = 14,
	    row = sqc_lh(FS_LABEL) + 3;
	size_t i;

	sqc_set_font(c, FS_LABEL, 0);
	if (heading) {
		sqc_grey(c, 0.2);
		sqc_text(c, cx, y + FS_LABEL, heading, 0);
		cx += sqc_text_w(c, heading) + 8;
	}
	for (i = 0; i < n; i++) {
		double tw = sqc_text_w(c, it[i].label);
		double need = sw + 5 + tw;

		if (cx + need > x + w && cx > x) {
			cx = x;
			y += row;
		}
		sqc_rgb(c, it[i].color);
		if (it[i].kind == 3) {
			sq_rect r = { cx, y + 1, sw, sw - 2 };

			sqc_gap_bar(c, &r, it[i].color, -1, 1);
		} else if (it[i].kind == 0) {
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
		sqc_grey(c, 0.15);
		sqc_text(c, cx + sw + 5, y + FS_LABEL, it[i].label, 0);
		cx += need + gap;
	}
	c->top = y + row + 6;
}

/* Horizontal grid and tick labels of a vertical value axis. */
void
sqc_yaxis(struct ctx *c, const sq_scale *s, const sq_ticks *t, double x0,
    double x1, const char *title)
{
	int dec = sq_tick_decimals(t->step);
	size_t i;
	char buf[64];

	sqc_set_font(c, FS_TICK, 0);
	cairo_set_line_width(c->cr, 0.5);
	for (i = 0; i < t->n; i++) {
		double v = sq_tick(t, i), y = sq_scale_map(s, v);

		sqc_grey(c, v == 0 ? 0.45 : 0.88);
		cairo_move_to(c->cr, x0, y);
		cairo_line_to(c->cr, x1, y);
		cairo_stroke(c->cr);
		sqc_grey(c, 0.3);
		sqc_fmt_num(c, v, dec, buf, sizeof(buf));
		sqc_text(c, x0 - 4, y + FS_TICK * 0.35, buf, 1);
	}
	if (title) {
		double ym = (s->r0 + s->r1) / 2;

		sqc_set_font(c, FS_AXIS, 0);
		sqc_grey(c, 0.2);
		cairo_save(c->cr);
		cairo_translate(c->cr, x0 - 30, ym);
		cairo_rotate(c->cr, -M_PI / 2);
		sqc_text(c, 0, 0, title, 0.5);
		cairo_restore(c->cr);
	}
}

/* Vertical grid and tick labels of a horizontal value axis. */
void
sqc_xaxis(struct ctx *c, const sq_scale *s, const sq_ticks *t, double y0,
    double y1, const char *title, int absolute)
{
	int dec = sq_tick_decimals(t->step);
	size_t i;
	char buf[64];

	sqc_set_font(c, FS_TICK, 0);
	cairo_set_line_width(c->cr, 0.5);
	for (i = 0; i < t->n; i++) {
		double v = sq_tick(t, i), x = sq_scale_map(s, v);

		sqc_grey(c, v == 0 ? 0.45 : 0.88);
		cairo_move_to(c->cr, x, y0);
		cairo_line_to(c->cr, x, y1);
		cairo_stroke(c->cr);
		sqc_grey(c, 0.3);
		sqc_fmt_num(c, absolute ? fabs(v) : v, dec, buf, sizeof(buf));
		sqc_text(c, x, y1 + 4 + FS_TICK, buf, 0.5);
	}
	if (title) {
		sqc_set_font(c, FS_AXIS, 0);
		sqc_grey(c, 0.2);
		sqc_text(c, (s->r0 + s->r1) / 2,
		    y1 + 8 + FS_TICK + sqc_lh(FS_AXIS),
		    title, 0.5);
	}
}

/* Space a horizontal axis with a title takes below the plot. */
double
sqc_xaxis_h(void)
{
	return 8 + FS_TICK + sqc_lh(FS_AXIS) + 4;
}

/* A confidence whisker from a to b at position p across. */
void
sqc_whisker(struct ctx *c, double a, double b, double p, int horizontal,
    double cap)
{
	cairo_set_line_width(c->cr, 1.1);
	sqc_grey(c, 0.15);
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

void
sqc_fill_rect(struct ctx *c, const sq_rect *r)
{
	cairo_rectangle(c->cr, r->x, r->y, r->w, r->h);
	cairo_fill(c->cr);
}

/* Category labels under bands, wrapped to the step; returns the height. */
double
sqc_band_labels(struct ctx *c, const sq_band *b, const char *const *lab,
    double y, int dry)
{
	double hmax = 0, s, w, h, step;
	size_t i;

	step = (b->r1 - b->r0) / (double)(b->n ? b->n : 1);
	sqc_set_font(c, FS_LABEL, 0);
	sqc_grey(c, 0.15);
	for (i = 0; i < b->n; i++) {
		sq_band_pos(b, i, &s, &w);
		h = sqc_wrapped(c, lab[i], s + w / 2, y, step - 6, FS_LABEL,
		    0.5, 0,
		    dry);
		if (h > hmax)
			hmax = h;
	}
	return hmax;
}

void
sqc_set_frame(sq_chart_frame *f, double x0, double y0, double x1, double y1,
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
void
sqc_gap_range(const sq_chartstat *s, size_t n, double *lo, double *hi)
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
void
sqc_fill(const struct ctx *c, int id, char *buf, size_t len, const char *a,
    const char *b)
{
	const char *t = sqc_msg(c, id);
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
void
sqc_pct_text(const struct ctx *c, double conf, int id, char *buf, size_t len)
{
	char pc[32];

	sqc_fmt_g(c, 100 * conf, pc, sizeof(pc));
	sqc_fill(c, id, buf, len, pc, NULL);
}

const double *
sqc_gapcol(double g, double v[3])
{
	sq_palette(g < 0 ? 6 : 3, v);
	return v;
}

int
sqc_includes0(double lo, double hi)
{
	return !isnan(lo) && !isnan(hi) && lo <= 0 && hi >= 0;
}

int
sqc_gap_bar(struct ctx *c, const sq_rect *r, const double col[3],
    double lo, double hi)
{
	if (!sqc_includes0(lo, hi)) {
		sqc_rgb(c, col);
		sqc_fill_rect(c, r);
		return 1;
	}
	cairo_set_source_rgb(c->cr, 1 - 0.3 * (1 - col[0]),
	    1 - 0.3 * (1 - col[1]), 1 - 0.3 * (1 - col[2]));
	sqc_fill_rect(c, r);
	sqc_rgb(c, col);
	cairo_set_line_width(c->cr, 1.2);
	cairo_rectangle(c->cr, r->x + 0.6, r->y + 0.6, fmax(r->w - 1.2, 0),
	    fmax(r->h - 1.2, 0));
	cairo_stroke(c->cr);
	return 0;
}

void
sqc_bar_value(struct ctx *c, const sq_rect *r, double g, double we,
    double mid, const char *num, const double col[3], int solid)
{
	double y = mid + c->fs * 0.35;

	/*
	 * Beyond the bar's end, or beyond the whisker when it reaches
	 * further: inside the bar the whisker would cross the figure.
	 */
	(void)col;
	(void)solid;
	sqc_grey(c, 0.1);
	if (g < 0)
		sqc_text(c, fmin(r->x, we) - 4, y, num, 1);
	else
		sqc_text(c, fmax(r->x + r->w, we) + 4, y, num, 0);
}

double
sqc_luminance(const double v[3])
{
	return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

/* Width of the widest gap value label ("-0.00"), at the tick font. */
double
sqc_value_w(struct ctx *c)
{
	sqc_set_font(c, FS_TICK, 1);
	return sqc_text_w(c, "\u22120.00");
}

/* Wrapped row labels of a horizontal chart, centred on each row. */
void
sqc_row_labels(struct ctx *c, const char *const *lab, const size_t *ord,
    size_t n, double x, double y0, double rowh, double labw, int bold)
{
	size_t i;

	sqc_set_font(c, FS_LABEL, bold);
	sqc_grey(c, 0.1);
	for (i = 0; i < n; i++)
		sqc_wrapped(c, lab[ord ? ord[i] : i], x, y0 + rowh * (double)i +
		    rowh / 2, labw + 0.5, FS_LABEL, 0, 0.5, 0);
}

/* Height of the notes block for s. */
double
sqc_notes_h(struct ctx *c, const char *s)
{
	sqc_set_font(c, FS_NOTE, 0);
	return sqc_wrapped(c, s, 0, 0, c->W - 2 * MARGIN, FS_NOTE, 0, 0, 1) + 6;
}

void
sqc_rows_layout_v(struct ctx *c, const char *const *lab, size_t n,
    double share, double *labw, double *rowh)
{
	double maxw = (c->W - 2 * MARGIN) * share, w, h, wm = 0, hm = 0;
	size_t i;

	sqc_set_font(c, FS_LABEL, 0);
	for (i = 0; i < n; i++) {
		w = sqc_wrapped_w(c, lab[i], maxw);
		h = sqc_wrapped(c, lab[i], 0, 0, maxw, FS_LABEL, 0, 0, 1);
		if (w > wm)
			wm = w;
		if (h > hm)
			hm = h;
	}
	*labw = wm;
	*rowh = hm + 7 > 17 ? hm + 7 : 17;
}

void
sqc_rows_layout(struct ctx *c, char (*lab)[SQ_WORDING_LEN + 16], size_t n,
    double share, double *labw, double *rowh)
{
	const char **v = malloc((n ? n : 1) * sizeof(*v));
	size_t i;

	if (v == NULL) {
		c->failed = 1;
		*labw = 0;
		*rowh = 17;
		return;
	}
	for (i = 0; i < n; i++)
		v[i] = lab[i];
	sqc_rows_layout_v(c, v, n, share, labw, rowh);
	free(v);
}

void
sqc_dim_legend(struct ctx *c)
{
	sqc_dim_legend_x(c, 0);
}

void
sqc_dim_legend_x(struct ctx *c, int incl0)
{
	struct legend_item li[SQ_MAX_DIMS + 1];
	size_t i, nd = c->d->ins->ndims;

	for (i = 0; i < nd; i++) {
		li[i] = (struct legend_item){ sqc_dim_name(c, i), { 0 }, 0 };
		sqc_dim_color(i, li[i].color);
	}
	if (incl0)
		li[nd++] = (struct legend_item){ sqc_msg(c, M_INCL0),
		    { 0.45, 0.45, 0.45 }, 3 };
	sqc_legend(c, NULL, li, nd, MARGIN, c->W - 2 * MARGIN);
}

/*
 * Colour of segment j: Okabe-Ito without black, which the whiskers use,
 * and a neutral grey as the eighth.
 */
void
sqc_seg_color(size_t j, double v[3])
{
	/*
	 * Okabe-Ito without black (the whiskers'), yellow and sky blue
	 * (too light on white), then a dark grey, a brown and a mid grey.
	 */
	static const double extra[3][3] = {
		{ 0.33, 0.33, 0.33 }, { 0.55, 0.35, 0.15 }, { 0.6, 0.6, 0.6 }
	};
	static const size_t pal[5] = { 5, 1, 3, 6, 7 };

	if (j < 5) {
		sq_palette(pal[j], v);
		return;
	}
	j = j - 5 < 3 ? j - 5 : 2;
	v[0] = extra[j][0];
	v[1] = extra[j][1];
	v[2] = extra[j][2];
}

/* "E", "P" or "P \u2212 E" for the block of a scree or heatmap. */
const char *
sqc_block_name(const sq_chartdata *d)
{
	return d->block == SQ_BLOCK_E ? "E" : d->block == SQ_BLOCK_G ?
	    "P \u2212 E" : "P";
}

/* Item index named by a label such as "P12", or -1. */
int
sqc_label_item(const sq_instrument *ins, const char *s)
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

int
sqc_ticks_fit(struct ctx *c, double lo, double hi, int target, double len,
    int horizontal, sq_ticks *t)
{
	char buf[64];
	double need;
	size_t i;
	int dec, rc;

	sqc_set_font(c, FS_TICK, 0);
	for (; target >= 1; target--) {
		if ((rc = sq_nice_ticks(lo, hi, target, t)) != SQ_OK)
			return SQ_EDATA;
		if (target == 1)
			return SQ_OK;
		dec = sq_tick_decimals(t->step);
		need = 0;
		for (i = 0; i < t->n; i++) {
			if (!horizontal) {
				need += FS_TICK * 1.8;
				continue;
			}
			sqc_fmt_num(c, sq_tick(t, i), dec, buf, sizeof(buf));
			need += sqc_text_w(c, buf) + 8;
		}
		if (need <= len)
			return SQ_OK;
	}
	return SQ_EUSAGE;
}
