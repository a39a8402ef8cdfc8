/* sq-report: the whole study as one PDF report, in English or Spanish. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "servqual/i18n.h"
#include "servqual/output.h"
#include "servqual/report.h"
#include "servqual/table.h"
#include "tool.h"

enum { OPT_DATE = TOOL_OWN, OPT_PAPER, OPT_SUMMARY, OPT_TITLE };

static const tool_opt opts[] = {
	{ "date", OPT_DATE, "YYYY-MM-DD",
	    "the date of the data (default: the file's day)" },
	{ "paper", OPT_PAPER, "a4|letter", "page size (default a4)" },
	{ "summary", OPT_SUMMARY, NULL,
	    "print the executive summary (-f its format)" },
	{ "title", OPT_TITLE, "text", "the study's title" },
	{ NULL, 0, NULL, NULL }
};

static tool t = {
	.name = "sq-report",
	.operands = "[file]",
	.purpose = "The whole SERVQUAL study of an export as one PDF report "
	    "(-o): cover,\nexecutive summary, gaps, segments (-b), "
	    "importance, reliability, factor\nstructure, data quality and "
	    "methods, in English or Spanish (--lang).",
	.example = "sq-report -b sucursal --lang es -o informe.pdf "
	    "samples/banco_demo.csv",
	.shared = TOOL_READ | TOOL_TABLE | TOOL_BY | TOOL_CONF |
	    TOOL_INVALID,
	.own = opts,
};

/* YYYY-MM-DD with a real month and day. */
static int
valid_date(const char *s)
{
	int y, m, d;
	char end;

	return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d,
	    &end) == 3 && s[4] == '-' && s[7] == '-' && y >= 1900 &&
	    m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* A sentence as a list item wrapped under its bullet. */
static int
bullet(FILE *fp, const char *s)
{
	char *buf = NULL, *line, *p;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	int first = 1;

	if (mem == NULL)
		return SQ_ENOMEM;
	sq_text_wrap(mem, s, SQ_PRETTY_WIDTH - 2);
	if (fclose(mem) != 0 || buf == NULL) {
		free(buf);
		return SQ_ENOMEM;
	}
	for (p = buf; (line = strsep(&p, "\n")) != NULL; first = 0)
		if (*line != '\0')
			fprintf(fp, "%s%s\n", first ? "- " : "  ", line);
	free(buf);
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

/* The summary, one sentence a row, in format. */
static int
write_summary(const char *text, FILE *fp, int format, const char *title)
{
	static const char *const cols[] = { "summary" };
	char *copy = strdup(text), *line, *p;
	sq_table *tab = NULL;
	int rc = SQ_ENOMEM;

	if (copy == NULL || sq_table_new(cols, 1, &tab) != SQ_OK)
		goto out;
	sq_table_human(tab, 0, SQ_NUM_TEXT, 0, "");
	rc = SQ_OK;
	for (p = copy; (line = strsep(&p, "\n")) != NULL && rc == SQ_OK; )
		if (*line != '\0')
			rc = sq_table_str(tab, line);
	if (rc != SQ_OK)
		goto out;
	if (format == SQ_FMT_PRETTY) {
		fprintf(fp, "%s\n\n", title);
		for (p = copy; p < copy + strlen(text); p += strlen(p) + 1)
			if (*p != '\0' && (rc = bullet(fp, p)) != SQ_OK)
				break;
	} else
		rc = sq_table_write(tab, fp, format, title);
out:
	sq_table_free(tab);
	free(copy);
	return rc;
}

static sq_report_opts ro;
static int summary;

static void
option(int ch, const char *arg)
{
	switch (ch) {
	case OPT_DATE:
		if (!valid_date(arg))
			tool_usage("--date: \"%s\": expected YYYY-MM-DD", arg);
		ro.date = arg;
		break;
	case OPT_PAPER:
		if ((ro.letter = tool_word(arg, "a4|letter")) < 0)
			tool_usage("--paper: \"%s\": expected a4 or letter",
			    arg);
		break;
	case OPT_SUMMARY:
		summary = 1;
		break;
	case OPT_TITLE:
		ro.title = arg;
		break;
	}
}

/* Without --date: the day (UTC) the file was last written, if a file. */
static void
file_date(const char *path, char *date, size_t len)
{
	struct stat sb;
	struct tm tm;

	if (ro.date != NULL || strcmp(path, "-") == 0 || stat(path, &sb) != 0)
		return;
	gmtime_r(&sb.st_mtime, &tm);
	strftime(date, len, "%Y-%m-%d", &tm);
	ro.date = date;
}

/* The report to path; 0 or 1. */
static int
write_pdf(const sq_study *study, const char *path)
{
	sq_output out;
	int rc;

	if (sq_output_open(&out, path, &t.err) != SQ_OK)
		return tool_fail(&t.err, path);
	rc = sq_report_pdf(study, &ro, out.fp, &t.err);
	if (sq_output_close(&out, rc == SQ_OK, &t.err) != SQ_OK ||
	    rc != SQ_OK)
		return tool_fail(&t.err, path);
	return 0;
}

/* The executive summary on standard output; 0 or 1. */
static int
print_summary(const sq_study *study)
{
	char *text = NULL;
	int rc = 0;

	if (sq_report_summary(study, &ro, &text) != SQ_OK)
		rc = tool_nomem();
	else if (write_summary(text, stdout, t.cli.format,
	    _("Executive summary")) != SQ_OK || fflush(stdout) != 0 ||
	    ferror(stdout)) {
		tool_warn("standard output: write error");
		rc = 1;
	}
	free(text);
	return rc;
}

int
main(int argc, char *argv[])
{
	sq_instrument *ins = NULL;
	sq_study *study = NULL;
	const char *pdf;
	char date[16];
	int ch, rc, fmt_given;

	tool_init(&t);
	while ((ch = tool_getopt(&t, argc, argv)) != -1)
		option(ch, optarg);
	fmt_given = t.cli.format >= 0;	/* settled by tool_operands */
	/* -o names the PDF; the summary goes to standard output. */
	pdf = t.cli.outpath;
	t.cli.outpath = NULL;
	tool_operands(&t, argc - optind, argv + optind);
	t.cli.outpath = pdf;
	if (pdf == NULL && !summary)
		tool_usage("give -o FILE.pdf, --summary or both");
	if (!fmt_given)
		t.cli.format = SQ_FMT_PRETTY;
	ro.lang = t.cli.lang;
	ro.source = strcmp(t.cli.path, "-") == 0 ? _("standard input") :
	    t.cli.path;
	file_date(t.cli.path, date, sizeof(date));
	if ((ins = tool_instrument(&t)) == NULL)
		rc = 1;
	else if (sq_study_run(t.cli.path, ins, &t.cli.so, t.cli.conf, &study,
	    &t.err) != SQ_OK)
		rc = tool_fail(&t.err, t.cli.path);
	else
		rc = (pdf != NULL && write_pdf(study, pdf) != 0) ||
		    (summary && print_summary(study) != 0);
	sq_study_free(study);
	sq_instrument_free(ins);
	sq_report_release_fonts();
	return rc;
}
