/* The sq-gap table: gap rows of every group as one tidy table. */
#include <math.h>
#include <stdlib.h>

#include "servqual/gap.h"
#include "servqual/table.h"

const char *const sq_gap_columns[] = {
	"scope", "segment", "dimension", "item", "n", "mean_e", "mean_p",
	"gap", "sd", "se", "ci_low", "ci_high", "t", "df", "p", "p_adj", "d",
	"w_n", "w", "p_w", "block", NULL
};

/*
 * The facts a chart needs to draw the table as it is, appended after the
 * statistics in the machine formats: the confidence level of ci_low and
 * ci_high, the answer scale, the label (item wording on item rows,
 * dimension name on dimension rows, in --lang) and the instrument.
 */
const char *const sq_gap_fact_columns[] = {
	"conf", "scale_min", "scale_max", "label", "instrument", NULL
};

static int
add_facts(sq_table *t, const sq_gaprow *r, const sq_instrument *ins,
    double conf, int lang)
{
	const char *label = "";
	int rc = 0;

	if (r->scope == SQ_SCOPE_ITEM && r->item >= 0) {
		const sq_item *it = &ins->items[r->item];

		label = it->wording[lang][0] ? it->wording[lang] :
		    it->wording[0];
	} else if (r->scope == SQ_SCOPE_DIMENSION && r->dim >= 0) {
		const sq_dimension *dm = &ins->dims[r->dim];

		label = dm->name[lang][0] ? dm->name[lang] : dm->name[0];
	}
	rc |= sq_table_num(t, conf);
	rc |= sq_table_num(t, ins->min);
	rc |= sq_table_num(t, ins->max);
	rc |= sq_table_str(t, label);
	rc |= sq_table_str(t, ins->name ? ins->name : "");
	return rc;
}

static const char *const scope_names[4][2] = {
	{ "item", "\xc3\xadtem" },
	{ "dimension", "dimensi\xc3\xb3n" },
	{ "servqual", "servqual" },
	{ "servqual_weighted", "servqual ponderado" },
};

static const char *const perf_names[2][2] = {
	{ "servperf", "servperf" },
	{ "servperf_weighted", "servperf ponderado" },
};

static int
add_group(sq_table *t, const sq_gapacc *a, const char *seg,
    const sq_instrument *ins, double conf, int adjust, int human, int lang)
{
	sq_gaprow *rows;
	size_t n, i;
	int rc;

	if ((rc = sq_gap_rows_adjust(a, ins, conf, adjust, &rows, &n)) !=
	    SQ_OK)
		return rc;
	for (i = 0; i < n && rc == SQ_OK; i++) {
		const sq_gaprow *r = &rows[i];
		const char *dim = "";

		if (r->dim >= 0)
			dim = human ? ins->dims[r->dim].name[lang] :
			    ins->dims[r->dim].code;
		rc |= sq_table_str(t, human && a->block == SQ_GAP_P &&
		    r->scope >= SQ_SCOPE_SERVQUAL ? perf_names[r->scope -
		    SQ_SCOPE_SERVQUAL][lang] : human ?
		    scope_names[r->scope][lang] : scope_names[r->scope][0]);
		rc |= sq_table_str(t, seg);
		rc |= sq_table_str(t, dim);
		if (r->item >= 0) {
			char num[16];

			snprintf(num, sizeof(num), "%d",
			    ins->items[r->item].number);
			rc |= sq_table_str(t, num);
		} else
			rc |= sq_table_str(t, "");
		rc |= sq_table_num(t, r->n);
		rc |= sq_table_num(t, r->mean_e);
		rc |= sq_table_num(t, r->mean_p);
		rc |= sq_table_num(t, r->gap);
		rc |= sq_table_num(t, r->sd);
		rc |= sq_table_num(t, r->se);
		rc |= sq_table_num(t, r->ci_low);
		rc |= sq_table_num(t, r->ci_high);
		rc |= sq_table_num(t, r->t);
		rc |= sq_table_num(t, r->df);
		rc |= sq_table_num(t, r->p);
		rc |= sq_table_num(t, r->p_adj);
		rc |= sq_table_num(t, r->d);
		rc |= sq_table_num(t, r->w_n);
		rc |= sq_table_num(t, r->w);
		rc |= sq_table_num(t, r->p_w);
		rc |= sq_table_str(t, sq_gap_block_name(a->block));
		if (!human)
			rc |= add_facts(t, r, ins, conf, lang);
	}
	free(rows);
	return rc ? SQ_ENOMEM : SQ_OK;
}

int
sq_gap_table(const sq_gapset *s, const sq_instrument *ins, double conf,
    int human, int lang, sq_table **out)
{
	sq_table *t;
	const char *cols[64];
	size_t i, nc = 0;
	int rc;

	while (sq_gap_columns[nc] != NULL) {
		cols[nc] = sq_gap_columns[nc];
		nc++;
	}
	for (i = 0; !human && sq_gap_fact_columns[i] != NULL; i++)
		cols[nc++] = sq_gap_fact_columns[i];
	if ((rc = sq_table_new(cols, nc, &t)) != SQ_OK)
		return rc;
	sq_table_style(t, 4, SQ_NUM_INT);
	sq_table_style(t, 13, SQ_NUM_INT);
	sq_table_style(t, 14, SQ_NUM_P);
	sq_table_style(t, 15, SQ_NUM_P);
	sq_table_style(t, 18, SQ_NUM_INT);
	sq_table_style(t, 20, SQ_NUM_P);
	rc = add_group(t, s->all, human && lang == SQ_LANG_ES ? "todos" :
	    "all", ins, conf, s->adjust, human, lang);
	for (i = 0; i < s->nseg && rc == SQ_OK; i++)
		rc = add_group(t, s->acc[i], s->seg[i], ins, conf, s->adjust,
		    human, lang);
	if (rc != SQ_OK) {
		sq_table_free(t);
		return rc;
	}
	*out = t;
	return SQ_OK;
}
