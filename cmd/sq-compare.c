/* sq-compare: which groups, channels or waves differ, score by score. */
#include <errno.h>
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/cli.h"
#include "servqual/compare.h"
#include "servqual/comparetable.h"
#include "servqual/gap.h"
#include "servqual/output.h"
#include "servqual/survey.h"
#include "servqual/table.h"

#define MAX_FILES	64
#define MAX_GATES	16

static void
usage(void)
{
	fprintf(stderr,
	    "usage: sq-compare -b column [options] file\n"
	    "       sq-compare [--labels a,b,...] [--paired-by id] [options] "
	    "file1 file2 ...\n"
	    "options: [--block G|P|E] [--items] [-c codebook] [-d delim] "
	    "[-f format] [-o file]\n"
	    "         [--conf level] [--encoding enc] [--fail-if "
	    "'[test:]p_adj<X']\n"
	    "         [--invalid error|missing] [--lang en|es] "
	    "[--skip-rows n]\n");
	exit(2);
}

static void
help(void)
{
	puts("sq-compare: omnibus and pairwise tests of every dimension and "
	    "SERVQUAL score\nbetween groups (-b COLUMN) or between files "
	    "(each file a group, e.g. two waves).\n\n"
	    "  -b, --by COLUMN     groups from a column of the export\n"
	    "  --labels A,B,...    group names for the files (default: base "
	    "names)\n"
	    "  --paired-by ID      two waves of one panel: paired t and "
	    "Wilcoxon signed-rank\n"
	    "                      on the respondents matched by column ID\n"
	    "  --block G|P|E       scores on gaps (default), perceptions or "
	    "expectations\n"
	    "  --items             item rows too (a Holm family of their own)\n"
	    "  --fail-if 'T:p_adj<X'  exit 3 when test T (default welch, "
	    "paired: paired_t;\n"
	    "                      p or p_adj)"
	    "\n"
	    "                      is below X on any dimension or servqual "
	    "score\n"
	    "  -c, --codebook FILE instrument (default: the 22-item "
	    "SERVQUAL)\n"
	    "  -d, --delimiter D   , ; or tab\n"
	    "  -f, --format F      tsv, csv, json, md or pretty (a summary)\n"
	    "  -o, --output FILE   write here (atomically)\n"
	    "  --conf LEVEL        confidence level of intervals and verdicts "
	    "(0.95)\n"
	    "  --encoding E, --invalid error|missing, --skip-rows N, "
	    "--lang en|es\n"
	    "  -h, --help, --version\n\n"
	    "Tests: anova, welch, kruskal, levene; tukey, games_howell, dunn; "
	    "with two groups\nwelch_t and mann_whitney; paired: paired_t, "
	    "wilcoxon. See sq-compare(1).");
	exit(0);
}

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

static int
fail(const sq_error *err, const char *file)
{
	char msg[1024];

	sq_error_message(err, file, msg, sizeof(msg));
	fprintf(stderr, "sq-compare: %s\n", msg);
	return 1;
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
			fprintf(stderr, "sq-compare: gate %s held: %s%s%s%s%s\n",
			    gates[g].text, r->dim >= 0 ? ins->dims[r->dim].code :
			    r->scope == SQ_SCOPE_SERVQUAL ? "servqual" :
			    "servqual_weighted", r->g1 >= 0 ? " " : "",
			    r->g1 >= 0 ? name[r->g1] : "", r->g1 >= 0 ? " vs " :
			    "", r->g2 >= 0 ? name[r->g2] : "");
			held++;
		}
	return held;
}

int
main(int argc, char *argv[])
{
	enum { O_BLOCK = SQ_OPT_TOOL, O_ITEMS, O_LABELS, O_PAIRED, O_FAIL };
	static const struct option longopts[] = {
		{ "block", required_argument, NULL, O_BLOCK },
		{ "by", required_argument, NULL, 'b' },
		{ "codebook", required_argument, NULL, 'c' },
		{ "conf", required_argument, NULL, SQ_OPT_CONF },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, SQ_OPT_ENCODING },
		{ "fail-if", required_argument, NULL, O_FAIL },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "invalid", required_argument, NULL, SQ_OPT_INVALID },
		{ "items", no_argument, NULL, O_ITEMS },
		{ "labels", required_argument, NULL, O_LABELS },
		{ "lang", required_argument, NULL, SQ_OPT_LANG },
		{ "output", required_argument, NULL, 'o' },
		{ "paired-by", required_argument, NULL, O_PAIRED },
		{ "skip-rows", required_argument, NULL, SQ_OPT_SKIP_ROWS },
		{ "version", no_argument, NULL, SQ_OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const blocks[] = { "G", "P", "E" };
	struct gate gates[MAX_GATES];
	char *label[MAX_FILES], *labels = NULL;
	size_t ngates = 0, nfiles, i, j, nrows = 0;
	sq_cli cli;
	sq_survey_stats st;
	sq_instrument *ins = NULL;
	sq_table *table = NULL;
	sq_cmprow *rows = NULL;
	sq_output out;
	sq_error err;
	struct run run;
	char msg[256], title[512], *const *names;
	unsigned long total = 0;
	int ch, rc, block = SQ_SCORE_G, items = 0, held, es;
	const char *paired = NULL;

	setlocale(LC_NUMERIC, "C");
	gsl_set_error_handler_off();
	sq_cli_init(&cli);
	memset(&err, 0, sizeof(err));
	memset(&run, 0, sizeof(run));
	memset(label, 0, sizeof(label));
	while ((ch = getopt_long(argc, argv, "b:c:d:f:ho:", longopts,
	    NULL)) != -1) {
		switch (sq_cli_option(&cli, ch, optarg, msg, sizeof(msg))) {
		case 1:
			continue;
		case -1:
			fprintf(stderr, "sq-compare: %s\n", msg);
			usage();
		}
		switch (ch) {
		case 'b':
			cli.so.by = optarg;
			break;
		case 'h':
			help();
			break;
		case O_BLOCK:
			if (sq_scores_block_parse(optarg, &block) != 0) {
				fprintf(stderr, "sq-compare: --block: \"%s\": "
				    "expected G, P or E\n", optarg);
				usage();
			}
			break;
		case O_FAIL:
			if (ngates == MAX_GATES ||
			    gate_parse(optarg, &gates[ngates]) != 0) {
				fprintf(stderr, "sq-compare: --fail-if: \"%s\": "
				    "expected [TEST:]p<X or [TEST:]p_adj<X, as "
				    "'welch:p_adj<0.05'\n", optarg);
				usage();
			}
			ngates++;
			break;
		case O_ITEMS:
			items = 1;
			break;
		case O_LABELS:
			labels = optarg;
			break;
		case O_PAIRED:
			paired = optarg;
			break;
		case SQ_OPT_VERSION:
			puts("sq-compare " SQ_VERSION);
			return 0;
		default:
			usage();
		}
	}
	nfiles = (size_t)(argc - optind);
	if (sq_cli_operands(&cli, nfiles > 0 ? 1 : 0, argv + optind) != 0)
		usage();
	es = cli.lang == SQ_LANG_ES;
	if (nfiles > MAX_FILES) {
		fprintf(stderr, "sq-compare: at most %d files\n", MAX_FILES);
		usage();
	}
	if (cli.so.by != NULL && nfiles > 1) {
		fprintf(stderr, "sq-compare: groups come from -b or from "
		    "files, not both\n");
		usage();
	}
	if (cli.so.by == NULL && nfiles < 2) {
		fprintf(stderr, "sq-compare: give -b COLUMN or two or more "
		    "files\n");
		usage();
	}
	if ((labels != NULL || paired != NULL) && nfiles < 2) {
		fprintf(stderr, "sq-compare: --labels and --paired-by are for "
		    "files\n");
		usage();
	}
	if (paired != NULL && nfiles != 2) {
		fprintf(stderr, "sq-compare: --paired-by compares two files\n");
		usage();
	}
	if (nfiles > 1) {
		char *tok = labels, *save = NULL;

		for (i = 0; i < nfiles; i++) {
			const char *l = labels ? strtok_r(i ? NULL : tok, ",",
			    &save) : NULL;

			if (labels != NULL && l == NULL) {
				fprintf(stderr, "sq-compare: --labels: %zu "
				    "names for %zu files\n", i, nfiles);
				usage();
			}
			label[i] = l ? strdup(l) : basename_of(argv[optind +
			    (int)i]);
			if (label[i] == NULL) {
				fprintf(stderr, "sq-compare: out of memory\n");
				return 1;
			}
			for (j = 0; j < i; j++)
				if (strcmp(label[i], label[j]) == 0) {
					fprintf(stderr, "sq-compare: two files "
					    "named \"%s\": name them with "
					    "--labels\n", label[i]);
					usage();
				}
		}
		if (labels != NULL && strtok_r(NULL, ",", &save) != NULL) {
			fprintf(stderr, "sq-compare: --labels: more names than "
			    "files\n");
			usage();
		}
	}

	rc = 1;
	if (sq_instrument_load(cli.codebook, &ins, &err) != SQ_OK) {
		fail(&err, cli.codebook);
		goto done;
	}
	run.ins = ins;
	if ((paired != NULL ? sq_cmppanel_new(ins, block, items,
	    &run.panel) : sq_cmpset_new(ins, block, items, &run.set)) !=
	    SQ_OK) {
		fprintf(stderr, "sq-compare: out of memory\n");
		goto done;
	}
	if (paired != NULL)
		cli.so.id = paired;
	for (i = 0; i < (nfiles > 1 ? nfiles : 1); i++) {
		const char *path = nfiles > 1 ? argv[optind + (int)i] :
		    cli.path;

		run.group = nfiles > 1 ? label[i] : NULL;
		run.wave = (int)i;
		run.file = path;
		memset(&err, 0, sizeof(err));
		if (sq_survey_read_path(path, ins, &cli.so, add, &run, &st,
		    &err) != SQ_OK) {
			fail(&err, path);
			goto done;
		}
		if (st.invalid > 0)
			fprintf(stderr, "sq-compare: %s: %lu invalid value%s "
			    "treated as missing\n", path, st.invalid,
			    st.invalid == 1 ? "" : "s");
		total += st.rows;
	}
	if (run.set != NULL && run.set->blank > 0)
		fprintf(stderr, "sq-compare: %lu respondent%s with a blank "
		    "group left out\n", run.set->blank,
		    run.set->blank == 1 ? "" : "s");
	if (run.panel != NULL) {
		sq_cmppanel_report(run.panel, &total, msg, sizeof(msg));
		if (msg[0] != '\0')
			fprintf(stderr, "sq-compare: %s\n", msg);
		rc = sq_cmppanel_rows(run.panel, cli.conf, &rows, &nrows);
		names = label;
	} else {
		rc = sq_cmp_rows(run.set, cli.conf, &rows, &nrows);
		names = run.set->name;
	}
	if (rc != SQ_OK) {
		fprintf(stderr, "sq-compare: out of memory\n");
		rc = 1;
		goto done;
	}
	rc = 1;
	for (i = 0; i < nrows && !(rows[i].n > 0); i++)
		;
	if (i == nrows)
		fprintf(stderr, "sq-compare: no respondent has a score on block "
		    "%s%s\n", blocks[block], block == SQ_SCORE_G ?
		    " (a perceptions-only export? try --block P)" : "");
	if (cli.format == SQ_FMT_PRETTY ?
	    sq_cmp_summary(rows, nrows, names, ins, cli.conf, cli.lang,
	    &table) != SQ_OK :
	    sq_cmp_table(rows, nrows, names, ins, blocks[block], cli.conf,
	    cli.format == SQ_FMT_MD, cli.lang, &table) != SQ_OK) {
		fprintf(stderr, "sq-compare: out of memory\n");
		goto done;
	}
	held = check(rows, nrows, names, ins, gates, ngates);
	snprintf(title, sizeof(title), es ?
	    "Comparaci\xc3\xb3n de %s (bloque %s): %lu encuestados, %s, "
	    "nivel %g%%" : "Comparison of %s (block %s): %lu respondents, "
	    "%s, %g%% level", cli.so.by ? cli.so.by : (es ? "archivos" :
	    "files"), blocks[block], total, paired ? (es ? "emparejados" :
	    "paired") : (es ? "grupos independientes" :
	    "independent groups"), cli.conf * 100);
	if (sq_output_open(&out, cli.outpath, &err) != SQ_OK) {
		fail(&err, cli.outpath);
		goto done;
	}
	ch = sq_table_write(table, out.fp, cli.format, title);
	if (ch != SQ_OK)
		sq_error_set(&err, ch, cli.outpath ? cli.outpath :
		    "standard output", 0, 0, NULL, "write error: %s",
		    strerror(errno ? errno : EIO));
	if (sq_output_close(&out, ch == SQ_OK, &err) != SQ_OK ||
	    ch != SQ_OK) {
		fail(&err, cli.outpath);
		goto done;
	}
	rc = held ? 3 : 0;
done:
	for (i = 0; i < MAX_FILES; i++)
		free(label[i]);
	free(rows);
	sq_table_free(table);
	sq_cmpset_free(run.set);
	sq_cmppanel_free(run.panel);
	sq_instrument_free(ins);
	return rc;
}
