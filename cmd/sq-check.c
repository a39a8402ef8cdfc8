/* sq-check: validate an export against the instrument; --clean rewrites it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/i18n.h"
#include "servqual/check.h"
#include "servqual/checkstate.h"
#include "servqual/output.h"
#include "servqual/survey.h"
#include "servqual/table.h"
#include "scan.h"
#include "tool.h"

#define MAX_GATES 16

enum { O_CLEAN = TOOL_OWN, O_DROP, O_FAIL, O_ID, O_ITEMS, O_KEEP_ALL,
	O_MIN, O_SUMMARY, O_CLEAN_FORMAT };

static const tool_opt opts[] = {
	{ "clean", O_CLEAN, "file", "write the canonical CSV to file", 1 },
	{ "clean-format", O_CLEAN_FORMAT, "csv|csv-es|excel",
	    "--clean for a spreadsheet: ';', decimal comma (excel: + BOM)",
	    1 },
	{ "drop", O_DROP, "flags",
	    "--clean leaves out duplicates,straight,few,weights,...", 1 },
	{ "fail-if", O_FAIL, "'MEASURE>X'",
	    "exit 3 after writing if a summary count (X%: share) > X" },
	{ "id", O_ID, "column", "the respondent id column" },
	{ "items", O_ITEMS, NULL, "write the missing answers per item" },
	{ "keep-all", O_KEEP_ALL, NULL,
	    "--clean keeps every other column too (names, IPs)", 1 },
	{ "min-answers", O_MIN, "n",
	    "flag fewer answered E and P cells (default: items)" },
	{ "summary", O_SUMMARY, NULL, "write the counts instead of the "
	    "problems" },
	{ NULL, 0, NULL, NULL }
};

static tool t = {
	.name = "sq-check",
	.operands = "[file...]",
	.purpose = "Validate an export against the instrument: every invalid "
	    "cell and every flagged\nrespondent (duplicate id, "
	    "straight-lining, too few answers, weights not 100).\nAny number "
	    "of files are read as one survey, in order (-j: one thread).",
	.example = "sq-check --fail-if 'invalid_cells>0' --fail-if "
	    "'straight_lining>5%' samples/banco_demo.csv",
	.shared = TOOL_READ | TOOL_TABLE | TOOL_BY | TOOL_GUARD | TOOL_SCALE,
	.by_help = "the segment column: must exist; --clean keeps it",
	.own = opts,
};

static sq_checkgate gates[MAX_GATES];
static size_t ngates;
static const char *cleanpath;
static int cleanfmt = SQ_FMT_CSV;	/* --clean-format */
static unsigned drop, min_answers;
static int keep_all, report;	/* report: 0 problems, O_SUMMARY, O_ITEMS */

struct run {
	const sq_instrument *ins;
	sq_check *chk;
	sq_table *probs;
	int nomem;
	const char *shape;
	sq_output cout;
	sq_clean *clean;
	unsigned long dropped, ragged;
	/* the files (t.files) are read one after another by one reader,
	   so the n-th header read is the n-th file's */
	int nhdr;
	const char *file;	/* the file being read */
	char **names;		/* --clean: the first header's columns */
	size_t ncols;
};

static void
option(int ch, char *arg)
{
	static const char *const flags[] = { "duplicates", "straight", "few",
		"weights", "inverted" };
	const char *s;
	size_t n, i;

	switch (ch) {
	case O_CLEAN:
		if (arg[0] == '\0')
			tool_usage("--clean: the file name is empty");
		cleanpath = arg;
		break;
	case O_CLEAN_FORMAT:
		cleanfmt = sq_format_parse(arg);
		if (cleanfmt != SQ_FMT_CSV && cleanfmt != SQ_FMT_CSV_ES &&
		    cleanfmt != SQ_FMT_EXCEL)
			tool_usage("--clean-format: \"%s\": expected csv, "
			    "csv-es or excel", arg);
		break;
	case O_DROP:
		for (s = arg; *s != '\0'; s += n + (s[n] == ',')) {
			n = strcspn(s, ",");
			for (i = 0; i < 5; i++)
				if (strlen(flags[i]) == n &&
				    strncmp(s, flags[i], n) == 0)
					break;
			if (i == 5)
				tool_usage("--drop: \"%s\": expected a list of "
				    "duplicates, straight, few, weights, "
				    "inverted", arg);
			drop |= 1u << i;
		}
		break;
	case O_FAIL:
		if (ngates == MAX_GATES ||
		    sq_checkgate_parse(arg, &gates[ngates++]) != SQ_OK)
			tool_usage("--fail-if: \"%s\": expected MEASURE>X, "
			    "MEASURE>=X or MEASURE>X%%, MEASURE one of "
			    "ragged_rows, invalid_cells, missing_cells, "
			    "duplicate_ids, straight_lining, too_few_answers, "
			    "weights_not_100, inverted_zone (at most %d)", arg,
			    MAX_GATES);
		break;
	case O_ID:
		t.cli.so.id = arg;
		break;
	case O_ITEMS:
	case O_SUMMARY:
		if (report != 0 && report != ch)
			tool_usage("--summary and --items: one table at a "
			    "time");
		report = ch;
		break;
	case O_KEEP_ALL:
		keep_all = 1;
		break;
	case O_MIN:
		min_answers = (unsigned)tool_int("--min-answers", arg, 0,
		    1000000);
		break;
	}
}

/* One row of the problem table. */
static void
problem_row(struct run *run, const sq_error *p, const char *kind)
{
	char field[32], msg[1024];
	sq_error e = *p;

	if (report != 0)	/* the problems are not the table asked for */
		return;
	/* the message alone, its control characters visible (\x1B) */
	e.file[0] = '\0';
	e.col = 0;
	sq_error_format(&e, msg, sizeof(msg));
	snprintf(field, sizeof(field), p->col ? "%zu" : "", p->col);
	if (sq_table_num(run->probs, (double)p->line) != SQ_OK ||
	    sq_table_str(run->probs, field) != SQ_OK ||
	    sq_table_str(run->probs, p->colname) != SQ_OK ||
	    sq_table_str(run->probs, kind) != SQ_OK ||
	    sq_table_str(run->probs, msg) != SQ_OK ||
	    (t.nfiles > 1 && sq_table_str(run->probs, p->file) != SQ_OK))
		run->nomem = 1;
}

/* A problem the reader found: a cell, or a row of the wrong length. */
static void
cell_problem(void *ctx, const sq_error *p)
{
	struct run *run = ctx;

	run->ragged += p->col == 0;
	problem_row(run, p, sq_check_measure_name(p->col ? SQ_CM_INVALID :
	    SQ_CM_RAGGED));
}

/* A respondent flag of the checker. */
static void
flag_problem(void *ctx, const sq_error *p)
{
	struct run *run = ctx;
	int f = sq_check_current(run->chk);

	problem_row(run, p, sq_check_measure_name(f == SQ_CHECK_DUPLICATE ?
	    SQ_CM_DUPLICATE : f == SQ_CHECK_STRAIGHT ? SQ_CM_STRAIGHT :
	    f == SQ_CHECK_FEW ? SQ_CM_FEW : f == SQ_CHECK_WEIGHTS ?
	    SQ_CM_WEIGHTS : SQ_CM_INVERTED));
}

/* --clean with several files: every header names the first's columns. */
static int
same_columns(struct run *run, const sq_survey_header *h, sq_error *err)
{
	size_t i;

	if (run->names == NULL) {
		if ((run->names = calloc(h->ncols + 1, sizeof(char *))) == NULL)
			return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
			    "out of memory");
		run->ncols = h->ncols;
		for (i = 0; i < h->ncols; i++)
			if ((run->names[i] = strdup(h->name[i])) == NULL)
				return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0,
				    NULL, "out of memory");
		return SQ_OK;
	}
	for (i = 0; i < h->ncols && i < run->ncols; i++)
		if (strcmp(run->names[i], h->name[i]) != 0)
			break;
	if (i == h->ncols && i == run->ncols)
		return SQ_OK;
	return sq_error_set(err, SQ_ESCHEMA, NULL, h->line, 0, NULL,
	    "not the columns of %s (--clean writes one file: every file with "
	    "the same header)", t.files[0]);
}

static int
header(void *ctx, const sq_survey_header *h, sq_error *err)
{
	struct run *run = ctx;
	sq_check_opts o;
	size_t i;
	int rc;

	run->file = run->nhdr < t.nfiles ? t.files[run->nhdr] : "-";
	run->nhdr++;
	run->shape = sq_check_shape_join(run->shape, h->shape);
	if (cleanpath != NULL && t.nfiles > 1 &&
	    (rc = same_columns(run, h, err)) != SQ_OK)
		return rc;
	if (run->chk != NULL)
		return SQ_OK;
	memset(&o, 0, sizeof(o));
	o.min_answers = min_answers;
	for (i = 0; i < h->ncols; i++)
		if (h->role[i] == SQ_ROLE_W)
			o.weights = 1;
	if (sq_check_new(run->ins, &o, &run->chk) != SQ_OK)
		return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");
	if (cleanpath == NULL)
		return SQ_OK;
	if ((rc = sq_output_open(&run->cout, cleanpath, err)) != SQ_OK)
		return rc;
	if ((rc = sq_clean_new_as(run->cout.fp, run->ins, h, keep_all,
	    cleanfmt, &run->clean)) != SQ_OK)
		return sq_error_set(err, rc, cleanpath, 0, 0, NULL, "%s",
		    rc == SQ_EIO ? "write error" : sq_strerror(rc));
	sq_clean_guard(run->clean, t.cli.guard);
	return SQ_OK;
}

static int
respond(void *ctx, const sq_response *r, sq_error *err)
{
	struct run *run = ctx;
	int rc;

	if (sq_check_add(run->chk, r, run->file, flag_problem, run) !=
	    SQ_OK || run->nomem)
		return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");
	if (run->clean == NULL)
		return SQ_OK;
	if (sq_check_flags(run->chk) & drop) {
		run->dropped++;
		return SQ_OK;
	}
	if ((rc = sq_clean_row(run->clean, r)) != SQ_OK)
		return sq_error_set(err, rc, cleanpath, 0, 0, NULL, "%s",
		    rc == SQ_EIO ? "write error" : sq_strerror(rc));
	return SQ_OK;
}

static int
acc_add(void *acc, const sq_instrument *ins, const sq_response *r,
    sq_error *err)
{
	(void)ins;
	return respond(acc, r, err);
}

static void
acc_drop(void *acc)
{
	(void)acc;
}

static int
acc_write(FILE *fp, const void *acc)
{
	const struct run *run = acc;

	return sq_check_state_write_body(fp, run->chk, run->ragged,
	    run->shape);
}

static int
acc_read(sq_state_rd *r, const sq_instrument *ins, void *acc)
{
	struct run *run = acc;

	if (run->chk == NULL && sq_check_new(ins, NULL, &run->chk) !=
	    SQ_OK)
		return SQ_ENOMEM;
	return sq_check_state_read_body(r, run->chk, &run->ragged,
	    &run->shape);
}

/*
 * No make or fold: the problem list names lines in file order and
 * --clean writes rows in it, so -j reads with the one reader.
 */
static const tool_acc ops = { NULL, acc_add, NULL, acc_drop, acc_write,
    acc_read };

/* Read, write the clean file and the table; 0, 1, or 3 if a gate held. */
static int
check(struct run *run, sq_table **tab)
{
	tool_input in;
	double v[SQ_CM_N], s[SQ_CM_N];
	char title[512], where[64], what[64];
	size_t i;
	int rc, held = 0, es = t.cli.lang == SQ_LANG_ES;

	t.cli.so.problem = cell_problem;
	t.cli.so.problem_ctx = run;
	t.cli.so.header = header;
	t.cli.so.header_ctx = run;
	rc = tool_scan(&t, &ops, NULL, run, run->ins, &in);
	if (rc != TOOL_SCAN_EMIT) {
		sq_output_close(&run->cout, 0, NULL);
		return rc == TOOL_SCAN_DONE ? 0 : 1;
	}
	if (sq_output_close(&run->cout, 1, &t.err) != SQ_OK)
		return tool_fail(&t.err, cleanpath);
	if (run->dropped > 0)
		tool_warn(sq_ngettext("%s: %lu respondent dropped",
		    "%s: %lu respondents dropped", run->dropped), cleanpath,
		    run->dropped);
	sq_check_measures(run->chk, (unsigned long)in.invalid, run->ragged, v,
	    s);
	if (report == O_SUMMARY)
		rc = sq_check_summary_table(run->chk, run->shape, v, s, tab);
	else if (report == O_ITEMS)
		rc = sq_check_items_table(run->chk, tab);
	else {
		*tab = run->probs;
		run->probs = NULL;
		rc = SQ_OK;
	}
	if (rc != SQ_OK)
		return tool_nomem();
	sq_table_guard(*tab, t.cli.guard);
	if (t.nfiles > 1)
		snprintf(what, sizeof(what), es ? "%d archivos" : "%d files",
		    t.nfiles);
	else
		snprintf(what, sizeof(what), "%s", strcmp(t.cli.path, "-") ?
		    t.cli.path : es ? "la entrada" : "standard input");
	snprintf(title, sizeof(title), es ? "Revisi\xc3\xb3n de %s: %llu "
	    "filas, cabecera %s, %s" : "Check of %s: %llu rows, %s header, %s",
	    what, in.rows, run->shape, sq_form_label(in.form, t.cli.lang));
	if (tool_write_table(&t, *tab, title) != 0)
		return 1;
	for (i = 0; i < ngates; i++) {
		snprintf(where, sizeof(where), "%.0f (%.2f%%)",
		    v[gates[i].measure], 100 * s[gates[i].measure]);
		if (sq_checkgate_holds(&gates[i], v, s))
			held += tool_gate_held(gates[i].text, where);
	}
	return held ? 3 : 0;
}

/* The options that must go together; usage errors exit 2. */
static void
settle(void)
{
	if ((t.scale.partial || t.scale.merge) && report == 0)
		tool_usage("--partial and --merge keep counts: give --summary "
		    "or --items (the problem list names lines of one file)");
	if ((t.scale.partial || t.scale.merge) && cleanpath != NULL)
		tool_usage("--clean writes rows: not with --partial or "
		    "--merge");
	if ((drop || keep_all) && cleanpath == NULL)
		tool_usage("--drop and --keep-all go with --clean");
	if (cleanpath != NULL && strcmp(cleanpath, "-") == 0 &&
	    (t.cli.outpath == NULL || strcmp(t.cli.outpath, "-") == 0))
		tool_usage("--clean - and the table both on standard output: "
		    "give the table -o FILE");
}

int
main(int argc, char *argv[])
{
	static const char *const pcols[] = { "line", "field", "column",
		"kind", "problem", "file" };
	sq_instrument *ins;
	sq_table *tab = NULL;
	struct run run;
	size_t i;
	int rc;

	memset(&run, 0, sizeof(run));
	tool_start(&t, argc, argv, option);
	settle();
	if ((ins = tool_instrument(&t)) == NULL)
		return 1;
	if (sq_table_new(pcols, t.nfiles > 1 ? 6 : 5, &run.probs) != SQ_OK)
		rc = tool_nomem();
	else {
		sq_table_style(run.probs, 0, SQ_NUM_INT);
		run.ins = ins;
		rc = check(&run, &tab);
	}
	sq_clean_free(run.clean);
	sq_check_free(run.chk);
	sq_table_free(run.probs);
	sq_table_free(tab);
	sq_instrument_free(ins);
	for (i = 0; run.names != NULL && i < run.ncols; i++)
		free(run.names[i]);
	free(run.names);
	return rc;
}
