/*
 * sq-drivers' accumulator and state: shards folded in any order give the
 * single run's results bit for bit (whole-number data); a state read back
 * folds to the same; every truncation and every token spoilt is an error,
 * never a crash.
 */
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/driversstate.h"
#include "unit.h"

#define NR	600

static unsigned long long lcg = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	lcg ^= lcg << 13;
	lcg ^= lcg >> 7;
	lcg ^= lcg << 17;
	return (unsigned)(lcg % n);
}

/* Respondents lo..hi of the data set into a; halves make some inexact. */
static int
feed(sq_drivers *a, const sq_instrument *ins, int lo, int hi, int halves)
{
	static const char *seg[] = { "Norte", "Sur", "", "Centro x" };
	double e[SQ_MAX_ITEMS], p[SQ_MAX_ITEMS], w[SQ_MAX_DIMS];
	sq_response r;
	size_t i, d;
	int k;

	memset(&r, 0, sizeof(r));
	r.e = e;
	r.p = p;
	r.w = w;
	for (k = 0; k < NR; k++) {
		double y, tot = 0;

		for (i = 0; i < ins->nitems; i++) {
			e[i] = rnd(12) == 0 ? NAN : 1 + rnd(7);
			p[i] = rnd(12) == 0 ? NAN : 1 + rnd(7);
			if (halves && rnd(50) == 0)
				p[i] -= 0.5;
		}
		for (d = 0; d < ins->ndims; d++) {
			w[d] = d + 1 < ins->ndims ? rnd(40) : 0;
			tot += w[d];
		}
		/* mostly 100-point weights, some other totals, some blank */
		if (rnd(3) != 0)
			w[ins->ndims - 1] = tot < 100 ? 100 - tot : 0;
		if (rnd(20) == 0)
			w[0] = NAN;
		y = rnd(15) == 0 ? NAN : 1 + rnd(10);
		r.segment = seg[rnd(4)];
		r.line = (unsigned long)k + 2;
		if (k < lo || k >= hi)
			continue;
		if (sq_drivers_add(a, ins, &r, y, NULL) != SQ_OK)
			return -1;
	}
	lcg = 88172645463325252ULL;
	return 0;
}

static sq_drivers *
part(const sq_instrument *ins, int lo, int hi, int halves)
{
	sq_drivers *a;

	if (sq_drivers_new(ins, 1, &a) != SQ_OK)
		return NULL;
	if (feed(a, ins, lo, hi, halves) != 0) {
		sq_drivers_free(a);
		return NULL;
	}
	return a;
}

static sq_drvresult *
result(const sq_drivers *a, const sq_instrument *ins)
{
	static const sq_target tg[2] = { { 1, SQ_DRV_P, 5 }, { 0, SQ_DRV_G,
	    -1 } };
	sq_drivers_opts o = { 0.95, SQ_IMP_AUTO, SQ_CROSS_MEAN, tg, 2 };
	sq_drvresult *res = NULL;
	sq_error err;

	sq_drivers_result(a, ins, &o, &res, &err);
	return res;
}

/* Same figures, bit for bit (tol 0) or within tol. */
static int
same(const sq_drvresult *x, const sq_drvresult *y, double tol)
{
	size_t m, i;
	int ok = x != NULL && y != NULL && x->nseg == y->nseg &&
	    x->ntarget == y->ntarget;

	for (m = 0; ok && m < SQ_DRV_NMODELS; m++) {
		const sq_drvmodel *a = &x->model[m], *b = &y->model[m];

		ok = unit_near(a->r2, b->r2, tol) && unit_near(a->p, b->p, tol);
		for (i = 0; ok && i <= x->ndims; i++)
			ok = unit_near(a->est[i], b->est[i], tol) &&
			    unit_near(a->se[i], b->se[i], tol);
	}
	for (i = 0; ok && i < x->ndims; i++)
		ok = unit_near(x->stated[i], y->stated[i], tol) &&
		    unit_near(x->perf[i], y->perf[i], tol) &&
		    unit_near(x->perf_hi[i], y->perf_hi[i], tol);
	/* targets: all, then per segment (segments in the order met) */
	for (i = 0; ok && i < x->ntarget; i++) {
		const sq_drvtarget *a = &x->target[i], *b;
		size_t k = i % 2, s = 0;

		if (a->seg >= 0)
			for (s = 0; s < y->nseg && strcmp(y->seg[s],
			    x->seg[a->seg]) != 0; s++)
				;
		if (a->seg >= 0 && s == y->nseg)
			return 0;
		b = &y->target[(a->seg >= 0 ? 2 + 2 * s : 0) + k];
		ok = unit_near(a->mean, b->mean, tol) &&
		    unit_near(a->ci_low, b->ci_low, tol) &&
		    unit_near(a->p, b->p, tol) && a->n == b->n;
	}
	return ok;
}

static char *
body(const sq_drivers *a, size_t *len)
{
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);

	if (fp == NULL)
		return NULL;
	sq_drivers_state_write_body(fp, a);
	fputs("end\n", fp);
	fclose(fp);
	return buf;
}

/* Fold the body in buf into a; SQ_OK or the reader's code. */
static int
read_body(const char *buf, size_t len, sq_drivers *a,
    const sq_instrument *ins)
{
	sq_state_rd r;
	sq_error err;
	FILE *fp = fmemopen((void *)buf, len, "r");
	int rc;

	if (fp == NULL)
		return SQ_EIO;
	if ((rc = sq_state_rd_init(&r, fp, "t.st", 0, &err)) == SQ_OK) {
		rc = sq_drivers_state_read_body(&r, a, ins);
		if (rc == SQ_OK)
			rc = sq_state_expect(&r, "end", 0);
		sq_state_rd_free(&r);
	}
	fclose(fp);
	return rc;
}

int
main(void)
{
	sq_instrument *ins;
	sq_error lerr;
	sq_drivers *one, *p[3], *f, *g;
	sq_drvresult *r1, *r2;
	char *buf, *bad;
	size_t len, i, j, nl = 0, spared = 0, accepted = 0;
	int h, rc;

	gsl_set_error_handler_off();
	if (sq_instrument_load("tests/oracle/drivers/overall10.codebook.csv",
	    &ins, &lerr) != SQ_OK) {
		CHECK(0, "instrument");
		return unit_done();
	}
	for (h = 0; h < 2; h++) {
		one = part(ins, 0, NR, h);
		p[0] = part(ins, 0, 97, h);
		p[1] = part(ins, 97, 410, h);
		p[2] = part(ins, 410, NR, h);
		/* in file order, and 2 0 1 */
		f = part(ins, 0, 0, h);
		g = part(ins, 0, 0, h);
		CHECK(one && p[0] && p[1] && p[2] && f && g, "accumulators");
		if (!(one && p[0] && p[1] && p[2] && f && g))
			return unit_done();
		for (i = 0; i < 3; i++)
			sq_drivers_fold(f, p[i]);
		sq_drivers_fold(g, p[2]);
		sq_drivers_fold(g, p[0]);
		sq_drivers_fold(g, p[1]);
		r1 = result(one, ins);
		r2 = result(f, ins);
		CHECK(same(r1, r2, h ? 1e-12 : 0), h ? "running parts: shards "
		    "fold to the single run within 1e-12" : "exact: shards "
		    "fold to the single run bit for bit");
		sq_drvresult_free(r2);
		r2 = result(g, ins);
		CHECK(same(r1, r2, h ? 1e-12 : 0), h ? "running parts: in "
		    "another order within 1e-12" : "exact: in another "
		    "order, bit for bit");
		sq_drvresult_free(r2);
		sq_drivers_free(g);
		/* the states of the shards, read back into one accumulator */
		g = part(ins, 0, 0, h);
		for (i = 0; i < 3 && g; i++) {
			buf = body(p[2 - i], &len);
			CHECK(buf && read_body(buf, len, g, ins) == SQ_OK,
			    "a state reads back");
			free(buf);
		}
		r2 = result(g, ins);
		CHECK(same(r1, r2, h ? 1e-12 : 0), "states of the shards fold "
		    "to the single run");
		sq_drvresult_free(r1);
		sq_drvresult_free(r2);
		sq_drivers_free(g);
		sq_drivers_free(f);
		for (i = 0; i < 3; i++)
			sq_drivers_free(p[i]);
		if (h == 0) {
			sq_drivers_free(one);
			continue;
		}
		/* hostile: every truncation, every token spoilt */
		buf = body(one, &len);
		sq_drivers_free(one);
		for (i = 0; i < len; i++) {
			if (buf[i] != '\n' || i + 1 == len)
				continue;
			nl++;
			g = part(ins, 0, 0, 0);
			if (read_body(buf, i + 1, g, ins) == SQ_OK)
				accepted++;
			sq_drivers_free(g);
		}
		CHECK(nl > 40 && accepted == 0, "every truncation is an error");
		bad = malloc(len + 64);
		for (i = 0; bad && i < len; i++) {
			size_t k, e;

			if (i > 0 && buf[i - 1] != ' ' && buf[i - 1] != '\n')
				continue;
			for (e = i; e < len && buf[e] != ' ' && buf[e] != '\n';
			    e++)
				;
			for (j = 0; j < 2; j++) {
				const char *tok = j ? "-99999999999999999999999" :
				    "x";

				memcpy(bad, buf, i);
				k = strlen(tok);
				memcpy(bad + i, tok, k);
				memcpy(bad + i + k, buf + e, len - e);
				g = part(ins, 0, 0, 0);
				rc = read_body(bad, i + k + len - e, g, ins);
				if (j == 0 && rc == SQ_OK)
					spared++;
				sq_drivers_free(g);
			}
		}
		CHECK(bad && spared == 0, "every token spoilt is an error");
		free(bad);
		free(buf);
	}
	sq_instrument_free(ins);
	return unit_done();
}
