/* sq-zone: the zone of tolerance of a three-column survey. */
#include <errno.h>
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/cli.h"
#include "servqual/output.h"
#include "servqual/survey.h"
#include "servqual/table.h"
#include "servqual/zone.h"

static const char synopsis[] =
    "usage: sq-zone [-b column] [-c codebook] [-d delim] [-f format] "
    "[-o file]\n"
    "               [--encoding enc] [--invalid error|missing] "
    "[--lang en|es]\n"
    "               [--skip-rows n] [file]\n";

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
	fputs("\n"
	    "Zone of tolerance of a three-column survey: adequate (A1..Ak),\n"
	    "desired (D1..Dk) and perceived (P1..Pk) levels, or the roles\n"
	    "A, D and P of a codebook. Per item, dimension and overall:\n"
	    "n, mean A, D and P; msa = P - A and mss = P - D with sd, paired\n"
	    "t and two-sided p; width = D - A; the shares of respondents\n"
	    "below, within and above their zone; inverted (A > D) counts.\n"
	    "\n"
	    "  -b, --by COL        the same rows for each value of COL\n"
	    "  -c, --codebook FILE the instrument (default: SERVQUAL-22)\n"
	    "  -d, --delimiter D   , ; or tab (default: guessed)\n"
	    "  -f, --format F      tsv csv json md pretty\n"
	    "  -o, --output FILE   write here (default: standard output)\n"
	    "      --encoding ENC  auto utf-8 cp1252 latin1 utf-16le "
	    "utf-16be\n"
	    "      --invalid W     error (default) or missing\n"
	    "      --lang L        en or es: labels, never column names\n"
	    "      --skip-rows N   rows before the header\n"
	    "  -h, --help          this help\n"
	    "      --version       the version\n"
	    "\nSee sq-zone(1).\n", stdout);
	exit(0);
}

static int
header(void *ctx, const sq_survey_header *h, sq_error *err)
{
	int lang = *(const int *)ctx;

	if (h->form == SQ_FORM_ZONE)
		return SQ_OK;
	return sq_error_set(err, SQ_ESCHEMA, NULL, h->line, 0, NULL,
	    "sq-zone needs a three-column export (columns A1..Ak, D1..Dk "
	    "and P1..Pk, or codebook roles A, D and P); this one is %s",
	    sq_form_label(h->form, lang));
}

struct run {
	const sq_instrument *ins;
	sq_zoneset *set;
};

static int
add(void *ctx, const sq_response *r, sq_error *err)
{
	struct run *run = ctx;

	return sq_zoneset_add(run->set, run->ins, r, err);
}

static int
fail(const sq_error *err, const char *file)
{
	char msg[1024];

	sq_error_message(err, file, msg, sizeof(msg));
	fprintf(stderr, "sq-zone: %s\n", msg);
	return 1;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "codebook", required_argument, NULL, 'c' },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, SQ_OPT_ENCODING },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "invalid", required_argument, NULL, SQ_OPT_INVALID },
		{ "lang", required_argument, NULL, SQ_OPT_LANG },
		{ "output", required_argument, NULL, 'o' },
		{ "skip-rows", required_argument, NULL, SQ_OPT_SKIP_ROWS },
		{ "version", no_argument, NULL, SQ_OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	sq_cli cli;
	sq_survey_stats st;
	sq_instrument *ins = NULL;
	sq_table *table = NULL;
	sq_output out;
	sq_error err;
	struct run run;
	char msg[256], title[256];
	int ch, rc;

	setlocale(LC_NUMERIC, "C");
	gsl_set_error_handler_off();
	sq_cli_init(&cli);
	memset(&err, 0, sizeof(err));
	while ((ch = getopt_long(argc, argv, "b:c:d:f:ho:", longopts,
	    NULL)) != -1) {
		switch (sq_cli_option(&cli, ch, optarg, msg, sizeof(msg))) {
		case 1:
			continue;
		case -1:
			fprintf(stderr, "sq-zone: %s\n", msg);
			usage();
		}
		switch (ch) {
		case 'b':
			cli.so.by = optarg;
			break;
		case 'h':
			help();
			break;
		case SQ_OPT_VERSION:
			puts("sq-zone " SQ_VERSION);
			return 0;
		default:
			usage();
		}
	}
	if (sq_cli_operands(&cli, argc - optind, argv + optind) != 0)
		usage();

	run.set = NULL;
	rc = 1;
	if (sq_instrument_load(cli.codebook, &ins, &err) != SQ_OK) {
		fail(&err, cli.codebook);
		goto done;
	}
	run.ins = ins;
	cli.so.header = header;
	cli.so.header_ctx = &cli.lang;
	if (sq_zoneset_new(ins, cli.so.by != NULL, &run.set) != SQ_OK) {
		fprintf(stderr, "sq-zone: out of memory\n");
		goto done;
	}
	if (sq_survey_read_path(cli.path, ins, &cli.so, add, &run, &st,
	    &err) != SQ_OK) {
		fail(&err, cli.path);
		goto done;
	}
	if (st.invalid > 0)
		fprintf(stderr, "sq-zone: %s: %lu invalid value%s treated as "
		    "missing\n", cli.path, st.invalid, st.invalid == 1 ? "" :
		    "s");
	if (sq_zone_table(run.set, ins, cli.format >= SQ_FMT_MD, cli.lang,
	    &table) != SQ_OK) {
		fprintf(stderr, "sq-zone: out of memory\n");
		goto done;
	}
	snprintf(title, sizeof(title), cli.lang == SQ_LANG_ES ?
	    "Zona de tolerancia: %lu encuestados" :
	    "Zone of tolerance: %lu respondents", st.rows);
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
	rc = 0;
done:
	sq_table_free(table);
	sq_zoneset_free(run.set);
	sq_instrument_free(ins);
	return rc;
}
