/*
 * servqual charts: the data a chart draws (gathered from a survey export
 * or read from a tidy table), the pure geometry the drawing rests on
 * (scales, nice ticks, bands, bar rectangles, label wrapping, colours),
 * and the Cairo renderer that writes PNG, PDF or SVG.
 *
 * Units: every length is in points (1/72 inch). A PNG is rasterised at
 * opts.dpi, so a 640 x 400 pt chart at 150 dpi is 1333 x 833 pixels.
 * Ownership as in error.h: the chart data borrows its instrument.
 */
#ifndef SERVQUAL_CHART_H
#define SERVQUAL_CHART_H

#include <stddef.h>
#include <stdio.h>

#include "servqual/error.h"
#include "servqual/instrument.h"
#include "servqual/survey.h"

/* ---- geometry (pure functions, no Cairo) ---- */

typedef struct sq_rect {
	double x, y, w, h;	/* top-left corner, width, height >= 0 */
} sq_rect;

/* A linear map from data [d0, d1] onto device [r0, r1]. */
typedef struct sq_scale {
	double d0, d1, r0, r1;
} sq_scale;

/* Device coordinate of data value v (linear, extrapolates). */
double sq_scale_map(const sq_scale *s, double v);

/*
 * "Nice" number near x > 0 with mantissa 1, 2, 5 or 10: the nearest
 * (round != 0: cut-offs 1.5, 3, 7) or the next not below x (round == 0).
 */
double sq_nice_num(double x, int round);

/* Ticks lo, lo + step, ..., hi (n of them) with nice step. */
typedef struct sq_ticks {
	double lo, hi, step;
	size_t n;
} sq_ticks;

/*
 * Ticks that cover [lo, hi] in about target steps: step is
 * sq_nice_num((hi - lo) / target, 1), ends are multiples of step.
 * lo == hi is widened by one unit either way. SQ_EUSAGE on non-finite
 * input or target < 1; SQ_EDATA when no such ticks exist in doubles (hi - lo
 * overflows, a step is lost in rounding, more than SQ_MAX_TICKS ticks).
 * t is set only on success.
 */
#define SQ_MAX_TICKS	1000
int sq_nice_ticks(double lo, double hi, int target, sq_ticks *t);

/* Value of tick i. */
double sq_tick(const sq_ticks *t, size_t i);

/* Decimals needed to print the ticks of step without noise (0..6). */
int sq_tick_decimals(double step);

/*
 * A band scale: n equal categories over [r0, r1]; pad_inner is the share
 * of each step left empty between bands, pad_outer the number of steps
 * left empty at either end (as d3's band scale):
 *   step = (r1 - r0) / (n - pad_inner + 2 pad_outer)
 *   start(i) = r0 + step (pad_outer + i), width = step (1 - pad_inner).
 */
typedef struct sq_band {
	double r0, r1;
	size_t n;
	double pad_inner, pad_outer;
} sq_band;

/* Start and width of band i. */
void sq_band_pos(const sq_band *b, size_t i, double *start, double *width);

/*
 * Sub-band j of m inside band i (grouped bars), with no padding between
 * sub-bands.
 */
void sq_band_sub(const sq_band *b, size_t i, size_t j, size_t m,
    double *start, double *width);

/*
 * The rectangle of a bar from base to value along scale s, spanning
 * [start, start + width] across; horizontal != 0 draws the value along x.
 */
void sq_bar_rect(const sq_scale *s, double base, double value, double start,
    double width, int horizontal, sq_rect *r);

/* Point at radius r, spoke k of n, around (cx, cy); spoke 0 points up. */
void sq_polar(double cx, double cy, double r, size_t k, size_t n,
    double *x, double *y);

/* Width of the first len bytes of s, in the caller's units. */
typedef double (*sq_measure_fn)(void *ctx, const char *s, size_t len);

/* One wrapped line: bytes [off, off + len) of the text. */
typedef struct sq_line {
	size_t off, len;
} sq_line;

/*
 * Break text at blanks into lines no wider than maxw; a word wider than
 * maxw gets a line of its own (it is never cut). Fills at most maxlines
 * entries of lines and returns the number of lines the text needs; *widest
 * (may be NULL) gets the widest line's width.
 */
size_t sq_wrap(const char *text, double maxw, sq_measure_fn measure,
    void *ctx, sq_line *lines, size_t maxlines, double *widest);

/*
 * Diverging stacked layout of k answer counts (a Likert item) in percent:
 * the categories below the middle extend left of 0, those above extend
 * right, and a middle category (k odd) straddles 0 half and half.
 * Fills lo[k] and hi[k]; all zero when the counts sum to 0.
 */
void sq_likert_layout(const double *count, size_t k, double *lo, double *hi);

/* Okabe-Ito palette entry i (0..7: black, orange, sky blue, bluish green,
 * yellow, blue, vermillion, reddish purple), as 0..1 RGB. */
void sq_palette(size_t i, double rgb[3]);

/*
 * Colour of a value v in [-1, 1] on a diverging map: Okabe-Ito vermillion
 * at -1, white at 0, Okabe-Ito blue at +1, linear in RGB; v is clamped.
 */
void sq_diverging(double v, double rgb[3]);

/*
 * Colour of answer category i of k on a Likert scale: the diverging map at
 * v = (2 i - (k - 1)) / (k - 1) scaled by 0.85, so the ends stay readable
 * and the middle category (k odd) is a light grey rather than white.
 */
void sq_likert_color(size_t i, size_t k, double rgb[3]);

/*
 * |v| with dec decimals (0..9) into buf, rounded half away from zero with
 * ties judged to 1e-9 relative, so a mean of exactly 5.325 reads "5.33"
 * whether it was computed (5.32499999...) or read back from a table.
 * Returns the sign of the rounded value: -1, 0 or 1.
 */
int sq_fmt_fixed(double v, int dec, char *buf, size_t len);

/* Importance-performance quadrants (Martilla & James, 1977). */
enum sq_quadrant {
	SQ_Q_CONCENTRATE = 0,	/* high importance, low performance */
	SQ_Q_KEEP_UP,		/* high importance, high performance */
	SQ_Q_LOW_PRIORITY,	/* low importance, low performance */
	SQ_Q_OVERKILL		/* low importance, high performance */
};

/* Quadrant of a point; on a crosshair it counts as high. */
int sq_ipa_quadrant(double imp, double perf, double imp_c, double perf_c);

/* ---- chart data ---- */

enum sq_chart_type {
	SQ_CHART_GAPS = 0, SQ_CHART_ITEMS, SQ_CHART_RADAR, SQ_CHART_IPA,
	SQ_CHART_GROUPS, SQ_CHART_LIKERT, SQ_CHART_SCREE, SQ_CHART_HEATMAP,
	SQ_CHART_DRIVERS, SQ_CHART_CFA, SQ_CHART_ZONE, SQ_CHART_ZONE_RADAR,
	SQ_CHART_COMPARE,
	SQ_CHART_NTYPES
};

/* Parse a chart type name ("gaps", ...); -1 if unknown. */
int sq_chart_type_parse(const char *s);

/* The name of a chart type. */
const char *sq_chart_type_name(int type);

/* Paired summary the charts use; NAN where undefined. */
typedef struct sq_chartstat {
	double n, mean_e, mean_p, gap, ci_low, ci_high;
} sq_chartstat;

enum sq_matrix_kind { SQ_MATRIX_CORRELATION = 0, SQ_MATRIX_LOADINGS };

/*
 * What sq-drivers knows and the ipa and drivers charts draw: importance
 * shares (0..100), the models' R^2, performance intervals, the IPA rule.
 * Filled from an export (lib/chart/chart_drivers.c) or sq-drivers' table.
 */
typedef struct sq_chartdrv {
	int has;			/* the fields below are set */
	int has_models;			/* r2 and derived are known */
	double stated[SQ_MAX_DIMS];	/* mean weights rescaled to 100 */
	double derived[SQ_MAX_DIMS];	/* servperf LMG share of R^2 */
	double r2[2], n[2];		/* servqual, servperf */
	double spearman;
	double perf_lo[SQ_MAX_DIMS], perf_hi[SQ_MAX_DIMS];
	int source;			/* enum sq_drv_source: 1 stated,
					   2 derived */
	int rule;			/* enum sq_drv_cross */
	double icross, pcross;		/* IPA crosshairs */
	double scale_min, scale_max;	/* the answer scale */
	double conf;			/* of perf_lo, perf_hi */
} sq_chartdrv;

/*
 * What the cfa chart draws (lib/chart/chart_cfa.c): the factors and items of a
 * confirmatory model as the data name them, standardized loadings, factor
 * correlations and fit indices.
 */
typedef struct sq_cfachart {
	size_t nf;			/* factors */
	char (*code)[SQ_CODE_LEN];	/* nf dimension codes */
	size_t ni;			/* items, grouped by factor */
	int *number;			/* ni item numbers */
	int *factor;			/* ni factor indices */
	double *std;			/* ni standardized loadings */
	double *cor;			/* SQ_MAX_DIMS^2 factor correlations */
	double chisq, df, pval, cfi, tli, rmsea, rmsea_lo, rmsea_hi, srmr;
	double n;			/* complete respondents */
	char block;			/* E, P or G */
	int not_converged;
} sq_cfachart;

/* Release a cfa chart's data. */
void sq_cfachart_free(sq_cfachart *g);

/*
 * Path diagram rows: item i (factor[i], grouped) centred at item_y[i],
 * 17 pt a row and 9 pt between factors from top; factor f centred on the
 * mean of its items; *height the rows' whole height.
 */
int sq_cfa_layout(const int *factor, size_t ni, size_t nf, double top,
    double *item_y, double *factor_y, double *height);

/*
 * How far left of the factors the arc between factors a and b bulges:
 * 34 pt per factor between them, less when room (pt) is short for nf.
 */
double sq_cfa_arc_bulge(size_t a, size_t b, size_t nf, double room);

/*
 * One row of a zone-of-tolerance chart: the band from the adequate level
 * a to the desired level d and the perceived level p, with its own label
 * (the chart needs no instrument: it may come from sq-zone's table).
 */
typedef struct sq_zonebar {
	int scope;			/* 0 item, 1 dimension, 2 overall */
	char *label[2];			/* by enum sq_lang; owned, any
					   length */
	double n, a, d, p;
} sq_zonebar;

typedef struct sq_zonechart {
	size_t n;
	sq_zonebar *bar;		/* items, then dimensions, overall */
	double lo, hi;			/* the answer scale */
} sq_zonechart;

typedef struct sq_chartdata {
	const sq_instrument *ins;	/* borrowed, or own_ins */
	sq_instrument *own_ins;		/* built from a table's own facts */
	int ins_given;			/* ins is the user's (-c), so a table
					   lacking facts may rest on it */
	double conf;			/* confidence level of the intervals;
					   NAN if a table does not say */
	char source[256];		/* input name, for notes */
	double respondents;		/* rows read; NAN if a table says not */
	int from_table;			/* read from a tidy table */
	int has_gaps;			/* item[] and dim[] are filled */
	sq_chartstat *item;		/* nitems, whole sample */
	sq_chartstat *dim;		/* ndims, whole sample */
	char segname[128];		/* the --by column, "" if unknown */
	size_t nseg;			/* segments (--by), 0 if none */
	char **seg;
	sq_chartstat *segdim;		/* nseg * ndims */
	int has_ipa;
	double *importance;		/* ndims mean weights */
	double *performance;		/* ndims mean perceptions */
	int has_likert;
	int likert_block;		/* SQ_BLOCK_E or SQ_BLOCK_P */
	size_t nvals;			/* answer values vmin..vmin+nvals-1 */
	double vmin;
	double *count;			/* nitems * nvals */
	int has_scree;
	size_t ncomp;
	double *eigen;			/* ncomp */
	double *reference;		/* ncomp, NAN when absent */
	int pa_iter;			/* reference: random data sets, 0 if
					   it came from a table */
	int block;			/* scree, heatmap: E, P, G; or -1 */
	double cases;			/* complete cases behind the matrix or
					   the eigenvalues; NAN if unknown */
	int has_matrix;
	int matrix_kind;		/* enum sq_matrix_kind */
	size_t mrows, mcols;
	double *matrix;			/* mrows * mcols, row-major */
	char **rowlab, **collab;
	int *rowdim;			/* dimension of each row, or -1 */
	int *coldim;
	sq_chartdrv drv;		/* ipa, drivers */
	sq_cfachart *cfa;		/* cfa chart, or NULL */
	int perf;			/* item[], dim[]: P alone (SERVPERF) */
	sq_zonechart *zone;		/* zone, zone-radar; NULL if none */
	struct sq_cmpchart *cmp;	/* compare: groups, intervals, pairs
					   that differ (lib/chart/chart_compare.c) */
} sq_chartdata;

/* What to gather from an export. */
typedef struct sq_chartneed {
	int type;			/* enum sq_chart_type */
	int block;			/* likert, scree, heatmap: E, P or G */
	double conf;			/* confidence level, 0.95 */
	unsigned long seed;		/* parallel analysis random seed */
	int iterations;			/* parallel analysis data sets */
	int importance;			/* ipa: enum sq_drv_source */
	int crosshair;			/* ipa: enum sq_drv_cross; -1: the
					   table's own, else mean */
	int conf_given;			/* --conf was given: a table without
					   a conf column is taken at it */
	int ins_given;			/* the instrument is the user's (-c) */
} sq_chartneed;

/* An empty chart data set over ins. */
int sq_chartdata_new(const sq_instrument *ins, sq_chartdata **out);

/*
 * Read a whole survey export and gather what chart type need->type draws.
 * opts->by selects the segment column (groups).
 */
int sq_chartdata_survey(sq_chartdata *d, FILE *fp, const char *name,
    const sq_survey_opts *opts, const sq_chartneed *need,
    sq_survey_stats *st, sq_error *err);

/*
 * Read a tidy table from buf, tab-separated or (sq-gap -f csv) comma- or
 * semicolon-separated; the header tells which table. A table is drawn
 * as it says: its instrument (dimensions, items, wordings, scale) comes
 * from its own columns, and only when it has none and d->ins_given from
 * d->ins; the built-in instrument is never assumed. The sq-gap
 * table; sq-factor's long table (eigenvalues, parallel analysis, pattern
 * loadings); sq-zone's table; "component eigenvalue reference"; a matrix
 * (first header cell empty, "item", "variable" or "row", then column
 * names; rows of a label and numbers); "dimension importance
 * performance"; or "item value n" with an optional "block" (Likert answer counts). Returns SQ_ESCHEMA
 * if the header is none of these.
 */
int sq_chartdata_table(sq_chartdata *d, const char *buf, size_t len,
    const char *name, sq_error *err);

/*
 * Whether the first line of an input (len bytes at buf) looks like one of
 * the tables sq_chartdata_table() reads rather than a survey export.
 */
int sq_chart_is_table(const char *buf, size_t len);

/*
 * Read fp, a survey export or one of the tables above, told apart by the
 * header: a table is read whole (it is small), an export is streamed.
 */
int sq_chartdata_read(sq_chartdata *d, FILE *fp, const char *name,
    const sq_survey_opts *opts, const sq_chartneed *need,
    sq_survey_stats *st, sq_error *err);

/* Release chart data. */
void sq_chartdata_free(sq_chartdata *d);

/* ---- rendering ---- */

enum sq_chart_format { SQ_CHART_PNG = 0, SQ_CHART_PDF, SQ_CHART_SVG };

typedef struct sq_chart_opts {
	int type;		/* enum sq_chart_type */
	int lang;		/* enum sq_lang */
	double width, height;	/* points; 0 = the type's default */
	double dpi;		/* PNG only; 0 = 150 */
	const char *title;	/* NULL = a title for the type */
	double conf;		/* confidence level the data use, for labels
				   (the data's own, d->conf, when known) */
	const char *subtitle;	/* NULL = "n = ... · Source: base name";
				   "" = none */
} sq_chart_opts;

/* Where the main panel was drawn, for tests and callers. */
typedef struct sq_chart_frame {
	sq_rect plot;		/* plotting area, points */
	sq_scale value;		/* value axis */
	sq_band band;		/* category axis (bar charts) */
	int horizontal;		/* value along x */
	double width, height;	/* the whole chart, points */
} sq_chart_frame;

/* The chart's title: opts->title, else the type's in opts->lang. */
void sq_chart_title(const sq_chartdata *d, const sq_chart_opts *opts,
    char *buf, size_t len);

/*
 * Whether fontconfig finds DejaVu Sans, the font every chart is set in;
 * the family it would use instead goes to family (len bytes).
 */
int sq_chart_font(char *family, size_t len);

/*
 * Release Cairo's and fontconfig's process-wide caches (call once at
 * exit, after the last chart), so leak checkers see only real leaks.
 */
void sq_chart_release_fonts(void);

/* Format by file name extension (.png, .pdf, .svg); -1 if none. */
int sq_chart_format_of(const char *path);

/*
 * The size a chart of opts will have, in points: the options', else the
 * type's default; items, likert and heatmap grow as tall as they need.
 */
int sq_chart_size(const sq_chartdata *d, const sq_chart_opts *opts,
    double *width, double *height, sq_error *err);

/*
 * Draw a chart onto cr (a cairo_t *, in points) of the given size.
 * Labels (may be NULL) receives every text drawn, for the SVG text layer.
 */
struct sq_labels;
int sq_chart_draw(void *cr, const sq_chartdata *d, const sq_chart_opts *opts,
    double width, double height, struct sq_labels *labels,
    sq_chart_frame *frame, sq_error *err);

/*
 * Write the chart to path, the format chosen by the extension: drawn into
 * a temporary file in the same directory, which is renamed over path only
 * when everything succeeded. Cairo errors name the path.
 */
int sq_chart_write(const sq_chartdata *d, const sq_chart_opts *opts,
    const char *path, sq_chart_frame *frame, sq_error *err);

#endif
