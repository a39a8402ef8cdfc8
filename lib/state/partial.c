/*
 * What sq-gap and sq-merge share: the sq-gap table of a finished set (so
 * both print the same bytes) and the sq-gap state header.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "servqual/partial.h"
#include "servqual/table.h"

int
sq_gap_emit(const sq_gapset *s, const sq_instrument *ins, double conf,
    int form, int format, int lang, int guard, unsigned long long rows,
    const char *outpath, sq_error *err)
{
	sq_table *table = NULL;
	sq_output out;
	char title[256];
	int rc, e;

	/* people get the items under their dimension (lib/out/gappretty.c) */
	if ((format >= SQ_FMT_MD ? sq_gap_pretty(s, ins, conf, lang, &table) :
	    sq_gap_table(s, ins, conf, 0, lang, &table)) != SQ_OK)
		return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");
	sq_table_guard(table, guard);
	snprintf(title, sizeof(title), lang == SQ_LANG_ES ?
	    "%s: %llu encuestados, IC %g%%" : "%s: %llu respondents, %g%% CI",
	    sq_gap_title(form, lang), rows, conf * 100);
	if ((rc = sq_output_open(&out, outpath, err)) != SQ_OK) {
		sq_table_free(table);
		return rc;
	}
	errno = 0;
	rc = sq_table_write(table, out.fp, format, title);
	e = errno ? errno : EIO;
	sq_table_free(table);
	if (sq_output_close(&out, rc == SQ_OK, err) != SQ_OK)
		return SQ_EIO;
	if (rc != SQ_OK)
		return sq_error_set(err, SQ_EIO, outpath ? outpath :
		    "standard output", 0, 0, NULL, "write error: %s",
		    strerror(e));
	return SQ_OK;
}

int
sq_gapset_fold(sq_gapset *dst, const sq_gapset *src, const sq_instrument *ins)
{
	sq_gapacc *acc;
	size_t i;
	int rc;

	sq_gapacc_merge(dst->all, src->all);
	dst->rows += src->rows;
	for (i = 0; i < src->nseg; i++) {
		if ((rc = sq_gapset_segment(dst, ins, src->seg[i], &acc)) !=
		    SQ_OK)
			return rc;
		sq_gapacc_merge(acc, src->acc[i]);
	}
	return SQ_OK;
}
