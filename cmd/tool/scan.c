/* Reading a survey at scale, the same in every analysis tool (scan.h). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/i18n.h"
#include "servqual/output.h"
#include "servqual/progress.h"
#include "servqual/split.h"
#include "scan.h"

static sq_progress progress;
static sq_survey_opts rso;	/* how files are read (-b of the file column:
				   no segment column) */
static sq_survey_opts rangeso;	/* and their byte ranges: one thread
				   each */

/* What each respondent goes into. */
struct feed {
	const tool_acc *ops;
	void *acc;
	const sq_instrument *ins;
	const char *file;	/* segment by file: the file being read */
};

static int
feed_add(void *ctx, const sq_response *r, sq_error *err)
{
	struct feed *f = ctx;
	sq_response rf;

	sq_progress_row(&progress);
	if (f->file != NULL) {
		rf = *r;
		rf.segment = f->file;
		return f->ops->add(f->acc, f->ins, &rf, err);
	}
	return f->ops->add(f->acc, f->ins, r, err);
}

/* One byte range of a file, read on its own thread. */
struct part {
	struct feed feed;
	const sq_split *split;
	size_t i;
	const char *path;
	const sq_instrument *ins;
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
	pt->rc = sq_survey_read(fp, pt->path, pt->ins, pt->so, feed_add,
	    &pt->feed, &pt->st, &pt->err);
	fclose(fp);
	/* a range's line numbers as the file's */
	pt->err.line = sq_split_line(pt->split, pt->i, pt->err.line);
	return NULL;
}

/* Add range i's counts to st (the first range's flags). */
static void
add_stats(sq_survey_stats *st, const sq_survey_stats *s, int first)
{
	st->rows += s->rows;
	st->invalid += s->invalid;
	st->missing_e += s->missing_e;
	st->missing_p += s->missing_p;
	st->missing_a += s->missing_a;
	st->missing_d += s->missing_d;
	if (first) {
		st->form = s->form;
		st->has_weights = s->has_weights;
		st->has_overall = s->has_overall;
		memcpy(st->item_like, s->item_like, sizeof(st->item_like));
	}
}

/*
 * Read path in jobs byte ranges in parallel into feed's accumulator;
 * SQ_EUSAGE if it must be read as one stream, else what reading did
 * (err, st filled).
 */
static int
read_parallel(tool *t, const char *path, struct feed *feed, void *ctx,
    const sq_instrument *ins, sq_survey_stats *st)
{
	const tool_acc *ops = feed->ops;
	sq_split sp;
	struct part *pt;
	pthread_t *th;
	size_t i, started = 0;
	int rc = SQ_OK;

	/* title rows before the header: the one reader */
	if (t->scale.jobs < 2 || ops->make == NULL || ops->fold == NULL ||
	    t->cli.so.skip_rows > 0 ||
	    sq_split_file(path, t->scale.jobs, &sp) != SQ_OK)
		return SQ_EUSAGE;
	sp.progress = &progress;
	rangeso = rso;
	rangeso.csv.one_thread = 1;
	pt = calloc(sp.nrange, sizeof(*pt));
	th = calloc(sp.nrange, sizeof(*th));
	if (pt == NULL || th == NULL) {
		free(pt);
		free(th);
		sq_split_free(&sp);
		return SQ_EUSAGE;
	}
	for (i = 0; i < sp.nrange && rc == SQ_OK; i++) {
		pt[i].feed = *feed;
		pt[i].split = &sp;
		pt[i].i = i;
		pt[i].path = path;
		pt[i].ins = ins;
		pt[i].so = &rangeso;
		if ((pt[i].feed.acc = ops->make(ctx, ins)) == NULL)
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
		sq_error_set(&t->err, rc, path, 0, 0, NULL, "out of memory");
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
			t->err = pt[i].err;
			st->rows += pt[i].st.rows;
			break;
		}
		memset(&t->err, 0, sizeof(t->err));
		if ((rc = ops->fold(feed->acc, pt[i].feed.acc, ins, &t->err)) !=
		    SQ_OK) {
			if (t->err.msg[0] == '\0')
				sq_error_set(&t->err, rc, NULL, 0, 0, NULL,
				    "%s", sq_strerror(rc));
			/* a line the fold names is one of range i */
			if (t->err.line > 0)
				t->err.line = sq_split_line(&sp, i,
				    t->err.line);
			break;
		}
		add_stats(st, &pt[i].st, i == 0);
	}
	for (i = 0; i < sp.nrange; i++)
		if (pt[i].feed.acc != NULL)
			ops->drop(pt[i].feed.acc);
	free(pt);
	free(th);
	sq_split_free(&sp);
	return rc;
}

static int
fail(tool *t, const char *file)
{
	sq_progress_end(&progress);
	return tool_fail(&t->err, file);
}

/* Read the export files into acc; TOOL_SCAN_EMIT or _FAIL. */
static int
read_exports(tool *t, const tool_acc *ops, void *ctx, void *acc,
    const sq_instrument *ins, tool_input *in)
{
	struct feed feed = { ops, acc, ins, NULL };
	int nfiles = t->nfiles;
	char **files = t->files;
	sq_survey_stats fst;
	const char *by = t->cli.so.by;
	unsigned long long before;
	int f, rc;

	/* -b with the file column: each file is a segment */
	rso = t->cli.so;
	if (by != NULL && strcmp(by, t->scale.filecol) == 0)
		rso.by = NULL;
	for (f = 0; f < (nfiles > 0 ? nfiles : 1); f++) {
		const char *path = nfiles > 0 ? files[f] : "-";

		if (by != NULL && rso.by == NULL)
			feed.file = path;
		sq_progress_file(&progress, path);
		before = ops->invalid != NULL ? ops->invalid(acc) : 0;
		rc = read_parallel(t, path, &feed, ctx, ins, &fst);
		if (rc == SQ_EUSAGE) {
			FILE *fp, *wr;

			memset(&fst, 0, sizeof(fst));
			if ((rc = sq_input_open(path, &fp, &t->err)) == SQ_OK) {
				wr = sq_progress_wrap(&progress, fp);
				rc = sq_survey_read(wr, path, ins, &rso,
				    feed_add, &feed, &fst, &t->err);
				if (wr != fp)
					fclose(wr);
				sq_input_close(fp);
			}
		}
		/* a file with a header and no rows: a valid, empty part */
		if (rc == SQ_EEMPTY && (t->scale.partial || nfiles > 1) &&
		    fst.rows == 0 &&
		    strncmp(t->err.msg, "no data rows", 12) == 0)
			rc = SQ_OK;
		if (rc != SQ_OK)
			return fail(t, path);
		if (ops->invalid != NULL)
			fst.invalid += (unsigned long)(ops->invalid(acc) -
			    before);
		if (f > 0 && fst.form != in->form) {
			sq_progress_end(&progress);
			tool_warn("%s: not the form of %s (one survey: every "
			    "file the same form)", path, files[0]);
			return TOOL_SCAN_FAIL;
		}
		if (f > 0 && (fst.has_weights != in->has_weights ||
		    fst.has_overall != in->has_overall)) {
			sq_progress_end(&progress);
			tool_warn("%s: not the columns of %s (one survey: "
			    "every file with or without weights and the "
			    "overall rating)", path, files[0]);
			return TOOL_SCAN_FAIL;
		}
		in->form = fst.form;
		in->has_weights = fst.has_weights;
		in->has_overall = fst.has_overall;
		sq_cli_warn_encoding(t->name, path, &fst);
		/* a tool taking the problems (sq-check) lists invalid cells:
		   they are not treated as missing unsaid */
		if (t->cli.so.problem == NULL)
			tool_invalid(path, fst.invalid);
		add_stats(&in->st, &fst, f == 0);
	}
	sq_progress_end(&progress);
	in->rows = in->st.rows;
	in->invalid = in->st.invalid;
	if (in->rows == 0 && !t->scale.partial) {
		tool_warn("no data rows in any file");
		return TOOL_SCAN_FAIL;
	}
	return TOOL_SCAN_EMIT;
}

/*
 * The recorded options, lines stably sorted by option name (so the
 * order options were given in does not matter, repeats keep theirs),
 * into out.
 */
static void
sorted_record(const char *rec, char *out, size_t len)
{
	const char *line[256];
	size_t n = 0, i, j, k, o = 0;
	const char *p;

	for (p = rec; *p && n < 256; p = strchr(p, '\n') + 1)
		line[n++] = p;
	/* insertion sort on the name (the second word) */
	for (i = 1; i < n; i++) {
		const char *x = line[i];

		for (j = i; j > 0; j--) {
			const char *a = line[j - 1] + 7, *b = x + 7;

			for (k = 0; a[k] == b[k] && a[k] != ' ' &&
			    a[k] != '\n'; k++)
				;
			/* a's name ends first or equal: stable */
			if ((a[k] == ' ' || a[k] == '\n') || ((b[k] != ' ' &&
			    b[k] != '\n') && (unsigned char)a[k] <
			    (unsigned char)b[k]))
				break;
			line[j] = line[j - 1];
		}
		line[j] = x;
	}
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		size_t m = (size_t)(strchr(line[i], '\n') - line[i]) + 1;

		if (o + m + 1 > len)
			break;
		memcpy(out + o, line[i], m);
		o += m;
		out[o] = '\0';
	}
}

/* The facts of the export a state records ("fact" lines). */
static void
facts(const tool_input *in, char *out, size_t len)
{
	snprintf(out, len, "fact form %d\nfact weights %d\nfact overall %d\n",
	    in->form, in->has_weights, in->has_overall);
}

/* Read a state's facts back into in; 0, or -1 when they are not. */
static int
read_facts(const char *f, tool_input *in)
{
	int form, w, o, n = 0;

	if (sscanf(f, "fact form %d\nfact weights %d\nfact overall %d\n%n",
	    &form, &w, &o, &n) != 3 || f[n] != '\0' || form < 0 ||
	    form > 16 || (w != 0 && w != 1) || (o != 0 && o != 1))
		return -1;
	in->form = form;
	in->has_weights = w;
	in->has_overall = o;
	return 0;
}

/* Option and fact lines as "name value; name value" for a message. */
static void
oneline(const char *in, char *out, size_t len)
{
	size_t o = 0;

	for (; *in && o + 3 < len; in++) {
		if (*in == '\n') {
			if (in[1] != '\0') {
				out[o++] = ';';
				out[o++] = ' ';
			}
			continue;
		}
		out[o++] = *in;
	}
	out[o] = '\0';
}

/* Fold the states in files into acc; TOOL_SCAN_EMIT or _FAIL. */
static int
read_states(tool *t, const tool_acc *ops, void *acc,
    const sq_instrument *ins, tool_input *in)
{
	int nfiles = t->nfiles;
	char **files = t->files;
	static char want[4096], first[4096];
	sq_state_head h;
	sq_state_rd r;
	uint64_t fp = sq_instrument_fingerprint(ins);
	unsigned long nstates = 0;
	int f, c, rc = SQ_OK;
	size_t n;

	sorted_record(t->record, want, sizeof(want));
	n = strlen(want);
	in->merged = 1;
	for (f = 0; f < (nfiles > 0 ? nfiles : 1) && rc == SQ_OK; f++) {
		const char *path = nfiles > 0 ? files[f] : "-";
		FILE *in_fp;

		if (sq_input_open(path, &in_fp, &t->err) != SQ_OK)
			return tool_fail(&t->err, path);
		if (sq_state_rd_init(&r, in_fp, path, 0, &t->err) != SQ_OK) {
			sq_input_close(in_fp);
			return tool_nomem();
		}
		/* one or more states, one after the other */
		do {
			if ((rc = sq_state_read_head_rd(&r, &h)) != SQ_OK)
				break;
			if (strcmp(h.tool, t->name) != 0) {
				rc = sq_state_bad(&r, "");
				snprintf(t->err.msg, sizeof(t->err.msg),
				    "a state of %s, not of %s", h.tool,
				    t->name);
				break;
			}
			if (strcmp(h.version, SQ_VERSION) != 0) {
				rc = sq_state_bad(&r, "");
				snprintf(t->err.msg, sizeof(t->err.msg),
				    "a state of %s %s, not of version %s",
				    h.tool, h.version, SQ_VERSION);
				break;
			}
			if (h.fingerprint != fp) {
				rc = sq_error_set(&t->err, SQ_ESCHEMA, path,
				    r.line, 0, NULL, "the state is of another "
				    "instrument than the one given (give the "
				    "shards' codebook with -c)");
				break;
			}
			if (strncmp(h.options, want, n) != 0 ||
			    (nstates > 0 && strcmp(h.options + n, first) !=
			    0) || (nstates == 0 &&
			    read_facts(h.options + n, in) != 0)) {
				static char a[1024], b[1024], both[8192];

				snprintf(both, sizeof(both), "%s%s", want,
				    nstates ? first : "");
				oneline(h.options, a, sizeof(a));
				oneline(both, b, sizeof(b));
				rc = sq_error_set(&t->err, SQ_ESCHEMA, path,
				    r.line, 0, NULL, "not the same analysis "
				    "as the %s (options and export columns "
				    "must agree): it has [%s], not [%s]",
				    nstates ? "first state" : "options given",
				    a, b);
				break;
			}
			if (nstates++ == 0)
				snprintf(first, sizeof(first), "%s",
				    h.options + n);
			if ((rc = ops->read(&r, ins, acc)) != SQ_OK)
				break;
			if ((rc = sq_state_expect(&r, "end", 0)) != SQ_OK)
				break;
			in->rows += h.rows;
			in->invalid += h.invalid;
			c = getc(in_fp);
		} while (c != EOF && ungetc(c, in_fp) != EOF);
		sq_state_rd_free(&r);
		sq_input_close(in_fp);
		if (rc != SQ_OK)
			return tool_fail(&t->err, path);
	}
	in->st.rows = (unsigned long)in->rows;
	in->st.invalid = (unsigned long)in->invalid;
	in->st.form = in->form;
	in->st.has_weights = in->has_weights;
	in->st.has_overall = in->has_overall;
	if (in->invalid > 0 && !t->scale.partial && t->cli.so.problem == NULL)
		tool_warn(sq_ngettext("%llu invalid value treated as missing",
		    "%llu invalid values treated as missing",
		    (unsigned long)in->invalid), in->invalid);
	if (in->rows == 0 && !t->scale.partial) {
		tool_warn("no data rows in any state");
		return TOOL_SCAN_FAIL;
	}
	return TOOL_SCAN_EMIT;
}

struct statectx {
	const tool_acc *ops;
	const void *acc;
	const sq_state_head *h;
};

static int
state_fn(FILE *fp, void *ctx)
{
	const struct statectx *c = ctx;
	int rc;

	sq_state_write_head(fp, c->h);
	if ((rc = c->ops->write(fp, c->acc)) != SQ_OK)
		return rc;
	fputs("end\n", fp);
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

int
tool_scan(tool *t, const tool_acc *ops, void *ctx, void *acc,
    const sq_instrument *ins, tool_input *in)
{
	static sq_state_head h;
	struct statectx sc = { ops, acc, &h };
	char fa[128];
	int rc;

	memset(in, 0, sizeof(*in));
	in->form = -1;
	if ((t->scale.partial || t->scale.merge) &&
	    (ops->write == NULL || ops->read == NULL))
		tool_usage("%s keeps per-respondent data here: no partial "
		    "results", t->name);
	if (t->record_full)
		tool_usage("too many options to record in a state");
	sq_progress_init(&progress, t->name, t->scale.merge ? 0 :
	    t->scale.pmode);
	if (t->scale.merge)
		rc = read_states(t, ops, acc, ins, in);
	else
		rc = read_exports(t, ops, ctx, acc, ins, in);
	if (rc != TOOL_SCAN_EMIT || !t->scale.partial)
		return rc;
	/* the accumulators, for sq-merge */
	memset(&h, 0, sizeof(h));
	snprintf(h.tool, sizeof(h.tool), "%s", t->name);
	snprintf(h.version, sizeof(h.version), "%s", SQ_VERSION);
	h.fingerprint = sq_instrument_fingerprint(ins);
	sorted_record(t->record, h.options, sizeof(h.options) - 128);
	facts(in, fa, sizeof(fa));
	strcat(h.options, fa);
	h.rows = in->rows;
	h.invalid = in->invalid;
	return tool_write(t, state_fn, &sc) == 0 ? TOOL_SCAN_DONE :
	    TOOL_SCAN_FAIL;
}

void *
tool_read(tool *t, const tool_acc *ops, void *ctx, const sq_instrument *ins,
    tool_input *in, int *rc)
{
	void *acc;

	if ((acc = ops->make(ctx, ins)) == NULL) {
		*rc = tool_nomem();
		return NULL;
	}
	*rc = tool_scan(t, ops, ctx, acc, ins, in);
	if (*rc == TOOL_SCAN_EMIT)
		return acc;
	ops->drop(acc);
	*rc = *rc == TOOL_SCAN_DONE ? 0 : 1;
	return NULL;
}
