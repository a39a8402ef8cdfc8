/*
 * libFuzzer target: the option parsing every tool shares. The input is a
 * list of NUL-separated arguments, each opening with the option character
 * (the low bits choose among -c -d -f -o and the shared long options);
 * then the operands and the number and name parsers the tools call.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/cli.h"
#include "servqual/encoding.h"
#include "servqual/output.h"
#include "servqual/table.h"

#include "common.h"

static const int opts[] = {
	'c', 'd', 'f', 'o', SQ_OPT_CONF, SQ_OPT_ENCODING, SQ_OPT_INVALID,
	SQ_OPT_LANG, SQ_OPT_SKIP_ROWS, SQ_OPT_VERSION, 'x'
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf, *p, *end, *argv[64], msg[256];
	sq_cli c;
	size_t argc = 0;
	double x;
	int r, enc, o;

	if ((buf = malloc(size + 1)) == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	sq_cli_init(&c);
	for (p = buf, end = buf + size; p < end && argc < 64;
	    p += strlen(p) + 1) {
		if (*p == '\0')
			continue;
		msg[0] = '\0';
		o = opts[(unsigned char)*p % 11];
		r = sq_cli_option(&c, o, p + 1, msg, sizeof(msg));
		if (r < 0 && (msg[0] == '\0' || strlen(msg) >= sizeof(msg)))
			abort();	/* a refusal says why */
		if (r > 0 && o == SQ_OPT_CONF && !(c.conf > 0 && c.conf < 1))
			abort();	/* --conf accepted out of range (NaN) */
		if (r == 0)
			argv[argc++] = p + 1;
		(void)sq_format_parse(p + 1);
		(void)sq_encoding_parse(p + 1, &enc);
		(void)sq_lang_parse(p + 1);
		if (sq_parse_number(p + 1, *p & 1, &x) == 0 && x != x)
			abort();	/* a number parsed as NaN */
	}
	if (sq_cli_operands(&c, (int)argc, argv) == 0 &&
	    (argc > 1 || c.format < 0))
		abort();
	free(buf);
	return 0;
}
