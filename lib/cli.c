/* The options every tool shares. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "servqual/cli.h"
#include "servqual/encoding.h"
#include "servqual/i18n.h"
#include "servqual/output.h"
#include "servqual/table.h"

void
sq_cli_init(sq_cli *c)
{
	memset(c, 0, sizeof(*c));
	c->path = "-";
	c->format = -1;
	c->conf = 0.95;
	sq_lang_from_env(c->langcode, sizeof(c->langcode));
	c->lang = strcmp(c->langcode, "es") == 0 ? SQ_LANG_ES : SQ_LANG_EN;
}

/* A language code: two or three letters, optionally _CC ("pt_BR"). */
static int
lang_code(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz");

	if (n < 2 || n > 3)
		return 0;
	if (s[n] == '\0')
		return 1;
	return s[n] == '_' && strlen(s + n + 1) == 2 &&
	    strspn(s + n + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 2;
}

int
sq_cli_option(sq_cli *c, int ch, const char *arg, char *msg, size_t len)
{
	char *end;

	switch (ch) {
	case 'c':
		c->codebook = arg;
		return 1;
	case 'd':
		if (strcmp(arg, "tab") == 0 || strcmp(arg, "\t") == 0)
			c->so.csv.delim = '\t';
		else if (strcmp(arg, ",") == 0 || strcmp(arg, ";") == 0)
			c->so.csv.delim = arg[0];
		else
			break;
		return 1;
	case 'f':
		if ((c->format = sq_format_parse(arg)) >= 0)
			return 1;
		snprintf(msg, len, _("-f: \"%s\": expected tsv, csv, json, "
		    "csv-es, excel, md or pretty"), arg);
		return -1;
	case 'o':
		c->outpath = arg;
		return 1;
	case SQ_OPT_CONF:
		c->conf = strtod(arg, &end);
		if (*arg != '\0' && *end == '\0' && c->conf > 0 &&
		    c->conf < 1)
			return 1;
		snprintf(msg, len, "--conf must be between 0 and 1, as 0.95");
		return -1;
	case SQ_OPT_ENCODING:
		if (sq_encoding_parse(arg, &c->so.csv.encoding) == 0)
			return 1;
		snprintf(msg, len, "--encoding: \"%s\": expected auto, utf-8, "
		    "cp1252, latin1, utf-16le or utf-16be", arg);
		return -1;
	case SQ_OPT_INVALID:
		if (strcmp(arg, "missing") == 0)
			c->so.invalid = SQ_INVALID_MISSING;
		else if (strcmp(arg, "error") == 0)
			c->so.invalid = SQ_INVALID_ERROR;
		else {
			snprintf(msg, len, "--invalid: \"%s\": expected error "
			    "or missing", arg);
			return -1;
		}
		return 1;
	case SQ_OPT_LANG:
		if (lang_code(arg) && (sq_lang_parse(arg) >= 0 ||
		    sq_i18n_have(arg))) {
			snprintf(c->langcode, sizeof(c->langcode), "%s", arg);
			c->lang = sq_lang_parse(arg) == SQ_LANG_ES ?
			    SQ_LANG_ES : SQ_LANG_EN;
			return 1;
		}
		snprintf(msg, len, _("--lang: \"%s\": expected en, es or "
		    "the code of an installed catalogue"), arg);
		return -1;
	case SQ_OPT_SKIP_ROWS:
		c->so.skip_rows = (unsigned)strtoul(arg, &end, 10);
		if (*arg >= '0' && *arg <= '9' && *end == '\0' &&
		    strlen(arg) < 7)
			return 1;
		snprintf(msg, len, "--skip-rows: \"%s\": expected a number of "
		    "rows", arg);
		return -1;
	default:
		return 0;
	}
	snprintf(msg, len, "-d: \"%s\": expected , or ; or tab", arg);
	return -1;
}

int
sq_cli_operands(sq_cli *c, int argc, char *const *argv)
{
	if (argc > 1)
		return -1;
	if (argc == 1)
		c->path = argv[0];
	if (c->format < 0)
		c->format = c->outpath == NULL && isatty(STDOUT_FILENO) ?
		    SQ_FMT_PRETTY : SQ_FMT_TSV;
	sq_i18n_init(c->langcode);
	return 0;
}

int
sq_survey_read_path(const char *path, const sq_instrument *ins,
    const sq_survey_opts *opts, sq_response_fn fn, void *ctx,
    sq_survey_stats *st, sq_error *err)
{
	FILE *fp;
	int rc;

	if ((rc = sq_input_open(path, &fp, err)) != SQ_OK)
		return rc;
	rc = sq_survey_read(fp, path, ins, opts, fn, ctx, st, err);
	sq_input_close(fp);
	return rc;
}

void
sq_error_message(const sq_error *err, const char *file, char *buf,
    size_t len)
{
	sq_error e = *err;

	if (e.file[0] == '\0' && file != NULL)
		snprintf(e.file, sizeof(e.file), "%s", file);
	sq_error_format(&e, buf, len);
}
