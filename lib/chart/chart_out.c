/*
 * Chart output: PNG, PDF or SVG through Cairo, drawn into a temporary
 * file beside the target and renamed over it only when all went well.
 * Cairo 1.16 writes SVG text as glyph outlines, so the SVG also gets an
 * invisible text layer with every label (searchable, selectable, read by
 * screen readers) and a <title>.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdint.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <png.h>

#include "servqual/chart.h"
#include "servqual/output.h"
#include "servqual/membuf.h"
#include "chart_int.h"

#define MAX_PIXELS	(16384.0 * 16384.0)

void
sq_labels_release(struct sq_labels *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].text);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

int
sq_chart_font(char *family, size_t len)
{
	FcPattern *pat, *match;
	FcResult res;
	FcChar8 *fam = NULL;
	int ok = 0;

	if (len)
		family[0] = '\0';
	if ((pat = FcNameParse((const FcChar8 *)"DejaVu Sans")) == NULL)
		return 0;
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontMatch(NULL, pat, &res);
	if (match && FcPatternGetString(match, FC_FAMILY, 0, &fam) ==
	    FcResultMatch) {
		snprintf(family, len, "%s", (const char *)fam);
		ok = strcmp((const char *)fam, "DejaVu Sans") == 0;
	}
	if (match)
		FcPatternDestroy(match);
	FcPatternDestroy(pat);
	return ok;
}

void
sq_chart_release_fonts(void)
{
	/*
	 * Pango's font map holds Cairo fonts and fontconfig patterns: drop
	 * it. Cairo's and fontconfig's own caches are left alone: Pango's
	 * caches may still name their fonts, and cairo_debug_reset_static_data
	 * and FcFini assert on that. What fontconfig keeps is listed in
	 * tests/lsan.supp for the sanitizer build.
	 */
	pango_cairo_font_map_set_default(NULL);
}

int
sq_chart_format_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL || strchr(dot, '/') != NULL)
		return -1;
	if (strcasecmp(dot, ".png") == 0)
		return SQ_CHART_PNG;
	if (strcasecmp(dot, ".pdf") == 0)
		return SQ_CHART_PDF;
	if (strcasecmp(dot, ".svg") == 0)
		return SQ_CHART_SVG;
	return -1;
}

/* Cairo writes the SVG into a growing buffer, rewritten before output. */
static cairo_status_t
mem_write(void *closure, const unsigned char *data, unsigned int len)
{
	return sq_membuf_add(closure, data, len) == SQ_OK ?
	    CAIRO_STATUS_SUCCESS : CAIRO_STATUS_NO_MEMORY;
}

static cairo_status_t
file_write(void *closure, const unsigned char *data, unsigned int len)
{
	FILE *fp = closure;

	if (fwrite(data, 1, len, fp) != len)
		return CAIRO_STATUS_WRITE_ERROR;
	return CAIRO_STATUS_SUCCESS;
}

struct png_out {
	FILE *fp;
	int failed;
};

static void
png_write_fn(png_structp png, png_bytep data, size_t len)
{
	struct png_out *o = png_get_io_ptr(png);

	if (fwrite(data, 1, len, o->fp) != len)
		o->failed = 1;
}

static void
png_flush_fn(png_structp png)
{
	(void)png;
}

static void
png_error_fn(png_structp png, png_const_charp msg)
{
	(void)msg;
	png_longjmp(png, 1);
}

static void
png_warning_fn(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

/*
 * Write the RGB24 image surface s as an 8-bit RGB PNG with its resolution
 * (pHYs, so it prints at the size asked for). Cairo's own writer tries
 * every row filter at zlib's default level, which costs more than drawing
 * the chart; flat-coloured charts compress about as well unfiltered at
 * zlib's fastest level in a fraction of the time (measured: 22-item
 * items chart, 177 kB, half the CPU time).
 */
static int
write_png(cairo_surface_t *s, FILE *fp, double dpi)
{
	int w = cairo_image_surface_get_width(s);
	int h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	const unsigned char *data = cairo_image_surface_get_data(s);
	struct png_out o = { fp, 0 };
	png_structp png;
	png_infop info = NULL;
	unsigned char *volatile row = NULL;
	png_uint_32 ppm = (png_uint_32)floor(dpi / 0.0254 + 0.5);
	int y, x;

	if (data == NULL)
		return SQ_EIO;
	png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL,
	    png_error_fn, png_warning_fn);
	if (png == NULL)
		return SQ_ENOMEM;
	if ((info = png_create_info_struct(png)) == NULL ||
	    (row = malloc((size_t)w * 3)) == NULL) {
		png_destroy_write_struct(&png, info ? &info : NULL);
		return SQ_ENOMEM;
	}
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		free(row);
		return SQ_EIO;
	}
	png_set_write_fn(png, &o, png_write_fn, png_flush_fn);
	png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8,
	    PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
	    PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
	png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
	png_set_compression_level(png, 1);
	png_write_info(png, info);
	for (y = 0; y < h; y++) {
		const uint32_t *px = (const uint32_t *)(const void *)
		    (data + (size_t)y * (size_t)stride);

		for (x = 0; x < w; x++) {
			row[3 * x] = (unsigned char)(px[x] >> 16);
			row[3 * x + 1] = (unsigned char)(px[x] >> 8);
			row[3 * x + 2] = (unsigned char)px[x];
		}
		png_write_row(png, row);
	}
	png_write_end(png, info);
	png_destroy_write_struct(&png, &info);
	free(row);
	return o.failed ? SQ_EIO : SQ_OK;
}

/* Write s with XML's special characters escaped. */
static void
xml_escaped(FILE *fp, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '&':
			fputs("&amp;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		default:
			/* Control characters are not allowed in XML 1.0. */
			if ((unsigned char)*s >= 0x20 || *s == '\t')
				fputc(*s, fp);
		}
}

/*
 * Copy Cairo's SVG to fp with a <title> after the opening <svg> tag and
 * the text layer before the closing one.
 */
static int
write_svg(FILE *fp, const sq_membuf *m, const struct sq_labels *l,
    const char *title)
{
	const char *p = m->p, *end = m->p + m->len, *open, *close, *q;
	size_t i;

	open = NULL;
	for (q = p; q + 4 < end; q++)
		if (memcmp(q, "<svg", 4) == 0) {
			open = memchr(q, '>', (size_t)(end - q));
			break;
		}
	close = NULL;
	for (q = end - 6; q >= p; q--)
		if (memcmp(q, "</svg>", 6) == 0) {
			close = q;
			break;
		}
	if (open == NULL || close == NULL || close < open)
		return SQ_EIO;
	fwrite(p, 1, (size_t)(open + 1 - p), fp);
	fputs("\n<title>", fp);
	xml_escaped(fp, title);
	fputs("</title>\n", fp);
	fwrite(open + 1, 1, (size_t)(close - open - 1), fp);
	fputs("<g id=\"sq-text\" fill-opacity=\"0\" stroke=\"none\" "
	    "font-family=\"DejaVu Sans\">\n", fp);
	for (i = 0; i < l->n; i++) {
		fprintf(fp, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.2f\">",
		    l->v[i].x, l->v[i].y, l->v[i].size);
		xml_escaped(fp, l->v[i].text);
		fputs("</text>\n", fp);
	}
	fputs("</g>\n", fp);
	fwrite(close, 1, (size_t)(end - close), fp);
	return SQ_OK;
}

/* Report a Cairo status with the path. */
static int
cairo_fail(sq_error *err, const char *path, const char *what,
    cairo_status_t st)
{
	return sq_error_set(err, st == CAIRO_STATUS_NO_MEMORY ? SQ_ENOMEM :
	    SQ_EIO, path, 0, 0, "", "cairo %s: %s", what,
	    cairo_status_to_string(st));
}

/* Draw onto a fresh context of surface s and check every status. */
static int
render(cairo_surface_t *s, double scale, const sq_chartdata *d,
    const sq_chart_opts *o, double w, double h, struct sq_labels *l,
    sq_chart_frame *frame, const char *path, sq_error *err)
{
	cairo_t *cr = cairo_create(s);
	cairo_status_t st;
	int rc;

	if ((st = cairo_status(cr)) != CAIRO_STATUS_SUCCESS) {
		cairo_destroy(cr);
		return cairo_fail(err, path, "context", st);
	}
	if (scale != 1)
		cairo_scale(cr, scale, scale);
	rc = sq_chart_draw(cr, d, o, w, h, l, frame, err);
	st = cairo_status(cr);
	cairo_destroy(cr);
	if (rc == SQ_OK && st != CAIRO_STATUS_SUCCESS)
		rc = cairo_fail(err, path, "drawing", st);
	return rc;
}

int
sq_chart_write(const sq_chartdata *d, const sq_chart_opts *opts,
    const char *path, sq_chart_frame *frame, sq_error *err)
{
	int fmt = sq_chart_format_of(path), rc;
	double w, h, dpi = opts->dpi > 0 ? opts->dpi : 150;
	char *tmp = NULL;
	FILE *fp = NULL;
	cairo_surface_t *s = NULL;
	cairo_status_t st;
	struct sq_labels labels = { 0 };
	sq_membuf mb = { 0 };
	char title[512];

	if (fmt < 0)
		return sq_error_set(err, SQ_EUSAGE, path, 0, 0, "",
		    "cannot tell the format; name the file .png, .pdf or "
		    ".svg");
	if ((rc = sq_chart_size(d, opts, &w, &h, err)) != SQ_OK)
		return rc;
	sq_chart_title(d, opts, title, sizeof(title));
	if (!(w >= 72 && h >= 72 && w <= 14400 && h <= 14400))
		return sq_error_set(err, SQ_EUSAGE, path, 0, 0, "",
		    "size %.0f x %.0f pt is outside 72..14400", w, h);
	if (fmt == SQ_CHART_PNG &&
	    ceil(w * dpi / 72) * ceil(h * dpi / 72) > MAX_PIXELS)
		return sq_error_set(err, SQ_EUSAGE, path, 0, 0, "",
		    "%.0f x %.0f pt at %g dpi is too many pixels", w, h, dpi);
	/* Draw first where possible, so a bad chart creates no file. */
	switch (fmt) {
	case SQ_CHART_PNG:
		s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
		    (int)ceil(w * dpi / 72), (int)ceil(h * dpi / 72));
		if ((st = cairo_surface_status(s)) != CAIRO_STATUS_SUCCESS) {
			rc = cairo_fail(err, path, "image surface", st);
			goto out;
		}
		rc = render(s, dpi / 72, d, opts, w, h, NULL, frame, path, err);
		if (rc != SQ_OK)
			goto out;
		cairo_surface_flush(s);
		break;
	case SQ_CHART_SVG:
		s = cairo_svg_surface_create_for_stream(mem_write, &mb, w, h);
		if ((st = cairo_surface_status(s)) != CAIRO_STATUS_SUCCESS) {
			rc = cairo_fail(err, path, "SVG surface", st);
			goto out;
		}
		cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
		cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT);
		rc = render(s, 1, d, opts, w, h, &labels, frame, path, err);
		if (rc != SQ_OK)
			goto out;
		cairo_surface_finish(s);
		if ((st = cairo_surface_status(s)) != CAIRO_STATUS_SUCCESS ||
		    mb.failed) {
			rc = cairo_fail(err, path, "SVG", mb.failed ?
			    CAIRO_STATUS_NO_MEMORY : st);
			goto out;
		}
		break;
	default:
		break;
	}
	if ((rc = sq_tmp_create(path, &tmp, &fp, err)) != SQ_OK)
		goto out;
	switch (fmt) {
	case SQ_CHART_PNG:
		if ((rc = write_png(s, fp, dpi)) != SQ_OK)
			sq_error_set(err, rc, path, 0, 0, "",
			    "cannot write the PNG: %s", rc == SQ_ENOMEM ?
			    "out of memory" : strerror(errno));
		break;
	case SQ_CHART_PDF:
		s = cairo_pdf_surface_create_for_stream(file_write, fp, w, h);
		if ((st = cairo_surface_status(s)) != CAIRO_STATUS_SUCCESS) {
			rc = cairo_fail(err, path, "PDF surface", st);
			break;
		}
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
		    title);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
		    "servqual sq-chart");
		rc = render(s, 1, d, opts, w, h, NULL, frame, path, err);
		if (rc != SQ_OK)
			break;
		cairo_surface_finish(s);
		if ((st = cairo_surface_status(s)) != CAIRO_STATUS_SUCCESS)
			rc = cairo_fail(err, path, "PDF", st);
		break;
	default:
		rc = write_svg(fp, &mb, &labels, title);
		if (rc != SQ_OK)
			sq_error_set(err, rc, path, 0, 0, "",
			    "Cairo's SVG has no <svg> element");
		break;
	}
	if (rc == SQ_OK && (fflush(fp) != 0 || ferror(fp)))
		rc = sq_error_set(err, SQ_EIO, path, 0, 0, "",
		    "write failed: %s", strerror(errno));
	if (fclose(fp) != 0 && rc == SQ_OK)
		rc = sq_error_set(err, SQ_EIO, path, 0, 0, "",
		    "write failed: %s", strerror(errno));
	fp = NULL;
	if (rc == SQ_OK)
		rc = sq_tmp_finish(tmp, path, 1, err);
	else
		sq_tmp_finish(tmp, path, 0, NULL);
out:
	if (s)
		cairo_surface_destroy(s);
	free(mb.p);
	sq_labels_release(&labels);
	return rc;
}
