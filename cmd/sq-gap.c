/* sq-gap: item, dimension and SERVQUAL gap scores (P - E). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/gap.h"
#include "servqual/partial.h"
#include "servqual/progress.h"
#include "servqual/split.h"
#include "servqual/survey.h"
#include "servqual/table.h"
#include "tool.h"

static const tool_opt opts[] = {
	{ "adjust", TOOL_OWN, "holm|bh|bonferroni|none",
	    "what p_adj holds (default holm)" },
	{ "file-column", TOOL_OWN + 4, "name",
	    "name of the virtual column holding each file's name (-b file)" },
	{ "jobs", 'j', "n",
	    "parse a regular file in n byte ranges (default: the CPUs)" },
	{ "partial", TOOL_OWN + 1, NULL,
	    "write the accumulators' state for sq-merge, not the table" },
	{ "progress", TOOL_OWN + 2, NULL,
	    "progress line on standard error even when it is no terminal" },
	{ "quiet", TOOL_OWN + 3, NULL, "no progress line" },
	{ NULL, 0, NULL, NULL }
};

static tool t = {
	.name = "sq-gap",
	.operands = "[file...]",
	.purpose = "Item, dimension and SERVQUAL gap scores (P - E) with "
	    "paired tests.\nAny number of files are read as one survey.",
	.example = "sq-gap -f pretty -b sucursal samples/banco_demo.csv",
	.shared = TOOL_READ | TOOL_TABLE | TOOL_BY | TOOL_CONF |
	    TOOL_INVALID | TOOL_FOLD | TOOL_GUARD,
	.own = opts,
};

static int adjust = SQ_ADJ_HOLM;

struct run {
	const sq_instrument *ins;
	sq_gapset *set;
	const char *file;	/* segment by file: the file being read */
};

static sq_progress progress;

static int
add(void *ctx, const sq_response *r, sq_error *err)
{
	struct run *run = ctx;
	sq_response rf;

	sq_progress_row(&progress);
	if (run->file != NULL) {
		rf = *r;
		rf.segment = run->file;
		return sq_gapset_add(run->set, run->ins, &rf, err);
	}
	return sq_gapset_add(run->set, run->ins, r, err);
}

/* One byte range of a file, read on its own thread. */
struct part {
	struct run run;
	const sq_split *split;
	size_t i;
	const char *path;
	const sq_survey_opts *so;
	sq_survey_stats st;
	sq_error err;
	int rc;
};

static void *
read_part(void *arg)
{
	struct part *pt = arg;
	FILE *fp = sq_split_open(pt->split, pt->i);

	memset(&pt->st, 0, sizeof(pt->st));
	if (fp == NULL) {
		pt->rc = sq_error_set(&pt->err, SQ_ENOMEM, pt->path, 0, 0,
		    NULL, "out of memory");
		return NULL;
	}
	pt->rc = sq_survey_read(fp, pt->path, pt->run.ins, pt->so, add,
	    &pt->run, &pt->st, &pt->err);
	fclose(fp);
	/* a range's line numbers as the file's */
	pt->err.line = sq_split_line(pt->split, pt->i, pt->err.line);
	return NULL;
}

/*
 * Read path in jobs byte ranges in parallel into run->set; SQ_EUSAGE if
 * it must be read as before, else what reading did (err, st filled).
 */
static int
read_parallel(const char *path, size_t jobs, struct run *run,
    const sq_survey_opts *so, int by, sq_survey_stats *st, sq_error *err)
{
	sq_split sp;
	struct part *pt;
	pthread_t *th;
	size_t i, started = 0;
	int rc = SQ_OK;

	/* title rows before the header: the one reader */
	if (so->skip_rows > 0 || sq_split_file(path, jobs, &sp) != SQ_OK)
		return SQ_EUSAGE;
	sp.progress = &progress;
	pt = calloc(sp.nrange, sizeof(*pt));
	th = calloc(sp.nrange, sizeof(*th));
	if (pt == NULL || th == NULL) {
		free(pt);
		free(th);
		sq_split_free(&sp);
		return SQ_EUSAGE;
	}
	for (i = 0; i < sp.nrange && rc == SQ_OK; i++) {
		pt[i].run = *run;
		pt[i].split = &sp;
		pt[i].i = i;
		pt[i].path = path;
		pt[i].so = so;
		if (sq_gapset_new(run->ins, by, &pt[i].run.set) != SQ_OK)
			rc = SQ_ENOMEM;
		else if (pthread_create(&th[i], NULL, read_part, &pt[i]) != 0)
			rc = SQ_ENOMEM;
		else
			started++;
	}
	for (i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	memset(st, 0, sizeof(*st));
	if (rc != SQ_OK)
		sq_error_set(err, rc, path, 0, 0, NULL, "out of memory");
	/* Windows-1252 guessed in a range: the whole file is read again as
	 * one stream, which decides its encoding as the single run does */
	for (i = 0; i < started && rc == SQ_OK; i++)
		if (pt[i].st.guessed_cp1252)
			rc = SQ_EUSAGE;
	/* in range order: the first error in the file wins */
	for (i = 0; i < started && rc == SQ_OK; i++) {
		if (pt[i].rc != SQ_OK && !(i > 0 && pt[i].rc == SQ_EEMPTY &&
		    pt[i].st.rows == 0)) {
			rc = pt[i].rc;
			*err = pt[i].err;
			st->rows += pt[i].st.rows;
			break;
		}
		if ((rc = sq_gapset_fold(run->set, pt[i].run.set,
		    run->ins)) != SQ_OK) {
			if (rc == SQ_ELIMIT)
				sq_gapset_limit_error(pt[i].run.set, run->ins, 0,
				    err);
			else
				sq_error_set(err, rc, path, 0, 0, NULL,
				    "out of memory");
			break;
		}
		st->rows += pt[i].st.rows;
		st->invalid += pt[i].st.invalid;
		st->missing_e += pt[i].st.missing_e;
		st->missing_p += pt[i].st.missing_p;
		if (i == 0) {
			st->form = pt[i].st.form;
			st->has_weights = pt[i].st.has_weights;
			st->has_overall = pt[i].st.has_overall;
			memcpy(st->item_like, pt[i].st.item_like,
			    sizeof(st->item_like));
		}
	}
	for (i = 0; i < sp.nrange; i++)
		sq_gapset_free(pt[i].run.set);
	free(pt);
	free(th);
	sq_split_free(&sp);
	return rc;
}

static int
fail(const sq_error *err, const char *file)
{
	sq_progress_end(&progress);
	return tool_fail(err, file);
}

struct opts {
	const char *filecol;
	size_t jobs;
	int partial, pmode;
};

/* Read every file, then write the table or the state; 0 or 1. */
static int
gap(struct run *run, const struct opts *o, char **files, int nfiles)
{
	sq_survey_stats fst;
	sq_state_head head;
	const char *by = t.cli.so.by;
	unsigned long rows = 0, invalid = 0;
	int f, rc, form = -1, stdin_used = 0;

	/* -b with the file column: each file is a segment */
	if (by != NULL && strcmp(by, o->filecol) == 0)
		t.cli.so.by = NULL;
	if (sq_gapset_new(run->ins, by != NULL, &run->set) != SQ_OK)
		return tool_nomem();
	run->set->adjust = adjust;
	sq_progress_init(&progress, "sq-gap", o->pmode);
	for (f = 0; f < (nfiles > 0 ? nfiles : 1); f++) {
		const char *path = nfiles > 0 ? files[f] : "-";

		if (strcmp(path, "-") == 0 && stdin_used++)
			tool_usage("standard input given twice");
		if (by != NULL && t.cli.so.by == NULL)
			run->file = path;
		sq_progress_file(&progress, path);
		rc = read_parallel(path, o->jobs, run, &t.cli.so, by != NULL,
		    &fst, &t.err);
		if (rc == SQ_EUSAGE) {
			FILE *in, *wr;

			memset(&fst, 0, sizeof(fst));
			if ((rc = sq_input_open(path, &in, &t.err)) == SQ_OK) {
				wr = sq_progress_wrap(&progress, in);
				rc = sq_survey_read(wr, path, run->ins,
				    &t.cli.so, add, run, &fst, &t.err);
				if (wr != in)
					fclose(wr);
				sq_input_close(in);
			}
		}
		/* a file with a header and no rows: a valid, empty part */
		if (rc == SQ_EEMPTY && (o->partial || nfiles > 1) &&
		    fst.rows == 0 && strncmp(t.err.msg, "no data rows", 12) == 0)
			rc = SQ_OK;
		if (rc != SQ_OK)
			return fail(&t.err, path);
		if (form >= 0 && fst.form != form) {
			sq_progress_end(&progress);
			tool_warn("%s: not the form of %s (one survey: every "
			    "file the same form)", path, files[0]);
			return 1;
		}
		form = fst.form;
		sq_cli_warn_encoding(t.name, path, &fst);
		tool_invalid(path, fst.invalid);
		rows += fst.rows;
		invalid += fst.invalid;
	}
	sq_progress_end(&progress);
	t.cli.so.by = by;
	if (rows == 0 && !o->partial) {
		tool_warn("no data rows in any file");
		return 1;
	}
	tool_lookalikes(run->set->seg, run->set->nseg);
	if (o->partial) {
		/* the accumulators, for sq-merge */
		sq_gap_state_head(&head, run->ins, t.cli.conf, by,
		    t.cli.so.invalid, t.cli.so.fold_segments, form, adjust,
		    rows, invalid);
		if (sq_gap_partial(run->set, run->ins, &head, t.cli.outpath,
		    &t.err) != SQ_OK)
			return tool_fail(&t.err, t.cli.outpath);
		return 0;
	}
	sq_gapset_finish(run->set);
	if (sq_gap_emit(run->set, run->ins, t.cli.conf, form, t.cli.format,
	    t.cli.lang, t.cli.guard, rows, t.cli.outpath, &t.err) != SQ_OK)
		return tool_fail(&t.err, t.cli.outpath);
	return 0;
}

int
main(int argc, char *argv[])
{
	sq_instrument *ins = NULL;
	struct run run = { NULL, NULL, NULL };
	struct opts o = { "file", 0, 0, -1 };
	int rc = 1, ch, nfiles;

	o.jobs = sq_ncpu();
	tool_init(&t);
	while ((ch = tool_getopt(&t, argc, argv)) != -1) {
		switch (ch) {
		case TOOL_OWN:
			if ((adjust = sq_adjust_parse(optarg)) < 0)
				tool_usage("--adjust: \"%s\": expected holm, bh, "
				    "bonferroni or none", optarg);
			break;
		case TOOL_OWN + 4:
			o.filecol = optarg;
			break;
		case 'j':
			o.jobs = (size_t)tool_int("-j", optarg, 1, 256);
			break;
		case TOOL_OWN + 1:
			o.partial = 1;
			break;
		case TOOL_OWN + 2:
			o.pmode = 1;
			break;
		case TOOL_OWN + 3:
			o.pmode = 0;
			break;
		default:
			tool_usage(NULL);
		}
	}
	nfiles = argc - optind;
	tool_operands(&t, nfiles > 0, argv + optind);
	if (sq_instrument_load(t.cli.codebook, &ins, &t.err) != SQ_OK)
		rc = tool_fail(&t.err, t.cli.codebook);
	else {
		run.ins = ins;
		rc = gap(&run, &o, argv + optind, nfiles);
	}
	sq_gapset_free(run.set);
	sq_instrument_free(ins);
	return rc;
}
