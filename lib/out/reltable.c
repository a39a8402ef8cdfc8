/*
 * sq-alpha's output side: the reliability table (columns, labels in
 * both languages) and the --fail-if gates over its rows. The statistics
 * themselves are in reliability.c; this file only lays out and tests
 * their results, as gaptable.c does for gaps.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/reliability.h"
#include "servqual/table.h"

const char *const sq_rel_columns[] = {
	"scope", "block", "dimension", "item", "n", "k", "alpha", "alpha_std",
	"ci_low", "ci_high", "r_drop", "alpha_if_deleted",
	"average_r", "omega_total", "r_diff", "missing", NULL
};

const char *const sq_rel_fact_columns[] = {
	"conf", "scale_min", "scale_max", "label", "instrument", NULL
};

static const char *const scope_names[2][2] = {
	{ "scale", "escala" },
	{ "item", "\xc3\xadtem" },
};
static const char *const mode_names[2][2] = {
	{ "listwise", "casos completos" },
	{ "pairwise", "por pares" },
};
static const char *const block_names[3] = { "E", "P", "G" };

int
sq_rel_table(const sq_relrow *rows, size_t nrows, const sq_instrument *ins,
    int pairwise, int human, int lang, sq_table **out)
{
	sq_table *t;
	const sq_relrow *r;
	const char *cols[64];
	size_t i, nc = 0;
	char num[16];
	int rc, l = human ? lang : SQ_LANG_EN;

	*out = NULL;
	while (sq_rel_columns[nc] != NULL && nc < 48) {
		cols[nc] = sq_rel_columns[nc];
		nc++;
	}
	for (i = 0; !human && sq_rel_fact_columns[i] != NULL; i++)
		cols[nc++] = sq_rel_fact_columns[i];
	if ((rc = sq_table_new(cols, nc, &t)) != SQ_OK)
		return rc;
	sq_table_style(t, 4, SQ_NUM_INT);
	sq_table_style(t, 5, SQ_NUM_INT);
	for (i = 0; i < nrows && rc == SQ_OK; i++) {
		r = &rows[i];
		rc |= sq_table_str(t, scope_names[r->scope][l]);
		rc |= sq_table_str(t, block_names[r->block]);
		if (r->dim < 0)
			rc |= sq_table_str(t, !human ? "ALL" :
			    lang == SQ_LANG_ES ? "Todos" : "All");
		else
			rc |= sq_table_str(t, human ?
			    ins->dims[r->dim].name[lang] :
			    ins->dims[r->dim].code);
		if (r->item >= 0)
			snprintf(num, sizeof(num), "%d",
			    ins->items[r->item].number);
		else
			num[0] = '\0';
		rc |= sq_table_str(t, num);
		rc |= sq_table_num(t, r->n);
		rc |= sq_table_num(t, r->k);
		rc |= sq_table_num(t, r->alpha);
		rc |= sq_table_num(t, r->alpha_std);
		rc |= sq_table_num(t, r->ci_low);
		rc |= sq_table_num(t, r->ci_high);
		rc |= sq_table_num(t, r->r_drop);
		rc |= sq_table_num(t, r->alpha_if_deleted);
		rc |= sq_table_num(t, r->average_r);
		rc |= sq_table_num(t, r->omega_total);
		rc |= sq_table_num(t, r->r_diff);
		rc |= sq_table_str(t, mode_names[pairwise != 0][l]);
		if (!human) {
			const char *lab = "";
			int lg = lang == SQ_LANG_ES ? 1 : 0;

			if (r->item >= 0) {
				const sq_item *it = &ins->items[r->item];

				lab = it->wording[lg][0] ? it->wording[lg] :
				    it->wording[0];
			} else if (r->dim >= 0)
				lab = ins->dims[r->dim].name[lg];
			rc |= sq_table_num(t, r->conf);
			rc |= sq_table_num(t, ins->min);
			rc |= sq_table_num(t, ins->max);
			rc |= sq_table_str(t, lab);
			rc |= sq_table_str(t, ins->name ? ins->name : "");
		}
	}
	if (rc != SQ_OK) {
		sq_table_free(t);
		return SQ_ENOMEM;
	}
	*out = t;
	return SQ_OK;
}

int
sq_relgate_parse(const char *s, sq_relgate *g)
{
	static const struct {
		const char *name;
		int stat;
	} stats[] = {
		{ "alpha_std", SQ_GATE_ALPHA_STD },
		{ "alpha", SQ_GATE_ALPHA },
		{ "omega_total", SQ_GATE_OMEGA },
		{ "omega", SQ_GATE_OMEGA },
		{ "r_diff", SQ_GATE_RDIFF },
	};
	size_t i, len;
	const char *p;
	char *end;

	memset(g, 0, sizeof(*g));
	if (strlen(s) >= sizeof(g->text))
		return SQ_EUSAGE;
	snprintf(g->text, sizeof(g->text), "%s", s);
	for (i = 0; i < sizeof(stats) / sizeof(stats[0]); i++) {
		len = strlen(stats[i].name);
		if (strncmp(s, stats[i].name, len) == 0 && s[len] == '<')
			break;
	}
	if (i == sizeof(stats) / sizeof(stats[0]))
		return SQ_EUSAGE;
	g->stat = stats[i].stat;
	p = s + len + 1;
	if (*p == '=') {
		g->le = 1;
		p++;
	}
	if (*p == '\0' || *p == ' ')
		return SQ_EUSAGE;
	g->threshold = strtod(p, &end);
	if (*end != '\0' || !isfinite(g->threshold))
		return SQ_EUSAGE;
	return SQ_OK;
}

int
sq_relgate_holds(const sq_relgate *g, const sq_relrow *r)
{
	double x;

	if (r->scope != SQ_REL_SCALE)
		return 0;
	switch (g->stat) {
	case SQ_GATE_ALPHA:
		x = r->alpha;
		break;
	case SQ_GATE_ALPHA_STD:
		x = r->alpha_std;
		break;
	case SQ_GATE_OMEGA:
		x = r->omega_total;
		break;
	default:
		x = r->r_diff;
		break;
	}
	if (isnan(x))
		return 0;
	return g->le ? x <= g->threshold : x < g->threshold;
}
