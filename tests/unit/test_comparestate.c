/*
 * sq-compare's state body (lib/state/comparestate.c): a body read back and
 * written again is the same bytes; folding two halves equals one set;
 * every truncation of a body is an error naming a line, every one-byte
 * corruption is an error or a valid read, never a crash (run under
 * ASan by make check SAN=1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/cli.h"
#include "servqual/comparestate.h"
#include "unit.h"

struct feed {
	const sq_instrument *ins;
	sq_cmpset *set[2];
	unsigned long n;
};

/* Rows alternate between two halves. */
static int
add(void *ctx, const sq_response *r, sq_error *err)
{
	struct feed *f = ctx;

	return sq_cmpset_add(f->set[f->n++ % 2], f->ins, r->segment, r, err);
}

static char *
body(const sq_cmpset *s, size_t *len)
{
	char *b = NULL;
	FILE *fp = open_memstream(&b, len);

	if (fp == NULL)
		return NULL;
	if (sq_compare_state_write_body(fp, s) != SQ_OK) {
		fclose(fp);
		free(b);
		return NULL;
	}
	fclose(fp);
	return b;
}

/* Read buf[0..len) into a fresh set; SQ_OK or the error (in err). */
static int
read_body(const char *buf, size_t len, const sq_instrument *ins,
    sq_cmpset **out, sq_error *err)
{
	sq_state_rd r;
	sq_cmpset *s;
	FILE *fp;
	int rc;

	*out = NULL;
	if (sq_cmpset_new(ins, SQ_SCORE_G, 1, &s) != SQ_OK)
		return SQ_ENOMEM;
	if ((fp = fmemopen((void *)buf, len ? len : 1, "r")) == NULL) {
		sq_cmpset_free(s);
		return SQ_EIO;
	}
	if (len == 0)
		getc(fp);	/* an empty stream */
	if (sq_state_rd_init(&r, fp, "t.st", 0, err) != SQ_OK) {
		fclose(fp);
		sq_cmpset_free(s);
		return SQ_ENOMEM;
	}
	rc = sq_compare_state_read_body(&r, s);
	sq_state_rd_free(&r);
	fclose(fp);
	if (rc == SQ_OK)
		*out = s;
	else
		sq_cmpset_free(s);
	return rc;
}

int
main(void)
{
	sq_instrument *ins = NULL;
	sq_survey_opts so;
	sq_survey_stats st;
	sq_error err;
	struct feed f;
	sq_cmpset *back, *one;
	char *b1, *b2, *b3, *cut;
	size_t l1, l2, l3, i, bad = 0, named = 0, crashed = 0;
	unsigned long line;

	memset(&err, 0, sizeof(err));
	memset(&so, 0, sizeof(so));
	memset(&f, 0, sizeof(f));
	so.by = "sucursal";
	if (!CHECK(sq_instrument_load(NULL, &ins, &err) == SQ_OK,
	    "built-in instrument"))
		return unit_done();
	f.ins = ins;
	sq_cmpset_new(ins, SQ_SCORE_G, 1, &f.set[0]);
	sq_cmpset_new(ins, SQ_SCORE_G, 1, &f.set[1]);
	CHECK(sq_survey_read_path("tests/oracle/compare/branches.csv", ins,
	    &so, add, &f, &st, &err) == SQ_OK, "branches.csv read");
	/* the halves folded equal one set of all rows */
	sq_cmpset_new(ins, SQ_SCORE_G, 1, &one);
	CHECK(sq_cmpset_fold(one, f.set[1], &line) == SQ_OK &&
	    sq_cmpset_fold(one, f.set[0], &line) == SQ_OK, "fold halves");
	b1 = body(one, &l1);
	CHECK(b1 != NULL && l1 > 100, "body written");
	CHECK(read_body(b1, l1, ins, &back, &err) == SQ_OK, "body read back");
	b2 = back ? body(back, &l2) : NULL;
	CHECK(b2 != NULL && l2 == l1 && memcmp(b1, b2, l1) == 0,
	    "read back and written again: the same bytes");
	/* half 0 then half 1: the same body as half 1 then half 0 */
	sq_cmpset_fold(f.set[0], f.set[1], &line);
	b3 = body(f.set[0], &l3);
	CHECK(b3 != NULL && l3 == l1 && memcmp(b1, b3, l1) == 0,
	    "fold order does not change the body");
	/* every proper prefix ending at a line is an error naming a line */
	for (i = 0; i + 1 < l1; i++) {
		sq_cmpset *s;

		if (b1[i] != '\n')
			continue;
		memset(&err, 0, sizeof(err));
		if (read_body(b1, i + 1, ins, &s, &err) != SQ_OK) {
			bad++;
			named += err.line > 0;
		}
		sq_cmpset_free(s);
	}
	CHECK(bad > 0 && named == bad, "every truncation refused with a line");
	for (i = 0, bad = 0; i + 1 < l1; i++)
		bad += b1[i] == '\n';
	CHECK(named == bad, "no truncation read as a whole body");
	/* one byte changed anywhere: an error or a valid set */
	cut = malloc(l1);
	for (i = 0; cut != NULL && i < l1; i += 3) {
		static const char junk[] = "0-9 xfp\n";
		sq_cmpset *s;
		int rc;

		memcpy(cut, b1, l1);
		cut[i] = junk[i % (sizeof(junk) - 1)];
		memset(&err, 0, sizeof(err));
		rc = read_body(cut, l1, ins, &s, &err);
		crashed += rc != SQ_OK && rc != SQ_EPARSE;
		sq_cmpset_free(s);
	}
	CHECK(crashed == 0, "corrupted bodies: SQ_EPARSE or read");
	free(cut);
	free(b1);
	free(b2);
	free(b3);
	sq_cmpset_free(back);
	sq_cmpset_free(one);
	sq_cmpset_free(f.set[0]);
	sq_cmpset_free(f.set[1]);
	sq_instrument_free(ins);
	return unit_done();
}
