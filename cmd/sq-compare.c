/* sq-compare: which groups, channels or waves differ, score by score. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/compare.h"
#include "servqual/comparetable.h"
#include "servqual/gap.h"
#include "servqual/survey.h"
#include "servqual/table.h"
#include "tool.h"

#define MAX_FILES	64
#define MAX_GATES	16

enum { O_BLOCK = TOOL_OWN, O_FAIL, O_ITEMS, O_LABELS, O_PAIRED };

static const tool_opt opts[] = {
	{ "block", O_BLOCK, "G|P|E",
	    "scores on gaps (default), perceptions or expectations" },
	{ "fail-if", O_FAIL, "'[test:]p_adj<X'",
	    "exit 3 if welch's (paired_t's) or the test's p_adj < X" },
	{ "items", O_ITEMS, NULL, "item rows too (a Holm family of their own)" },
	{ "labels", O_LABELS, "a,b,...", "group names for the files" },
	{ "paired-by", O_PAIRED, "id",
	    "two waves of one panel, matched by this column" },
	{ NULL, 0, NULL, NULL }
};

static tool t = {
	.name = "sq-compare",
	.operands = "[file ...]",
	.purpose = "Omnibus and pairwise tests of every dimension and "
	    "SERVQUAL score between\ngroups (-b column) or between files "
	    "(each file a group, e.g. two waves):\nanova welch kruskal levene; "
	    "tukey games_howell dunn; welch_t mann_whitney;\npaired_t "
	    "wilcoxon. -f pretty prints a summary.",
	.example = "sq-compare -f pretty ola1.csv ola2.csv",
	.by_help = "the group column (not with several files)",
	.shared = TOOL_READ | TOOL_TABLE | TOOL_BY | TOOL_CONF |
	    TOOL_INVALID,
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

struct run {
	const sq_instrument *ins;
	sq_cmpset *set;
	sq_cmppanel *panel;
	const char *group;	/* files mode: this file's group */
	int wave;
	const char *file;
};

static int
add(void *ctx, const sq_response *r, sq_error *err)
{
	struct run *run = ctx;
	int rc;

	if (run->panel != NULL)
		rc = sq_cmppanel_add(run->panel, run->ins, run->wave, r, err);
	else
		rc = sq_cmpset_add(run->set, run->ins,
		    run->group ? run->group : r->segment, r, err);
	if (rc != SQ_OK && err->file[0] == '\0')
		snprintf(err->file, sizeof(err->file), "%s", run->file);
	return rc;
}

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
    const sq_instrument *ins, const struct gate *gates, size_t ngates)
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

/* Read every file, test, write; 0, 1 or 3. */
static int
compare(struct run *run, size_t nfiles, char *const *files, char **label,
    const char *paired, int block, int items, const struct gate *gates,
    size_t ngates, sq_cmprow **rows, sq_table **table)
{
	static const char *const blocks[] = { "G", "P", "E" };
	const sq_instrument *ins = run->ins;
	sq_survey_stats st;
	char *const *names;
	char title[512], msg[256];
	unsigned long total = 0;
	size_t i, nrows = 0;
	int rc, held, es = t.cli.lang == SQ_LANG_ES;

	if ((paired != NULL ? sq_cmppanel_new(ins, block, items,
	    &run->panel) : sq_cmpset_new(ins, block, items, &run->set)) !=
	    SQ_OK)
		return tool_nomem();
	if (paired != NULL)
		t.cli.so.id = paired;
	for (i = 0; i < (nfiles > 1 ? nfiles : 1); i++) {
		const char *path = nfiles > 1 ? files[i] : t.cli.path;

		run->group = nfiles > 1 ? label[i] : NULL;
		run->wave = (int)i;
		run->file = path;
		memset(&t.err, 0, sizeof(t.err));
		if (sq_survey_read_path(path, ins, &t.cli.so, add, run, &st,
		    &t.err) != SQ_OK)
			return tool_fail(&t.err, path);
		tool_invalid(path, st.invalid);
		total += st.rows;
	}
	if (run->set != NULL && run->set->blank > 0)
		tool_warn("%lu respondent%s with a blank group left out",
		    run->set->blank, run->set->blank == 1 ? "" : "s");
	if (run->panel != NULL) {
		sq_cmppanel_report(run->panel, &total, msg, sizeof(msg));
		if (msg[0] != '\0')
			tool_warn("%s", msg);
		rc = sq_cmppanel_rows(run->panel, t.cli.conf, rows, &nrows);
		names = label;
	} else {
		rc = sq_cmp_rows(run->set, t.cli.conf, rows, &nrows);
		names = run->set->name;
	}
	if (rc != SQ_OK)
		return tool_nomem();
	for (i = 0; i < nrows && !((*rows)[i].n > 0); i++)
		;
	if (i == nrows)
		tool_warn("no respondent has a score on block %s%s",
		    blocks[block], block == SQ_SCORE_G ?
		    " (a perceptions-only export? try --block P)" : "");
	if (t.cli.format == SQ_FMT_PRETTY ?
	    sq_cmp_summary(*rows, nrows, names, ins, t.cli.conf, t.cli.lang,
	    table) != SQ_OK :
	    sq_cmp_table(*rows, nrows, names, ins, blocks[block], t.cli.conf,
	    t.cli.format == SQ_FMT_MD, t.cli.lang, table) != SQ_OK)
		return tool_nomem();
	held = check(*rows, nrows, names, ins, gates, ngates);
	snprintf(title, sizeof(title), es ?
	    "Comparaci\xc3\xb3n de %s (bloque %s): %lu encuestados, %s, "
	    "nivel %g%%" : "Comparison of %s (block %s): %lu respondents, "
	    "%s, %g%% level", t.cli.so.by ? t.cli.so.by : (es ? "archivos" :
	    "files"), blocks[block], total, paired ? (es ? "emparejados" :
	    "paired") : (es ? "grupos independientes" :
	    "independent groups"), t.cli.conf * 100);
	if (tool_write_table(&t, *table, title) != 0)
		return 1;
	return held ? 3 : 0;
}

int
main(int argc, char *argv[])
{
	struct gate gates[MAX_GATES];
	char *label[MAX_FILES], *labels = NULL;
	size_t ngates = 0, nfiles, i, j;
	sq_instrument *ins = NULL;
	sq_table *table = NULL;
	sq_cmprow *rows = NULL;
	struct run run;
	int ch, rc, block = SQ_SCORE_G, items = 0;
	const char *paired = NULL;

	memset(&run, 0, sizeof(run));
	memset(label, 0, sizeof(label));
	tool_init(&t);
	while ((ch = tool_getopt(&t, argc, argv)) != -1) {
		switch (ch) {
		case O_BLOCK:
			if (sq_scores_block_parse(optarg, &block) != 0)
				tool_usage("--block: \"%s\": expected G, P or "
				    "E", optarg);
			break;
		case O_FAIL:
			if (ngates == MAX_GATES ||
			    gate_parse(optarg, &gates[ngates]) != 0)
				tool_usage("--fail-if: \"%s\": expected "
				    "[TEST:]p<X or [TEST:]p_adj<X, as "
				    "'welch:p_adj<0.05'", optarg);
			ngates++;
			break;
		case O_ITEMS:
			items = 1;
			break;
		case O_LABELS:
			labels = optarg;
			break;
		default:
			paired = optarg;
			break;
		}
	}
	nfiles = (size_t)(argc - optind);
	if (nfiles > MAX_FILES)
		tool_usage("at most %d files", MAX_FILES);
	tool_operands(&t, nfiles > 0 ? 1 : 0, argv + optind);
	if (t.cli.so.by != NULL && nfiles > 1)
		tool_usage("groups come from -b or from files, not both");
	if (t.cli.so.by == NULL && nfiles < 2)
		tool_usage("give -b COLUMN or two or more files");
	if ((labels != NULL || paired != NULL) && nfiles < 2)
		tool_usage("--labels and --paired-by are for files");
	if (paired != NULL && nfiles != 2)
		tool_usage("--paired-by compares two files");
	if (nfiles > 1) {
		char *save = NULL;

		for (i = 0; i < nfiles; i++) {
			const char *l = labels ? strtok_r(i ? NULL : labels,
			    ",", &save) : NULL;

			if (labels != NULL && l == NULL)
				tool_usage("--labels: %zu names for %zu files",
				    i, nfiles);
			label[i] = l ? strdup(l) : basename_of(argv[optind +
			    (int)i]);
			if (label[i] == NULL)
				return tool_nomem();
			for (j = 0; j < i; j++)
				if (strcmp(label[i], label[j]) == 0)
					tool_usage("two files named \"%s\": "
					    "name them with --labels",
					    label[i]);
		}
		if (labels != NULL && strtok_r(NULL, ",", &save) != NULL)
			tool_usage("--labels: more names than files");
	}
	if (sq_instrument_load(t.cli.codebook, &ins, &t.err) != SQ_OK)
		rc = tool_fail(&t.err, t.cli.codebook);
	else {
		run.ins = ins;
		rc = compare(&run, nfiles, argv + optind, label, paired,
		    block, items, gates, ngates, &rows, &table);
	}
	for (i = 0; i < MAX_FILES; i++)
		free(label[i]);
	free(rows);
	sq_table_free(table);
	sq_cmpset_free(run.set);
	sq_cmppanel_free(run.panel);
	sq_instrument_free(ins);
	return rc;
}
