/*
 * The covariance accumulator's state body (covacc.h, the body of sq-factor's
 * and sq-cfa's states, covstate.h): a body read back
 * and written again is the same bytes, exact and running, listwise and
 * pairwise; a body folded into another accumulator gives the bits of the
 * accumulator fed both parts; every truncation and a set of corruptions of
 * a body are errors naming a line (never a crash: run under ASan too).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/covstate.h"
#include "unit.h"

#define K 5

/* Rows lo..hi of a fixed pseudo-random survey (a few values missing). */
static void
feed(sq_covacc *a, int lo, int hi, double scale)
{
	double x[K];
	unsigned s;
	int r, i;

	for (r = lo; r < hi; r++) {
		s = (unsigned)r * 2654435761u + 12345u;
		for (i = 0; i < K; i++) {
			s = s * 1103515245u + 12345u;
			x[i] = (double)((s >> 16) % 7 + 1) * scale;
			if ((s >> 8) % 23 == 0)
				x[i] = NAN;
		}
		sq_covacc_add(a, x);
	}
}

static char *
body(const sq_covacc *a, size_t *len)
{
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);

	sq_covacc_state_write(fp, a);
	fputs("end\n", fp);
	fclose(fp);
	return buf;
}

/* Fold buf[0..len) into a; SQ_OK (and "end" next) or the error. */
static int
fold(const char *buf, size_t len, sq_covacc *a, sq_error *err)
{
	sq_state_rd r;
	FILE *fp = fmemopen((void *)buf, len ? len : 1, "r");
	int rc;

	if (len == 0)
		fgetc(fp);
	if (sq_state_rd_init(&r, fp, "t.st", 0, err) != SQ_OK) {
		fclose(fp);
		return SQ_ENOMEM;
	}
	rc = sq_factor_state_read_body(&r, a);
	if (rc == SQ_OK)
		rc = sq_state_expect(&r, "end", 0);
	sq_state_rd_free(&r);
	fclose(fp);
	return rc;
}

static int
same_cov(const sq_covacc *a, const sq_covacc *b)
{
	double x[K * K], y[K * K];

	sq_covacc_cov(a, x);
	sq_covacc_cov(b, y);
	return memcmp(x, y, sizeof(x)) == 0 && sq_covacc_n(a) ==
	    sq_covacc_n(b) && sq_covacc_seen(a) == sq_covacc_seen(b);
}

/* Running moments: the same to rounding. */
static int
near_cov(const sq_covacc *a, const sq_covacc *b)
{
	double x[K * K], y[K * K];
	int i;

	sq_covacc_cov(a, x);
	sq_covacc_cov(b, y);
	for (i = 0; i < K * K; i++)
		if (!unit_near(x[i], y[i], 1e-12))
			return 0;
	return sq_covacc_n(a) == sq_covacc_n(b);
}

static void
round_trip(int pairwise, double scale, const char *what)
{
	sq_covacc *a, *b, *c, *d;
	sq_error err;
	char *s1, *s2, msg[128];
	size_t l1, l2, cut;
	int bad = 0, rc;

	sq_covacc_new(K, pairwise, &a);
	sq_covacc_new(K, pairwise, &b);
	sq_covacc_new(K, pairwise, &c);
	feed(a, 0, 400, scale);		/* the whole */
	feed(b, 0, 150, scale);		/* two parts */
	feed(c, 150, 400, scale);
	s1 = body(c, &l1);
	snprintf(msg, sizeof(msg), "%s: a body folds", what);
	CHECK(fold(s1, l1, b, &err) == SQ_OK, msg);
	snprintf(msg, sizeof(msg), "%s: folded equals one pass%s", what,
	    scale == 1 ? ", same bits" : " to rounding");
	CHECK(scale == 1 ? same_cov(a, b) : near_cov(a, b), msg);
	sq_covacc_new(K, pairwise, &d);
	fold(s1, l1, d, &err);
	s2 = body(d, &l2);
	snprintf(msg, sizeof(msg), "%s: read and written again, same bytes",
	    what);
	CHECK(l1 == l2 && memcmp(s1, s2, l1) == 0, msg);
	free(s2);
	/* every truncation is an error naming a line */
	for (cut = 0; cut + 1 < l1; cut++) {
		sq_covacc_free(d);
		sq_covacc_new(K, pairwise, &d);
		rc = fold(s1, cut, d, &err);
		if (rc == SQ_OK || err.line == 0)
			bad++;
	}
	snprintf(msg, sizeof(msg), "%s: every truncation refused", what);
	CHECK(bad == 0, msg);
	/* every byte changed to a few others: an error naming a line, or
	   (a digit for a digit) a body that still holds */
	bad = 0;
	for (cut = 0; cut < l1; cut++) {
		static const char subst[] = "0\n -x9.";
		char *m = malloc(l1);
		size_t v;

		for (v = 0; v < sizeof(subst) - 1; v++) {
			memcpy(m, s1, l1);
			m[cut] = subst[v];
			sq_covacc_free(d);
			sq_covacc_new(K, pairwise, &d);
			rc = fold(m, l1, d, &err);
			if (rc != SQ_OK && (rc != SQ_EPARSE || err.line == 0))
				bad++;
		}
		free(m);
	}
	snprintf(msg, sizeof(msg), "%s: every byte mutated: no crash, errors "
	    "name a line", what);
	CHECK(bad == 0, msg);
	/* the wrong mode is refused */
	sq_covacc_free(d);
	sq_covacc_new(K, !pairwise, &d);
	snprintf(msg, sizeof(msg), "%s: the other mode refused", what);
	CHECK(fold(s1, l1, d, &err) == SQ_EPARSE && err.line == 1, msg);
	free(s1);
	sq_covacc_free(a);
	sq_covacc_free(b);
	sq_covacc_free(c);
	sq_covacc_free(d);
}

/* A corrupt body: SQ_EPARSE at line want (0: a valid one). */
static void
corrupt(const char *text, unsigned long want, const char *what)
{
	sq_covacc *a;
	sq_error err;
	int rc;

	sq_covacc_new(2, 0, &a);
	memset(&err, 0, sizeof(err));
	rc = fold(text, strlen(text), a, &err);
	if (!CHECK(want == 0 ? rc == SQ_OK : rc == SQ_EPARSE &&
	    err.line == want, what))
		printf("#   rc %d line %lu: %s\n", rc, err.line, err.msg);
	sq_covacc_free(a);
}

int
main(void)
{
	round_trip(0, 1, "listwise exact");
	round_trip(1, 1, "pairwise exact");
	round_trip(0, 500, "listwise running");
	round_trip(1, 500, "pairwise running");

	corrupt("covacc 2 0 1 4 2\nsum 4 6\nxy 0 8 12\nxy 1 18\nend\n", 0,
	    "a valid body (control)");
	corrupt("covacc 2 0 1 4 5\n", 1, "n above seen");
	corrupt("covacc 2 0 1 4.5 2\n", 1, "a fractional count");
	corrupt("covacc 2 0 1 4398046511104 2\n", 1,
	    "seen past the exact limit");
	corrupt("covacc 3 0 1 4 2\n", 1, "another number of variables");
	corrupt("covacc 2 1 1 4 2\n", 1, "pairwise for listwise");
	corrupt("covacc 2 0 2 4 2\n", 1, "an exactness flag of 2");
	corrupt("covacc 2 0 1 4 2\nsum 4000 6\n", 2, "a sum too big");
	corrupt("covacc 2 0 1 4 2\nsum 4 6 8\n", 2, "a field too many");
	corrupt("covacc 2 0 1 4 2\nsum 4 6\nxy 1 8 12\n", 3,
	    "rows out of order");
	corrupt("covacc 2 0 1 4 2\nsum 4 6\nxy 0 -8 12\n", 3,
	    "a sum of squares below zero");
	corrupt("covacc 2 0 0 4 2\nmean nan 1\n", 2, "a NaN mean");
	return unit_done();
}
