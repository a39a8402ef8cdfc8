/* The values of options: numbers within ranges, words, blocks, seeds. */
#include <string.h>

#include "tool.h"

unsigned long
tool_int(const char *opt, const char *s, unsigned long lo, unsigned long hi)
{
	char msg[256];
	double v;

	if (sq_cli_number(s, 1, (double)lo, (double)hi, &v, msg,
	    sizeof(msg)) != 0)
		tool_usage("%s: %s", opt, msg);
	return (unsigned long)v;
}

double
tool_real(const char *opt, const char *s, double lo, double hi)
{
	char msg[256];
	double v;

	if (sq_cli_number(s, 0, lo, hi, &v, msg, sizeof(msg)) != 0)
		tool_usage("%s: %s", opt, msg);
	return v;
}

int
tool_word(const char *arg, const char *words)
{
	size_t n = strlen(arg);
	const char *w = words;
	int i;

	if (strchr(arg, '|') != NULL)
		return -1;
	for (i = 0;; i++) {
		if (strncmp(w, arg, n) == 0 && (w[n] == '|' || w[n] == '\0'))
			return i;
		if ((w = strchr(w, '|')) == NULL)
			return -1;
		w++;
	}
}

int
tool_block(const char *arg)
{
	const char *b = "EPG";

	if (strlen(arg) != 1 || strchr(b, arg[0] & ~0x20) == NULL)
		tool_usage("--block: \"%s\": expected E, P or G", arg);
	return (int)(strchr(b, arg[0] & ~0x20) - b);
}

unsigned long
tool_seed(const char *opt, const char *s)
{
	return tool_int(opt, s, 1, TOOL_SEED_MAX);
}
