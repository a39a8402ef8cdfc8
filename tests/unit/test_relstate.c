/*
 * sq-alpha's state body (lib/state/relstate.c, lib/state/covaccstate.c): written and
 * read back, the same bytes; accumulators over parts folded in either
 * order give the bits of one pass; answers that are not whole numbers
 * (running moments) round-trip too; every truncation and every field
 * replaced by junk is an error or a clean read, never a crash (run under
 * make check SAN=1).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "servqual/reliability.h"
#include "servqual/state.h"
#include "unit.h"

#define NROWS 400

static unsigned long long seed = 20261201;

static unsigned
rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

/* Rows [from, to) of the fixed data set into a; frac: half points too. */
static void
feed(sq_relacc *a, const sq_instrument *ins, int from, int to, int frac)
{
	static double e[NROWS][64], p[NROWS][64];
	static int made;
	sq_response r;
	size_t i;
	int j;

	if (!made) {
		for (j = 0; j < NROWS; j++)
			for (i = 0; i < ins->nitems; i++) {
				e[j][i] = 1 + rnd(7);
				p[j][i] = rnd(20) == 0 ? NAN : 1 + rnd(7);
			}
		made = 1;
	}
	memset(&r, 0, sizeof(r));
	for (j = from; j < to; j++) {
		double pe[64];

		for (i = 0; i < ins->nitems; i++)
			pe[i] = frac && j % 3 == 0 ? p[j][i] - 0.5 : p[j][i];
		r.e = e[j];
		r.p = pe;
		sq_relacc_add(a, &r);
	}
}

static char *
body(const sq_relacc *a, size_t *len)
{
	char *b = NULL;
	FILE *fp = open_memstream(&b, len);

	sq_alpha_state_write_body(fp, a);
	fputs("end\n", fp);
	fclose(fp);
	return b;
}

/* Fold the body in buf[0..len) into a; SQ_OK or the error. */
static int
fold(sq_relacc *a, const char *buf, size_t len, sq_error *err)
{
	sq_state_rd r;
	FILE *fp = fmemopen((void *)buf, len ? len : 1, "r");
	int rc;

	if (fp == NULL)
		return SQ_EIO;
	if (len == 0)
		(void)getc(fp);	/* an empty stream */
	rc = sq_state_rd_init(&r, fp, "t.st", 0, err);
	if (rc == SQ_OK)
		rc = sq_alpha_state_read_body(&r, a);
	if (rc == SQ_OK)
		rc = sq_state_expect(&r, "end", 0);
	sq_state_rd_free(&r);
	fclose(fp);
	return rc;
}

/* The table's rows of a as bytes. */
static int
same_rows(const sq_relacc *a, const sq_relacc *b)
{
	sq_relrow *ra, *rb;
	size_t na, nb;
	int same;

	if (sq_rel_rows(a, 0.95, &ra, &na) != SQ_OK ||
	    sq_rel_rows(b, 0.95, &rb, &nb) != SQ_OK)
		return 0;
	same = na == nb && memcmp(ra, rb, na * sizeof(*ra)) == 0;
	free(ra);
	free(rb);
	return same;
}

static void
roundtrip(const sq_instrument *ins, int pairwise, int frac)
{
	sq_relacc *one, *x, *y, *back;
	char *b, *b2, what[128];
	size_t len, len2;
	sq_error err;

	sq_relacc_new(ins, pairwise, &one);
	sq_relacc_new(ins, pairwise, &x);
	sq_relacc_new(ins, pairwise, &y);
	sq_relacc_new(ins, pairwise, &back);
	feed(one, ins, 0, NROWS, frac);
	feed(x, ins, 0, 130, frac);
	feed(y, ins, 130, NROWS, frac);
	b = body(one, &len);
	snprintf(what, sizeof(what), "%s%s: the body reads back",
	    pairwise ? "pairwise" : "listwise", frac ? ", half points" : "");
	CHECK(fold(back, b, len, &err) == SQ_OK, what);
	b2 = body(back, &len2);
	snprintf(what, sizeof(what), "%s%s: written again, the same bytes",
	    pairwise ? "pairwise" : "listwise", frac ? ", half points" : "");
	CHECK(len == len2 && memcmp(b, b2, len) == 0, what);
	if (!frac) {
		/* y then x, through a state: the bits of the one pass */
		free(b2);
		b2 = body(x, &len2);
		CHECK(fold(y, b2, len2, &err) == SQ_OK, "a part's state");
		snprintf(what, sizeof(what), "%s: parts folded in reverse "
		    "order give the one pass's table, bit for bit",
		    pairwise ? "pairwise" : "listwise");
		CHECK(same_rows(one, y), what);
	}
	free(b);
	free(b2);
	sq_relacc_free(one);
	sq_relacc_free(x);
	sq_relacc_free(y);
	sq_relacc_free(back);
}

/*
 * Every truncation of the body at a line end, and the first five and the
 * last field of every stride-th line replaced by each junk value: an
 * error or a read (whose table is then computed, one in 32), never a
 * crash; truncations are all errors.
 */
static void
hostile(const sq_instrument *ins, int pairwise, int stride)
{
	static const char *const junk[] = { "x", "-1", "1e400",
	    "99999999999999999999999999999999999999999", "0x1p+70", "" };
	sq_relacc *a, *t;
	sq_relrow *rows;
	char *b, *m;
	size_t len, i, nr, line, nl = 0, bad = 0, tried = 0;
	int trunc_ok = 1;
	sq_error err;

	sq_relacc_new(ins, pairwise, &a);
	feed(a, ins, 0, NROWS, 0);
	b = body(a, &len);
	for (i = 0; i < len; i++) {
		if (b[i] != '\n')
			continue;
		sq_relacc_new(ins, pairwise, &t);
		/* up to and with line nl, without "end" */
		if (i + 1 < len && fold(t, b, i + 1, &err) == SQ_OK)
			trunc_ok = 0;
		sq_relacc_free(t);
		nl++;
	}
	CHECK(trunc_ok, pairwise ? "pairwise: every truncation is an error" :
	    "listwise: every truncation is an error");
	m = malloc(len + 64);
	for (line = 0; line < nl; line += stride) {
		size_t start = 0, end, l, f, nf = 1, j, at;

		for (l = 0; l < line; l++)
			start = (size_t)(strchr(b + start, '\n') - b) + 1;
		end = (size_t)(strchr(b + start, '\n') - b);
		for (j = start; j < end; j++)
			nf += b[j] == ' ';
		/* the leading fields, and the last */
		for (f = 0; f < nf; f = f < 5 ? f + 1 : f < nf - 1 ? nf - 1 :
		    nf)
			for (j = 0; j < sizeof(junk) / sizeof(*junk); j++) {
				size_t fs = start, fe, o;

				for (at = 0; at < f; at++)
					fs = (size_t)(strchr(b + fs, ' ') -
					    b) + 1;
				for (fe = fs; fe < end && b[fe] != ' '; fe++)
					;
				memcpy(m, b, fs);
				o = fs;
				memcpy(m + o, junk[j], strlen(junk[j]));
				o += strlen(junk[j]);
				memcpy(m + o, b + fe, len - fe);
				o += len - fe;
				sq_relacc_new(ins, pairwise, &t);
				tried++;
				if (fold(t, m, o, &err) != SQ_OK)
					bad++;
				else if ((tried - bad) % 32 == 1 &&
				    sq_rel_rows(t, 0.95, &rows, &nr) == SQ_OK)
					free(rows);	/* no crash either */
				sq_relacc_free(t);
			}
	}
	{
		char what[128];

		snprintf(what, sizeof(what), "%s: %zu junk fields, %zu "
		    "refused, none crashed", pairwise ? "pairwise" :
		    "listwise", tried, bad);
		CHECK(tried > 0 && bad * 2 > tried, what);
	}
	free(m);
	free(b);
	sq_relacc_free(a);
}

int
main(void)
{
	sq_instrument *ins;
	sq_relacc *a, *b;
	sq_error err;
	char *s;
	size_t len;

	gsl_set_error_handler_off();
	if (sq_instrument_servqual(&ins) != SQ_OK)
		return 1;
	roundtrip(ins, 0, 0);
	roundtrip(ins, 1, 0);
	roundtrip(ins, 0, 1);
	roundtrip(ins, 1, 1);
	/* a listwise body into a pairwise accumulator */
	sq_relacc_new(ins, 0, &a);
	sq_relacc_new(ins, 1, &b);
	feed(a, ins, 0, 10, 0);
	s = body(a, &len);
	CHECK(fold(b, s, len, &err) == SQ_EPARSE && err.line == 1 &&
	    strstr(err.msg, "pairwise and listwise") != NULL,
	    "listwise moments into a pairwise accumulator: refused, line 1");
	free(s);
	sq_relacc_free(a);
	sq_relacc_free(b);
	hostile(ins, 0, 2);
	hostile(ins, 1, 41);
	sq_instrument_free(ins);
	return unit_done();
}
