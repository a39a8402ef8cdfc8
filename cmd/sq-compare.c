/* sq-compare: which groups, channels or waves differ, score by score. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/i18n.h"
#include "servqual/compare.h"
#include "servqual/comparestate.h"
#include "servqual/comparetable.h"
#include "servqual/gap.h"
#include "servqual/survey.h"
#include "servqual/table.h"
#include "scan.h"
#include "tool.h"

#define MAX_FILES	64
#define MAX_GATES	16

enum { O_BLOCK = TOOL_OWN, O_FAIL, O_ITEMS, O_LABELS, O_PAIRED };

static const tool_opt opts[] = {
	{ "block", O_BLOCK, "G|P|E",
	    "scores on gaps (default), perceptions or expectations" },
	{ "fail-if", O_FAIL, "'[test:]p_adj<X'",
	    "exit 3 if welch's (paired_t's) or the test's p_adj < X" },
	{ "items", O_ITEMS, NULL,
	    "item rows too (a Holm family of their own)" },
	{ "labels", O_LABELS, "a,b,...", "group names for the files", 1 },
	{ "paired-by", O_PAIRED, "id",
	    "two waves of one panel, matched by this column" },
	{ NULL, 0, NULL, NULL }
};

static tool t = {
	.name = "sq-compare",
	.operands = "[file...]",
	.purpose = "Omnibus and pairwise tests of every dimension and "
	    "SERVQUAL score between\ngroups (-b column) or between files "
	    "(each file a group, e.g. two waves):\nanova welch kruskal levene; "
	    "tukey games_howell dunn; welch_t mann_whitney;\npaired_t "
	    "wilcoxon. -f pretty prints a summary.",
	.example = "sq-compare -f pretty ola1.csv ola2.csv",
	.by_help = "the group column (several files: only -b file)",
	.shared = TOOL_READ | TOOL_TABLE | TOOL_BY | TOOL_CONF |
	    TOOL_INVALID | TOOL_SCALE,
	.own = opts,
};

struct gate {
	const char *text;
	int test, adj, le, named;
	double x;
};

static int
gate_parse(const char *s, struct gate *g)
{
	const char *c = strchr(s, ':'), *st = c ? c + 1 : s, *op;
	char *end;
	int i;

	g->text = s;
	g->test = SQ_T_WELCH;
	g->named = c != NULL;
	if (c != NULL) {
		for (i = 0; i < SQ_T_NTESTS; i++)
			if (strlen(sq_cmp_test_names[i]) == (size_t)(c - s) &&
			    strncmp(s, sq_cmp_test_names[i], c - s) == 0)
				break;
		if (i == SQ_T_NTESTS)
			return -1;
		g->test = i;
	}
	if ((op = strchr(st, '<')) == NULL)
		return -1;
	if (op - st == 5 && strncmp(st, "p_adj", 5) == 0)
		g->adj = 1;
	else if (op - st == 1 && *st == 'p')
		g->adj = 0;
	else
		return -1;
	g->le = op[1] == '=';
	op += 1 + g->le;
	g->x = strtod(op, &end);
	return *op != '\0' && *end == '\0' ? 0 : -1;
}

/*
 * How groups arise. GROUPS: -b COLUMN (or -b file: each file's path), and
 * every file is one survey (tool_scan). WAVES: no -b, each file a group
 * named by --labels or its base name; tool_scan reads them through the
 * file column, and the group is the label of the file a row came from.
 * PANEL: --paired-by, two files matched by id (per-respondent data: no
 * state, one reader).
 */
enum { M_GROUPS, M_WAVES, M_PANEL };

static int mode, block = SQ_SCORE_G, items;
static struct gate gates[MAX_GATES];
static size_t ngates;
static char *labels;		/* --labels */
static const char *paired;	/* --paired-by */
static char **wfile, **wlabel;	/* WAVES, PANEL: operands and labels */
static size_t nwave;

/* The operand a row came from (its segment is the operand's pointer). */
static size_t
wave_of(const char *seg)
{
	size_t i;

	for (i = 0; i < nwave; i++)
		if (seg == wfile[i])
			return i;
	for (i = 0; seg != NULL && i < nwave; i++)
		if (strcmp(seg, wfile[i]) == 0)
			return i;
	return 0;	/* one wave read from standard input */
}

/* The accumulator of GROUPS and WAVES: a set of groups. */
static void *
set_make(void *ctx, const sq_instrument *ins)
{
	sq_cmpset *set;

	(void)ctx;
	return sq_cmpset_new(ins, block, items, &set) == SQ_OK ? set : NULL;
}

static int
set_add(void *set, const sq_instrument *ins, const sq_response *r,
    sq_error *err)
{
	return sq_cmpset_add(set, ins, mode == M_WAVES ?
	    wlabel[wave_of(r->segment)] : r->segment, r, err);
}

static int
set_fold(void *dst, void *src, const sq_instrument *ins, sq_error *err)
{
	unsigned long line;
	int rc = sq_cmpset_fold(dst, src, &line);

	(void)ins;
	/* the line in src's byte range: tool_scan makes it the file's */
	if (rc == SQ_ELIMIT)
		sq_error_set(err, rc, NULL, line, 0, NULL,
		    "more than %d groups", SQ_CMP_MAX_GROUPS);
	return rc;
}

static void
set_drop(void *set)
{
	sq_cmpset_free(set);
}

static int
set_write(FILE *fp, const void *set)
{
	return sq_compare_state_write_body(fp, set);
}

static int
set_read(sq_state_rd *r, const sq_instrument *ins, void *set)
{
	(void)ins;
	return sq_compare_state_read_body(r, set);
}

/* Exact folds, so byte ranges (-j) and states. */
static const tool_acc set_ops = { set_make, set_add, set_fold, set_drop,
    set_write, set_read };

/* PANEL's: wave 2 matched against all of wave 1, so one reader, no state. */
static void *
panel_make(void *ctx, const sq_instrument *ins)
{
	sq_cmppanel *panel;

	(void)ctx;
	return sq_cmppanel_new(ins, block, items, &panel) == SQ_OK ? panel :
	    NULL;
}

static int
panel_add(void *panel, const sq_instrument *ins, const sq_response *r,
    sq_error *err)
{
	return sq_cmppanel_add(panel, ins, (int)wave_of(r->segment), r, err);
}

static void
panel_drop(void *panel)
{
	sq_cmppanel_free(panel);
}

static const tool_acc panel_ops = { panel_make, panel_add, NULL,
    panel_drop, NULL, NULL };

/* A file's group name: its base name without the extension. */
static char *
basename_of(const char *path)
{
	const char *b = strrchr(path, '/'), *dot;
	char *s;

	b = b ? b + 1 : path;
	dot = strrchr(b, '.');
	if (dot == NULL || dot == b)
		dot = b + strlen(b);
	if ((s = malloc((size_t)(dot - b) + 1)) != NULL) {
		memcpy(s, b, (size_t)(dot - b));
		s[dot - b] = '\0';
	}
	return s;
}

/* Report and count the gates that hold. */
static int
check(const sq_cmprow *rows, size_t n, char *const *name,
    const sq_instrument *ins)
{
	size_t i, g;
	int held = 0;
	char where[600];

	for (g = 0; g < ngates; g++)
		for (i = 0; i < n; i++) {
			const sq_cmprow *r = &rows[i];
			double v = gates[g].adj ? r->p_adj : r->p;
			/* unnamed: Welch's F, or the paired t for waves */
			int test = gates[g].named || rows[0].test !=
			    SQ_T_PAIRED_T ? gates[g].test : SQ_T_PAIRED_T;

			if (r->test != test ||
			    r->scope == SQ_SCOPE_ITEM || isnan(v) ||
			    !(gates[g].le ? v <= gates[g].x : v < gates[g].x))
				continue;
			snprintf(where, sizeof(where), "%s%s%s%s%s",
			    r->dim >= 0 ? ins->dims[r->dim].code :
			    r->scope == SQ_SCOPE_SERVQUAL ? "servqual" :
			    "servqual_weighted", r->g1 >= 0 ? " " : "",
			    r->g1 >= 0 ? name[r->g1] : "", r->g1 >= 0 ? " vs " :
			    "", r->g2 >= 0 ? name[r->g2] : "");
			held += tool_gate_held(gates[g].text, where);
		}
	return held;
}

/* Warn of what the groups read lack; their rows, or 1 (memory). */
static int
group_rows(const sq_cmpset *set, const tool_input *in, sq_cmprow **rows,
    size_t *nrows)
{
	size_t i, g;

	if (set->blank > 0)
		tool_warn(sq_ngettext("%lu respondent with a blank group "
		    "left out", "%lu respondents with a blank group left out",
		    set->blank), set->blank);
	/* a wave file with a header and no rows is no group */
	for (i = 0; mode == M_WAVES && !in->merged && i < nwave; i++) {
		for (g = 0; g < set->ngroups &&
		    strcmp(set->name[g], wlabel[i]) != 0; g++)
			;
		if (g == set->ngroups)
			tool_warn("%s: no respondents: no group \"%s\"",
			    wfile[i], wlabel[i]);
	}
	return sq_cmp_rows(set, t.cli.conf, rows, nrows) != SQ_OK;
}

/* Write the rows' table, check the gates; 0, 1 or 3. */
static int
report(const sq_instrument *ins, const sq_cmprow *rows, size_t nrows,
    char *const *names, const char *grouping, unsigned long total)
{
	static const char *const blocks[] = { "G", "P", "E" };
	sq_table *table = NULL;
	char title[512];
	size_t i;
	int rc, held, es = t.cli.lang == SQ_LANG_ES;

	for (i = 0; i < nrows && !(rows[i].n > 0); i++)
		;
	if (i == nrows && block == SQ_SCORE_G)
		tool_warn("no respondent has a score on block %s (a "
		    "perceptions-only export? try --block P)", blocks[block]);
	else if (i == nrows)
		tool_warn("no respondent has a score on block %s",
		    blocks[block]);
	if (t.cli.format == SQ_FMT_PRETTY ?
	    sq_cmp_summary(rows, nrows, names, ins, t.cli.conf, t.cli.lang,
	    &table) != SQ_OK :
	    sq_cmp_table(rows, nrows, names, ins, blocks[block], t.cli.conf,
	    t.cli.format == SQ_FMT_MD, t.cli.lang, &table) != SQ_OK) {
		sq_table_free(table);
		return tool_nomem();
	}
	held = check(rows, nrows, names, ins);
	snprintf(title, sizeof(title), es ?
	    "Comparaci\xc3\xb3n de %s (bloque %s): %lu encuestados, %s, "
	    "nivel %g%%" : "Comparison of %s (block %s): %lu respondents, "
	    "%s, %g%% level", grouping ? grouping : (es ? "archivos" :
	    "files"), blocks[block], total, paired ? (es ? "emparejados" :
	    "paired") : (es ? "grupos independientes" :
	    "independent groups"), t.cli.conf * 100);
	rc = tool_write_table(&t, table, title) != 0 ? 1 : held ? 3 : 0;
	sq_table_free(table);
	return rc;
}

/* Read every file (or state), test, write; 0, 1 or 3. */
static int
compare(const sq_instrument *ins, const char *grouping)
{
	const tool_acc *ops = mode == M_PANEL ? &panel_ops : &set_ops;
	sq_cmprow *rows = NULL;
	char *const *names;
	tool_input in;
	char msg[256];
	unsigned long total;
	size_t nrows = 0;
	void *acc;
	int rc;

	if ((acc = tool_read(&t, ops, NULL, ins, &in, &rc)) == NULL)
		return rc;
	total = (unsigned long)in.rows;
	if (mode == M_PANEL) {
		sq_cmppanel_report(acc, &total, msg, sizeof(msg));
		if (msg[0] != '\0')
			tool_warn("%s", msg);
		rc = sq_cmppanel_rows(acc, t.cli.conf, &rows, &nrows);
		names = wlabel;
	} else {
		rc = group_rows(acc, &in, &rows, &nrows);
		names = ((const sq_cmpset *)acc)->name;
	}
	rc = rc != SQ_OK ? tool_nomem() : report(ins, rows, nrows, names,
	    grouping, total);
	free(rows);
	ops->drop(acc);
	return rc;
}

static void
option(int ch, char *arg)
{
	switch (ch) {
	case O_BLOCK:
		if (sq_scores_block_parse(arg, &block) != 0)
			tool_usage("--block: \"%s\": expected G, P or E", arg);
		break;
	case O_FAIL:
		if (ngates == MAX_GATES ||
		    gate_parse(arg, &gates[ngates]) != 0)
			tool_usage("--fail-if: \"%s\": expected [TEST:]p<X or "
			    "[TEST:]p_adj<X, as 'welch:p_adj<0.05'", arg);
		ngates++;
		break;
	case O_ITEMS:
		items = 1;
		break;
	case O_LABELS:
		labels = arg;
		break;
	case O_PAIRED:
		paired = arg;
		break;
	}
}

/* The mode from the operands and options; usage errors exit 2. */
static void
settle(size_t nfiles, const char *by)
{
	int byfile = by != NULL && strcmp(by, t.scale.filecol) == 0;
	int merge = t.scale.merge, partial = t.scale.partial;

	if (paired != NULL && (partial || merge))
		tool_usage("--paired-by matches the respondents of two files, "
		    "so it keeps every one of them: no --partial or --merge");
	if (nfiles > MAX_FILES && !byfile && !merge)
		tool_usage("at most %d files", MAX_FILES);
	if (merge) {
		/* the states carry their groups and names */
		if (labels != NULL)
			tool_usage("--labels names files, not states");
		mode = M_GROUPS;
		return;
	}
	if (by != NULL && nfiles > 1 && !byfile)
		tool_usage("groups come from -b or from files, not both");
	/* --partial: one file can be one wave of a comparison */
	if (by == NULL && nfiles < 2 && !partial)
		tool_usage("give -b COLUMN or two or more files");
	if ((labels != NULL || paired != NULL) && (by != NULL ||
	    (nfiles < 2 && !(partial && labels != NULL))))
		tool_usage("--labels and --paired-by are for files");
	if (paired != NULL && nfiles != 2)
		tool_usage("--paired-by compares two files");
	mode = paired ? M_PANEL : by != NULL ? M_GROUPS : M_WAVES;
}

/* Each wave file's name: --labels, else its base name; 0 or 1 (memory). */
static int
name_waves(char **label, size_t nfiles, char **files)
{
	static const char *dash[1] = { "-" };
	char *save = NULL;
	size_t i, j;

	nwave = nfiles > 0 ? nfiles : 1;
	wfile = nfiles > 0 ? files : (char **)dash;
	for (i = 0; i < nwave; i++) {
		const char *l = labels ? strtok_r(i ? NULL : labels, ",",
		    &save) : NULL;

		if (labels != NULL && l == NULL)
			tool_usage("--labels: %zu names for %zu files", i,
			    nwave);
		label[i] = l ? strdup(l) : basename_of(wfile[i]);
		if (label[i] == NULL)
			return 1;
		for (j = 0; j < i; j++)
			if (strcmp(label[i], label[j]) == 0)
				tool_usage("two files named \"%s\": name them "
				    "with --labels", label[i]);
	}
	if (labels != NULL && strtok_r(NULL, ",", &save) != NULL)
		tool_usage("--labels: more names than files");
	wlabel = label;
	return 0;
}

int
main(int argc, char *argv[])
{
	char *label[MAX_FILES] = { NULL };
	sq_instrument *ins;
	const char *by;
	size_t i;
	int rc;

	tool_start(&t, argc, argv, option);
	by = t.cli.so.by;
	settle((size_t)t.nfiles, by);
	if (mode != M_GROUPS) {
		if (name_waves(label, (size_t)t.nfiles, t.files) != 0)
			return tool_nomem();
		/* each row's segment: the file it came from (tool_scan) */
		t.cli.so.by = t.scale.filecol;
		if (paired != NULL)
			t.cli.so.id = paired;
	}
	if ((ins = tool_instrument(&t)) == NULL)
		rc = 1;
	else
		rc = compare(ins, by);
	for (i = 0; i < MAX_FILES; i++)
		free(label[i]);
	sq_instrument_free(ins);
	return rc;
}
