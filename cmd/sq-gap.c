/* sq-gap: item, dimension and SERVQUAL gap scores (P - E). */
#include <stdio.h>

#include "servqual/gap.h"
#include "servqual/survey.h"
#include "servqual/table.h"
#include "tool.h"

static const tool_opt opts[] = {
	{ "adjust", TOOL_OWN, "holm|bh|bonferroni|none",
	    "what p_adj holds (default holm)" },
	{ NULL, 0, NULL, NULL }
};

static tool t = {
	.name = "sq-gap",
	.operands = "[file]",
	.purpose = "Item, dimension and SERVQUAL gap scores (P - E) with "
	    "paired tests.",
	.example = "sq-gap -f pretty -b sucursal samples/banco_demo.csv",
	.shared = TOOL_READ | TOOL_TABLE | TOOL_BY | TOOL_CONF |
	    TOOL_INVALID | TOOL_FOLD | TOOL_GUARD,
	.own = opts,
};

static int adjust = SQ_ADJ_HOLM;

struct run {
	const sq_instrument *ins;
	sq_gapset *set;
};

static int
add(void *ctx, const sq_response *r, sq_error *err)
{
	struct run *run = ctx;

	return sq_gapset_add(run->set, run->ins, r, err);
}

/* Read the export, then write the table; 0 or 1. */
static int
gap(struct run *run, sq_table **table)
{
	sq_survey_stats st;
	char title[256];
	int es = t.cli.lang == SQ_LANG_ES;

	if (sq_gapset_new(run->ins, t.cli.so.by != NULL, &run->set) != SQ_OK)
		return tool_nomem();
	run->set->adjust = adjust;
	if (sq_survey_read_path(t.cli.path, run->ins, &t.cli.so, add, run,
	    &st, &t.err) != SQ_OK)
		return tool_fail(&t.err, t.cli.path);
	tool_read_warn(&st);
	tool_invalid(t.cli.path, st.invalid);
	tool_lookalikes(run->set->seg, run->set->nseg);
	sq_gapset_finish(run->set);
	if (sq_gap_table(run->set, run->ins, t.cli.conf,
	    t.cli.format >= SQ_FMT_MD, t.cli.lang, table) != SQ_OK)
		return tool_nomem();
	sq_table_guard(*table, t.cli.guard);
	snprintf(title, sizeof(title), es ? "%s: %lu encuestados, IC %g%%" :
	    "%s: %lu respondents, %g%% CI", sq_gap_title(st.form, t.cli.lang),
	    st.rows, t.cli.conf * 100);
	return tool_write_table(&t, *table, title);
}

int
main(int argc, char *argv[])
{
	sq_instrument *ins = NULL;
	sq_table *table = NULL;
	struct run run = { NULL, NULL };
	int rc = 1;

	tool_init(&t);
	while (tool_getopt(&t, argc, argv) != -1)
		if ((adjust = sq_adjust_parse(optarg)) < 0)
			tool_usage("--adjust: \"%s\": expected holm, bh, "
			    "bonferroni or none", optarg);
	tool_operands(&t, argc - optind, argv + optind);
	if (sq_instrument_load(t.cli.codebook, &ins, &t.err) != SQ_OK)
		rc = tool_fail(&t.err, t.cli.codebook);
	else {
		run.ins = ins;
		rc = gap(&run, &table);
	}
	sq_table_free(table);
	sq_gapset_free(run.set);
	sq_instrument_free(ins);
	return rc;
}
