/*
 * libFuzzer target: sq-chart's table reader, then the chart drawn from
 * what it read (layout, ticks and all) onto a one-pixel surface. The first
 * byte picks the chart type, the language and whether the instrument is
 * the built-in one or a small codebook's.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "servqual/chart.h"

#include "common.h"

static const char small_cb[] =
    "scale,1,5\n"
    "dimension,A,Alpha\n"
    "dimension,B,Beta\n"
    "dimension,C,Gamma\n"
    "item,1,A\nitem,2,A\nitem,3,B\nitem,4,C\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sq_instrument *ins = NULL;
	sq_chartdata *d = NULL;
	sq_chart_opts o;
	sq_error err;
	cairo_surface_t *s;
	cairo_t *cr;
	double w, h;
	unsigned b;
	FILE *fp;

	if (size == 0)
		return 0;
	b = data[0];
	data++;
	size--;
	if (b & 0x80) {
		if ((fp = fmemopen((void *)small_cb, sizeof(small_cb) - 1,
		    "r")) == NULL)
			return 0;
		if (sq_instrument_read(fp, "cb", &ins, &err) != 0)
			abort();
		fclose(fp);
	} else if (sq_instrument_servqual(&ins) != 0)
		return 0;
	if (sq_chartdata_new(ins, &d) != 0)
		goto out;
	(void)sq_chart_is_table((const char *)data, size);
	memset(&err, 0, sizeof(err));
	if (sq_chartdata_table(d, (const char *)data, size, "t", &err) != 0) {
		if (err.msg[0] == '\0')
			abort();	/* every refusal says why */
		goto out;
	}
	memset(&o, 0, sizeof(o));
	o.type = (int)(b % SQ_CHART_NTYPES);
	o.lang = (b >> 3) & 1;
	o.conf = 0.95;
	if (sq_chart_size(d, &o, &w, &h, &err) != 0)
		goto out;
	if (!(w > 0 && h > 0 && w < 1e6 && h < 1e6))
		goto out;
	s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
	cr = cairo_create(s);
	(void)sq_chart_draw(cr, d, &o, w, h, NULL, NULL, &err);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
out:
	sq_chartdata_free(d);
	sq_instrument_free(ins);
	return 0;
}
