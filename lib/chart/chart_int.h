/*
 * Internal to lib/chart*.c: the list of labels a chart drew (the SVG text
 * layer), and what the drawing modules share.
 */
#ifndef SERVQUAL_CHART_INT_H
#define SERVQUAL_CHART_INT_H

#include <stddef.h>

#include <cairo.h>

#include "servqual/chart.h"

/* A label drawn at (x, y), points, baseline left. */
struct sq_label_rec {
	double x, y, size;
	char *text;
};

struct sq_labels {
	size_t n, cap;
	struct sq_label_rec *v;
	int failed;		/* out of memory on some add */
};

/* Record a label (copied); sets l->failed when out of memory. */
void sq_labels_add(struct sq_labels *l, double x, double y, double size,
    const char *text, size_t len);

/* Release the records (not l itself). */
void sq_labels_release(struct sq_labels *l);

/* Set every figure of s to NAN. */
void sqc_stat_nan(sq_chartstat *s);

/*
 * Make ins (taken over, freed on failure too) the chart data's own
 * instrument, with fresh NAN item, dimension and IPA arrays.
 */
int sqc_chartdata_rebase(sq_chartdata *d, sq_instrument *ins);

/* Free n strings of v, then v; NULL is a no-op. */
void sqc_free_strv(char **v, size_t n);

/* Shared by the chart drawing modules: sizes, messages, context. */
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
	M_ABOVE, M_EIGNOTE, M_CORR, M_LOADING, M_SORTED, M_RADIAL, M_SEGBY,
	    M_FROM,
	M_LIKNOTE, M_LIKNOTE_EVEN, M_CORRNOTE, M_LOWEST, M_HIGHEST, M_EP,
	M_NANCELL, M_STDIN, M_BOLD, M_INCL0, M_LIGHT, M_RESP_OF, M_CASES_OF,
	M_NMSG
};

struct _PangoLayout;

struct ctx {
	cairo_t *cr;
	struct _PangoLayout *layout;	/* made on first text, see chart_text.c */
	cairo_matrix_t to_chart;	/* device space to chart points */
	int bold;		/* current font weight */
	int overflow;		/* some text left the W x H chart */
	int failed;		/* out of memory in a text primitive */
	struct sq_labels *labels;
	const sq_chartdata *d;
	const sq_chart_opts *o;
	int lang;
	double W, H;
	double top;		/* y below the title block and legend */
	double bottom;		/* y above the notes */
	double fs;		/* current font size */
	char title[512];	/* the chart's title (sqc_chart_title) */
};

struct legend_item {
	const char *label;
	double color[3];
	int kind;		/* 0 box, 1 line with dot, 2 dashed line,
				   3 outlined tint (interval includes 0) */
};

/* Message id in the chart's language. */
const char *sqc_msg(const struct ctx *c, int id);

/* The chart's title into buf (opts->title or the type's own). */
int sqc_chart_title(const sq_chartdata *d, const sq_chart_opts *o,
    char *buf, size_t len);

/* Select DejaVu Sans at size points, bold or not. */
void sqc_set_font(struct ctx *c, double size, int bold);

/* Set the source colour to v (0..1 RGB). */
void sqc_rgb(struct ctx *c, const double v[3]);

/* Set the source colour to the grey g (0 black, 1 white). */
void sqc_grey(struct ctx *c, double g);

/* Width of len bytes of s in the current font (an sq_measure_fn). */
double sqc_measure(void *vctx, const char *s, size_t len);

/* Width of s in the current font. */
double sqc_text_w(struct ctx *c, const char *s);

/* Draw len bytes of s with its baseline at y; align 0 left, .5, 1 right. */
void sqc_text_n(struct ctx *c, double x, double y, const char *s, size_t len,
    double align);

/* Draw s with its baseline at y; align as sqc_text_n(). */
void sqc_text(struct ctx *c, double x, double y, const char *s, double align);

/* Text on a white halo, so grid and crosshair lines do not cross it. */
void sqc_halo_text(struct ctx *c, double x, double y, const char *s,
    double align);

/* Line height for a font size. */
double sqc_lh(double size);

/*
 * Draw s wrapped to maxw with the first line's top at y; valign is the
 * share of the block's height to shift it up (0 top, .5 centred).
 * Returns the block height; draws nothing when dry.
 */
double sqc_wrapped(struct ctx *c, const char *s, double x, double y,
    double maxw,
    double size, double align, double valign, int dry);

/* Widest line of s wrapped to maxw. */
double sqc_wrapped_w(struct ctx *c, const char *s, double maxw);

/* A number for a label: decimal comma in Spanish, a true minus sign. */
void sqc_fmt_num(const struct ctx *c, double v, int dec, char *buf, size_t len);

/* A figure such as 95 or 1.5 for use inside a sentence. */
void sqc_fmt_g(const struct ctx *c, double v, char *buf, size_t len);

/* Name of dimension d in the chart's language. */
const char * sqc_dim_name(const struct ctx *c, size_t d);

/* "12. wording" for item i, cut at a character boundary to len bytes. */
void sqc_item_label(const struct ctx *c, size_t i, char *buf, size_t len);

/* "12. wording" for item i, whole (caller frees; NULL: out of memory). */
char *sqc_item_label_dup(const struct ctx *c, size_t i);

/* A copy of len bytes of s as valid UTF-8 (bad bytes as U+FFFD). */
char *sqc_utf8_dup(const char *s, size_t len);

/* Release what the text primitives hold (the Pango layout). */
void sqc_release(struct ctx *c);

/* Colour of dimension d: Okabe-Ito without black and yellow first. */
void sqc_dim_color(size_t d, double v[3]);

/* The n the figure rests on (complete cases, respondents); NAN unknown. */
double sqc_figure_n(const struct ctx *c);

/* Title and subtitle; sets c->top. */
void sqc_title_block(struct ctx *c);

/* Notes at the bottom, wrapped; sets c->bottom. */
void sqc_notes(struct ctx *c, const char *s);

/* Legend entries in rows from (x, c->top) within width w; moves c->top. */
void sqc_legend(struct ctx *c, const char *heading,
    const struct legend_item *it,
    size_t n, double x, double w);

/* Horizontal grid and tick labels of a vertical value axis. */
void sqc_yaxis(struct ctx *c, const sq_scale *s, const sq_ticks *t, double x0,
    double x1, const char *title);

/* Vertical grid and tick labels of a horizontal value axis. */
void sqc_xaxis(struct ctx *c, const sq_scale *s, const sq_ticks *t, double y0,
    double y1, const char *title, int absolute);

/* Space a horizontal axis with a title takes below the plot. */
double sqc_xaxis_h(void);

/* A confidence whisker from a to b at position p across. */
void sqc_whisker(struct ctx *c, double a, double b, double p, int horizontal,
    double cap);

/* Fill r with the current colour. */
void sqc_fill_rect(struct ctx *c, const sq_rect *r);

/* Category labels under bands, wrapped to the step; returns the height. */
double sqc_band_labels(struct ctx *c, const sq_band *b, const char *const *lab,
    double y, int dry);

/* Record the main panel in f (may be NULL). */
void sqc_set_frame(sq_chart_frame *f, double x0, double y0, double x1,
    double y1,
    const sq_scale *v, const sq_band *b, int horizontal);

/* Range of the gap CIs (and the gaps) of n stats, with 0 included. */
void sqc_gap_range(const sq_chartstat *s, size_t n, double *lo, double *hi);

/* The template t with its first "%s" replaced by a, the second by b. */
void sqc_fill_t(const char *t, char *buf, size_t len, const char *a,
    const char *b);

/* Message id with each "%s" replaced by a, then b. */
void sqc_fill(const struct ctx *c, int id, char *buf, size_t len, const char *a,
    const char *b);

/* A message about the confidence level, e.g. "... 95% CI". */
void sqc_pct_text(const struct ctx *c, double conf, int id, char *buf,
    size_t len);

/* Colour of a gap bar: vermillion below 0, bluish green else. */
const double * sqc_gapcol(double g, double v[3]);

/*
 * Fill the bar r of a gap g with confidence interval [lo, hi]: solid in
 * its colour col when the interval excludes 0, a light tint with an
 * outline when it includes 0 (not significant), so the two differ in
 * print and to colour-blind readers. Returns whether it was solid.
 */
int sqc_gap_bar(struct ctx *c, const sq_rect *r, const double col[3],
    double lo, double hi);

/* Whether a gap's interval [lo, hi] includes 0 (NAN ends: no). */
int sqc_includes0(double lo, double hi);

/*
 * Draw the value label num of a horizontal bar r ending at the gap g,
 * just beyond the bar end or the whisker end we, whichever is further
 * out (col and solid: the bar's look, for future placements inside).
 */
void sqc_bar_value(struct ctx *c, const sq_rect *r, double g, double we,
    double mid, const char *num, const double col[3], int solid);

/* Relative luminance of v, to pick black or white text. */
double sqc_luminance(const double v[3]);

/* Width of the widest gap value label ("-0.00"), at the tick font. */
double sqc_value_w(struct ctx *c);

/* Wrapped row labels of a horizontal chart, centred on each row. */
void sqc_row_labels(struct ctx *c, const char *const *lab, const size_t *ord,
    size_t n, double x, double y0, double rowh, double labw, int bold);

/* Height of the notes block for s. */
double sqc_notes_h(struct ctx *c, const char *s);

/*
 * Row layout for one wrapped label per row: the label column is at most
 * share of the width; *labw gets its width, *rowh the uniform row height.
 */
void sqc_rows_layout_v(struct ctx *c, const char *const *lab, size_t n,
    double share, double *labw, double *rowh);

/* As sqc_rows_layout_v() over fixed-size label buffers. */
void sqc_rows_layout(struct ctx *c, char (*lab)[SQ_WORDING_LEN + 16], size_t n,
    double share, double *labw, double *rowh);

/* A legend of the dimensions' colours. */
void sqc_dim_legend(struct ctx *c);

/* The same, with an entry for intervals that include 0 when incl0. */
void sqc_dim_legend_x(struct ctx *c, int incl0);

/*
 * Colour of segment j: Okabe-Ito without black (the whiskers'), yellow
 * and sky blue (low contrast on white), then dark grey, brown, grey.
 */
void sqc_seg_color(size_t j, double v[3]);

/* "E", "P" or "P \u2212 E" for the block of a scree or heatmap. */
const char * sqc_block_name(const sq_chartdata *d);

/*
 * The item number in a label such as "12", "P12" or "E_12", 1 to
 * SQ_MAX_COLUMN_NUMBER (the codebook's bound), or -1.
 */
int sqc_label_number(const char *s);

/* Item index named by a label such as "P12", or -1. */
int sqc_label_item(const sq_instrument *ins, const char *s);

/* Keys of the elements: an int every stride bytes from base. */
struct sqc_keys {
	const char *base;
	size_t stride;
};

/*
 * Sort the indices ord[0..n-1] by the int key at key + index * stride
 * bytes (unsigned order: a negative key sorts last), then by index.
 */
void sqc_order_by_key(size_t *ord, size_t n, const int *key, size_t stride);

/*
 * Nice ticks over [lo, hi], about target of them, fewer when their labels
 * would not fit in len points along the axis (horizontal != 0: label
 * widths; else label heights). SQ_EDATA when [lo, hi] has no ticks
 * (see sq_nice_ticks()).
 */
int sqc_ticks_fit(struct ctx *c, double lo, double hi, int target,
    double len, int horizontal, sq_ticks *t);

/* The polar frame of the radar charts (chart_polar.c). */
typedef struct sqc_polar {
	double cx, cy, R;	/* centre and outer radius, points */
	double labw;		/* width of a name outside the rings */
	size_t n;		/* spokes */
	sq_scale rs;		/* value onto radius */
	sq_ticks t;		/* the rings */
	int dec;		/* decimals of a ring value */
} sqc_polar;

/*
 * Centre, radius and rings of n spokes over [lo, hi] (about ticks rings)
 * in the space between c->top and c->bottom; SQ_ELIMIT when too small.
 */
int sqc_polar_layout(struct ctx *c, double lo, double hi, int ticks,
    size_t n, double labw, sqc_polar *p);
/* The closed path of values v, one per spoke. */
void sqc_polar_path(struct ctx *c, const sqc_polar *p, const double *v);
/* The point of value v on spoke k. */
void sqc_polar_point(const sqc_polar *p, size_t k, double v, double *x,
    double *y);
/* Ring i's value into *v; 0 when it lies outside the scale. */
int sqc_polar_ring(const sqc_polar *p, size_t i, double *v);
/* The rings and spokes. */
void sqc_polar_grid(struct ctx *c, const sqc_polar *p);
/* Spoke k's name outside the rings, its values on a line below. */
void sqc_polar_name(struct ctx *c, const sqc_polar *p, size_t k,
    const char *name, const char *values);
/* Record the polar plot in frame (may be NULL). */
void sqc_polar_frame(sq_chart_frame *frame, const sqc_polar *p);

/* A panel of vertical bars over bands, with its value axis. */
typedef struct sqc_panel {
	double x0, x1, y0, y1;	/* the plot */
	sq_band b;		/* the categories across */
	sq_scale sc;		/* values up */
} sqc_panel;

/*
 * Lay out and draw the axis of a band panel: n categories labelled lab
 * (bands padded pad_inner, pad_outer) from gap below c->top to above
 * their labels, values [lo, hi] on a y axis titled title. SQ_ELIMIT when
 * too small, SQ_ENUMERIC when [lo, hi] has no ticks.
 */
int sqc_band_panel(struct ctx *c, const char *const *lab, size_t n,
    double pad_inner, double pad_outer, double gap, double lo, double hi,
    const char *title, sqc_panel *p);
/*
 * The value axis of a panel of n horizontal rows over p's plot: values
 * [lo, hi] across (about ticks ticks, absolute labels when absolute),
 * bars bar points thick where rows have room (bar + 6), else pad of a
 * row. SQ_ENUMERIC when [lo, hi] has no ticks.
 */
int sqc_row_panel(struct ctx *c, size_t n, double lo, double hi, int ticks,
    double bar, double pad, const char *title, int absolute, sqc_panel *p);
/* The category labels under the panel, and its frame (may be NULL). */
void sqc_band_panel_end(struct ctx *c, const char *const *lab,
    const sqc_panel *p, sq_chart_frame *frame);

/* The chart types, drawn onto c; frame gets the main panel. */
int sqc_draw_gaps(struct ctx *c, sq_chart_frame *frame);
int sqc_draw_items(struct ctx *c, sq_chart_frame *frame);
int sqc_draw_radar(struct ctx *c, sq_chart_frame *frame);
int sqc_draw_ipa(struct ctx *c, sq_chart_frame *frame);
int sqc_draw_groups(struct ctx *c, sq_chart_frame *frame);
int sqc_draw_likert(struct ctx *c, sq_chart_frame *frame);
int sqc_draw_scree(struct ctx *c, sq_chart_frame *frame);
int sqc_draw_heatmap(struct ctx *c, sq_chart_frame *frame);
int sqc_draw_drivers(struct ctx *c, sq_chart_frame *frame);

/* chart_drivers.c: the drivers chart's title in lang. */
const char *sqc_drivers_title(int lang);

/* ipa and drivers data from an export, through the drivers library. */
int sqc_drivers_survey(sq_chartdata *d, FILE *fp, const char *name,
    const sq_survey_opts *opts, const sq_chartneed *need,
    sq_survey_stats *st, sq_error *err);

/* One row of sq-drivers' long table into d->drv. */
int sqc_drivers_cell(sq_chartdata *d, const char *section, const char *seg,
    const char *model, const char *term, const char *key, const char *val,
    const char *name, unsigned long line, sq_error *err);

/* After a table: the IPA importance and crosshairs need asks for. */
int sqc_drivers_table_done(sq_chartdata *d, const sq_chartneed *need,
    sq_error *err);

/* lib/chart/chart_cfa.c: one row of sq-cfa's table into d->cfa. */
int sqc_cfa_add(sq_chartdata *d, const char *sec, const char *key,
    const char *dim, const char *item, const char *dim2, const char *value,
    const char *name, unsigned long line, sq_error *err);

/* After the last row: the table had loadings. */
int sqc_cfa_finish(sq_chartdata *d, const char *name, sq_error *err);

struct sq_covacc;
/* Fit the model to the listwise covariance of an export into d->cfa. */
int sqc_cfa_fit(sq_chartdata *d, const struct sq_covacc *cov, int block,
    const char *name, sq_error *err);

/* The cfa chart's title in lang. */
const char *sqc_cfa_title(int lang);

/* Draw the cfa chart (with c->H == 0: only measure its height). */
int sqc_draw_cfa(struct ctx *c, sq_chart_frame *frame);

/* chart_zone.c: the zone of tolerance, and P alone (SERVPERF). */
int sqc_draw_zone(struct ctx *c, sq_chart_frame *frame);
int sqc_draw_zone_radar(struct ctx *c, sq_chart_frame *frame);
/* Mean P with its CI per dimension (items 0) or item, from the scale
 * minimum: the gaps and items charts of an export without E. */
int sqc_draw_perf(struct ctx *c, sq_chart_frame *frame, int items);
/* Whether d holds what a zone chart needs; a message in err if not. */
int sqc_zone_check(const sq_chartdata *d, int type, sq_error *err);
/* The title of the zone charts and of P alone, or 0 for the others. */
int sqc_zone_title(const sq_chartdata *d, int type, int lang, char *buf,
    size_t len);
/* Append a zone row (label copied); SQ_ENOMEM or SQ_ELIMIT. */
int sqc_zone_add(sq_chartdata *d, int scope, const char *en,
    const char *es, double n, double a, double dd, double p);
/* Release a zone chart's rows. */
void sqc_zone_free(sq_zonechart *z);
/* lib/chart/chart_compare.c: the compare chart, its data and their release. */
struct sq_cmprow;
int sqc_draw_compare(struct ctx *c, sq_chart_frame *frame);
int sqc_compare_rows(sq_chartdata *d, const struct sq_cmprow *rows,
    size_t nr, char *const *name, double conf);
void sqc_compare_free(struct sq_cmpchart *m);

#endif
