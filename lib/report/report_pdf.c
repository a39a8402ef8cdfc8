/*
 * The report as a PDF: laid out twice (report.c), once to count the
 * pages and once to draw, into memory, then written to the stream.
 */
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "servqual/i18n.h"
#include "servqual/membuf.h"
#include "report_int.h"

/*
 * The PDF is made in memory and written after: a write error then never
 * reaches Cairo, which keeps the fonts of a surface in error for good.
 */
static cairo_status_t
sink(void *closure, const unsigned char *data, unsigned int len)
{
	return sq_membuf_add(closure, data, len) == SQ_OK ?
	    CAIRO_STATUS_SUCCESS : CAIRO_STATUS_NO_MEMORY;
}

static cairo_status_t
discard(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure;
	(void)data;
	(void)len;
	return CAIRO_STATUS_SUCCESS;
}

/* Title, subject, creator and the dates: the data's, never the clock's. */
static void
metadata(cairo_surface_t *surf, const sq_report_opts *o)
{
	char date[64];

	snprintf(date, sizeof(date), "%sT00:00:00Z", o->date ? o->date :
	    "2000-01-01");
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE,
	    o->title ? o->title : _("Service quality survey"));
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_SUBJECT,
	    _("SERVQUAL report"));
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR,
	    "servqual " SQ_VERSION " (sq-report)");
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_KEYWORDS,
	    "SERVQUAL");
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE,
	    date);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_MOD_DATE,
	    date);
}

int
sq_report_pdf(const sq_study *s, const sq_report_opts *o, FILE *fp,
    sq_error *err)
{
	double W = o->letter ? 612 : 595.276, H = o->letter ? 792 : 841.89;
	cairo_surface_t *surf;
	cairo_status_t st;
	sq_membuf mem = { 0 };
	int pages, failed = 0;

	/* Count the pages first, for "page i of n". */
	surf = cairo_pdf_surface_create_for_stream(discard, NULL, W, H);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surf);
		return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");
	}
	pages = rlayout(s, o, surf, W, H, 0, &failed);
	cairo_surface_finish(surf);
	cairo_surface_destroy(surf);
	if (failed || pages == 0)
		return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");

	surf = cairo_pdf_surface_create_for_stream(sink, &mem, W, H);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surf);
		return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");
	}
	metadata(surf, o);
	rlayout(s, o, surf, W, H, pages, &failed);
	cairo_surface_finish(surf);
	st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	if (failed || st != CAIRO_STATUS_SUCCESS) {
		free(mem.p);
		return sq_error_set(err, st == CAIRO_STATUS_NO_MEMORY ?
		    SQ_ENOMEM : SQ_EIO, NULL, 0, 0, NULL, "cairo: %s",
		    cairo_status_to_string(st));
	}
	if (fwrite(mem.p, 1, mem.len, fp) != mem.len || ferror(fp)) {
		free(mem.p);
		return sq_error_set(err, SQ_EIO, NULL, 0, 0, NULL,
		    "write error");
	}
	free(mem.p);
	return SQ_OK;
}
