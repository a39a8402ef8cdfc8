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

/* The accumulator: a zone set (with segments under -b) for ins. */
struct acc {
	const sq_instrument *ins;
	sq_zoneset *set;
};

static void
acc_drop(void *a)
{
	struct acc *ac = a;

	if (ac != NULL)
		sq_zoneset_free(ac->set);
	free(ac);
}

static void *
acc_make(void *ctx)
{
	const sq_instrument *ins = ctx;
	struct acc *ac = calloc(1, sizeof(*ac));

	if (ac == NULL)
		return NULL;
	ac->ins = ins;
	if (sq_zoneset_new(ins, t.cli.so.by != NULL, &ac->set) != SQ_OK) {
		free(ac);
		return NULL;
	}
	return ac;
}

static int
acc_add(void *a, const sq_response *r, sq_error *err)
{
	struct acc *ac = a;

	return sq_zoneset_add(ac->set, ac->ins, r, err);
}

static int
acc_fold(void *dst, void *src, sq_error *err)
{
	struct acc *d = dst, *s = src;
	int rc = sq_zoneset_fold(d->set, s->set, d->ins);

	if (rc == SQ_ELIMIT)
		sq_error_set(err, rc, NULL, 0, 0, NULL, "more than %d "
		    "distinct segment values", SQ_ZONE_MAX_SEGMENTS);
	else if (rc != SQ_OK)
		sq_error_set(err, rc, NULL, 0, 0, NULL, "out of memory");
	return rc;
}

static int
acc_write(FILE *fp, const void *a)
{
	const struct acc *ac = a;

	return sq_zone_state_write_body(fp, ac->set);
}

static int
acc_read(sq_state_rd *r, void *a)
{
	struct acc *ac = a;

	return sq_zone_state_read_body(r, ac->set, ac->ins);
}

static const tool_acc ops = { acc_make, acc_add, acc_fold, acc_drop,
    acc_write, acc_read };

/* Read every file (or state), then write the table or the state. */
static int
zone(const sq_instrument *ins, int nfiles, char **files)
{
	sq_table *table = NULL;
	struct acc *ac;
	tool_input in;
	char title[256];
	int rc;

	t.cli.so.header = header;
	if ((ac = acc_make((void *)ins)) == NULL)
		return tool_nomem();
	rc = tool_scan(&t, &ops, (void *)ins, ac, ins, nfiles, files, &in);
	if (rc == TOOL_SCAN_EMIT) {
		tool_lookalikes(ac->set->seg, ac->set->nseg);
		snprintf(title, sizeof(title), t.cli.lang == SQ_LANG_ES ?
		    "Zona de tolerancia: %llu encuestados" :
		    "Zone of tolerance: %llu respondents", in.rows);
		if (sq_zone_table(ac->set, ins, t.cli.format >= SQ_FMT_MD,
		    t.cli.lang, &table) != SQ_OK)
			rc = tool_nomem();
		else
			rc = tool_write_table(&t, table, title);
	} else
		rc = rc == TOOL_SCAN_DONE ? 0 : 1;
	sq_table_free(table);
	acc_drop(ac);
	return rc;
}

int
main(int argc, char *argv[])
{
	sq_instrument *ins = NULL;
	int rc;

	tool_init(&t);
	if (tool_getopt(&t, argc, argv) != -1)
		tool_usage(NULL);
	tool_operands(&t, argc - optind, argv + optind);
	if (sq_instrument_load(t.cli.codebook, &ins, &t.err) != SQ_OK)
		rc = tool_fail(&t.err, t.cli.codebook);
	else
		rc = zone(ins, argc - optind, argv + optind);
	sq_instrument_free(ins);
	return rc;
}
