/*
 * Zone-of-tolerance charts (LibQUAL+ style): per item, dimension and the
 * overall score the band from the adequate to the desired level with the
 * perceived level marked, a mark below the band in the warning colour;
 * and a radar with the zone shaded between the A and D polygons and P
 * drawn over it. Both draw from sq_zonechart alone (labels and scale
 * included), so a table from sq-zone draws without the instrument.
 *
 * Also the gaps and items charts of an export with P alone (SERVPERF):
 * mean P with its confidence interval from the bottom of the scale.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "servqual/chart.h"
#include "chart_int.h"

enum {
	Z_T_ZONE, Z_T_RADAR, Z_T_PDIM, Z_T_PITEM, Z_T_PRADAR, Z_BAND,
	Z_PERC, Z_BELOW, Z_ABOVE, Z_NOTE, Z_INV, Z_PAX, Z_PNOTE, Z_SCALEAX,
	Z_NMSG
};

static const char *const zmsg[Z_NMSG][2] = {
	{ "Zone of tolerance", "Zona de tolerancia" },
	{ "Zone of tolerance by dimension",
	  "Zona de tolerancia por dimensi\u00f3n" },
	{ "Mean perception by dimension",
	  "Percepci\u00f3n media por dimensi\u00f3n" },
	{ "Mean perception per item",
	  "Percepci\u00f3n media por \u00edtem" },
	{ "Perceptions by dimension",
	  "Percepciones por dimensi\u00f3n" },
	{ "Zone: adequate to desired", "Zona: de adecuado a deseado" },
	{ "Perceived (P)", "Percibido (P)" },
	{ "Below the zone (P < A)", "Bajo la zona (P < A)" },
	{ "Above the zone (P > D)", "Sobre la zona (P > D)" },
	{ "Means over the respondents with A, D and P; scale %s\u2013%s.",
	  "Medias sobre los encuestados con A, D y P; escala %s\u2013%s." },
	{ "Hatched: the mean adequate level is above the desired one.",
	  "Rayado: el nivel adecuado medio supera al deseado." },
	{ "Mean perception (P)", "Percepci\u00f3n media (P)" },
	{ "Bars from the bottom of the scale (%s); whiskers: %s% "
	  "confidence intervals.",
	  "Barras desde el m\u00ednimo de la escala (%s); bigotes: "
	  "intervalos de confianza al %s\u00a0%." },
	{ "Mean level", "Nivel medio" },
};

static const char *
zm(const struct ctx *c, int id)
{
	return zmsg[id][c->lang == SQ_LANG_ES];
}

int
sqc_zone_title(const sq_chartdata *d, int type, int lang, char *buf,
    size_t len)
{
	int id;

	if (type == SQ_CHART_ZONE)
		id = Z_T_ZONE;
	else if (type == SQ_CHART_ZONE_RADAR)
		id = Z_T_RADAR;
	else if (d->perf && type == SQ_CHART_GAPS)
		id = Z_T_PDIM;
	else if (d->perf && type == SQ_CHART_ITEMS)
		id = Z_T_PITEM;
	else if (d->perf && type == SQ_CHART_RADAR)
		id = Z_T_PRADAR;
	else
		return 0;
	snprintf(buf, len, "%s", zmsg[id][lang == SQ_LANG_ES]);
	return 1;
}

int
sqc_zone_add(sq_chartdata *d, int scope, const char *en, const char *es,
    double n, double a, double dd, double p)
{
	sq_zonechart *z = d->zone;
	sq_zonebar *nb, *b;

	if (z->n >= 10000)
		return SQ_ELIMIT;
	if ((nb = realloc(z->bar, (z->n + 1) * sizeof(*nb))) == NULL)
		return SQ_ENOMEM;
	z->bar = nb;
	b = &z->bar[z->n];
	memset(b, 0, sizeof(*b));
	b->scope = scope;
	/* Labels of any length: no wording is cut. */
	if ((b->label[0] = strdup(en)) == NULL ||
	    (b->label[1] = strdup(es)) == NULL) {
		free(b->label[0]);
		return SQ_ENOMEM;
	}
	z->n++;
	b->n = n;
	b->a = a;
	b->d = dd;
	b->p = p;
	return SQ_OK;
}

void
sqc_zone_free(sq_zonechart *z)
{
	size_t i;

	if (z == NULL)
		return;
	for (i = 0; i < z->n; i++) {
		free(z->bar[i].label[0]);
		free(z->bar[i].label[1]);
	}
	free(z->bar);
	free(z);
}

int
sqc_zone_check(const sq_chartdata *d, int type, sq_error *err)
{
	size_t i, nd = 0;

	if (d->zone == NULL || d->zone->n == 0)
		return sq_error_set(err, SQ_EDATA, d->source, 0, 0, "",
		    "no zone of tolerance for a %s chart; give a three-column "
		    "export (A, D and P columns) or an sq-zone table",
		    sq_chart_type_name(type));
	if (!(d->zone->hi > d->zone->lo))
		return sq_error_set(err, SQ_EDATA, d->source, 0, 0, "",
		    "the zone table gives no scale (scale_min, scale_max)");
	for (i = 0; i < d->zone->n; i++)
		nd += d->zone->bar[i].scope == 1;
	if (type == SQ_CHART_ZONE_RADAR && nd < 3)
		return sq_error_set(err, SQ_EDATA, d->source, 0, 0, "",
		    "a zone-radar chart needs at least 3 dimensions; there "
		    "are %zu", nd);
	return SQ_OK;
}

/* Colour of a perceived level against its zone. */
static void
place_color(double a, double d, double p, double v[3])
{
	sq_palette(p < a ? 6 : p > d ? 3 : 5, v);
}

/* The legend of the zone charts: zone, perceived, below (and above). */
static void
zone_legend(struct ctx *c, size_t n)
{
	static const int id[4] = { Z_BAND, Z_PERC, Z_BELOW, Z_ABOVE };
	static const int pal[4] = { 2, 5, 6, 3 };
	struct legend_item li[4];
	size_t i;

	for (i = 0; i < n; i++) {
		li[i] = (struct legend_item){ zm(c, id[i]), { 0 }, i > 0 };
		sq_palette(pal[i], li[i].color);
	}
	sqc_legend(c, NULL, li, n, MARGIN, c->W - 2 * MARGIN);
}

int
sqc_draw_zone(struct ctx *c, sq_chart_frame *frame)
{
	const sq_zonechart *z = c->d->zone;
	size_t n = z->n, i;
	const char **lab;
	char note[512], lo_s[32], hi_s[32];
	char num[32];
	double labw, rowh, x0, x1, y0, y1, nh, s, w, vw, col[3];
	int inverted = 0, rc;
	sqc_panel pl;
	sq_scale sc;
	sq_band b;

	if (n == 0)
		return SQ_EDATA;
	if ((lab = calloc(n, sizeof(*lab))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < n; i++) {
		lab[i] = z->bar[i].label[c->lang];
		if (z->bar[i].a > z->bar[i].d)
			inverted = 1;
	}
	sqc_title_block(c);
	zone_legend(c, 4);
	sqc_fmt_g(c, z->lo, lo_s, sizeof(lo_s));
	sqc_fmt_g(c, z->hi, hi_s, sizeof(hi_s));
	sqc_fill_t(zm(c, Z_NOTE), note, sizeof(note), lo_s, hi_s);
	if (inverted) {
		size_t l = strlen(note);

		snprintf(note + l, sizeof(note) - l, " %s", zm(c, Z_INV));
	}
	nh = sqc_notes_h(c, note);
	sqc_rows_layout_v(c, lab, n, 0.42, &labw, &rowh);
	sqc_set_font(c, FS_LABEL, 1);	/* dimension rows are bold */
	for (i = 0; i < n; i++)
		if (z->bar[i].scope > 0)
			labw = fmax(labw, sqc_wrapped_w(c, lab[i],
			    (c->W - 2 * MARGIN) * 0.42));
	y0 = c->top;
	if (c->H <= 0)
		c->H = y0 + rowh * (double)n + sqc_xaxis_h() + nh + MARGIN + 4;
	y1 = c->H - MARGIN - nh - sqc_xaxis_h();
	sqc_notes(c, note);
	vw = sqc_value_w(c) + 6;
	x0 = MARGIN + labw + 12;
	x1 = c->W - MARGIN - vw;
	if (x1 - x0 < 80 || y1 - y0 < 8 * (double)n) {
		free(lab);
		return SQ_ELIMIT;
	}
	pl = (sqc_panel){ x0, x1, y0, y1 };
	if ((rc = sqc_row_panel(c, n, z->lo, z->hi, 8, 16, 0.3,
	    zm(c, Z_SCALEAX), 0, &pl)) != SQ_OK) {
		free(lab);
		return rc;
	}
	sc = pl.sc;
	b = pl.b;
	rowh = (y1 - y0) / (double)n;
	for (i = 0; i < n; i++) {
		const sq_zonebar *r = &z->bar[i];
		double mid, xa, xd, xp, lo, hi;

		sq_band_pos(&b, i, &s, &w);
		mid = s + w / 2;
		if (i > 0 && r->scope != z->bar[i - 1].scope) {
			/* a rule between items, dimensions and overall */
			sqc_grey(c, 0.6);
			cairo_set_line_width(c->cr, 0.8);
			cairo_move_to(c->cr, MARGIN, y0 + rowh * (double)i);
			cairo_line_to(c->cr, c->W - MARGIN, y0 + rowh *
			    (double)i);
			cairo_stroke(c->cr);
		}
		sqc_set_font(c, FS_LABEL, r->scope > 0);
		sqc_grey(c, 0.1);
		sqc_wrapped(c, lab[i], MARGIN, y0 + rowh * (double)i +
		    rowh / 2, labw + 0.5, FS_LABEL, 0, 0.5, 0);
		if (isnan(r->a) || isnan(r->d) || isnan(r->p))
			continue;
		xa = sq_scale_map(&sc, r->a);
		xd = sq_scale_map(&sc, r->d);
		xp = sq_scale_map(&sc, r->p);
		lo = fmin(xa, xd);
		hi = fmax(xa, xd);
		sq_palette(2, col);
		cairo_set_source_rgba(c->cr, col[0], col[1], col[2], 0.55);
		cairo_rectangle(c->cr, lo, s, hi - lo, w);
		cairo_fill(c->cr);
		if (r->a > r->d) {
			double x;

			/* an inverted mean zone: hatched */
			sqc_grey(c, 0.35);
			cairo_set_line_width(c->cr, 0.6);
			for (x = lo - w; x < hi; x += 4) {
				cairo_move_to(c->cr, fmax(x, lo),
				    s + w - (fmax(x, lo) - x));
				cairo_line_to(c->cr, fmin(x + w, hi),
				    s + w - (fmin(x + w, hi) - x));
			}
			cairo_stroke(c->cr);
		}
		/* P: a bar across the band, in the colour of its place */
		place_color(r->a, r->d, r->p, col);
		sqc_rgb(c, col);
		cairo_rectangle(c->cr, xp - 1.6, s - 2, 3.2, w + 4);
		cairo_fill(c->cr);
		sqc_set_font(c, FS_TICK, r->p < r->a);
		if (r->p < r->a)
			sqc_rgb(c, col);
		else
			sqc_grey(c, 0.1);
		sqc_fmt_num(c, r->p, 2, num, sizeof(num));
		sqc_text(c, fmax(hi, xp) + 5, mid + FS_TICK * 0.35, num, 0);
	}
	sqc_set_frame(frame, x0, y0, x1, y1, &sc, &b, 1);
	free(lab);
	return SQ_OK;
}

/* The zone between the A and D polygons (even-odd fill), their edges
 * dashed, P over it with a dot per dimension in the colour of its place. */
static void
zone_polygons(struct ctx *c, const sqc_polar *pl, const double *a,
    const double *d, const double *p)
{
	double col[3], x, y, dash[] = { 4, 3 };
	size_t k;

	sq_palette(2, col);
	cairo_set_source_rgba(c->cr, col[0], col[1], col[2], 0.45);
	cairo_set_fill_rule(c->cr, CAIRO_FILL_RULE_EVEN_ODD);
	sqc_polar_path(c, pl, a);
	sqc_polar_path(c, pl, d);
	cairo_fill(c->cr);
	cairo_set_fill_rule(c->cr, CAIRO_FILL_RULE_WINDING);
	sqc_rgb(c, col);
	cairo_set_line_width(c->cr, 1);
	cairo_set_dash(c->cr, dash, 2, 0);
	sqc_polar_path(c, pl, a);
	cairo_stroke(c->cr);
	sqc_polar_path(c, pl, d);
	cairo_stroke(c->cr);
	cairo_set_dash(c->cr, NULL, 0, 0);
	sq_palette(5, col);
	sqc_rgb(c, col);
	cairo_set_line_width(c->cr, 2);
	sqc_polar_path(c, pl, p);
	cairo_stroke(c->cr);
	for (k = 0; k < pl->n; k++) {
		place_color(a[k], d[k], p[k], col);
		sqc_rgb(c, col);
		sqc_polar_point(pl, k, p[k], &x, &y);
		cairo_arc(c->cr, x, y, p[k] < a[k] ? 4 : 3, 0, 2 * M_PI);
		cairo_fill(c->cr);
	}
}

int
sqc_draw_zone_radar(struct ctx *c, sq_chart_frame *frame)
{
	const sq_zonechart *z = c->d->zone;
	double a[SQ_MAX_DIMS], d[SQ_MAX_DIMS], p[SQ_MAX_DIMS], v;
	const sq_zonebar *bar[SQ_MAX_DIMS];
	char note[512], lo_s[32], hi_s[32], num[32];
	char lab[128], ma[32], md[32], mp[32];
	size_t nd = 0, i, k;
	sqc_polar pl;
	int rc;

	for (i = 0; i < z->n && nd < SQ_MAX_DIMS; i++)
		if (z->bar[i].scope == 1) {
			bar[nd] = &z->bar[i];
			/* an undefined mean draws at the centre */
			a[nd] = isnan(bar[nd]->a) ? z->lo : bar[nd]->a;
			d[nd] = isnan(bar[nd]->d) ? z->lo : bar[nd]->d;
			p[nd] = isnan(bar[nd]->p) ? z->lo : bar[nd]->p;
			nd++;
		}
	if (nd < 3)
		return SQ_EDATA;
	sqc_title_block(c);
	zone_legend(c, 3);
	sqc_fmt_g(c, z->lo, lo_s, sizeof(lo_s));
	sqc_fmt_g(c, z->hi, hi_s, sizeof(hi_s));
	sqc_fill(c, M_RADIAL, note, sizeof(note), lo_s, hi_s);
	sqc_notes(c, note);
	if ((rc = sqc_polar_layout(c, z->lo, z->hi, 8, nd, 120, &pl)) != SQ_OK)
		return rc;
	sqc_polar_grid(c, &pl);
	zone_polygons(c, &pl, a, d, p);
	sqc_set_font(c, FS_TICK, 0);
	for (i = 0; i < pl.t.n; i++) {
		if (!sqc_polar_ring(&pl, i, &v))
			continue;
		sqc_fmt_num(c, v, pl.dec, num, sizeof(num));
		sqc_grey(c, 0.35);
		sqc_halo_text(c, pl.cx + 6, pl.cy - sq_scale_map(&pl.rs, v) +
		    FS_TICK * 0.35, num, 0);
	}
	for (k = 0; k < nd; k++) {
		sqc_fmt_num(c, bar[k]->a, 2, ma, sizeof(ma));
		sqc_fmt_num(c, bar[k]->d, 2, md, sizeof(md));
		sqc_fmt_num(c, bar[k]->p, 2, mp, sizeof(mp));
		snprintf(lab, sizeof(lab), "A %s \u00b7 D %s \u00b7 P %s", ma,
		    md, mp);
		sqc_polar_name(c, &pl, k, bar[k]->label[c->lang], lab);
	}
	sqc_polar_frame(frame, &pl);
	return SQ_OK;
}

static int
cmp_mean(const void *x, const void *y, void *ctx)
{
	const sq_chartstat *s = ctx;
	double a = s[*(const size_t *)x].mean_p;
	double b = s[*(const size_t *)y].mean_p;

	if (isnan(a) || isnan(b))
		return isnan(a) - isnan(b);
	if (a != b)
		return a < b ? -1 : 1;
	return *(const size_t *)x < *(const size_t *)y ? -1 : 1;
}

int
sqc_draw_perf(struct ctx *c, sq_chart_frame *frame, int items)
{
	const sq_chartdata *d = c->d;
	const sq_instrument *ins = d->ins;
	const sq_chartstat *st = items ? d->item : d->dim;
	size_t n = items ? ins->nitems : ins->ndims, i, *ord;
	char **lab, note[512], ci[32], lo_s[32];
	char num[32];
	double labw, rowh, x0, x1, y0, y1, nh, s, w, col[3], base;
	sqc_panel pl;
	sq_scale sc;
	sq_band b;
	sq_rect r;
	int rc;

	if (n == 0)
		return SQ_EDATA;
	lab = calloc(n, sizeof(*lab));
	ord = calloc(n, sizeof(*ord));
	if (!lab || !ord) {
		free(lab);
		free(ord);
		return SQ_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		ord[i] = i;
		lab[i] = items ? sqc_item_label_dup(c, i) :
		    strdup(sqc_dim_name(c, i));
		if (lab[i] == NULL) {
			sqc_free_strv(lab, n);
			free(ord);
			return SQ_ENOMEM;
		}
	}
	if (items)	/* the lowest perception first */
		qsort_r(ord, n, sizeof(*ord), cmp_mean, (void *)st);
	sqc_title_block(c);
	sqc_dim_legend(c);
	base = ins->min;
	sqc_fmt_g(c, base, lo_s, sizeof(lo_s));
	sqc_fmt_g(c, c->o->conf * 100, ci, sizeof(ci));
	sqc_fill_t(zm(c, Z_PNOTE), note, sizeof(note), lo_s, ci);
	nh = sqc_notes_h(c, note);
	sqc_rows_layout_v(c, (const char *const *)lab, n, 0.42, &labw, &rowh);
	y0 = c->top;
	if (c->H <= 0)
		c->H = y0 + rowh * (double)n + sqc_xaxis_h() + nh + MARGIN + 4;
	y1 = c->H - MARGIN - nh - sqc_xaxis_h();
	sqc_notes(c, note);
	x0 = MARGIN + labw + 12;
	x1 = c->W - MARGIN - sqc_value_w(c) - 6;
	if (x1 - x0 < 80 || y1 - y0 < 8 * (double)n) {
		sqc_free_strv(lab, n);
		free(ord);
		return SQ_ELIMIT;
	}
	pl = (sqc_panel){ x0, x1, y0, y1 };
	if ((rc = sqc_row_panel(c, n, ins->min, ins->max, 6, 14, 0.3,
	    zm(c, Z_PAX), 0, &pl)) != SQ_OK) {
		sqc_free_strv(lab, n);
		free(ord);
		return rc;
	}
	sc = pl.sc;
	b = pl.b;
	rowh = (y1 - y0) / (double)n;
	for (i = 0; i < n; i++) {
		const sq_chartstat *v = &st[ord[i]];
		double mid, end;

		sq_band_pos(&b, i, &s, &w);
		mid = s + w / 2;
		sqc_set_font(c, FS_LABEL, !items);
		sqc_grey(c, 0.1);
		sqc_wrapped(c, lab[ord[i]], MARGIN, y0 + rowh * (double)i +
		    rowh / 2, labw + 0.5, FS_LABEL, 0, 0.5, 0);
		if (isnan(v->mean_p))
			continue;
		sq_bar_rect(&sc, base, v->mean_p, s, w, 1, &r);
		sqc_dim_color(items ? (size_t)ins->items[ord[i]].dim : ord[i],
		    col);
		sqc_rgb(c, col);
		sqc_fill_rect(c, &r);
		end = v->mean_p;
		if (!isnan(v->ci_low) && !isnan(v->ci_high)) {
			sqc_whisker(c, sq_scale_map(&sc, v->ci_low),
			    sq_scale_map(&sc, v->ci_high), mid, 1, w * 0.3);
			end = v->ci_high;
		}
		sqc_set_font(c, FS_TICK, 0);
		sqc_grey(c, 0.1);
		sqc_fmt_num(c, v->mean_p, 2, num, sizeof(num));
		sqc_text(c, sq_scale_map(&sc, end) + 4, mid + FS_TICK * 0.35,
		    num, 0);
	}
	sqc_set_frame(frame, x0, y0, x1, y1, &sc, &b, 1);
	sqc_free_strv(lab, n);
	free(ord);
	return SQ_OK;
}
