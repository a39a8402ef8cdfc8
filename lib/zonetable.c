/* The sq-zone table: zone rows of every group as one tidy table. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "servqual/table.h"
#include "servqual/zone.h"

const char *const sq_zone_columns[] = {
	"scope", "segment", "dimension", "item", "n", "mean_a", "mean_d",
	"mean_p", "msa", "msa_sd", "msa_t", "msa_p", "mss", "mss_sd", "mss_t",
	"mss_p", "width", "below", "within", "above", "inverted",
	"scale_min", "scale_max", "label", NULL
};

static const char *const scope_names[3][2] = {
	{ "item", "\xc3\xadtem" },
	{ "dimension", "dimensi\xc3\xb3n" },
	{ "overall", "global" },
};

static int
add_group(sq_table *t, const sq_zoneacc *a, const char *seg,
    const sq_instrument *ins, int human, int lang)
{
	sq_zonerow *rows;
	size_t n, i;
	int rc;

	if ((rc = sq_zone_rows(a, ins, &rows, &n)) != SQ_OK)
		return rc;
	for (i = 0; i < n && rc == SQ_OK; i++) {
		const sq_zonerow *r = &rows[i];
		const char *dim = "", *label = "";
		char num[16] = "";

		if (r->dim >= 0)
			dim = human ? ins->dims[r->dim].name[lang] :
			    ins->dims[r->dim].code;
		if (r->item >= 0) {
			snprintf(num, sizeof(num), "%d",
			    ins->items[r->item].number);
			label = ins->items[r->item].wording[lang];
		} else if (r->dim >= 0)
			label = ins->dims[r->dim].name[lang];
		else
			label = lang == SQ_LANG_ES ? "Global" : "Overall";
		rc |= sq_table_str(t, human ? scope_names[r->scope][lang] :
		    scope_names[r->scope][0]);
		rc |= sq_table_str(t, seg);
		rc |= sq_table_str(t, dim);
		rc |= sq_table_str(t, num);
		rc |= sq_table_num(t, r->n);
		rc |= sq_table_num(t, r->mean_a);
		rc |= sq_table_num(t, r->mean_d);
		rc |= sq_table_num(t, r->mean_p);
		rc |= sq_table_num(t, r->msa);
		rc |= sq_table_num(t, r->msa_sd);
		rc |= sq_table_num(t, r->msa_t);
		rc |= sq_table_num(t, r->msa_p);
		rc |= sq_table_num(t, r->mss);
		rc |= sq_table_num(t, r->mss_sd);
		rc |= sq_table_num(t, r->mss_t);
		rc |= sq_table_num(t, r->mss_p);
		rc |= sq_table_num(t, r->width);
		rc |= sq_table_num(t, r->below);
		rc |= sq_table_num(t, r->within);
		rc |= sq_table_num(t, r->above);
		rc |= sq_table_num(t, r->inverted);
		rc |= sq_table_num(t, ins->min);
		rc |= sq_table_num(t, ins->max);
		rc |= sq_table_str(t, label);
	}
	free(rows);
	return rc ? SQ_ENOMEM : SQ_OK;
}

int
sq_zone_table(const sq_zoneset *s, const sq_instrument *ins, int human,
    int lang, sq_table **out)
{
	sq_table *t;
	size_t i, nc = 0;
	int rc;

	*out = NULL;
	while (sq_zone_columns[nc] != NULL)
		nc++;
	if ((rc = sq_table_new(sq_zone_columns, nc, &t)) != SQ_OK)
		return rc;
	sq_table_style(t, 4, SQ_NUM_INT);
	sq_table_style(t, 11, SQ_NUM_P);
	sq_table_style(t, 15, SQ_NUM_P);
	sq_table_style(t, 20, SQ_NUM_INT);
	rc = add_group(t, s->all, human && lang == SQ_LANG_ES ? "todos" :
	    "all", ins, human, lang);
	for (i = 0; i < s->nseg && rc == SQ_OK; i++)
		rc = add_group(t, s->acc[i], s->seg[i], ins, human, lang);
	if (rc != SQ_OK) {
		sq_table_free(t);
		return rc;
	}
	*out = t;
	return SQ_OK;
}
