/*
 * Chart drawing: checks that the data hold what the chart type needs,
 * then dispatches to the type; the default sizes; the size of the charts
 * that grow with their rows, found by laying them out once.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "servqual/chart.h"
#include "chart_int.h"


static const double default_size[SQ_CHART_NTYPES][2] = {
	{ 640, 400 },	/* gaps */
	{ 640, 0 },	/* items: as tall as the labels need */
	{ 520, 460 },	/* radar */
	{ 560, 460 },	/* ipa */
	{ 640, 400 },	/* groups */
	{ 640, 0 },	/* likert */
	{ 560, 400 },	/* scree */
	{ 600, 0 },	/* heatmap */
	{ 640, 400 },	/* drivers */
	{ 640, 0 },	/* cfa: as tall as the items need */
	{ 640, 0 },	/* zone: as tall as the rows need */
	{ 540, 480 },	/* zone-radar */
	{ 640, 420 }	/* compare */
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
		if (type != SQ_CHART_RADAR && d->from_table &&
		    isnan(d->conf))
			return sq_error_set(err, SQ_EDATA, src, 0, 0, "",
			    "the table does not say the confidence level of "
			    "its intervals (no column conf); give it with "
			    "--conf");
		for (i = 0; type == SQ_CHART_RADAR && i < d->ins->ndims; i++)
			if ((isnan(d->dim[i].mean_e) && !d->perf) ||
			    isnan(d->dim[i].mean_p))
				return sq_error_set(err, SQ_EDATA, src, 0, 0,
				    "", "dimension %s has no mean E and P; a "
				    "radar chart needs every dimension",
				    d->ins->dims[i].code);
		return SQ_OK;
	case SQ_CHART_IPA:
		if (!d->has_ipa)
			return sq_error_set(err, SQ_EDATA, src, 0, 0, "",
			    "no importance and performance for an ipa chart;"
			    " give an export, sq-drivers' table or a table "
			    "\"dimension importance performance\"");
		return SQ_OK;
	case SQ_CHART_DRIVERS:
		if (!d->drv.has || !d->drv.has_models)
			return sq_error_set(err, SQ_EDATA, src, 0, 0, "",
			    "no models for a drivers chart; give an export "
			    "with the overall rating or sq-drivers' table");
		return SQ_OK;
	case SQ_CHART_GROUPS:
		if (d->perf)
			return sq_error_set(err, SQ_EDATA, src, 0, 0, "",
			    "a groups chart draws gaps (P \u2212 E); the data "
			    "have no E (SERVPERF or three-column): draw gaps or "
			    "radar");
		if (d->from_table && isnan(d->conf))
			return sq_error_set(err, SQ_EDATA, src, 0, 0, "",
			    "the table does not say the confidence level of "
			    "its intervals (no column conf); give it with "
			    "--conf");
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
	case SQ_CHART_CFA:
		if (d->cfa == NULL)
			return sq_error_set(err, SQ_EDATA, src, 0, 0, "",
			    "no model for a cfa chart; give a survey export "
			    "or sq-cfa's table");
		return SQ_OK;
	case SQ_CHART_ZONE:
	case SQ_CHART_ZONE_RADAR:
		return sqc_zone_check(d, type, err);
	case SQ_CHART_COMPARE:
		if (d->cmp == NULL)
			return sq_error_set(err, SQ_EDATA, src, 0, 0, "",
			    "no groups to compare; give an export with --by "
			    "COLUMN or sq-compare's table");
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
	sq_chart_opts o;
	int rc;

	if ((rc = check_data(d, opts->type, err)) != SQ_OK)
		return rc;
	/* Label the intervals at the level the data were computed at. */
	o = *opts;
	if (!isnan(d->conf))
		o.conf = d->conf;
	opts = &o;
	memset(&c, 0, sizeof(c));
	c.cr = vcr;
	c.labels = labels;
	c.d = d;
	c.o = opts;
	c.lang = opts->lang == SQ_LANG_ES ? SQ_LANG_ES : SQ_LANG_EN;
	c.W = width;
	c.H = height;
	sqc_chart_title(d, opts, c.title, sizeof(c.title));
	/* Device space back to chart points, for text bounds. */
	cairo_get_matrix(c.cr, &c.to_chart);
	if (cairo_matrix_invert(&c.to_chart) != CAIRO_STATUS_SUCCESS)
		cairo_matrix_init_identity(&c.to_chart);
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
		rc = d->perf ? sqc_draw_perf(&c, frame, 0) :
		    sqc_draw_gaps(&c, frame);
		break;
	case SQ_CHART_ITEMS:
		rc = d->perf ? sqc_draw_perf(&c, frame, 1) :
		    sqc_draw_items(&c, frame);
		break;
	case SQ_CHART_ZONE:
		rc = sqc_draw_zone(&c, frame);
		break;
	case SQ_CHART_ZONE_RADAR:
		rc = sqc_draw_zone_radar(&c, frame);
		break;
	case SQ_CHART_RADAR:
		rc = sqc_draw_radar(&c, frame);
		break;
	case SQ_CHART_IPA:
		rc = sqc_draw_ipa(&c, frame);
		break;
	case SQ_CHART_GROUPS:
		rc = sqc_draw_groups(&c, frame);
		break;
	case SQ_CHART_LIKERT:
		rc = sqc_draw_likert(&c, frame);
		break;
	case SQ_CHART_SCREE:
		rc = sqc_draw_scree(&c, frame);
		break;
	case SQ_CHART_DRIVERS:
		rc = sqc_draw_drivers(&c, frame);
		break;
	case SQ_CHART_CFA:
		rc = sqc_draw_cfa(&c, frame);
		break;
	case SQ_CHART_COMPARE:
		rc = sqc_draw_compare(&c, frame);
		break;
	default:
		rc = sqc_draw_heatmap(&c, frame);
		break;
	}
	frame->width = c.W;
	frame->height = c.H;
	sqc_release(&c);
	if (rc == SQ_OK && c.failed)
		rc = SQ_ENOMEM;
	if (rc == SQ_OK && c.overflow)
		rc = SQ_ELIMIT;
	if (rc == SQ_ELIMIT)
		return sq_error_set(err, rc, d->source, 0, 0, "",
		    "the %s chart does not fit in %.0f x %.0f pt; make it "
		    "larger with --width and --height",
		    sq_chart_type_name(opts->type), c.W, c.H);
	if (rc == SQ_ENOMEM)
		return sq_error_set(err, rc, d->source, 0, 0, "",
		    "out of memory");
	if (rc == SQ_ENUMERIC)
		return sq_error_set(err, SQ_EDATA, d->source, 0, 0, "",
		    "the values span too wide a range to draw the axes of "
		    "the %s chart", sq_chart_type_name(opts->type));
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
