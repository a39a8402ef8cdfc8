/* Unit tests of the CSV reader: delimiters, BOM, quoting, line numbers. */
#include <stdlib.h>
#include <string.h>

#include "servqual/reader.h"
#include "unit.h"

#define MAXR 8

struct got {
	size_t nrows;
	unsigned long line[MAXR];
	size_t nf[MAXR];
	char f[MAXR][4][32];
	int delim;
};

static int
collect(void *ctx, const sq_row *row, sq_error *err)
{
	struct got *g = ctx;
	size_t i;

	(void)err;
	if (g->nrows == MAXR)
		return 0;
	g->line[g->nrows] = row->line;
	g->nf[g->nrows] = row->nfields;
	for (i = 0; i < row->nfields && i < 4; i++)
		snprintf(g->f[g->nrows][i], 32, "%s", row->field[i]);
	g->delim = row->delim;
	g->nrows++;
	return 0;
}

static int
parse(const char *s, size_t len, const sq_reader_opts *o, struct got *g,
    sq_error *err)
{
	memset(g, 0, sizeof(*g));
	memset(err, 0, sizeof(*err));
	return sq_read_csv_mem(s, len, "t.csv", o, collect, g, err);
}

#define P(s, g, e) parse(s, sizeof(s) - 1, NULL, g, e)

int
main(void)
{
	struct got g;
	sq_error e;
	sq_reader_opts o;
	char big[64];
	int rc;

	rc = P("a,b\r\n1,2\r\n", &g, &e);
	CHECK(rc == SQ_OK && g.nrows == 2, "CRLF: two rows");
	CHECK(g.line[0] == 1 && g.line[1] == 2, "CRLF: lines 1 and 2");
	CHECK_STR(g.f[1][1], "2", "CRLF: no CR left in the last field");

	rc = P("\xEF\xBB\xBF" "a;b\n1;2\n", &g, &e);
	CHECK(rc == SQ_OK && g.delim == ';', "BOM and semicolon detected");
	CHECK_STR(g.f[0][0], "a", "BOM stripped from the first name");

	rc = P("sep=;\na,x;b\n1;2\n", &g, &e);
	CHECK(rc == SQ_OK && g.delim == ';' && g.nf[0] == 2,
	    "Excel sep= line sets the delimiter");
	CHECK(g.line[0] == 2 && g.line[1] == 3, "sep= line counts as line 1");
	CHECK_STR(g.f[0][0], "a,x", "comma is data under sep=;");

	rc = P("a,b\n\"x\ny\",2\n3,4\n", &g, &e);
	CHECK(rc == SQ_OK && g.nrows == 3, "quoted newline: three rows");
	CHECK_STR(g.f[1][0], "x\ny", "quoted newline kept in the field");
	CHECK(g.line[1] == 2 && g.line[2] == 4,
	    "rows after a quoted newline keep physical line numbers");

	rc = P("\"he said \"\"hi\"\"\",2\n", &g, &e);
	CHECK_STR(g.f[0][0], "he said \"hi\"", "doubled quotes unescaped");

	rc = P("a,b\n1,2\n\"abc,2\n", &g, &e);
	CHECK(rc == SQ_EPARSE && e.line == 3, "unterminated quote: line 3");

	rc = P("a,b\n1,\"x\"y\n", &g, &e);
	CHECK(rc == SQ_EPARSE && e.line == 2 && e.col == 2,
	    "text after a closing quote: line 2, column 2");

	rc = parse("a,b\n1\0,2\n", 9, NULL, &g, &e);
	CHECK(rc == SQ_EPARSE && e.line == 2, "NUL byte: binary input");

	memset(&o, 0, sizeof(o));
	o.max_field = 10;
	memset(big, 'x', sizeof(big));
	memcpy(big, "a,b\n1,", 6);
	big[sizeof(big) - 1] = '\n';
	rc = parse(big, sizeof(big), &o, &g, &e);
	CHECK(rc == SQ_ELIMIT && e.line == 2 && e.col == 2,
	    "field cap: line 2, column 2");

	memset(&o, 0, sizeof(o));
	o.max_cols = 3;
	rc = parse("a,b,c\n1,2,3,4,5\n", 16, &o, &g, &e);
	CHECK(rc == SQ_ELIMIT && e.line == 2, "column cap: line 2");

	rc = P("a\tb c\n1\t2\n", &g, &e);
	CHECK(rc == SQ_OK && g.delim == '\t' && g.nf[1] == 2,
	    "tab delimiter detected");
	CHECK_STR(g.f[0][1], "b c", "space inside a tab-separated field");

	rc = P("a,b\n\n1,2\n", &g, &e);
	CHECK(rc == SQ_OK && g.nrows == 2 && g.line[1] == 3,
	    "blank line skipped, line numbers kept");

	rc = P("a,,c\n", &g, &e);
	CHECK(rc == SQ_OK && g.nf[0] == 3 && g.f[0][1][0] == '\0',
	    "empty field is an empty string");

	rc = P("a,b\r1,2\r3,4", &g, &e);
	CHECK(rc == SQ_OK && g.nrows == 3 && g.line[2] == 3,
	    "CR-only line ends, last row without a line end");

	rc = P("", &g, &e);
	CHECK(rc == SQ_OK && g.nrows == 0, "empty input: no rows");
	return unit_done();
}
