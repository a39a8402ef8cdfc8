/*
 * Chart geometry held to numbers worked out by hand (in the comments),
 * table reading, and pixels: charts drawn into an image surface in memory
 * must have ink of the right colour inside the bar rectangles the
 * geometry functions give, and none between the bars.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "servqual/chart.h"
#include "servqual/instrument.h"
#include "unit.h"

/* Monospace measure: 6 units per byte. */
static double
mono(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	(void)s;
	return 6.0 * (double)len;
}

static void
test_scale(void)
{
	sq_scale s = { 1, 7, 100, 400 }, y = { 0, 10, 500, 100 };

	/* 100 + (4 - 1) * 300 / 6 = 250 */
	CHECK_NEAR(sq_scale_map(&s, 4), 250, 1e-12, "scale: 4 on 1..7");
	CHECK_NEAR(sq_scale_map(&s, 1), 100, 1e-12, "scale: domain start");
	/* inverted y: 500 - 2.5 * 40 = 400 */
	CHECK_NEAR(sq_scale_map(&y, 2.5), 400, 1e-12, "scale: inverted");
	/* extrapolates: 500 - 12 * 40 = 20 */
	CHECK_NEAR(sq_scale_map(&y, 12), 20, 1e-12, "scale: extrapolates");
}

static void
test_nice(void)
{
	sq_ticks t;

	CHECK_NEAR(sq_nice_num(0.45, 1), 0.5, 1e-12, "nice: 0.45 -> 0.5");
	CHECK_NEAR(sq_nice_num(1.4, 1), 1, 1e-12, "nice: 1.4 -> 1");
	CHECK_NEAR(sq_nice_num(2.9, 1), 2, 1e-12, "nice: 2.9 -> 2");
	CHECK_NEAR(sq_nice_num(7.5, 1), 10, 1e-12, "nice: 7.5 -> 10");
	CHECK_NEAR(sq_nice_num(2.25, 0), 5, 1e-12, "nice ceil: 2.25 -> 5");
	CHECK_NEAR(sq_nice_num(3, 0), 5, 1e-12, "nice ceil: 3 -> 5");
	CHECK_NEAR(sq_nice_num(20, 0), 20, 1e-12, "nice ceil: 20 stays");
	CHECK_NEAR(sq_nice_num(1000, 1), 1000, 1e-12, "nice: 1000 stays");
	CHECK_NEAR(sq_nice_num(0.001, 1), 0.001, 1e-12, "nice: 0.001");

	/* range 2.25 / 5 = 0.45 -> step 0.5; floor(-3.66) = -4 -> -2.0;
	 * ceil(0.84) = 1 -> 0.5; ticks -2, -1.5, -1, -0.5, 0, 0.5 */
	CHECK(sq_nice_ticks(-1.83, 0.42, 5, &t) == SQ_OK, "ticks: ok");
	CHECK_NEAR(t.step, 0.5, 1e-12, "ticks: step 0.5");
	CHECK_NEAR(t.lo, -2, 1e-12, "ticks: lo -2");
	CHECK_NEAR(t.hi, 0.5, 1e-12, "ticks: hi 0.5");
	CHECK(t.n == 6, "ticks: 6 of them");
	CHECK(sq_tick(&t, 4) == 0 && !signbit(sq_tick(&t, 4)),
	    "ticks: the fifth is exactly +0");
	/* 1..7 in 6 steps: step 1, 7 ticks */
	sq_nice_ticks(1, 7, 6, &t);
	CHECK(t.n == 7 && t.lo == 1 && t.hi == 7 && t.step == 1,
	    "ticks: 1..7 by 1");
	/* 0..0.3 by 0.1: 0.3 / 0.1 is 2.9999999999999996 in binary; still
	 * 4 ticks, not 5 */
	sq_nice_ticks(0, 0.3, 3, &t);
	CHECK(t.n == 4, "ticks: 0..0.3 gives 4 ticks");
	CHECK_NEAR(t.hi, 0.3, 1e-12, "ticks: 0..0.3 ends at 0.3");
	/* lo == hi widens to [4, 6]; 2 / 4 = 0.5 */
	sq_nice_ticks(5, 5, 4, &t);
	CHECK(t.lo == 4 && t.hi == 6 && t.step == 0.5 && t.n == 5,
	    "ticks: a point widens by one unit");
	/* reversed input is sorted */
	sq_nice_ticks(0.42, -1.83, 5, &t);
	CHECK(t.lo == -2 && t.n == 6, "ticks: reversed input");
	CHECK(sq_nice_ticks(NAN, 1, 5, &t) == SQ_EUSAGE, "ticks: NaN refused");
	CHECK(sq_nice_ticks(0, 1, 0, &t) == SQ_EUSAGE, "ticks: target 0");
	CHECK(sq_tick_decimals(0.5) == 1, "decimals: 0.5 -> 1");
	CHECK(sq_tick_decimals(0.25) == 2, "decimals: 0.25 -> 2");
	CHECK(sq_tick_decimals(20) == 0, "decimals: 20 -> 0");
	CHECK(sq_tick_decimals(0.1) == 1, "decimals: 0.1 -> 1");
}

static void
test_band(void)
{
	sq_band b = { 0, 100, 4, 0.2, 0.1 };
	sq_scale h = { -2, 0.5, 100, 350 }, v = { 0, 10, 400, 0 };
	sq_rect r;
	double s, w;

	/* step = 100 / (4 - 0.2 + 0.2) = 25; width = 25 * 0.8 = 20 */
	sq_band_pos(&b, 0, &s, &w);
	CHECK_NEAR(s, 2.5, 1e-12, "band 0 starts at 25 * 0.1");
	CHECK_NEAR(w, 20, 1e-12, "band width 20");
	sq_band_pos(&b, 3, &s, &w);
	CHECK_NEAR(s, 77.5, 1e-12, "band 3 starts at 25 * 3.1");
	/* band 1 starts at 27.5; half of 20 is 10 */
	sq_band_sub(&b, 1, 1, 2, &s, &w);
	CHECK_NEAR(s, 37.5, 1e-12, "sub-band 1 of 2 in band 1");
	CHECK_NEAR(w, 10, 1e-12, "sub-band width 10");

	/* horizontal: map(0) = 100 + 2 * 100 = 300, map(-1) = 200 */
	sq_bar_rect(&h, 0, -1, 40, 12, 1, &r);
	CHECK(r.x == 200 && r.w == 100 && r.y == 40 && r.h == 12,
	    "bar: horizontal negative bar 200..300");
	/* vertical: map(0) = 400, map(5) = 200 */
	sq_bar_rect(&v, 0, 5, 10, 30, 0, &r);
	CHECK(r.x == 10 && r.w == 30 && r.y == 200 && r.h == 200,
	    "bar: vertical bar 200..400");
	/* a bar from a non-zero base (1 on a 1..7 scale) */
	sq_bar_rect(&(sq_scale){ 1, 7, 0, 600 }, 1, 4, 0, 5, 1, &r);
	CHECK(r.x == 0 && r.w == 300, "bar: from the scale's bottom");
}

static void
test_polar(void)
{
	double x, y;

	sq_polar(100, 100, 50, 0, 4, &x, &y);
	CHECK(fabs(x - 100) < 1e-12 && fabs(y - 50) < 1e-12,
	    "polar: spoke 0 points up");
	sq_polar(100, 100, 50, 1, 4, &x, &y);
	CHECK(fabs(x - 150) < 1e-12 && fabs(y - 100) < 1e-12,
	    "polar: spoke 1 of 4 points right (clockwise)");
	/* 72 degrees: 100 + 50 sin 72 = 147.5528, 100 - 50 cos 72 = 84.5492 */
	sq_polar(100, 100, 50, 1, 5, &x, &y);
	CHECK_NEAR(x, 147.55282581475768, 1e-12, "polar: pentagon x");
	CHECK_NEAR(y, 84.549150281252636, 1e-12, "polar: pentagon y");
}

static void
test_wrap(void)
{
	const char *s = "Employees are never too busy";
	sq_line ln[8];
	double wid;
	size_t n;

	/* 10 characters a line: "Employees" / "are never" / "too busy" */
	n = sq_wrap(s, 60, mono, NULL, ln, 8, &wid);
	CHECK(n == 3, "wrap: three lines");
	CHECK(ln[0].off == 0 && ln[0].len == 9, "wrap: line 1 Employees");
	CHECK(ln[1].off == 10 && ln[1].len == 9, "wrap: line 2 are never");
	CHECK(ln[2].off == 20 && ln[2].len == 8, "wrap: line 3 too busy");
	CHECK_NEAR(wid, 54, 1e-12, "wrap: widest line 9 * 6");
	/* a word wider than the line keeps a line of its own, uncut */
	n = sq_wrap("Supercalifragilistic is long", 30, mono, NULL, ln, 8,
	    &wid);
	CHECK(n == 3 && ln[0].len == 20, "wrap: long word whole");
	CHECK(ln[1].off == 21 && ln[1].len == 2, "wrap: then 'is'");
	CHECK(ln[2].off == 24 && ln[2].len == 4, "wrap: then 'long'");
	CHECK_NEAR(wid, 120, 1e-12, "wrap: widest is the long word");
	/* blanks at the ends are dropped, inner ones kept */
	n = sq_wrap("  a  b ", 100, mono, NULL, ln, 8, NULL);
	CHECK(n == 1 && ln[0].off == 2 && ln[0].len == 4, "wrap: trims");
	CHECK(sq_wrap("", 100, mono, NULL, ln, 8, NULL) == 0,
	    "wrap: empty text, no lines");
	/* the count is the lines needed even when fewer fit in lines[] */
	CHECK(sq_wrap(s, 20, mono, NULL, ln, 2, NULL) == 5,
	    "wrap: counts past maxlines");
	/* everything fits on one line exactly at 28 * 6 = 168 */
	CHECK(sq_wrap(s, 168, mono, NULL, ln, 8, NULL) == 1,
	    "wrap: exact fit");
	CHECK(sq_wrap(s, 167.9, mono, NULL, ln, 8, NULL) == 2,
	    "wrap: a hair too narrow");
}

static void
test_likert(void)
{
	double c5[5] = { 10, 20, 40, 20, 10 }, c4[4] = { 1, 3, 4, 2 };
	double z[3] = { 0, 0, 0 }, lo[5], hi[5];

	/* left end = -(10 + 20 + 40 / 2) = -50 */
	sq_likert_layout(c5, 5, lo, hi);
	CHECK(lo[0] == -50 && hi[0] == -40, "likert: 1 spans -50..-40");
	CHECK(lo[1] == -40 && hi[1] == -20, "likert: 2 spans -40..-20");
	CHECK(lo[2] == -20 && hi[2] == 20, "likert: middle straddles 0");
	CHECK(lo[4] == 40 && hi[4] == 50, "likert: 5 spans 40..50");
	/* even: left end = -(1 + 3) / 10 = -40 */
	sq_likert_layout(c4, 4, lo, hi);
	CHECK_NEAR(lo[0], -40, 1e-12, "likert even: starts at -40");
	CHECK_NEAR(hi[1], 0, 1e-12, "likert even: 2 ends at 0");
	CHECK_NEAR(hi[3], 60, 1e-12, "likert even: ends at 60");
	sq_likert_layout(z, 3, lo, hi);
	CHECK(lo[0] == 0 && hi[2] == 0, "likert: no answers, no bars");
}

static void
test_colours(void)
{
	double c[3];

	sq_palette(5, c);
	CHECK(c[0] == 0 && c[1] == 114 / 255.0 && c[2] == 178 / 255.0,
	    "palette: Okabe-Ito blue #0072B2");
	sq_palette(6 + 8, c);
	CHECK(c[0] == 213 / 255.0 && c[2] == 0, "palette: wraps at 8");
	sq_diverging(0, c);
	CHECK(c[0] == 1 && c[1] == 1 && c[2] == 1, "diverging: 0 is white");
	sq_diverging(-1, c);
	CHECK(c[0] == 213 / 255.0 && c[1] == 94 / 255.0 && c[2] == 0,
	    "diverging: -1 is vermillion");
	/* halfway to blue: 1 + 0.5 (114/255 - 1) = 0.7235294 */
	sq_diverging(0.5, c);
	CHECK_NEAR(c[0], 0.5, 1e-12, "diverging: 0.5 red");
	CHECK_NEAR(c[1], 0.72352941176470587, 1e-12, "diverging: 0.5 green");
	CHECK_NEAR(c[2], 0.84901960784313724, 1e-12, "diverging: 0.5 blue");
	sq_diverging(3, c);
	CHECK(c[0] == 0 && c[2] == 178 / 255.0, "diverging: clamps at 1");
	sq_likert_color(3, 7, c);
	CHECK(c[0] == 0.85 && c[1] == 0.85 && c[2] == 0.85,
	    "likert colour: the middle of 7 is grey");
	/* 1 of 7: v = -0.85; red 1 - 0.85 (1 - 213/255) = 0.86 */
	sq_likert_color(0, 7, c);
	CHECK_NEAR(c[0], 0.86, 1e-12, "likert colour: 1 of 7 red");
	CHECK_NEAR(c[1], 0.46333333333333332, 1e-12,
	    "likert colour: 1 of 7 green");
	CHECK_NEAR(c[2], 0.15, 1e-12, "likert colour: 1 of 7 blue");
}

static void
test_fixed(void)
{
	char b[64];

	/* 5.325 is 5.32499999999999928946 in binary: printf gives 5.32 */
	CHECK(sq_fmt_fixed(5.325, 2, b, sizeof(b)) == 1 &&
	    strcmp(b, "5.33") == 0, "fixed: 5.325 -> 5.33");
	CHECK(sq_fmt_fixed(4260.0 / 800 - 1e-15, 2, b, sizeof(b)) == 1 &&
	    strcmp(b, "5.33") == 0, "fixed: a computed 5.325 -> 5.33");
	CHECK(sq_fmt_fixed(2.675, 2, b, sizeof(b)) == 1 &&
	    strcmp(b, "2.68") == 0, "fixed: 2.675 -> 2.68");
	/* 0.125 is exact in binary; printf's half-even gives 0.12 */
	sq_fmt_fixed(0.125, 2, b, sizeof(b));
	CHECK_STR(b, "0.13", "fixed: 0.125 -> 0.13 (away from zero)");
	CHECK(sq_fmt_fixed(-0.415, 2, b, sizeof(b)) == -1 &&
	    strcmp(b, "0.42") == 0, "fixed: -0.415 -> -0.42");
	CHECK(sq_fmt_fixed(-0.004, 2, b, sizeof(b)) == 0 &&
	    strcmp(b, "0.00") == 0, "fixed: -0.004 -> 0.00, no sign");
	sq_fmt_fixed(12.5, 0, b, sizeof(b));
	CHECK_STR(b, "13", "fixed: 12.5 -> 13");
	sq_fmt_fixed(1234.5678, 1, b, sizeof(b));
	CHECK_STR(b, "1234.6", "fixed: 1234.5678 -> 1234.6");
	sq_fmt_fixed(0.05, 1, b, sizeof(b));
	CHECK_STR(b, "0.1", "fixed: 0.05 -> 0.1");
	sq_fmt_fixed(7, 3, b, sizeof(b));
	CHECK_STR(b, "7.000", "fixed: 7 -> 7.000");
	sq_fmt_fixed(0.3333, 2, b, sizeof(b));
	CHECK_STR(b, "0.33", "fixed: 0.3333 -> 0.33");
}

static void
test_misc(void)
{
	CHECK(sq_ipa_quadrant(25, 4, 20, 5) == SQ_Q_CONCENTRATE,
	    "ipa: important and weak: concentrate here");
	CHECK(sq_ipa_quadrant(25, 6, 20, 5) == SQ_Q_KEEP_UP, "ipa: keep up");
	CHECK(sq_ipa_quadrant(15, 4, 20, 5) == SQ_Q_LOW_PRIORITY,
	    "ipa: low priority");
	CHECK(sq_ipa_quadrant(15, 6, 20, 5) == SQ_Q_OVERKILL,
	    "ipa: possible overkill");
	CHECK(sq_ipa_quadrant(20, 5, 20, 5) == SQ_Q_KEEP_UP,
	    "ipa: on the crosshairs counts as high");
	CHECK(sq_chart_type_parse("heatmap") == SQ_CHART_HEATMAP,
	    "type: heatmap");
	CHECK(sq_chart_type_parse("pie") == -1, "type: pie unknown");
	CHECK_STR(sq_chart_type_name(SQ_CHART_IPA), "ipa", "type: name");
	CHECK(sq_chart_format_of("out/a.PNG") == SQ_CHART_PNG, "format: .PNG");
	CHECK(sq_chart_format_of("a.svg") == SQ_CHART_SVG, "format: .svg");
	CHECK(sq_chart_format_of("a.pdf") == SQ_CHART_PDF, "format: .pdf");
	CHECK(sq_chart_format_of("a.jpg") == -1, "format: .jpg refused");
	CHECK(sq_chart_format_of("x.png/a") == -1, "format: dot in a dir");
}

static const char gap_table[] =
    "scope\tsegment\tdimension\titem\tn\tmean_e\tmean_p\tgap\tsd\tse\t"
    "ci_low\tci_high\tt\tdf\tp\tp_adj\td\n"
    "item\tall\tREL\t7\t10\t6\t5\t-1\t1\t0.3\t-1.7\t-0.3\t0\t9\t0\t0\t0\n"
    "dimension\tall\tTAN\t\t10\t6\t5.5\t-0.5\t1\t0.3\t-1\t0\t0\t9\t0\t0\t"
    "0\n"
    "dimension\tNorte\tTAN\t\t5\t6\t5\t-1\t1\t0.3\t-2\tNaN\t0\t4\t0\t0\t0\n"
    "servqual\tall\t\t\t10\t6\t5\t-1\t1\t0.3\t-2\t0\t0\t9\t0\t0\t0\n";

/* sq-gap's table with the fact columns, on a 1..5 codebook. */
static const char fact_table[] =
    "scope\tsegment\tdimension\titem\tn\tmean_e\tmean_p\tgap\tsd\tse\t"
    "ci_low\tci_high\tt\tdf\tp\tp_adj\td\tconf\tscale_min\tscale_max\t"
    "label\tinstrument\n"
    "item\tall\tREL\t4\t10\t4\t3\t-1\t1\t0.3\t-1.5\t-0.5\t0\t9\t0\t0\t0"
    "\t0.9\t1\t5\tCumple\thospital.cb.csv\n"
    "item\tall\tTAN\t1\t10\t4\t3\t-1\t1\t0.3\t-1.5\t-0.5\t0\t9\t0\t0\t0"
    "\t0.9\t1\t5\tEquipos\thospital.cb.csv\n"
    "dimension\tall\tTAN\t\t10\t4\t3\t-1\t1\t0.3\t-1.5\t-0.5\t0\t9\t0\t0"
    "\t0\t0.9\t1\t5\tTangibles\thospital.cb.csv\n"
    "dimension\tall\tREL\t\t10\t4\t3\t-1\t1\t0.3\t-1.5\t-0.5\t0\t9\t0\t0"
    "\t0\t0.9\t1\t5\tFiabilidad cl\xc3\xadnica\thospital.cb.csv\n";

static void
test_tables(const sq_instrument *ins)
{
	sq_chartdata *d;
	sq_error err;
	const char *exp = "id,E1,P1\n1,7,6\n";
	const char *mat = "\tP1\tP2\nP1\t1\t0.5\nP2\t0.5\t1\n";

	CHECK(sq_chart_is_table(gap_table, sizeof(gap_table) - 1),
	    "table: the sq-gap header is a table");
	CHECK(!sq_chart_is_table(exp, strlen(exp)), "table: an export is not");
	CHECK(sq_chart_is_table(mat, strlen(mat)), "table: a matrix is");
	sq_chartdata_new(ins, &d);
	memset(&err, 0, sizeof(err));
	CHECK(sq_chartdata_table(d, gap_table, sizeof(gap_table) - 1, "-",
	    &err) == SQ_ESCHEMA && strstr(err.msg, "label, scale_min, "
	    "scale_max") != NULL, "table: no instrument facts, none given: "
	    "refused, naming the columns");
	sq_chartdata_free(d);
	sq_chartdata_new(ins, &d);
	d->ins_given = 1;
	CHECK(sq_chartdata_table(d, gap_table, sizeof(gap_table) - 1, "-",
	    &err) == SQ_OK, "table: sq-gap table read");
	CHECK(isnan(d->conf), "table: no conf column, level unknown");
	CHECK(d->has_gaps, "table: gaps present");
	CHECK(d->item[6].gap == -1 && d->item[6].ci_low == -1.7,
	    "table: item 7 row");
	CHECK(isnan(d->item[0].gap), "table: absent item stays NaN");
	CHECK(d->dim[0].mean_p == 5.5, "table: TAN dimension row");
	CHECK(d->nseg == 1 && strcmp(d->seg[0], "Norte") == 0,
	    "table: one segment");
	CHECK(d->segdim[0].gap == -1 && isnan(d->segdim[0].ci_high),
	    "table: segment row, NaN read");
	sq_chartdata_free(d);

	sq_chartdata_new(ins, &d);
	CHECK(sq_chartdata_table(d, fact_table, sizeof(fact_table) - 1, "-",
	    &err) == SQ_OK, "table: sq-gap table with its facts read");
	CHECK(d->ins != ins && d->ins->min == 1 && d->ins->max == 5,
	    "table: the table's 1..5 scale, not the built-in 1..7");
	CHECK(d->ins->ndims == 2 && d->ins->nitems == 2 &&
	    strcmp(d->ins->dims[1].name[0], "Fiabilidad cl\xc3\xadnica") == 0,
	    "table: dimensions and their names from the table");
	CHECK(d->ins->items[0].number == 4 && d->ins->items[0].dim == 1 &&
	    strcmp(d->ins->items[0].wording[0], "Cumple") == 0,
	    "table: item 4 is REL with the table's wording");
	CHECK(d->conf == 0.9 && d->item[0].gap == -1,
	    "table: confidence level 0.90 and the item's gap");
	CHECK(strcmp(d->ins->name, "hospital.cb.csv") == 0,
	    "table: the instrument's name");
	sq_chartdata_free(d);

	sq_chartdata_new(ins, &d);
	d->ins_given = 1;
	CHECK(sq_chartdata_table(d, mat, strlen(mat), "-", &err) == SQ_OK,
	    "table: matrix read");
	CHECK(d->has_matrix && d->mrows == 2 && d->mcols == 2 &&
	    d->matrix[1] == 0.5, "table: matrix values");
	CHECK(d->matrix_kind == SQ_MATRIX_CORRELATION,
	    "table: square with unit diagonal is a correlation matrix");
	CHECK(d->rowdim[1] == 0, "table: P2 belongs to TAN");
	sq_chartdata_free(d);

	sq_chartdata_new(ins, &d);
	{
		const char *bad = "dimension\timportance\tperformance\n"
		    "XYZ\t20\t5\n";

		d->ins_given = 1;	/* against the user's instrument */
		CHECK(sq_chartdata_table(d, bad, strlen(bad), "t.tsv", &err) ==
		    SQ_EDATA, "table: unknown dimension refused");
		CHECK(err.line == 2 && err.col == 1,
		    "table: error names line 2, column 1");
	}
	sq_chartdata_free(d);
}

/* RGB of the pixel at (x, y) points of an RGB24 surface at 1 px/pt. */
static void
pixel(cairo_surface_t *s, double x, double y, int rgb[3])
{
	const unsigned char *data = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	uint32_t p = ((const uint32_t *)(const void *)(data +
	    (size_t)floor(y) * (size_t)stride))[(size_t)floor(x)];

	rgb[0] = (int)(p >> 16 & 255);
	rgb[1] = (int)(p >> 8 & 255);
	rgb[2] = (int)(p & 255);
}

static int
is_colour(const int px[3], const double c[3])
{
	return abs(px[0] - (int)lround(c[0] * 255)) <= 2 &&
	    abs(px[1] - (int)lround(c[1] * 255)) <= 2 &&
	    abs(px[2] - (int)lround(c[2] * 255)) <= 2;
}

static cairo_surface_t *
draw(const sq_chartdata *d, int type, double w, double h,
    sq_chart_frame *f)
{
	sq_chart_opts o;
	cairo_surface_t *s;
	cairo_t *cr;
	sq_error err;
	int rc;

	memset(&o, 0, sizeof(o));
	o.type = type;
	o.conf = 0.95;
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)w, (int)h);
	cr = cairo_create(s);
	rc = sq_chart_draw(cr, d, &o, w, h, NULL, f, &err);
	CHECK(rc == SQ_OK && cairo_status(cr) == CAIRO_STATUS_SUCCESS,
	    "draw: chart drawn without error");
	cairo_destroy(cr);
	cairo_surface_flush(s);
	return s;
}

static void
test_ink(const sq_instrument *ins)
{
	sq_chartdata *d;
	sq_chart_frame f;
	cairo_surface_t *s;
	sq_rect r;
	double st, wd, col[3];
	int px[3], ok = 1;
	size_t i, v;
	static const double counts[7] = { 5, 10, 15, 40, 15, 10, 5 };

	sq_chartdata_new(ins, &d);
	snprintf(d->source, sizeof(d->source), "test");
	for (i = 0; i < ins->ndims; i++) {
		d->dim[i] = (sq_chartstat){ 100, 6, 5.5, -0.2 - 0.2 *
		    (double)i, -0.3 - 0.2 * (double)i, -0.1 - 0.2 * (double)i };
	}
	d->has_gaps = 1;
	s = draw(d, SQ_CHART_GAPS, 640, 400, &f);
	CHECK(f.horizontal && f.band.n == ins->ndims,
	    "ink: gaps frame has one band per dimension");
	sq_palette(6, col);
	for (i = 0; i < ins->ndims; i++) {
		sq_band_pos(&f.band, i, &st, &wd);
		sq_bar_rect(&f.value, 0, d->dim[i].gap, st, wd, 1, &r);
		/* a quarter across and a quarter down: away from whiskers */
		pixel(s, r.x + r.w * 0.75, r.y + r.h * 0.25, px);
		if (!is_colour(px, col))
			ok = 0;
		/* halfway between this band and the next: no bar */
		pixel(s, r.x + r.w * 0.75, st + wd + (f.band.r1 - f.band.r0) /
		    (double)ins->ndims * 0.3 / 2, px);
		if (is_colour(px, col))
			ok = 0;
	}
	CHECK(ok, "ink: vermillion inside every gap bar, none between");
	/* bar length: the bar of -1.0 reaches map(-1.0) */
	sq_band_pos(&f.band, 4, &st, &wd);
	pixel(s, sq_scale_map(&f.value, -1.0) + 2, st + wd / 4, px);
	CHECK(is_colour(px, col), "ink: the longest bar reaches its value");
	pixel(s, sq_scale_map(&f.value, -1.0) - 3, st + wd / 4, px);
	CHECK(!is_colour(px, col), "ink: and stops there");
	cairo_surface_destroy(s);

	/* Likert: every answer's segment in its colour, item by item. */
	d->nvals = 7;
	d->vmin = 1;
	d->count = calloc(ins->nitems * 7, sizeof(double));
	for (i = 0; i < ins->nitems; i++)
		memcpy(d->count + i * 7, counts, sizeof(counts));
	d->has_likert = 1;
	d->likert_block = SQ_BLOCK_P;
	s = draw(d, SQ_CHART_LIKERT, 640, 900, &f);
	ok = 1;
	for (i = 0; i < ins->nitems; i++) {
		double lo[7], hi[7];

		sq_likert_layout(counts, 7, lo, hi);
		sq_band_pos(&f.band, i, &st, &wd);
		for (v = 0; v < 7; v++) {
			sq_bar_rect(&f.value, lo[v], hi[v], st, wd, 1, &r);
			sq_likert_color(v, 7, col);
			/* near the left edge: the centre holds the figure */
			pixel(s, r.x + 2.5, r.y + 2.5, px);
			if (!is_colour(px, col))
				ok = 0;
		}
	}
	CHECK(ok, "ink: each Likert segment in its answer's colour");
	cairo_surface_destroy(s);
	sq_chartdata_free(d);
}

int
main(void)
{
	sq_instrument *ins;

	test_scale();
	test_nice();
	test_band();
	test_polar();
	test_wrap();
	test_likert();
	test_colours();
	test_fixed();
	test_misc();
	if (sq_instrument_servqual(&ins) != SQ_OK) {
		CHECK(0, "built-in instrument");
		return unit_done();
	}
	test_tables(ins);
	test_ink(ins);
	sq_instrument_free(ins);
	sq_chart_release_fonts();
	return unit_done();
}
