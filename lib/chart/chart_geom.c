/*
 * Chart geometry: pure functions (no Cairo, no state) that the renderer
 * and the unit tests share.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "servqual/chart.h"

double
sq_scale_map(const sq_scale *s, double v)
{
	if (s->d1 == s->d0)
		return (s->r0 + s->r1) / 2;
	return s->r0 + (v - s->d0) * (s->r1 - s->r0) / (s->d1 - s->d0);
}

double
sq_nice_num(double x, int round)
{
	double e, f, nf;

	if (!(x > 0) || !isfinite(x))
		return 1;
	e = floor(log10(x));
	f = x / pow(10, e);
	/* log10 may land just below an exact power of ten. */
	if (f >= 10 - 1e-9) {
		f /= 10;
		e += 1;
	}
	if (round) {
		if (f < 1.5)
			nf = 1;
		else if (f < 3)
			nf = 2;
		else if (f < 7)
			nf = 5;
		else
			nf = 10;
	} else {
		if (f <= 1 + 1e-9)
			nf = 1;
		else if (f <= 2 + 1e-9)
			nf = 2;
		else if (f <= 5 + 1e-9)
			nf = 5;
		else
			nf = 10;
	}
	return nf * pow(10, e);
}

int
sq_nice_ticks(double lo, double hi, int target, sq_ticks *t)
{
	double step, a, b, n;

	if (!isfinite(lo) || !isfinite(hi) || target < 1)
		return SQ_EUSAGE;
	if (lo > hi) {
		a = lo;
		lo = hi;
		hi = a;
	}
	if (lo == hi) {
		lo -= 1;
		hi += 1;
	}
	/*
	 * Ends far apart overflow hi - lo (1e308 and -1e308); ends huge
	 * next to their distance make steps lost in rounding (1e300 + 1):
	 * neither has ticks a chart can draw.
	 */
	if (!(hi > lo) || !isfinite(hi - lo))
		return SQ_EDATA;
	step = sq_nice_num((hi - lo) / target, 1);
	/* A tolerance keeps 0.30000000000000004 from adding a tick. */
	a = floor(lo / step + 1e-9) * step;
	b = ceil(hi / step - 1e-9) * step;
	n = floor((b - a) / step + 0.5) + 1;
	if (!isfinite(a) || !isfinite(b) || !(step > 0) || !isfinite(n) ||
	    n > SQ_MAX_TICKS || !(b > a))
		return SQ_EDATA;
	t->lo = a;
	t->hi = b;
	t->step = step;
	t->n = (size_t)n;
	return SQ_OK;
}

double
sq_tick(const sq_ticks *t, size_t i)
{
	double v = t->lo + (double)i * t->step;

	/* Print -0 as 0 and drop binary noise near zero. */
	if (fabs(v) < t->step * 1e-9)
		v = 0;
	return v;
}

int
sq_tick_decimals(double step)
{
	int d;

	for (d = 0; d < 6; d++) {
		double m = step * pow(10, d);

		if (fabs(m - floor(m + 0.5)) < 1e-6 * (m > 1 ? m : 1))
			return d;
	}
	return 6;
}

void
sq_band_pos(const sq_band *b, size_t i, double *start, double *width)
{
	double denom = (double)b->n - b->pad_inner + 2 * b->pad_outer;
	double step = denom > 0 ? (b->r1 - b->r0) / denom : 0;

	*start = b->r0 + step * (b->pad_outer + (double)i);
	*width = step * (1 - b->pad_inner);
}

void
sq_band_sub(const sq_band *b, size_t i, size_t j, size_t m, double *start,
    double *width)
{
	double s, w;

	sq_band_pos(b, i, &s, &w);
	if (m == 0)
		m = 1;
	*width = w / (double)m;
	*start = s + *width * (double)j;
}

void
sq_bar_rect(const sq_scale *s, double base, double value, double start,
    double width, int horizontal, sq_rect *r)
{
	double a = sq_scale_map(s, base), b = sq_scale_map(s, value);
	double lo = a < b ? a : b, len = fabs(b - a);

	if (horizontal) {
		r->x = lo;
		r->w = len;
		r->y = start;
		r->h = width;
	} else {
		r->x = start;
		r->w = width;
		r->y = lo;
		r->h = len;
	}
}

void
sq_polar(double cx, double cy, double r, size_t k, size_t n, double *x,
    double *y)
{
	double a = n ? 2 * M_PI * (double)k / (double)n : 0;

	/* Clockwise from twelve o'clock; device y grows downwards. */
	*x = cx + r * sin(a);
	*y = cy - r * cos(a);
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t
sq_wrap(const char *text, double maxw, sq_measure_fn measure, void *ctx,
    sq_line *lines, size_t maxlines, double *widest)
{
	size_t n = 0, i = 0, len = strlen(text);
	double wmax = 0;

	while (i < len) {
		size_t start, end, j;
		double w;

		while (i < len && is_blank(text[i]))
			i++;
		if (i >= len)
			break;
		start = i;
		/* The first word always goes on the line. */
		while (i < len && !is_blank(text[i]))
			i++;
		end = i;
		w = measure(ctx, text + start, end - start);
		for (;;) {
			size_t e2;
			double w2;

			j = i;
			while (j < len && is_blank(text[j]))
				j++;
			if (j >= len)
				break;
			e2 = j;
			while (e2 < len && !is_blank(text[e2]))
				e2++;
			w2 = measure(ctx, text + start, e2 - start);
			if (w2 > maxw)
				break;
			end = e2;
			w = w2;
			i = e2;
		}
		if (n < maxlines) {
			lines[n].off = start;
			lines[n].len = end - start;
		}
		n++;
		if (w > wmax)
			wmax = w;
		i = end;
	}
	if (widest)
		*widest = wmax;
	return n;
}

void
sq_likert_layout(const double *count, size_t k, double *lo, double *hi)
{
	double total = 0, left = 0, x;
	size_t i, half = k / 2;

	for (i = 0; i < k; i++)
		total += count[i];
	if (!(total > 0)) {
		for (i = 0; i < k; i++)
			lo[i] = hi[i] = 0;
		return;
	}
	/* Left end: everything below the middle, plus half the middle. */
	for (i = 0; i < half; i++)
		left += count[i];
	if (k % 2)
		left += count[half] / 2;
	x = -100 * left / total;
	for (i = 0; i < k; i++) {
		lo[i] = x;
		x += 100 * count[i] / total;
		hi[i] = x;
	}
}

void
sq_palette(size_t i, double rgb[3])
{
	static const unsigned char oi[8][3] = {
		{ 0, 0, 0 }, { 230, 159, 0 }, { 86, 180, 233 },
		{ 0, 158, 115 }, { 240, 228, 66 }, { 0, 114, 178 },
		{ 213, 94, 0 }, { 204, 121, 167 }
	};

	i %= 8;
	rgb[0] = oi[i][0] / 255.0;
	rgb[1] = oi[i][1] / 255.0;
	rgb[2] = oi[i][2] / 255.0;
}

void
sq_diverging(double v, double rgb[3])
{
	double end[3];
	int c;

	if (isnan(v))
		v = 0;
	if (v < -1)
		v = -1;
	if (v > 1)
		v = 1;
	sq_palette(v < 0 ? 6 : 5, end);
	for (c = 0; c < 3; c++)
		rgb[c] = 1 + fabs(v) * (end[c] - 1);
}

void
sq_likert_color(size_t i, size_t k, double rgb[3])
{
	double v;
	int c;

	if (k < 2) {
		sq_diverging(0, rgb);
		return;
	}
	v = (2.0 * (double)i - (double)(k - 1)) / (double)(k - 1);
	sq_diverging(v * 0.85, rgb);
	if (2 * i + 1 == k)
		for (c = 0; c < 3; c++)
			rgb[c] = 0.85;
}

int
sq_ipa_quadrant(double imp, double perf, double imp_c, double perf_c)
{
	int hi_imp = imp >= imp_c, hi_perf = perf >= perf_c;

	if (hi_imp)
		return hi_perf ? SQ_Q_KEEP_UP : SQ_Q_CONCENTRATE;
	return hi_perf ? SQ_Q_OVERKILL : SQ_Q_LOW_PRIORITY;
}

int
sq_fmt_fixed(double v, int dec, char *buf, size_t len)
{
	double x, f;
	long long q, p = 1;
	int i;

	if (dec < 0)
		dec = 0;
	if (dec > 9)
		dec = 9;
	for (i = 0; i < dec; i++)
		p *= 10;
	x = fabs(v) * (double)p;
	if (!isfinite(x) || x > 1e15) {
		snprintf(buf, len, "%.*f", dec, fabs(v));
		return v < 0 ? -1 : 0;
	}
	f = floor(x);
	/* A tie up to binary noise rounds away from zero. */
	if (fabs(x - f - 0.5) <= 1e-9 * (x > 1 ? x : 1))
		q = (long long)f + 1;
	else
		q = llround(x);
	if (dec == 0)
		snprintf(buf, len, "%lld", q);
	else
		snprintf(buf, len, "%lld.%0*lld", q / p, dec, q % p);
	return q == 0 ? 0 : v < 0 ? -1 : 1;
}
