/*
 * The sq-gap table for people (md, pretty): the items of each dimension
 * under its name, then the dimension and SERVQUAL scores, for "all" and
 * then each segment; the figures a reader weighs, rounded.
 */
#include <stdio.h>
#include <stdlib.h>

#include "servqual/gap.h"
#include "servqual/i18n.h"
#include "servqual/table.h"

static const char *const cols[] = {
	"group", "row", "n", "mean_e", "mean_p", "gap", "ci_low", "ci_high",
	"t", "p", "p_adj", "d"
};

static int
add_group(sq_table *t, const sq_gapacc *a, const char *seg,
    const sq_instrument *ins, double conf, int lang)
{
	sq_gaprow *rows;
	size_t n, i;
	int rc;
	char head[2 * SQ_NAME_LEN + 64], label[SQ_NAME_LEN + 16];

	if ((rc = sq_gap_rows(a, ins, conf, &rows, &n)) != SQ_OK)
		return rc;
	for (i = 0; i < n && rc == SQ_OK; i++) {
		const sq_gaprow *r = &rows[i];
		const char *what;

		if (r->scope == SQ_SCOPE_ITEM) {
			what = ins->dims[r->dim].name[lang];
			snprintf(label, sizeof(label), "%d",
			    ins->items[r->item].number);
		} else {
			what = _("Dimensions and SERVQUAL score");
			snprintf(label, sizeof(label), "%s",
			    r->scope == SQ_SCOPE_DIMENSION ?
			    ins->dims[r->dim].name[lang] :
			    r->scope == SQ_SCOPE_SERVQUAL ? "SERVQUAL" :
			    _("SERVQUAL weighted"));
		}
		if (seg != NULL)
			snprintf(head, sizeof(head), "%s \xc2\xb7 %s", seg, what);
		else
			snprintf(head, sizeof(head), "%s", what);
		rc |= sq_table_str(t, head);
		rc |= sq_table_str(t, label);
		rc |= sq_table_num(t, r->n);
		rc |= sq_table_num(t, r->mean_e);
		rc |= sq_table_num(t, r->mean_p);
		rc |= sq_table_num(t, r->gap);
		rc |= sq_table_num(t, r->ci_low);
		rc |= sq_table_num(t, r->ci_high);
		rc |= sq_table_num(t, r->t);
		rc |= sq_table_num(t, r->p);
		rc |= sq_table_num(t, r->p_adj);
		rc |= sq_table_num(t, r->d);
	}
	free(rows);
	return rc ? SQ_ENOMEM : SQ_OK;
}

int
sq_gap_pretty(const sq_gapset *s, const sq_instrument *ins, double conf,
    int lang, sq_table **out)
{
	static const struct {
		int kind, digits;
		const char *label;
	} spec[] = {
		{ SQ_NUM_TEXT, 0, NULL },
		{ SQ_NUM_TEXT, 0, N_("item") },
		{ SQ_NUM_INT, 0, N_("n") },
		{ SQ_NUM_REAL, 2, N_("E") },
		{ SQ_NUM_REAL, 2, N_("P") },
		{ SQ_NUM_REAL, 2, N_("gap") },
		{ SQ_NUM_REAL, 2, N_("CI low") },
		{ SQ_NUM_REAL, 2, N_("CI high") },
		{ SQ_NUM_REAL, 2, N_("t") },
		{ SQ_NUM_P, 0, N_("p") },
		{ SQ_NUM_P, 0, N_("p (Holm)") },
		{ SQ_NUM_REAL, 2, N_("d") },
	};
	sq_table *t;
	size_t i, nc = sizeof(cols) / sizeof(cols[0]);
	int rc;

	*out = NULL;
	if ((rc = sq_table_new(cols, nc, &t)) != SQ_OK)
		return rc;
	for (i = 0; i < nc; i++)
		sq_table_human(t, i, spec[i].kind, spec[i].digits,
		    spec[i].label);
	sq_table_group(t, 0);
	rc = add_group(t, s->all, s->nseg > 0 ? _("all") : NULL, ins, conf,
	    lang);
	for (i = 0; i < s->nseg && rc == SQ_OK; i++)
		rc = add_group(t, s->acc[i], s->seg[i], ins, conf, lang);
	if (rc != SQ_OK) {
		sq_table_free(t);
		return rc;
	}
	*out = t;
	return SQ_OK;
}
