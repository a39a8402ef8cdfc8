/* What every servqual tool shares: options, help, messages, output. */
#include <errno.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/i18n.h"
#include "servqual/output.h"
#include "servqual/split.h"
#include "servqual/unicode.h"
#include "tool.h"

#define TOOL_VERSION	(TOOL_OWN - 1)
#define MAXOPT		56

/* TOOL_SCALE's options */
enum {
	SC_PARTIAL = TOOL_OWN - 8, SC_MERGE, SC_PROGRESS, SC_QUIET,
	SC_FILECOL
};

/* The shared options, declared once: bit, then as a tool's own. */
static const struct {
	unsigned bit;
	tool_opt o;
} shared[] = {
	{ TOOL_BY, { "by", 'b', "column",
	    "segment column: rows for each of its values" } },
	{ TOOL_CODEBOOK, { "codebook", 'c', "codebook",
	    "the instrument file (default: built-in SERVQUAL)" } },
	{ TOOL_CONF, { "conf", SQ_OPT_CONF, "level",
	    "confidence level, 0.5 to 0.9999 (default 0.95)" } },
	{ TOOL_DELIM, { "delimiter", 'd', "delim",
	    "field separator: , ; or tab (default: detected)" } },
	{ TOOL_ENCODING, { "encoding", SQ_OPT_ENCODING, "enc",
	    "auto, utf-8, cp1252, latin1, utf-16le/be or iconv -l" } },
	{ TOOL_FOLD, { "fold-segments", SQ_OPT_FOLD_SEGMENTS, NULL,
	    "case or accent variants of a segment value are one" } },
	{ TOOL_GUARD, { "formula-guard", SQ_OPT_FORMULA_GUARD, NULL,
	    "csv/tsv text starting = + - @ gets a leading '" } },
	{ TOOL_FORMAT, { "format", 'f', "format",
	    "tsv, csv, json, csv-es, excel, md or pretty" } },
	{ TOOL_INVALID, { "invalid", SQ_OPT_INVALID, "error|missing",
	    "off-scale answers stop the run, or count as blank" } },
	{ TOOL_LANG, { "lang", SQ_OPT_LANG, "en|es",
	    "labels and messages (default: the locale's)" } },
	{ TOOL_OUTPUT, { "output", 'o', "file",
	    "write to file (replaced only when all went well)" } },
	{ TOOL_SKIP, { "skip-rows", SQ_OPT_SKIP_ROWS, "n",
	    "skip n lines before the header (title rows)" } },
	{ TOOL_SCALE, { "file-column", SC_FILECOL, "name",
	    "the virtual column of each file's name (-b file)" } },
	{ TOOL_SCALE, { "jobs", 'j', "n",
	    "parse a regular file in n byte ranges (default: the CPUs)",
	    1 } },
	{ TOOL_SCALE, { "merge", SC_MERGE, NULL,
	    "the operands are states to combine (as sq-merge does)", 1 } },
	{ TOOL_SCALE, { "partial", SC_PARTIAL, NULL,
	    "write the accumulators' state for sq-merge, not the table",
	    1 } },
	{ TOOL_SCALE, { "progress", SC_PROGRESS, NULL,
	    "progress line on standard error even when it is no terminal",
	    1 } },
	{ TOOL_SCALE, { "quiet", SC_QUIET, NULL, "no progress line", 1 } },
};

/* Shared options that shape only how input is read or output written:
   a state does not record them. */
static const char *const unrecorded = "cdfo";
static const int unrecorded_long[] = { SQ_OPT_ENCODING, SQ_OPT_LANG,
    SQ_OPT_SKIP_ROWS, SQ_OPT_FORMULA_GUARD, TOOL_VERSION, 0 };
static const tool_opt help_opt = { "help", 'h', NULL,
    "print this help and exit" };
static const tool_opt version_opt = { "version", TOOL_VERSION, NULL,
    "print the version and exit" };

static const char *progname = "sq";
static tool *the;			/* for tool_usage */
static const tool_opt *all[MAXOPT];	/* shared and own, by long name */
static size_t nall;

static int
bylong(const void *a, const void *b)
{
	return strcmp((*(const tool_opt *const *)a)->name,
	    (*(const tool_opt *const *)b)->name);
}

void
tool_init(tool *t)
{
	size_t i;

	setlocale(LC_NUMERIC, "C");
	gsl_set_error_handler_off();
	progname = t->name;
	the = t;
	sq_cli_init(&t->cli);
	/* messages in the locale's language until --lang says otherwise */
	sq_i18n_init(t->cli.langcode);
	memset(&t->err, 0, sizeof(t->err));
	t->scale.jobs = sq_ncpu();
	t->scale.pmode = -1;
	t->scale.filecol = "file";
	t->record[0] = '\0';
	t->record_full = 0;
	nall = 0;
	for (i = 0; i < sizeof(shared) / sizeof(shared[0]); i++)
		if (t->shared & shared[i].bit)
			all[nall++] = &shared[i].o;
	for (i = 0; t->own != NULL && t->own[i].name != NULL &&
	    nall < MAXOPT - 2; i++)
		all[nall++] = &t->own[i];
	all[nall++] = &help_opt;
	all[nall++] = &version_opt;
	qsort(all, nall, sizeof(all[0]), bylong);
}

static int
isshort(int val)
{
	return val > ' ' && val < 0x7f;
}

/* The synopsis, wrapped under its first word, on fp. */
static void
synopsis(FILE *fp)
{
	char item[160];
	size_t i, col, indent = strlen("usage: ") + strlen(progname) + 1;
	int pass;

	col = (size_t)fprintf(fp, "usage: %s", progname);
	if (the->lead != NULL)
		col += (size_t)fprintf(fp, " %s", the->lead);
	/* short options first, then long-only ones, each sorted */
	for (pass = 0; pass < 3; pass++) {
		for (i = 0; i < (pass < 2 ? 128 * nall : nall); i++) {
			const tool_opt *o = all[i % nall];
			int req;

			if (o == &help_opt || o == &version_opt)
				continue;
			/* short ones by letter: flags, then with a value */
			if (pass < 2 && (o->val != (int)(i / nall) ||
			    !isshort(o->val) ||
			    (pass == 0) != (o->arg == NULL)))
				continue;
			if (pass == 2 && isshort(o->val))
				continue;
			req = isshort(o->val) && the->required != NULL &&
			    strchr(the->required, o->val) != NULL;
			if (isshort(o->val))
				snprintf(item, sizeof(item), "%s-%c%s%s%s",
				    req ? "" : "[", o->val, o->arg ? " " : "",
				    o->arg ? o->arg : "", req ? "" : "]");
			else
				snprintf(item, sizeof(item), "[--%s%s%s]",
				    o->name, o->arg ? " " : "",
				    o->arg ? o->arg : "");
			if (col + 1 + strlen(item) > 78) {
				fprintf(fp, "\n%*s", (int)indent - 1, "");
				col = indent - 1;
			}
			col += (size_t)fprintf(fp, " %s", item);
		}
	}
	if (the->operands != NULL) {
		if (col + 1 + strlen(the->operands) > 78)
			fprintf(fp, "\n%*s", (int)indent - 1, "");
		fprintf(fp, " %s", the->operands);
	}
	putc('\n', fp);
}

/* Flush stdout; on a write error say why and exit 1. */
static void
flushed(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: standard output: write error: %s\n",
		    progname, strerror(errno ? errno : EIO));
		exit(1);
	}
}

static void
help(void)
{
	char left[80];
	size_t i;

	synopsis(stdout);
	printf("\n%s\n\n", the->purpose);
	for (i = 0; i < nall; i++) {
		const tool_opt *o = all[i];
		const char *text = o->val == 'b' && the->by_help ?
		    the->by_help : o->help;
		int n;

		if (isshort(o->val))
			n = snprintf(left, sizeof(left), "  -%c, --%s%s%s",
			    o->val, o->name, o->arg ? " " : "",
			    o->arg ? o->arg : "");
		else
			n = snprintf(left, sizeof(left), "      --%s%s%s",
			    o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		if (n < 26)
			printf("%-26s%s\n", left, text);
		else
			printf("%s\n%26s%s\n", left, "", text);
	}
	printf("\nexample:\n  %s\n", the->example);
	flushed();
	exit(0);
}

/* Record option ch (value arg) for a state unless it shapes only I/O. */
static void
record(tool *t, int ch, const char *arg)
{
	const tool_opt *o = NULL;
	size_t i, n = strlen(t->record);
	const unsigned char *p;
	char *r = t->record;

	if (isshort(ch) && strchr(unrecorded, ch) != NULL)
		return;
	for (i = 0; unrecorded_long[i] != 0; i++)
		if (ch == unrecorded_long[i])
			return;
	for (i = 0; i < nall && o == NULL; i++)
		if (all[i]->val == ch)
			o = all[i];
	if (o == NULL || o->output)
		return;
	n += (size_t)snprintf(r + n, sizeof(t->record) - n, "option %s",
	    o->name);
	for (p = (const unsigned char *)arg; p != NULL && n <
	    sizeof(t->record); p++) {
		if (p == (const unsigned char *)arg)
			n += (size_t)snprintf(r + n, sizeof(t->record) - n,
			    " %s", *p ? "" : "%");
		if (*p == '\0')
			break;
		/* one token: blanks, controls, % and non-ASCII encoded */
		if (*p <= ' ' || *p == '%' || *p >= 0x7f)
			n += (size_t)snprintf(r + n, sizeof(t->record) - n,
			    "%%%02X", *p);
		else if (n + 1 < sizeof(t->record))
			r[n++] = (char)*p, r[n] = '\0';
	}
	if (n + 1 >= sizeof(t->record)) {
		t->record_full = 1;
		r[0] = '\0';
		return;
	}
	r[n++] = '\n';
	r[n] = '\0';
}

/* TOOL_SCALE's options into t->scale; 1 when ch was one. */
static int
scale_option(tool *t, int ch, const char *arg)
{
	if ((t->shared & TOOL_SCALE) == 0)
		return 0;
	switch (ch) {
	case 'j':
		t->scale.jobs = (size_t)tool_int("-j", arg, 1, 256);
		return 1;
	case SC_PARTIAL:
		t->scale.partial = 1;
		return 1;
	case SC_MERGE:
		t->scale.merge = 1;
		return 1;
	case SC_PROGRESS:
		t->scale.pmode = 1;
		return 1;
	case SC_QUIET:
		t->scale.pmode = 0;
		return 1;
	case SC_FILECOL:
		if (arg[0] == '\0')
			tool_usage("--file-column: the name is empty");
		t->scale.filecol = arg;
		return 1;
	}
	return 0;
}

int
tool_getopt(tool *t, int argc, char *argv[])
{
	static struct option lo[MAXOPT + 1];
	static char so[3 * MAXOPT + 2];
	char msg[512];
	size_t i, n;
	int ch;

	if (lo[0].name == NULL) {
		n = 0;
		so[n++] = ':';	/* a missing argument is ':', not '?' */
		for (i = 0; i < nall; i++) {
			lo[i].name = all[i]->name;
			lo[i].has_arg = all[i]->arg ? required_argument :
			    no_argument;
			lo[i].val = all[i]->val;
			if (isshort(all[i]->val)) {
				so[n++] = (char)all[i]->val;
				if (all[i]->arg)
					so[n++] = ':';
			}
		}
		so[n] = '\0';
	}
	opterr = 0;
	while ((ch = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		switch (ch) {
		case 'h':
			help();
			break;
		case TOOL_VERSION:
			printf("%s %s\n", t->name, SQ_VERSION);
			flushed();
			exit(0);
		case ':':
			tool_usage("%s needs a value", argv[optind - 1]);
		case '?':
			if (optopt != 0 && isshort(optopt))
				tool_usage("unknown option -%c", optopt);
			tool_usage("unknown option %s", argv[optind - 1]);
		case 'b':
			if ((t->shared & TOOL_BY) == 0)
				break;
			t->cli.so.by = optarg;
			record(t, ch, optarg);
			continue;
		}
		if (scale_option(t, ch, optarg)) {
			record(t, ch, optarg);
			continue;
		}
		switch (sq_cli_option(&t->cli, ch, optarg, msg, sizeof(msg))) {
		case 1:
			record(t, ch, optarg);
			continue;
		case -1:
			tool_usage("%s", msg);
		}
		record(t, ch, optarg);
		return ch;
	}
	return -1;
}

void
tool_operands(tool *t, int argc, char *argv[])
{
	int i, stdin_used = 0;

	if (argc > 1 && (t->shared & TOOL_SCALE) == 0)
		tool_usage("one input file at most (got %d)", argc);
	for (i = 0; i < argc; i++) {
		if (argv[i][0] == '\0')
			tool_usage("the input file name is empty");
		if (strcmp(argv[i], "-") == 0 && stdin_used++)
			tool_usage("standard input given twice");
	}
	t->nfiles = argc;
	t->files = argv;
	sq_cli_operands(&t->cli, argc > 1 ? 1 : argc, argv);
	if (t->cli.codebook != NULL && strcmp(t->cli.codebook, "-") == 0 &&
	    (stdin_used || argc == 0))
		tool_usage("-c - and the export cannot both be standard "
		    "input");
}

void
tool_start(tool *t, int argc, char *argv[], void (*option)(int ch, char *arg))
{
	int ch;

	tool_init(t);
	while ((ch = tool_getopt(t, argc, argv)) != -1) {
		if (option == NULL)
			tool_usage(NULL);
		option(ch, optarg);
	}
	tool_operands(t, argc - optind, argv + optind);
}

sq_instrument *
tool_instrument(tool *t)
{
	sq_instrument *ins = NULL;

	if (sq_instrument_load(t->cli.codebook, &ins, &t->err) == SQ_OK)
		return ins;
	sq_instrument_free(ins);
	tool_fail(&t->err, t->cli.codebook);
	return NULL;
}

int
tool_main(tool *t, int argc, char *argv[], void (*option)(int ch, char *arg),
    int (*run)(const sq_instrument *))
{
	sq_instrument *ins;
	int rc;

	tool_start(t, argc, argv, option);
	if ((ins = tool_instrument(t)) == NULL)
		return 1;
	rc = run(ins);
	sq_instrument_free(ins);
	return rc;
}

int
tool_fail(const sq_error *err, const char *file)
{
	char msg[1024];

	sq_error_message(err, file, msg, sizeof(msg));
	fprintf(stderr, "%s: %s\n", progname, msg);
	return 1;
}

void
tool_warn(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, _(fmt), ap);	/* po/<lang>.po */
	va_end(ap);
	putc('\n', stderr);
}

void
tool_usage(const char *fmt, ...)
{
	va_list ap;

	if (fmt != NULL) {
		fprintf(stderr, "%s: ", progname);
		va_start(ap, fmt);
		vfprintf(stderr, _(fmt), ap);
		va_end(ap);
		putc('\n', stderr);
	}
	synopsis(stderr);
	exit(2);
}

int
tool_nomem(void)
{
	tool_warn("%s", _("out of memory"));
	return 1;
}

void
tool_invalid(const char *file, unsigned long n)
{
	if (n > 0)
		tool_warn(sq_ngettext("%s: %lu invalid value treated as "
		    "missing", "%s: %lu invalid values treated as missing", n),
		    file, n);
}

void
tool_read_warn(const sq_survey_stats *st)
{
	sq_cli_warn_encoding(progname, the->cli.path, st);
}

void
tool_lookalikes(char *const *seg, size_t n)
{
	char *look = sq_lookalikes(seg, n);

	if (look == NULL)
		return;
	tool_warn("%s: warning: segment values that differ only in case or "
	    "accents: %s (--fold-segments makes them one)",
	    strcmp(the->cli.path, "-") != 0 ? the->cli.path :
	    "standard input", look);
	free(look);
}

int
tool_gate_held(const char *text, const char *where)
{
	tool_warn("gate %s held%s%s", text, where ? ": " : "",
	    where ? where : "");
	return 1;
}

int
tool_write(tool *t, int (*fn)(FILE *, void *), void *ctx)
{
	const char *name = t->cli.outpath ? t->cli.outpath :
	    "standard output";
	sq_output out;
	int rc, e;

	if (sq_output_open(&out, t->cli.outpath, &t->err) != SQ_OK)
		return tool_fail(&t->err, t->cli.outpath);
	errno = 0;
	if ((rc = fn(out.fp, ctx)) != SQ_OK) {
		e = errno ? errno : EIO;
		sq_output_close(&out, 0, NULL);
		if (rc == SQ_EIO)
			sq_error_set(&t->err, rc, name, 0, 0, NULL,
			    "write error: %s", strerror(e));
		else
			sq_error_set(&t->err, rc, name, 0, 0, NULL, "%s",
			    sq_strerror(rc));
		return tool_fail(&t->err, NULL);
	}
	if (sq_output_close(&out, 1, &t->err) != SQ_OK)
		return tool_fail(&t->err, name);
	return 0;
}

struct tablectx {
	const sq_table *tab;
	int format;
	const char *title;
};

static int
table_fn(FILE *fp, void *ctx)
{
	const struct tablectx *c = ctx;

	return sq_table_write(c->tab, fp, c->format, c->title);
}

int
tool_write_table(tool *t, const sq_table *tab, const char *title)
{
	struct tablectx c = { tab, t->cli.format, title };

	return tool_write(t, table_fn, &c);
}
