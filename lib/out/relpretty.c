/*
 * sq-alpha for people (md, pretty), as psych::alpha reads: one table of
 * the scales under their block (E, P, gaps); the item statistics
 * (item-rest r, alpha if deleted) in a second table on request.
 */
#include <stdio.h>

#include "servqual/i18n.h"
#include "servqual/reliability.h"
#include "servqual/table.h"

static const char *
block_heading(int block)
{
	return block == SQ_BLOCK_E ? _("Expectations (E)") :
	    block == SQ_BLOCK_P ? _("Perceptions (P)") :
	    _("Gaps (P \xe2\x88\x92 E)");
}

static const char *
scale_name(const sq_instrument *ins, int dim, int lang)
{
	return dim < 0 ? _("All items") : ins->dims[dim].name[lang];
}

int
sq_rel_pretty(const sq_relrow *rows, size_t nrows, const sq_instrument *ins,
    int lang, int items, sq_table **out)
{
	static const char *const scols[] = {
		"block", "scale", "n", "k", "alpha", "ci_low", "ci_high",
		"alpha_std", "average_r", "omega_total", "r_diff"
	};
	static const char *const icols[] = {
		"scale", "item", "n", "r_drop", "alpha_if_deleted"
	};
	static const struct {
		int kind, digits;
		const char *label;
	} sspec[] = {
		{ SQ_NUM_TEXT, 0, NULL }, { SQ_NUM_TEXT, 0, N_("scale") },
		{ SQ_NUM_INT, 0, N_("n") }, { SQ_NUM_INT, 0, N_("items") },
		{ SQ_NUM_REAL, 3, N_("alpha") },
		{ SQ_NUM_REAL, 3, N_("CI low") },
		{ SQ_NUM_REAL, 3, N_("CI high") },
		{ SQ_NUM_REAL, 3, N_("std. alpha") },
		{ SQ_NUM_REAL, 3, N_("mean r") },
		{ SQ_NUM_REAL, 3, N_("omega") },
		{ SQ_NUM_REAL, 3, N_("r diff.") },
	}, ispec[] = {
		{ SQ_NUM_TEXT, 0, NULL },
		{ SQ_NUM_TEXT, 0, N_("item") }, { SQ_NUM_INT, 0, N_("n") },
		{ SQ_NUM_REAL, 3, N_("item-rest r") },
		{ SQ_NUM_REAL, 3, N_("alpha if dropped") },
	};
	sq_table *t;
	size_t i, nc = items ? 5 : 11;
	int rc, any_g = 0;
	char num[16], head[2 * SQ_NAME_LEN];

	*out = NULL;
	if ((rc = sq_table_new(items ? icols : scols, nc, &t)) != SQ_OK)
		return rc;
	for (i = 0; i < nc; i++)
		if (items)
			sq_table_human(t, i, ispec[i].kind, ispec[i].digits,
			    ispec[i].label);
		else
			sq_table_human(t, i, sspec[i].kind, sspec[i].digits,
			    sspec[i].label);
	sq_table_group(t, 0);
	for (i = 0; i < nrows && rc == SQ_OK; i++) {
		const sq_relrow *r = &rows[i];

		if ((r->scope == SQ_REL_ITEM) != (items != 0))
			continue;
		if (items) {
			snprintf(head, sizeof(head), "%s \xc2\xb7 %s",
			    block_heading(r->block),
			    scale_name(ins, r->dim, lang));
			rc |= sq_table_str(t, head);
			snprintf(num, sizeof(num), "%d",
			    ins->items[r->item].number);
			rc |= sq_table_str(t, num);
			rc |= sq_table_num(t, r->n);
			rc |= sq_table_num(t, r->r_drop);
			rc |= sq_table_num(t, r->alpha_if_deleted);
			continue;
		}
		rc |= sq_table_str(t, block_heading(r->block));
		rc |= sq_table_str(t, scale_name(ins, r->dim, lang));
		any_g |= r->block == SQ_BLOCK_G;
		rc |= sq_table_num(t, r->n);
		rc |= sq_table_num(t, r->k);
		rc |= sq_table_num(t, r->alpha);
		rc |= sq_table_num(t, r->ci_low);
		rc |= sq_table_num(t, r->ci_high);
		rc |= sq_table_num(t, r->alpha_std);
		rc |= sq_table_num(t, r->average_r);
		rc |= sq_table_num(t, r->omega_total);
		rc |= sq_table_num(t, r->r_diff);
	}
	if (!items && !any_g)
		sq_table_hide(t, 10);
	if (rc != SQ_OK) {
		sq_table_free(t);
		return SQ_ENOMEM;
	}
	*out = t;
	return SQ_OK;
}
