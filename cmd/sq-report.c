/* sq-report: the whole study as one PDF report, in English or Spanish. */
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "servqual/cli.h"
#include "servqual/i18n.h"
#include "servqual/output.h"
#include "servqual/report.h"
#include "servqual/table.h"

enum { OPT_PAPER = SQ_OPT_TOOL, OPT_TITLE, OPT_DATE, OPT_SUMMARY };

static const char synopsis[] =
	    "usage: sq-report [-b column] [-c codebook] [-d delim] "
	    "[-f format] [-o file.pdf]\n"
	    "                 [--conf level] [--date YYYY-MM-DD] "
	    "[--encoding enc] [--invalid error|missing]\n"
	    "                 [--lang en|es] [--paper a4|letter] "
	    "[--skip-rows n] [--summary]\n"
	    "                 [--title text] [file]\n";

static void
usage(void)
{
	fputs(synopsis, stderr);
	exit(2);
}

static void
help(void)
{
	fputs(synopsis, stdout);
	fputs("\nThe whole SERVQUAL study of an export as one PDF report: cover, "
	    "executive\nsummary, gaps, segments (-b), importance, reliability, "
	    "factor structure,\ndata quality and methods, in English or Spanish "
	    "(--lang).\n\n"
	    "  -o FILE.pdf       write the report (A4, or --paper letter)\n"
	    "  --summary         print the executive summary (-f its format)\n"
	    "  --title TEXT      the study's title\n"
	    "  --date YYYY-MM-DD the date of the data (default: the file's)\n"
	    "  -b COLUMN         compare the groups of a segment column\n\n"
	    "example: sq-report -b sucursal --lang es -o informe.pdf "
	    "samples/banco_demo.csv\n", stdout);
	exit(ferror(stdout) ? 1 : 0);
}

static int
fail(const sq_error *err, const char *file)
{
	char msg[1024];

	sq_error_message(err, file, msg, sizeof(msg));
	fprintf(stderr, "sq-report: %s\n", msg);
	return 1;
}

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

/* The summary, one sentence a row, for -f. */
static int
write_summary(const char *text, FILE *fp, int format, const char *title)
{
	static const char *const cols[] = { "summary" };
	char *copy = strdup(text), *line, *p;
	sq_table *t = NULL;
	int rc = SQ_ENOMEM;

	if (copy == NULL || sq_table_new(cols, 1, &t) != SQ_OK)
		goto out;
	sq_table_human(t, 0, SQ_NUM_TEXT, 0, "");
	rc = SQ_OK;
	for (p = copy; (line = strsep(&p, "\n")) != NULL && rc == SQ_OK; )
		if (*line != '\0')
			rc = sq_table_str(t, line);
	if (rc != SQ_OK)
		goto out;
	if (format == SQ_FMT_PRETTY) {
		fprintf(fp, "%s\n\n", title);
		for (p = copy; p < copy + strlen(text); p += strlen(p) + 1)
			if (*p != '\0' && (rc = bullet(fp, p)) != SQ_OK)
				break;
	} else
		rc = sq_table_write(t, fp, format, title);
out:
	sq_table_free(t);
	free(copy);
	return rc;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "codebook", required_argument, NULL, 'c' },
		{ "conf", required_argument, NULL, SQ_OPT_CONF },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, SQ_OPT_ENCODING },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "invalid", required_argument, NULL, SQ_OPT_INVALID },
		{ "lang", required_argument, NULL, SQ_OPT_LANG },
		{ "output", required_argument, NULL, 'o' },
		{ "paper", required_argument, NULL, OPT_PAPER },
		{ "skip-rows", required_argument, NULL, SQ_OPT_SKIP_ROWS },
		{ "summary", no_argument, NULL, OPT_SUMMARY },
		{ "title", required_argument, NULL, OPT_TITLE },
		{ "version", no_argument, NULL, SQ_OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	sq_cli cli;
	sq_report_opts ro;
	sq_instrument *ins = NULL;
	sq_study *study = NULL;
	sq_output out;
	sq_error err;
	struct stat sb;
	char msg[256], date[16];
	char *text = NULL;
	int ch, rc, summary = 0, fmt_given = 0;

	setlocale(LC_NUMERIC, "C");
	gsl_set_error_handler_off();
	sq_cli_init(&cli);
	memset(&err, 0, sizeof(err));
	memset(&ro, 0, sizeof(ro));
	while ((ch = getopt_long(argc, argv, "b:c:d:f:ho:", longopts,
	    NULL)) != -1) {
		if (ch == 'f')
			fmt_given = 1;
		switch (sq_cli_option(&cli, ch, optarg, msg, sizeof(msg))) {
		case 1:
			continue;
		case -1:
			fprintf(stderr, "sq-report: %s\n", msg);
			usage();
		}
		switch (ch) {
		case 'b':
			cli.so.by = optarg;
			break;
		case OPT_DATE:
			if (!valid_date(optarg)) {
				fprintf(stderr, "sq-report: --date: \"%s\": "
				    "expected YYYY-MM-DD\n", optarg);
				usage();
			}
			ro.date = optarg;
			break;
		case OPT_PAPER:
			if (strcmp(optarg, "letter") == 0)
				ro.letter = 1;
			else if (strcmp(optarg, "a4") != 0) {
				fprintf(stderr, "sq-report: --paper: \"%s\": "
				    "expected a4 or letter\n", optarg);
				usage();
			}
			break;
		case OPT_SUMMARY:
			summary = 1;
			break;
		case OPT_TITLE:
			ro.title = optarg;
			break;
		case SQ_OPT_VERSION:
			puts("sq-report " SQ_VERSION);
			return 0;
		case 'h':
			help();
			break;
		default:
			usage();
		}
	}
	/* -o names the PDF; the summary goes to standard output. */
	{
		const char *pdf = cli.outpath;

		cli.outpath = NULL;
		if (sq_cli_operands(&cli, argc - optind, argv + optind) != 0)
			usage();
		cli.outpath = pdf;
	}
	if (cli.outpath == NULL && !summary) {
		fprintf(stderr, "sq-report: give -o FILE.pdf, --summary or "
		    "both\n");
		usage();
	}
	if (!fmt_given && !summary)
		cli.format = SQ_FMT_PRETTY;
	ro.lang = cli.lang;
	ro.source = strcmp(cli.path, "-") == 0 ? _("standard input") :
	    cli.path;
	if (ro.date == NULL && strcmp(cli.path, "-") != 0 &&
	    stat(cli.path, &sb) == 0) {
		struct tm tm;

		gmtime_r(&sb.st_mtime, &tm);
		strftime(date, sizeof(date), "%Y-%m-%d", &tm);
		ro.date = date;
	}

	rc = 1;
	if (sq_instrument_load(cli.codebook, &ins, &err) != SQ_OK) {
		fail(&err, cli.codebook);
		goto done;
	}
	if (sq_study_run(cli.path, ins, &cli.so, cli.conf, &study, &err) !=
	    SQ_OK) {
		fail(&err, cli.path);
		goto done;
	}
	if (study == NULL)
		goto done;
	if (cli.outpath != NULL) {
		if (sq_output_open(&out, cli.outpath, &err) != SQ_OK) {
			fail(&err, cli.outpath);
			goto done;
		}
		ch = sq_report_pdf(study, &ro, out.fp, &err);
		if (sq_output_close(&out, ch == SQ_OK, &err) != SQ_OK ||
		    ch != SQ_OK) {
			fail(&err, cli.outpath);
			goto done;
		}
	}
	if (summary) {
		if (sq_report_summary(study, &ro, &text) != SQ_OK) {
			fprintf(stderr, "sq-report: out of memory\n");
			goto done;
		}
		if (write_summary(text, stdout, cli.format,
		    _("Executive summary")) != SQ_OK || fflush(stdout) != 0 ||
		    ferror(stdout)) {
			fprintf(stderr, "sq-report: standard output: write "
			    "error\n");
			goto done;
		}
	}
	rc = 0;
done:
	free(text);
	sq_study_free(study);
	sq_instrument_free(ins);
	sq_report_release_fonts();
	return rc;
}
