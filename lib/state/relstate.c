/*
 * sq-alpha's partial-result state (the body reliability.h describes):
 * the accumulator's covariance accumulators (covaccstate.c) and the
 * moments of r_diff, written so that they read back to the same sums,
 * read as hostile input, every size checked against the accumulator of
 * the instrument given and every sum bounded by what its count of whole
 * answers can reach.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/covacc.h"
#include "servqual/reliability.h"
#include "servqual/state.h"
#include "relacc_int.h"

static void
put_i128s(FILE *fp, const char *key, const __int128 *v, size_t n)
{
	size_t i;

	fputs(key, fp);
	for (i = 0; i < n; i++)
		sq_state_put_i128(fp, v[i]);
	fputc('\n', fp);
}

static void
put_dbls(FILE *fp, const char *key, const double *v, size_t n)
{
	size_t i;

	fputs(key, fp);
	for (i = 0; i < n; i++)
		fprintf(fp, " %a", v[i]);
	fputc('\n', fp);
}

static void
put_diff(FILE *fp, const struct sq_diffmom *m)
{
	size_t n = 2 * m->k + 2;

	fprintf(fp, "diff %.0f %d\n", m->n, !m->inexact);
	if (!m->inexact) {
		put_i128s(fp, "dsum", m->s, n);
		put_i128s(fp, "dsq", m->ss, n);
		put_i128s(fp, "dcross", &m->sep, 1);
	} else {
		put_dbls(fp, "dmean", m->mean, n);
		put_dbls(fp, "dm2", m->m2, n);
		put_dbls(fp, "dcross", &m->cep, 1);
	}
}

int
sq_alpha_state_write_body(FILE *fp, const sq_relacc *a)
{
	size_t s;
	int rc;

	fprintf(fp, "relacc %zu %zu %d\n", a->ins->nitems, a->nscope,
	    a->pairwise);
	if (a->pairwise) {
		if ((rc = sq_covacc_state_write(fp, a->pw_ep)) != SQ_OK ||
		    (rc = sq_covacc_state_write(fp, a->pw_g)) != SQ_OK)
			return rc;
		return ferror(fp) ? SQ_EIO : SQ_OK;
	}
	for (s = 0; s < a->nscope; s++) {
		if (a->k[s] == 0)
			continue;
		fprintf(fp, "scope %zu %zu\n", s, a->k[s]);
		if ((rc = sq_covacc_state_write(fp, a->e[s])) != SQ_OK ||
		    (rc = sq_covacc_state_write(fp, a->p[s])) != SQ_OK ||
		    (rc = sq_covacc_state_write(fp, a->g[s])) != SQ_OK)
			return rc;
		put_diff(fp, &a->dm[s]);
	}
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

/* Reading. */

static __int128
abs128(__int128 v)
{
	return v < 0 ? -v : v;
}

/*
 * The line key with n integer sums into v, entry i within
 * [-lim(i), lim(i)] (nonneg: [0, lim(i)]), lim(i) = lim1 for the items
 * (i < n - 2 or n == 1) and lim2 for the two sums.
 */
static int
get_i128s(sq_state_rd *r, const char *key, __int128 *v, size_t n,
    __int128 lim1, __int128 lim2, int nonneg)
{
	size_t i;
	__int128 lim;
	int rc;

	if ((rc = sq_state_expect(r, key, (int)n)) != SQ_OK)
		return rc;
	for (i = 0; i < n; i++) {
		lim = n > 1 && i < n - 2 ? lim1 : lim2;
		if (sq_state_i128(r->tok[1 + i], &v[i]) ||
		    abs128(v[i]) > lim || (nonneg && v[i] < 0))
			return sq_state_bad(r, "an integer sum out of range");
	}
	return SQ_OK;
}

static int
get_dbls(sq_state_rd *r, const char *key, double *v, size_t n)
{
	size_t i;
	int rc;

	if ((rc = sq_state_expect(r, key, (int)n)) != SQ_OK)
		return rc;
	for (i = 0; i < n; i++)
		if (sq_state_dbl(r->tok[1 + i], &v[i]) || !isfinite(v[i]))
			return sq_state_bad(r,
			    "a number that is not a finite one");
	return SQ_OK;
}

/* One "diff" block folded into m. */
static int
read_diff(sq_state_rd *r, struct sq_diffmom *m)
{
	struct sq_diffmom b;
	size_t n = 2 * m->k + 2;
	unsigned long long exact;
	__int128 rows, x1, xk;
	int rc;

	if ((rc = sq_state_expect(r, "diff", 2)) != SQ_OK)
		return rc;
	if ((rc = sq_diffmom_init(&b, m->k)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[2], 1, &exact) ||
	    (exact && m->k > SQ_MAX_ITEMS)) {
		rc = sq_state_bad(r, "exactness flag not 0 or 1");
		goto done;
	}
	if (sq_state_count(r->tok[1], &b.n) ||
	    (exact && b.n >= SQ_DM_NMAX)) {
		rc = sq_state_bad(r, "a count out of range");
		goto done;
	}
	b.inexact = !exact;
	if (exact) {
		/* an answer, a sum of k answers: at most these in size */
		rows = (__int128)b.n;
		x1 = (__int128)SQ_DM_EXACT_MAX;
		xk = x1 * (__int128)m->k;
		if ((rc = get_i128s(r, "dsum", b.s, n, rows * x1, rows * xk,
		    0)) != SQ_OK ||
		    (rc = get_i128s(r, "dsq", b.ss, n, rows * x1 * x1,
		    rows * xk * xk, 1)) != SQ_OK ||
		    (rc = get_i128s(r, "dcross", &b.sep, 1, 0,
		    rows * xk * xk, 0)) != SQ_OK)
			goto done;
	} else if ((rc = get_dbls(r, "dmean", b.mean, n)) != SQ_OK ||
	    (rc = get_dbls(r, "dm2", b.m2, n)) != SQ_OK ||
	    (rc = get_dbls(r, "dcross", &b.cep, 1)) != SQ_OK)
		goto done;
	rc = sq_diffmom_merge(m, &b);
done:
	sq_diffmom_release(&b);
	return rc;
}

int
sq_alpha_state_read_body(sq_state_rd *r, sq_relacc *a)
{
	unsigned long long u, nitems, nscope, pw;
	size_t s;
	int rc;

	if ((rc = sq_state_expect(r, "relacc", 3)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], 1ULL << 20, &nitems) ||
	    nitems != a->ins->nitems ||
	    sq_state_u64(r->tok[2], 1ULL << 20, &nscope) ||
	    nscope != a->nscope)
		return sq_state_bad(r, "moments of another instrument");
	if (sq_state_u64(r->tok[3], 1, &pw) || (int)pw != a->pairwise)
		return sq_state_bad(r, "pairwise and listwise moments mixed");
	if (a->pairwise) {
		if ((rc = sq_covacc_state_read(r, a->pw_ep)) != SQ_OK)
			return rc;
		return sq_covacc_state_read(r, a->pw_g);
	}
	for (s = 0; s < a->nscope; s++) {
		if (a->k[s] == 0)
			continue;
		if ((rc = sq_state_expect(r, "scope", 2)) != SQ_OK)
			return rc;
		if (sq_state_u64(r->tok[1], 1ULL << 20, &u) || u != s)
			return sq_state_bad(r, "a scope out of order");
		if (sq_state_u64(r->tok[2], 1ULL << 20, &u) || u != a->k[s])
			return sq_state_bad(r, "a scope of another size");
		if ((rc = sq_covacc_state_read(r, a->e[s])) != SQ_OK ||
		    (rc = sq_covacc_state_read(r, a->p[s])) != SQ_OK ||
		    (rc = sq_covacc_state_read(r, a->g[s])) != SQ_OK ||
		    (rc = read_diff(r, &a->dm[s])) != SQ_OK)
			return rc;
	}
	return SQ_OK;
}
