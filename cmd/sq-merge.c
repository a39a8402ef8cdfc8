/*
 * sq-merge: combine the partial results (states) of shards into the table
 * the tool would print on the concatenated input, or into one state. The
 * states say which tool wrote them and with which options; sq-merge runs
 * that tool (installed beside it) with those options and --merge, so the
 * table comes from the very code that prints it on a single run.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "servqual/output.h"
#include "servqual/state.h"
#include "tool.h"

static const tool_opt opts[] = {
	{ "partial", TOOL_OWN, NULL,
	    "write the merged state instead of the table (merge trees)" },
	{ "tool-option", TOOL_OWN + 1, "opt",
	    "pass opt to the tool (one that shapes only its output)" },
	{ NULL, 0, NULL, NULL }
};

static tool t = {
	.name = "sq-merge",
	.operands = "state...",
	.purpose = "Combines states written by `TOOL --partial` (sq-gap, "
	    "sq-alpha, sq-factor,\nsq-check, sq-compare, sq-drivers, sq-zone, "
	    "sq-cfa) on separate shards of a\nsurvey and prints the table the "
	    "tool prints on the concatenated shards, byte\nfor byte: it runs "
	    "that tool with the options the states recorded and --merge.\n"
	    "With --by, segments come in order of first appearance, states "
	    "taken in the\norder given. A state of - is standard input; a file "
	    "may hold several states\none after the other. States of another "
	    "tool, version, option set or\ninstrument are refused.",
	.example = "sq-gap --partial samples/banco_demo.csv | sq-merge -",
	.shared = TOOL_CODEBOOK | TOOL_TABLE | TOOL_GUARD,
	.own = opts,
};

/* The tools whose states sq-merge combines. */
static const char *const tools[] = { "sq-gap", "sq-alpha", "sq-factor",
    "sq-check", "sq-compare", "sq-drivers", "sq-zone", "sq-cfa", NULL };

/* A %-encoded option value (scan.h) decoded in place; -1 if bad. */
static int
decode(char *s)
{
	char *o = s, *p = s;
	unsigned v;

	if (strcmp(s, "%") == 0) {
		*s = '\0';
		return 0;
	}
	for (; *p; p++) {
		if (*p != '%') {
			*o++ = *p;
			continue;
		}
		if (p[1] == '\0' || p[2] == '\0' ||
		    strchr("0123456789ABCDEF", p[1]) == NULL ||
		    strchr("0123456789ABCDEF", p[2]) == NULL ||
		    sscanf(p + 1, "%2X", &v) != 1 || v == 0)
			return -1;
		*o++ = (char)v;
		p += 2;
	}
	*o = '\0';
	return 0;
}

/* Standard input copied to a rewound temporary file on descriptor 0. */
static int
spool_stdin(void)
{
	FILE *tmp = tmpfile();
	char buf[65536];
	size_t n;

	if (tmp == NULL)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		if (fwrite(buf, 1, n, tmp) != n)
			return -1;
	if (ferror(stdin) || fflush(tmp) != 0 || fseek(tmp, 0, SEEK_SET) != 0 ||
	    dup2(fileno(tmp), 0) < 0)
		return -1;
	return 0;
}

/* The head of the first state of path into h; 0 or 1 (reported). */
static int
peek(const char *path, sq_state_head *h)
{
	FILE *fp;
	int rc;

	if (strcmp(path, "-") == 0) {
		if ((fp = fdopen(dup(0), "r")) == NULL) {
			tool_warn("standard input: %s", strerror(errno));
			return 1;
		}
	} else if (sq_input_open(path, &fp, &t.err) != SQ_OK)
		return tool_fail(&t.err, path);
	rc = sq_state_read_head(fp, path, h, &t.err);
	fclose(fp);
	if (strcmp(path, "-") == 0)
		lseek(0, 0, SEEK_SET);
	return rc != SQ_OK ? tool_fail(&t.err, path) : 0;
}

/*
 * The tool's command line: the options first's state recorded, ours
 * (--tool-option X as X), --merge, the states. NULL: reported.
 */
static char **
command(sq_state_head *first, int argc, char *argv[], int nopt)
{
	char **av, *p, *e;
	int i, k = 0;

	if ((av = calloc((size_t)argc + 300, sizeof(*av))) == NULL) {
		tool_nomem();
		return NULL;
	}
	av[k++] = first->tool;
	for (p = first->options; *p && k < 256; p = e + 1) {
		char *name, *val;

		e = strchr(p, '\n');
		*e = '\0';
		if (strncmp(p, "option ", 7) != 0)
			continue;
		name = p + 7;
		if ((val = strchr(name, ' ')) != NULL) {
			*val++ = '\0';
			if (decode(val) != 0) {
				tool_warn("%s: option %s: a value not "
				    "%%-encoded", argv[nopt], name);
				return NULL;
			}
		}
		if ((av[k] = malloc(strlen(name) + (val ? strlen(val) : 0) +
		    4)) == NULL) {
			tool_nomem();
			return NULL;
		}
		sprintf(av[k++], "--%s%s%s", name, val ? "=" : "", val ?
		    val : "");
	}
	for (i = 1; i < nopt; i++) {
		if (strcmp(argv[i], "--") == 0)
			continue;
		if (strcmp(argv[i], "--tool-option") == 0 && i + 1 < nopt)
			av[k++] = argv[++i];
		else if (strncmp(argv[i], "--tool-option=", 14) == 0)
			av[k++] = argv[i] + 14;
		else
			av[k++] = argv[i];
	}
	av[k++] = "--merge";
	av[k++] = "--";
	for (i = nopt; i < argc; i++)
		av[k++] = argv[i];
	av[k] = NULL;
	return av;
}

/* Every state of one tool, one sq-merge knows: 0, or 1 (reported). */
static int
one_tool(int argc, char *argv[], int first_arg, sq_state_head *first)
{
	sq_state_head h;
	int i, k;

	for (i = first_arg; i < argc; i++) {
		if (peek(argv[i], i == first_arg ? first : &h) != 0)
			return 1;
		if (i > first_arg && strcmp(h.tool, first->tool) != 0) {
			tool_warn("%s: a state of %s, %s one of %s: one "
			    "analysis at a time", argv[i], h.tool,
			    argv[first_arg], first->tool);
			return 1;
		}
	}
	for (k = 0; tools[k] != NULL && strcmp(tools[k], first->tool) != 0;
	    k++)
		;
	if (tools[k] == NULL) {
		tool_warn("%s: a state of \"%s\", which sq-merge does not "
		    "know", argv[first_arg], first->tool);
		return 1;
	}
	return 0;
}

/* Run prog with av: the program beside this one, else on PATH. */
static int
run(const char *prog, char **av)
{
	char exe[PATH_MAX], *slash;
	ssize_t n;

	fflush(NULL);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 40);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			strcpy(slash + 1, prog);
			execv(exe, av);
		}
	}
	execvp(prog, av);
	tool_warn("cannot run %s: %s", prog, strerror(errno));
	return 1;
}

int
main(int argc, char *argv[])
{
	static sq_state_head first;
	char **av;
	int ch, i, stdin_used = 0;

	tool_init(&t);
	while ((ch = tool_getopt(&t, argc, argv)) != -1)
		if (ch == TOOL_OWN + 1 && (optarg[0] != '-' ||
		    strcmp(optarg, "--merge") == 0 ||
		    strcmp(optarg, "--") == 0))
			tool_usage("--tool-option: \"%s\" is not an option of "
			    "the tool's", optarg);
		else if (ch != TOOL_OWN && ch != TOOL_OWN + 1)
			tool_usage(NULL);
	if (optind >= argc)
		tool_usage("no state given");
	for (i = optind; i < argc; i++) {
		if (argv[i][0] == '\0')
			tool_usage("a state file name is empty");
		if (strcmp(argv[i], "-") == 0 && stdin_used++)
			tool_usage("standard input given twice");
	}
	if (stdin_used && spool_stdin() != 0) {
		tool_warn("standard input: %s", strerror(errno));
		return 1;
	}
	if (one_tool(argc, argv, optind, &first) != 0 ||
	    (av = command(&first, argc, argv, optind)) == NULL)
		return 1;
	return run(first.tool, av);
}
