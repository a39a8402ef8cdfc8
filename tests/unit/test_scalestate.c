/*
 * sq-zone's and sq-check's state bodies (zonestate.h, checkstate.h): a
 * body read back and written again is the same bytes; folds in either
 * order give the same bytes; every truncation is an error and random
 * byte changes are read or refused, never a crash (run under SAN=1).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/checkstate.h"
#include "servqual/zonestate.h"
#include "unit.h"

#define NRESP 300

static unsigned long long rng = 88172645463325252ULL;

/* xorshift: the same respondents on every run */
static unsigned
next(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* Respondent k of a synthetic three-column (zone) or SERVQUAL export. */
struct resp {
	double a[SQ_MAX_ITEMS], d[SQ_MAX_ITEMS], p[SQ_MAX_ITEMS];
	double e[SQ_MAX_ITEMS], w[SQ_MAX_DIMS];
	char id[16], seg[16];
	sq_response r;
};

static void
make(struct resp *x, const sq_instrument *ins, int k, int form)
{
	size_t i;
	unsigned answered = 0;

	memset(x, 0, sizeof(*x));
	for (i = 0; i < ins->nitems; i++) {
		x->a[i] = 1 + next(7);
		x->d[i] = 1 + next(7);
		x->p[i] = 1 + next(7);
		x->e[i] = form == SQ_FORM_SERVQUAL ? 1 + next(7) : NAN;
		if (next(10) == 0)
			x->p[i] = NAN;
		answered += !isnan(x->p[i]) + !isnan(x->e[i]);
	}
	for (i = 0; i < ins->ndims; i++)
		x->w[i] = 20;
	snprintf(x->id, sizeof(x->id), "r%u", next(NRESP));
	snprintf(x->seg, sizeof(x->seg), "s %u", next(4));
	x->r.line = (unsigned long)k + 2;
	x->r.e = x->e;
	x->r.p = x->p;
	x->r.w = x->w;
	x->r.a = x->a;
	x->r.d = x->d;
	x->r.overall = NAN;
	x->r.segment = x->seg;
	x->r.id = x->id;
	x->r.answered = answered;
	x->r.form = form;
}

/* Read buf[0..len) with body, then its "end"; SQ_OK or the error. */
static int
read_buf(const char *buf, size_t len, int (*body)(sq_state_rd *, void *),
    void *ctx, sq_error *err)
{
	sq_state_rd r;
	FILE *fp = fmemopen((void *)buf, len ? len : 1, "r");
	int rc;

	if (fp == NULL)
		return SQ_EIO;
	if (len == 0)
		(void)getc(fp);
	if ((rc = sq_state_rd_init(&r, fp, "t.st", 0, err)) == SQ_OK) {
		rc = body(&r, ctx);
		if (rc == SQ_OK)
			rc = sq_state_expect(&r, "end", 0);
		sq_state_rd_free(&r);
	}
	fclose(fp);
	return rc;
}

struct zctx {
	const sq_instrument *ins;
	sq_zoneset *s;
};

static int
zone_body_read(sq_state_rd *r, void *ctx)
{
	struct zctx *z = ctx;

	return sq_zone_state_read_body(r, z->s, z->ins);
}

static int
zone_read(const char *buf, size_t len, const sq_instrument *ins,
    sq_zoneset *s, sq_error *err)
{
	struct zctx z = { ins, s };

	return read_buf(buf, len, zone_body_read, &z, err);
}

static char *
zone_body(const sq_zoneset *s, size_t *len)
{
	char *b = NULL;
	FILE *fp = open_memstream(&b, len);

	sq_zone_state_write_body(fp, s);
	fputs("end\n", fp);
	fclose(fp);
	return b;
}

static void
test_zone(const sq_instrument *ins)
{
	sq_zoneset *all, *x, *y, *back;
	struct resp *rs = calloc(NRESP, sizeof(*rs));
	char *b, *b2, *bxy, *byx, *mut;
	size_t len, len2, lxy, lyx, cut;
	sq_error err;
	int k, ok = 1, crash = 0;

	sq_zoneset_new(ins, 1, &all);
	sq_zoneset_new(ins, 0, &x);
	sq_zoneset_new(ins, 0, &y);
	for (k = 0; k < NRESP; k++) {
		make(&rs[k], ins, k, SQ_FORM_ZONE);
		sq_zoneset_add(all, ins, &rs[k].r, &err);
		sq_zoneset_add(k < NRESP / 3 ? x : y, ins, &rs[k].r, &err);
	}
	b = zone_body(all, &len);
	sq_zoneset_new(ins, 1, &back);
	CHECK(zone_read(b, len, ins, back, &err) == SQ_OK,
	    "zone: a body reads back");
	b2 = zone_body(back, &len2);
	CHECK(len2 == len && memcmp(b, b2, len) == 0,
	    "zone: read and written again: the same bytes");
	free(b2);
	sq_zoneset_free(back);
	/* x then y, y then x: the same sums */
	{
		sq_zoneset *xy, *yx;

		sq_zoneset_new(ins, 0, &xy);
		sq_zoneset_new(ins, 0, &yx);
		sq_zoneset_fold(xy, x, ins);
		sq_zoneset_fold(xy, y, ins);
		sq_zoneset_fold(yx, y, ins);
		sq_zoneset_fold(yx, x, ins);
		bxy = zone_body(xy, &lxy);
		byx = zone_body(yx, &lyx);
		CHECK(lxy == lyx && memcmp(bxy, byx, lxy) == 0,
		    "zone: folds in either order: the same bytes");
		free(bxy);
		free(byx);
		sq_zoneset_free(xy);
		sq_zoneset_free(yx);
	}
	for (cut = 0; cut + 1 < len; cut += 13) {
		sq_zoneset_new(ins, 1, &back);
		if (zone_read(b, cut, ins, back, &err) == SQ_OK)
			ok = 0;
		sq_zoneset_free(back);
	}
	CHECK(ok, "zone: every truncation is an error");
	mut = malloc(len);
	for (k = 0; k < 3000; k++) {
		int rc;

		memcpy(mut, b, len);
		mut[next((unsigned)len)] = "0123456789 -x\nabz"[next(17)];
		if (k % 3 == 0)
			mut[next((unsigned)len)] = (char)next(256);
		sq_zoneset_new(ins, 1, &back);
		rc = zone_read(mut, len, ins, back, &err);
		if (rc != SQ_OK && rc != SQ_EPARSE && rc != SQ_ENOMEM)
			crash = 1;
		sq_zoneset_free(back);
	}
	CHECK(!crash, "zone: 3000 changed bodies read or refused");
	free(mut);
	free(b);
	free(rs);
	sq_zoneset_free(all);
	sq_zoneset_free(x);
	sq_zoneset_free(y);
}

static int
check_body_read(sq_state_rd *r, void *ctx)
{
	unsigned long ragged = 0;
	const char *shape = NULL;

	return sq_check_state_read_body(r, ctx, &ragged, &shape);
}

static int
check_read(const char *buf, size_t len, sq_check *c, sq_error *err)
{
	return read_buf(buf, len, check_body_read, c, err);
}

static char *
check_body(const sq_check *c, size_t *len)
{
	char *b = NULL;
	FILE *fp = open_memstream(&b, len);

	sq_check_state_write_body(fp, c, 0, "plain");
	fputs("end\n", fp);
	fclose(fp);
	return b;
}

static void
test_check(const sq_instrument *ins)
{
	sq_check *all, *x, *y, *back;
	sq_check_summary s1, s2;
	struct resp *rs = calloc(NRESP, sizeof(*rs));
	char *b, *b2, *mut;
	size_t len, len2, cut;
	sq_error err;
	int k, ok = 1, crash = 0;

	sq_check_new(ins, NULL, &all);
	sq_check_new(ins, NULL, &x);
	sq_check_new(ins, NULL, &y);
	for (k = 0; k < NRESP; k++) {
		make(&rs[k], ins, k, SQ_FORM_SERVQUAL);
		sq_check_add(all, &rs[k].r, "a.csv", NULL, NULL);
		sq_check_add(k < NRESP / 2 ? x : y, &rs[k].r, "a.csv", NULL,
		    NULL);
	}
	sq_check_result(all, &s1);
	CHECK(s1.duplicate_ids > 0, "check: ids repeat");
	/* y then x: the duplicates of the whole */
	sq_check_fold(y, x);
	sq_check_result(y, &s2);
	CHECK(s2.duplicate_ids == s1.duplicate_ids && s2.rows == s1.rows &&
	    s2.missing == s1.missing, "check: a fold counts what one run does");
	b = check_body(all, &len);
	sq_check_new(ins, NULL, &back);
	CHECK(check_read(b, len, back, &err) == SQ_OK,
	    "check: a body reads back");
	b2 = check_body(back, &len2);
	CHECK(len2 == len && memcmp(b, b2, len) == 0,
	    "check: read and written again: the same bytes");
	free(b2);
	sq_check_free(back);
	for (cut = 0; cut + 1 < len; cut += 11) {
		sq_check_new(ins, NULL, &back);
		if (check_read(b, cut, back, &err) == SQ_OK)
			ok = 0;
		sq_check_free(back);
	}
	CHECK(ok, "check: every truncation is an error");
	mut = malloc(len);
	for (k = 0; k < 3000; k++) {
		int rc;

		memcpy(mut, b, len);
		mut[next((unsigned)len)] = "0123456789 -x\nabz"[next(17)];
		if (k % 3 == 0)
			mut[next((unsigned)len)] = (char)next(256);
		sq_check_new(ins, NULL, &back);
		rc = check_read(mut, len, back, &err);
		if (rc != SQ_OK && rc != SQ_EPARSE && rc != SQ_ENOMEM)
			crash = 1;
		sq_check_free(back);
	}
	CHECK(!crash, "check: 3000 changed bodies read or refused");
	free(mut);
	free(b);
	free(rs);
	sq_check_free(all);
	sq_check_free(x);
	sq_check_free(y);
}

int
main(void)
{
	sq_instrument *ins;

	if (sq_instrument_servqual(&ins) != SQ_OK) {
		CHECK(0, "instrument");
		return unit_done();
	}
	test_zone(ins);
	test_check(ins);
	sq_instrument_free(ins);
	return unit_done();
}
