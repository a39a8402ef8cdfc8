/* sq-zone: the zone of tolerance of a three-column survey. */
#include <stdio.h>
#include <stdlib.h>

#include "servqual/survey.h"
#include "servqual/table.h"
#include "servqual/zone.h"
#include "servqual/zonestate.h"
#include "scan.h"
#include "tool.h"

static tool t = {
	.name = "sq-zone",
	.operands = "[file...]",
	.purpose = "Zone of tolerance of a three-column survey: adequate "
	    "(A1..Ak), desired (D1..Dk)\nand perceived (P1..Pk) levels, or "
	    "the roles A, D and P of a codebook. Per item,\ndimension and "
	    "overall: n, mean A, D and P; msa = P - A and mss = P - D with "
	    "sd,\npaired t and two-sided p; width = D - A; the shares of "
	    "respondents below, within\nand above their zone; inverted "
	    "(A > D) counts.\nAny number of files are read as one survey.",
	.example = "sq-zone -f pretty -c tests/oracle/zone/zone_codebook.csv "
	    "tests/oracle/zone/zone.csv",
	.shared = TOOL_READ | TOOL_TABLE | TOOL_BY | TOOL_INVALID |
	    TOOL_FOLD | TOOL_SCALE,
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

/* The accumulator: a zone set (with segments under -b). */
static void *
acc_make(void *ctx, const sq_instrument *ins)
{
	sq_zoneset *set;

	(void)ctx;
	return sq_zoneset_new(ins, t.cli.so.by != NULL, &set) == SQ_OK ?
	    set : NULL;
}

static int
acc_add(void *set, const sq_instrument *ins, const sq_response *r,
    sq_error *err)
{
	return sq_zoneset_add(set, ins, r, err);
}

static int
acc_fold(void *dst, void *src, const sq_instrument *ins, sq_error *err)
{
	int rc = sq_zoneset_fold(dst, src, ins);

	if (rc == SQ_ELIMIT)
		sq_error_set(err, rc, NULL, 0, 0, NULL, "more than %d "
		    "distinct segment values", SQ_ZONE_MAX_SEGMENTS);
	return rc;
}

static void
acc_drop(void *set)
{
	sq_zoneset_free(set);
}

static int
acc_write(FILE *fp, const void *set)
{
	return sq_zone_state_write_body(fp, set);
}

static int
acc_read(sq_state_rd *r, const sq_instrument *ins, void *set)
{
	return sq_zone_state_read_body(r, set, ins);
}

static const tool_acc ops = { acc_make, acc_add, acc_fold, acc_drop,
    acc_write, acc_read };

/* Read every file (or state), then write the table or the state. */
static int
zone(const sq_instrument *ins)
{
	sq_table *table = NULL;
	sq_zoneset *set;
	tool_input in;
	char title[256];
	int rc;

	t.cli.so.header = header;
	if ((set = tool_read(&t, &ops, NULL, ins, &in, &rc)) == NULL)
		return rc;
	tool_lookalikes(set->seg, set->nseg);
	snprintf(title, sizeof(title), t.cli.lang == SQ_LANG_ES ?
	    "Zona de tolerancia: %llu encuestados" :
	    "Zone of tolerance: %llu respondents", in.rows);
	if (sq_zone_table(set, ins, t.cli.format >= SQ_FMT_MD, t.cli.lang,
	    &table) != SQ_OK)
		rc = tool_nomem();
	else
		rc = tool_write_table(&t, table, title);
	sq_table_free(table);
	sq_zoneset_free(set);
	return rc;
}

int
main(int argc, char *argv[])
{
	return tool_main(&t, argc, argv, NULL, zone);
}
