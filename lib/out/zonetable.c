/* The sq-zone table: zone rows of every group as one tidy table. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "servqual/i18n.h"
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

/*
 * For people (md, pretty): the levels, MSA, MSS and the three shares,
 * within 100 columns; the tests and spreads stay in the machine formats.
 */
static void
human_view(sq_table *t, int segments)
{
	static const char *const show[] = {
		"scope", "segment", "dimension", "item", "n", "mean_a", "mean_d",
		"mean_p", "msa", "mss", "below", "within", "above", NULL
	};
	static const struct {
		const char *col, *label;
		int kind, digits;
	} spec[] = {
		{ "scope", N_("scope"), SQ_NUM_TEXT, 0 },
		{ "segment", N_("segment"), SQ_NUM_TEXT, 0 },
		{ "dimension", N_("dimension"), SQ_NUM_TEXT, 0 },
		{ "item", N_("item"), SQ_NUM_TEXT, 0 },
		{ "n", N_("n"), SQ_NUM_INT, 0 },
		{ "mean_a", N_("A"), SQ_NUM_REAL, 2 },	/* adequate */
		{ "mean_d", N_("D"), SQ_NUM_REAL, 2 },	/* desired */
		{ "mean_p", N_("P"), SQ_NUM_REAL, 2 },
		{ "msa", N_("MSA"), SQ_NUM_REAL, 2 },
		{ "mss", N_("MSS"), SQ_NUM_REAL, 2 },
		{ "below", N_("below"), SQ_NUM_REAL, 2 },
		{ "within", N_("within"), SQ_NUM_REAL, 2 },
		{ "above", N_("above"), SQ_NUM_REAL, 2 },
	};
	size_t i;
	long c;

	static const char *const noseg[] = {
		"scope", "dimension", "item", "n", "mean_a", "mean_d",
		"mean_p", "msa", "mss", "below", "within", "above", NULL
	};

	sq_table_show(t, segments ? show : noseg);
	for (i = 0; i < sizeof(spec) / sizeof(spec[0]); i++)
		if ((c = sq_table_find(t, spec[i].col)) >= 0)
			sq_table_human(t, (size_t)c, spec[i].kind,
			    spec[i].digits, spec[i].label);
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
	if (human)
		human_view(t, s->nseg > 0);
	*out = t;
	return SQ_OK;
}
