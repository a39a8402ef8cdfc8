/* The options every tool shares. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "servqual/cli.h"
#include "servqual/encoding.h"
#include "servqual/i18n.h"
#include "servqual/output.h"
#include "servqual/table.h"

int
sq_cli_number(const char *s, int whole, double lo, double hi, double *out,
    char *msg, size_t len)
{
	char *end = NULL;
	double v = NAN;

	errno = 0;
	if (whole) {
		/* digits only: no sign, space, exponent or fraction */
		if (s[0] != '\0' && strspn(s, "0123456789") == strlen(s) &&
		    strlen(s) <= 20)
			v = (double)strtoull(s, &end, 10);
	} else if (s[0] != '\0' && !isspace((unsigned char)s[0]) &&
	    strspn(s, "0123456789.eE+-") == strlen(s)) {
		/* decimal only: no hex, nan, inf or space */
		v = strtod(s, &end);
		if (*end != '\0' || !isfinite(v))
			v = NAN;
	}
	if (errno == 0 && v >= lo && v <= hi) {
		*out = v;
		return 0;
	}
	if (whole)
		snprintf(msg, len, "\"%s\": expected a whole number from %.0f "
		    "to %.0f", s, lo, hi);
	else
		snprintf(msg, len, "\"%s\": expected a number from %g to %g",
		    s, lo, hi);
	return -1;
}

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
	char buf[200];
	double v;

	switch (ch) {
	case 'c':
		if (arg[0] == '\0')
			break;
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
		if (arg[0] == '\0')
			break;
		c->outpath = arg;
		return 1;
	case SQ_OPT_CONF:
		/* a confidence level: strictly between 0 and 1 */
		if (sq_cli_number(arg, 0, 0.5, 0.9999, &c->conf, buf,
		    sizeof(buf)) == 0) {
			c->conf_given = 1;
			return 1;
		}
		snprintf(msg, len, "--conf: %s, as 0.95", buf);
		return -1;
	case SQ_OPT_ENCODING:
		if (sq_encoding_parse(arg, &c->so.csv.encoding) == 0)
			return 1;
		/* Any other name iconv knows: CP949, EUC-KR, MacRoman... */
		if (sq_charset_known(arg)) {
			c->so.csv.encoding = SQ_ENC_ICONV;
			c->so.csv.charset = arg;
			return 1;
		}
		snprintf(msg, len, "--encoding: \"%s\": expected auto, utf-8, "
		    "cp1252, latin1, utf-16le, utf-16be or a name iconv knows "
		    "(iconv -l)", arg);
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
	case SQ_OPT_FORMULA_GUARD:
		c->guard = 1;
		return 1;
	case SQ_OPT_FOLD_SEGMENTS:
		c->so.fold_segments = 1;
		return 1;
	case SQ_OPT_SKIP_ROWS:
		if (sq_cli_number(arg, 1, 0, 999999, &v, buf,
		    sizeof(buf)) == 0) {
			c->so.skip_rows = (unsigned)v;
			return 1;
		}
		snprintf(msg, len, "--skip-rows: %s", buf);
		return -1;
	default:
		return 0;
	}
	if (ch == 'd')
		snprintf(msg, len, "-d: \"%s\": expected , or ; or tab", arg);
	else
		snprintf(msg, len, "-%c: the file name is empty", ch);
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
sq_cli_warn_encoding(const char *tool, const char *path,
    const sq_survey_stats *st)
{
	if (st->item_like[0])
		fprintf(stderr, "%s: %s: warning: columns that look like items "
		    "but the instrument has no such item: %s (describe them "
		    "in a codebook, or rename them)\n", tool,
		    path && strcmp(path, "-") != 0 ? path : "standard input",
		    st->item_like);
	if (st->guessed_cp1252)
		fprintf(stderr, "%s: %s: warning: not valid UTF-8; read as "
		    "Windows-1252 (if it is another encoding, say which with "
		    "--encoding, e.g. cp949)\n", tool,
		    path && strcmp(path, "-") != 0 ? path : "standard input");
}
