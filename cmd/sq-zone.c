/* sq-zone: the zone of tolerance of a three-column survey. */
#include <stdio.h>

#include "servqual/survey.h"
#include "servqual/table.h"
#include "servqual/zone.h"
#include "tool.h"

static tool t = {
	.name = "sq-zone",
	.operands = "[file]",
	.purpose = "Zone of tolerance of a three-column survey: adequate "
	    "(A1..Ak), desired (D1..Dk)\nand perceived (P1..Pk) levels, or "
	    "the roles A, D and P of a codebook. Per item,\ndimension and "
	    "overall: n, mean A, D and P; msa = P - A and mss = P - D with "
	    "sd,\npaired t and two-sided p; width = D - A; the shares of "
	    "respondents below, within\nand above their zone; inverted "
	    "(A > D) counts.",
	.example = "sq-zone -f pretty -c tests/oracle/zone/zone_codebook.csv "
	    "tests/oracle/zone/zone.csv",
	.shared = TOOL_READ | TOOL_TABLE | TOOL_BY | TOOL_INVALID |
	    TOOL_FOLD,
};

static int
header(void *ctx, const sq_survey_header *h, sq_error *err)
{
	(void)ctx;
	if (h->form == SQ_FORM_ZONE)
		return SQ_OK;
	return sq_error_set(err, SQ_ESCHEMA, NULL, h->line, 0, NULL,
	    "sq-zone needs a three-column export (columns A1..Ak, D1..Dk "
	    "and P1..Pk, or codebook roles A, D and P); this one is %s",
	    sq_form_label(h->form, t.cli.lang));
}

struct run {
	const sq_instrument *ins;
	sq_zoneset *set;
};

static int
add(void *ctx, const sq_response *r, sq_error *err)
{
	struct run *run = ctx;

	return sq_zoneset_add(run->set, run->ins, r, err);
}

/* Read the export, then write the table; 0 or 1. */
static int
zone(struct run *run, sq_table **table)
{
	sq_survey_stats st;
	char title[256];

	t.cli.so.header = header;
	if (sq_zoneset_new(run->ins, t.cli.so.by != NULL, &run->set) !=
	    SQ_OK)
		return tool_nomem();
	if (sq_survey_read_path(t.cli.path, run->ins, &t.cli.so, add, run,
	    &st, &t.err) != SQ_OK)
		return tool_fail(&t.err, t.cli.path);
	tool_read_warn(&st);
	tool_invalid(t.cli.path, st.invalid);
	tool_lookalikes(run->set->seg, run->set->nseg);
	if (sq_zone_table(run->set, run->ins, t.cli.format >= SQ_FMT_MD,
	    t.cli.lang, table) != SQ_OK)
		return tool_nomem();
	snprintf(title, sizeof(title), t.cli.lang == SQ_LANG_ES ?
	    "Zona de tolerancia: %lu encuestados" :
	    "Zone of tolerance: %lu respondents", st.rows);
	return tool_write_table(&t, *table, title);
}

int
main(int argc, char *argv[])
{
	sq_instrument *ins = NULL;
	sq_table *table = NULL;
	struct run run = { NULL, NULL };
	int rc;

	tool_init(&t);
	if (tool_getopt(&t, argc, argv) != -1)
		tool_usage(NULL);
	tool_operands(&t, argc - optind, argv + optind);
	if (sq_instrument_load(t.cli.codebook, &ins, &t.err) != SQ_OK)
		rc = tool_fail(&t.err, t.cli.codebook);
	else {
		run.ins = ins;
		rc = zone(&run, &table);
	}
	sq_table_free(table);
	sq_zoneset_free(run.set);
	sq_instrument_free(ins);
	return rc;
}
