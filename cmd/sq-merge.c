/*
 * sq-merge: combine the partial results (states) of shards into the table
 * the tool would print on the concatenated input, or into one state.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/output.h"
#include "servqual/partial.h"
#include "tool.h"

static const tool_opt opts[] = {
	{ "partial", TOOL_OWN, NULL,
	    "write the merged state instead of the table (merge trees)" },
	{ NULL, 0, NULL, NULL }
};

static tool t = {
	.name = "sq-merge",
	.operands = "state...",
	.purpose = "Combines states written by `sq-gap --partial` on separate "
	    "shards of a survey and\nprints the table sq-gap prints on the "
	    "concatenated shards, byte for byte. With\n--by, segments come "
	    "in order of first appearance, states taken in the order\n"
	    "given. A state of - is standard input; a file may hold several "
	    "states one\nafter the other. States of another tool, version, "
	    "option set\n(--adjust included) or instrument are refused.",
	.example = "sq-gap --partial samples/banco_demo.csv | sq-merge -",
	.shared = TOOL_CODEBOOK | TOOL_TABLE | TOOL_GUARD,
	.own = opts,
};

/* The value of option name in a header's option lines, or "". */
static void
option_value(const sq_state_head *h, const char *name, char *out,
    size_t len)
{
	const char *p = h->options;
	size_t n = strlen(name), m;

	out[0] = '\0';
	while (*p) {
		const char *e = strchr(p, '\n');

		m = e ? (size_t)(e - p) : strlen(p);
		if (m > n + 7 && strncmp(p, "option ", 7) == 0 &&
		    strncmp(p + 7, name, n) == 0 && p[7 + n] == ' ') {
			p += 7;
			m -= 7;
			snprintf(out, len, "%.*s", (int)(m - n - 1), p + n + 1);
			return;
		}
		p += m + (e != NULL);
	}
}

int
main(int argc, char *argv[])
{
	sq_instrument *ins = NULL;
	sq_gapset *set = NULL;
	sq_state_head first, h;
	char v[256];
	unsigned long long rows = 0, invalid = 0;
	unsigned long line, nstates = 0;
	double conf;
	int ch, i, rc = 1, partial = 0, by = 0, stdin_used = 0;
	FILE *fp;

	tool_init(&t);
	while ((ch = tool_getopt(&t, argc, argv)) != -1) {
		if (ch == TOOL_OWN)
			partial = 1;
		else
			tool_usage(NULL);
	}
	if (optind >= argc)
		tool_usage("no state given");
	tool_operands(&t, 0, argv);
	for (i = optind; i < argc; i++) {
		if (argv[i][0] == '\0')
			tool_usage("a state file name is empty");
		if (strcmp(argv[i], "-") == 0 && stdin_used++)
			tool_usage("standard input given twice");
	}
	if (sq_instrument_load(t.cli.codebook, &ins, &t.err) != SQ_OK) {
		tool_fail(&t.err, t.cli.codebook);
		goto done;
	}
	/* the first state's header says what the others must agree with */
	for (i = optind; i < argc; i++) {
		const char *path = argv[i];

		if (sq_input_open(path, &fp, &t.err) != SQ_OK) {
			tool_fail(&t.err, path);
			goto done;
		}
		if (set == NULL) {
			/* peek the header for the options the set needs */
			if (strcmp(path, "-") == 0) {
				/* stdin cannot be rewound: --by from a
				 * second read is impossible; read into a
				 * set with segments, which also holds none */
				by = 1;
			} else {
				rc = sq_state_read_head(fp, path, &first,
				    &t.err);
				if (rc != SQ_OK) {
					sq_input_close(fp);
					rc = tool_fail(&t.err, path);
					goto done;
				}
				option_value(&first, "by", v, sizeof(v));
				by = strcmp(v, "-") != 0 && v[0] != '\0';
				rewind(fp);
			}
			if (sq_gapset_new(ins, by, &set) != SQ_OK) {
				sq_input_close(fp);
				tool_nomem();
				goto done;
			}
		}
		/* one or more states, one after the other */
		line = 0;
		do {
			rc = sq_gap_state_read(fp, path, set, ins, &h, &line,
			    &t.err);
			if (rc != SQ_OK) {
				sq_input_close(fp);
				rc = tool_fail(&t.err, path);
				goto done;
			}
			if (nstates++ == 0)
				first = h;
			else if (strcmp(h.version, first.version) != 0 ||
			    strcmp(h.options, first.options) != 0) {
				fprintf(stderr, "sq-merge: %s:%lu: not the same "
				    "analysis as the first state (%s %s):\n"
				    "%s %s\n%s  vs\n%s", path, line,
				    first.tool, first.version, h.tool,
				    h.version, h.options, first.options);
				sq_input_close(fp);
				rc = 1;
				goto done;
			}
			rows += h.rows;
			invalid += h.invalid;
			ch = getc(fp);
		} while (ch != EOF && ungetc(ch, fp) != EOF);
		sq_input_close(fp);
	}
	/* p_adj as the shards' --adjust (states without it: Holm) */
	option_value(&first, "adjust", v, sizeof(v));
	if (v[0] != '\0' && (set->adjust = sq_adjust_parse(v)) < 0) {
		fprintf(stderr, "sq-merge: %s: unknown --adjust \"%s\"\n",
		    argv[optind], v);
		rc = 1;
		goto done;
	}
	option_value(&first, "conf", v, sizeof(v));
	conf = strtod(v, NULL);
	if (!(conf > 0 && conf < 1)) {
		fprintf(stderr, "sq-merge: %s: bad confidence level\n",
		    argv[optind]);
		rc = 1;
		goto done;
	}
	if (invalid > 0 && !partial)
		tool_warn("%llu invalid value%s treated as missing", invalid,
		    invalid == 1 ? "" : "s");
	rc = 1;
	if (partial) {
		h = first;
		h.rows = rows;
		h.invalid = invalid;
		if (sq_gap_partial(set, ins, &h, t.cli.outpath, &t.err) != SQ_OK) {
			tool_fail(&t.err, t.cli.outpath);
			goto done;
		}
	} else {
		sq_gapset_finish(set);
		option_value(&first, "form", v, sizeof(v));
		if (sq_gap_emit(set, ins, conf, atoi(v), t.cli.format,
		    t.cli.lang, t.cli.guard, rows, t.cli.outpath, &t.err) != SQ_OK) {
			tool_fail(&t.err, t.cli.outpath);
			goto done;
		}
	}
	rc = 0;
done:
	sq_gapset_free(set);
	sq_instrument_free(ins);
	return rc;
}
