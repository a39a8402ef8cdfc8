/* What drives the overall rating: see include/servqual/drivers.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_sf_gamma.h>

#include "servqual/chart.h"
#include "servqual/gap.h"
#include "drivers_int.h"

#define NQ	DRV_NQ

/* Mean and sum of squared deviations of one score. */
struct mom1 {
	double n, mean, m2;
};

int
sq_drivers_new(const sq_instrument *ins, int by_segment, sq_drivers **out)
{
	sq_drivers *a;

	*out = NULL;
	if (ins->ndims > SQ_MAX_DIMS)
		return SQ_EUSAGE;
	if ((a = calloc(1, sizeof(*a))) == NULL)
		return SQ_ENOMEM;
	a->nd = ins->ndims;
	a->L = sq_score_den(ins);
	if (sq_scores_new(ins, &a->sg) != SQ_OK ||
	    sq_scores_new(ins, &a->sp) != SQ_OK)
		goto nomem;
	if ((a->all = calloc(2 * a->nd + 1, sizeof(*a->all))) == NULL)
		goto nomem;
	a->by_segment = by_segment;
	if (by_segment) {
		a->hcap = 64;
		sq_hash_key_init(&a->key);
		if ((a->hash = calloc(a->hcap, sizeof(*a->hash))) == NULL)
			goto nomem;
	}
	*out = a;
	return SQ_OK;
nomem:
	sq_drivers_free(a);
	return SQ_ENOMEM;
}

void
sq_drivers_free(sq_drivers *a)
{
	size_t i;

	if (a == NULL)
		return;
	sq_scores_free(a->sg);
	sq_scores_free(a->sp);
	free(a->all);
	for (i = 0; i < a->nseg; i++)
		free(a->seg[i]);
	free(a->seg);
	free(a->segmom);
	free(a->hash);
	free(a->tot);
	free(a);
}

/* ---- exact and running moments ---- */

/* Welford: one value into the running part. */
static void
mom1_run(struct drv_mom1 *s, double x)
{
	double d;

	s->rn += 1;
	d = x - s->rm;
	s->rm += d / s->rn;
	s->rm2 += d * (x - s->rm);
}

/* x = X / den exactly (ok) or not. */
static void
mom1_add(struct drv_mom1 *s, int ok, long long X, double x)
{
	if (isnan(x))
		return;
	if (ok && s->n < DRV_NMAX - 1) {
		s->n++;
		s->s += X;
		s->ss += (__int128)X * X;
	} else
		mom1_run(s, x);
}

/*
 * The centred co-moment of integer series i and j from n and their sums
 * si, sj, sij, over den: (sij - si sj / n) / den, with si = qi n + ri so
 * that every product stays within 128 bits (wrapping unsigned arithmetic
 * for the steps, whose result is in range), one rounding at the end.
 */
static long double
centred(unsigned long long n, __int128 si, __int128 sj, __int128 sij,
    long double den)
{
	__int128 N = (__int128)n, qi = si / N, ri = si % N, qj = sj / N,
	    rj = sj % N;
	unsigned __int128 A = (unsigned __int128)sij -
	    (unsigned __int128)qi * (unsigned __int128)sj -
	    (unsigned __int128)ri * (unsigned __int128)qj;

	return ((long double)(__int128)A - (long double)(ri * rj) /
	    (long double)N) / den;
}

/* The moments of s with scores over den: exact and running combined. */
static void
mom1_get(const struct drv_mom1 *s, long long den, struct mom1 *out)
{
	double n, d;

	out->n = (double)s->n;
	out->mean = out->m2 = 0;
	if (s->n > 0) {
		out->mean = (double)((long double)s->s / ((long double)s->n *
		    (long double)den));
		out->m2 = (double)centred(s->n, s->s, s->s, s->ss,
		    (long double)den * (long double)den);
	}
	if (s->rn == 0)
		return;
	if (s->n == 0) {
		out->n = s->rn;
		out->mean = s->rm;
		out->m2 = s->rm2;
		return;
	}
	n = out->n + s->rn;
	d = s->rm - out->mean;
	out->m2 += s->rm2 + d * d * out->n * s->rn / n;
	out->mean += d * s->rn / n;
	out->n = n;
}

/* Chan et al.: running moments b folded into a. */
static void
mom1_chan(double *an, double *am, double *am2, double bn, double bm,
    double bm2)
{
	double n, d;

	if (bn == 0)
		return;
	if (*an == 0) {
		*an = bn;
		*am = bm;
		*am2 = bm2;
		return;
	}
	n = *an + bn;
	d = bm - *am;
	*am2 += bm2 + d * d * *an * bn / n;
	*am += d * bn / n;
	*an = n;
}

void
sq_drv_mom1_fold(struct drv_mom1 *a, const struct drv_mom1 *b, long long L)
{
	if (a->n + b->n < DRV_NMAX) {
		a->n += b->n;
		a->s += b->s;
		a->ss += b->ss;
	} else {
		/* beyond 2^46 respondents: b's exact part runs too */
		struct drv_mom1 e = *b;
		struct mom1 m;

		e.rn = 0;
		mom1_get(&e, L, &m);
		mom1_chan(&a->rn, &a->rm, &a->rm2, m.n, m.mean, m.m2);
	}
	mom1_chan(&a->rn, &a->rm, &a->rm2, b->rn, b->rm, b->rm2);
}

/* Welford: one case z[0..q) into the running part of a model. */
static void
mom_run(struct drv_mom *a, size_t q, const double *z)
{
	double d[NQ];
	size_t i, j;

	a->rn += 1;
	for (i = 0; i < q; i++) {
		d[i] = z[i] - a->rm[i];
		a->rm[i] += d[i] / a->rn;
	}
	for (i = 0; i < q; i++)
		for (j = i; j < q; j++)
			a->rc[DRV_UT(q, i, j)] += d[i] * (z[j] - a->rm[j]);
}

/* The exact part of a model as means and co-moments (dens: per column). */
static void
mom_exact(const struct drv_mom *a, size_t q, const long long *den,
    double *m, double *C)
{
	size_t i, j;

	for (i = 0; i < q; i++) {
		m[i] = (double)((long double)a->s[i] / ((long double)a->n *
		    (long double)den[i]));
		for (j = i; j < q; j++)
			C[DRV_UT(q, i, j)] = (double)centred(a->n, a->s[i],
			    a->s[j], a->ss[DRV_UT(q, i, j)],
			    (long double)den[i] * (long double)den[j]);
	}
}

/* Chan et al. for co-moments: (bn, bm, bC) folded into (an, am, aC). */
static void
mom_chan(double *an, double *am, double *aC, double bn, const double *bm,
    const double *bC, size_t q)
{
	double n, d[NQ];
	size_t i, j;

	if (bn == 0)
		return;
	if (*an == 0) {
		*an = bn;
		memcpy(am, bm, q * sizeof(*am));
		memcpy(aC, bC, q * (q + 1) / 2 * sizeof(*aC));
		return;
	}
	n = *an + bn;
	for (i = 0; i < q; i++)
		d[i] = bm[i] - am[i];
	for (i = 0; i < q; i++)
		for (j = i; j < q; j++)
			aC[DRV_UT(q, i, j)] += bC[DRV_UT(q, i, j)] +
			    d[i] * d[j] * *an * bn / n;
	for (i = 0; i < q; i++)
		am[i] += d[i] * bn / n;
	*an = n;
}

void
sq_drv_mom_fold(struct drv_mom *a, const struct drv_mom *b, size_t q,
    long long L)
{
	size_t i;

	if (a->n + b->n < DRV_NMAX) {
		a->n += b->n;
		for (i = 0; i < q; i++)
			a->s[i] += b->s[i];
		for (i = 0; i < q * (q + 1) / 2; i++)
			a->ss[i] += b->ss[i];
	} else if (b->n > 0) {
		/* beyond 2^46 respondents: b's exact part runs too */
		long long den[NQ];
		double m[NQ], C[DRV_NCROSS], n = (double)b->n;

		for (i = 0; i < q; i++)
			den[i] = i + 1 < q ? L : SQ_DRV_YDEN;
		mom_exact(b, q, den, m, C);
		mom_chan(&a->rn, a->rm, a->rc, n, m, C, q);
	}
	mom_chan(&a->rn, a->rm, a->rc, b->rn, b->rm, b->rc, q);
}

/* ---- segments ---- */

static int
rehash(sq_drivers *a)
{
	size_t cap = a->hcap * 2, i, h;
	size_t *nh = calloc(cap, sizeof(*nh));

	if (nh == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < a->nseg; i++) {
		h = (size_t)sq_hash_keyed(&a->key, a->seg[i]) & (cap - 1);
		while (nh[h] != 0)
			h = (h + 1) & (cap - 1);
		nh[h] = i + 1;
	}
	free(a->hash);
	a->hash = nh;
	a->hcap = cap;
	return SQ_OK;
}

int
sq_drivers_segment(sq_drivers *a, const char *v, struct drv_mom1 **out)
{
	size_t h = (size_t)sq_hash_keyed(&a->key, v) & (a->hcap - 1), i,
	    per = 2 * a->nd;

	while (a->hash[h] != 0) {
		i = a->hash[h] - 1;
		if (strcmp(a->seg[i], v) == 0) {
			*out = a->segmom + i * per;
			return SQ_OK;
		}
		h = (h + 1) & (a->hcap - 1);
	}
	if (a->nseg >= DRV_MAX_SEGMENTS)
		return SQ_ELIMIT;
	if (a->nseg == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;
		char **ns = realloc(a->seg, cap * sizeof(*ns));
		struct drv_mom1 *nm;

		if (ns == NULL)
			return SQ_ENOMEM;
		a->seg = ns;
		nm = realloc(a->segmom, cap * (per ? per : 1) * sizeof(*nm));
		if (nm == NULL)
			return SQ_ENOMEM;
		a->segmom = nm;
		a->cap = cap;
	}
	if ((a->seg[a->nseg] = strdup(v)) == NULL)
		return SQ_ENOMEM;
	memset(a->segmom + a->nseg * per, 0, per * sizeof(struct drv_mom1));
	a->hash[h] = a->nseg + 1;
	*out = a->segmom + a->nseg * per;
	a->nseg++;
	if (2 * a->nseg > a->hcap)
		return rehash(a);
	return SQ_OK;
}

/* ---- stated weights ---- */

/* The rescaled weights of n respondents as running sums. */
static void
total_run(sq_drivers *a, long long total, unsigned long long n,
    const long long *w)
{
	size_t d;

	for (d = 0; d < a->nd; d++)
		a->wrun[d] += 100 * (double)w[d] / (double)total;
	a->wrn += (double)n;
}

int
sq_drv_total_add(sq_drivers *a, long long total, unsigned long long n,
    const long long *w)
{
	size_t lo = 0, hi = a->ntot, mid, d;
	struct drv_total *t;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (a->tot[mid].total < total)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < a->ntot && a->tot[lo].total == total) {
		t = &a->tot[lo];
		if (t->n + n >= DRV_NMAX) {
			total_run(a, total, n, w);
			return SQ_OK;
		}
	} else {
		if (a->ntot >= DRV_NTOTALS) {
			total_run(a, total, n, w);
			return SQ_OK;
		}
		if (a->ntot % 16 == 0) {
			t = realloc(a->tot, (a->ntot + 16) * sizeof(*t));
			if (t == NULL)
				return SQ_ENOMEM;
			a->tot = t;
		}
		memmove(a->tot + lo + 1, a->tot + lo, (a->ntot - lo) *
		    sizeof(*a->tot));
		a->ntot++;
		t = &a->tot[lo];
		memset(t, 0, sizeof(*t));
		t->total = total;
	}
	t->n += n;
	for (d = 0; d < a->nd; d++)
		t->w[d] += w[d];
	return SQ_OK;
}

/* ---- adding respondents ---- */

/* x as X / den, |X| <= DRV_XMAX, when x is exactly such a fraction. */
static int
as_exact(double x, long long den, long long *X)
{
	double v = nearbyint(x * (double)den);

	/* the nearest X whose quotient gives back x: 0.07 is 700 / 10^4 */
	if (!(fabs(v) <= (double)DRV_XMAX))
		return 0;
	*X = (long long)v;
	return (double)*X / (double)den == x;
}

/* Score d of s as X / L: its sum a whole number within range. */
static int
score_exact(const sq_scores *s, size_t d, long long L, long long *X)
{
	double sum = s->sum[d];

	if (L <= 0 || isnan(s->dim[d]) || !(fabs(sum) <= (double)DRV_XMAX) ||
	    sum != floor(sum) || L % (long long)s->count[d] != 0)
		return 0;
	*X = (long long)sum * (L / (long long)s->count[d]);
	return *X >= -DRV_XMAX && *X <= DRV_XMAX;
}

int
sq_drivers_add(sq_drivers *a, const sq_instrument *ins,
    const sq_response *r, double y, sq_error *err)
{
	size_t nd = a->nd, q = nd + 1, d, m, i, j;
	long long xg[SQ_MAX_DIMS], xp[SQ_MAX_DIMS], wi[SQ_MAX_DIMS], Y = 0;
	int okg[SQ_MAX_DIMS], okp[SQ_MAX_DIMS], yok, wint = 1;
	double z[NQ], wsum = 0;
	long long wtot = 0;
	struct drv_mom1 *sm = NULL;
	int rc, wok = r->w != NULL;

	a->respondents += 1;
	sq_scores_dims(a->sg, ins, r, SQ_SCORE_G);
	sq_scores_dims(a->sp, ins, r, SQ_SCORE_P);
	if (a->by_segment && r->segment != NULL) {
		rc = sq_drivers_segment(a, r->segment[0] ? r->segment :
		    "(blank)", &sm);
		if (rc == SQ_ELIMIT)
			return sq_error_set(err, rc, NULL, r->line, 0, NULL,
			    "more than 100000 distinct segment values");
		if (rc != SQ_OK)
			return sq_error_set(err, rc, NULL, r->line, 0, NULL,
			    "out of memory");
	}
	for (d = 0; d < nd; d++) {
		okp[d] = score_exact(a->sp, d, a->L, &xp[d]);
		okg[d] = score_exact(a->sg, d, a->L, &xg[d]);
		mom1_add(&a->all[d], okp[d], xp[d], a->sp->dim[d]);
		mom1_add(&a->all[nd + d], okg[d], xg[d], a->sg->dim[d]);
		if (sm != NULL) {
			mom1_add(&sm[d], okp[d], xp[d], a->sp->dim[d]);
			mom1_add(&sm[nd + d], okg[d], xg[d], a->sg->dim[d]);
		}
	}
	yok = !isnan(y) && as_exact(y, SQ_DRV_YDEN, &Y);
	for (m = 0; m < SQ_DRV_NMODELS && !isnan(y) && nd > 0; m++) {
		const sq_scores *s = m == SQ_DRV_SERVQUAL ? a->sg : a->sp;
		const long long *x = m == SQ_DRV_SERVQUAL ? xg : xp;
		const int *ok = m == SQ_DRV_SERVQUAL ? okg : okp;
		struct drv_mom *mo = &a->mod[m];
		int exact = yok && mo->n < DRV_NMAX - 1;

		for (d = 0; d < nd; d++) {
			if (isnan(z[d] = s->dim[d]))
				break;
			exact = exact && ok[d];
		}
		if (d < nd)
			continue;
		z[nd] = y;
		if (!exact) {
			mom_run(mo, q, z);
			continue;
		}
		mo->n++;
		for (i = 0; i < q; i++) {
			__int128 xi = i < nd ? x[i] : Y;

			mo->s[i] += xi;
			for (j = i; j < q; j++)
				mo->ss[DRV_UT(q, i, j)] += xi *
				    (j < nd ? x[j] : Y);
		}
	}
	for (d = 0; d < nd && wok; d++) {
		if (isnan(r->w[d]))
			wok = 0;
		else {
			wsum += r->w[d];
			if (fabs(r->w[d]) <= DRV_WMAX &&
			    r->w[d] == floor(r->w[d])) {
				wi[d] = (long long)r->w[d];
				wtot += wi[d];
			} else
				wint = 0;
		}
	}
	if (wok && nd > 0 && wsum > 0) {
		if (wint)
			return sq_drv_total_add(a, wtot, 1, wi) == SQ_OK ?
			    SQ_OK : sq_error_set(err, SQ_ENOMEM, NULL,
			    r->line, 0, NULL, "out of memory");
		for (d = 0; d < nd; d++)
			a->wrun[d] += 100 * r->w[d] / wsum;
		a->wrn += 1;
	}
	return SQ_OK;
}

int
sq_drivers_fold(sq_drivers *a, const sq_drivers *b)
{
	size_t q = a->nd + 1, per = 2 * a->nd, i, d;
	struct drv_mom1 *sm;
	int rc;

	if (b->nd != a->nd || b->L != a->L)
		return SQ_EUSAGE;
	a->respondents += b->respondents;
	for (i = 0; i < SQ_DRV_NMODELS; i++)
		sq_drv_mom_fold(&a->mod[i], &b->mod[i], q, a->L);
	for (i = 0; i < b->ntot; i++)
		if ((rc = sq_drv_total_add(a, b->tot[i].total, b->tot[i].n,
		    b->tot[i].w)) != SQ_OK)
			return rc;
	for (d = 0; d < a->nd; d++)
		a->wrun[d] += b->wrun[d];
	a->wrn += b->wrn;
	for (i = 0; i < per; i++)
		sq_drv_mom1_fold(&a->all[i], &b->all[i], a->L);
	for (i = 0; i < b->nseg; i++) {
		if (!a->by_segment)
			return SQ_EUSAGE;
		if ((rc = sq_drivers_segment(a, b->seg[i], &sm)) != SQ_OK)
			return rc;
		for (d = 0; d < per; d++)
			sq_drv_mom1_fold(&sm[d], &b->segmom[i * per + d],
			    a->L);
	}
	return SQ_OK;
}
/* ---- the models ---- */

static void
model_nan(sq_drvmodel *mod)
{
	size_t i;

	mod->r2 = mod->adj_r2 = mod->f = mod->p = NAN;
	for (i = 0; i < SQ_MAX_DIMS + 1; i++)
		mod->est[i] = mod->se[i] = mod->t[i] = mod->pv[i] =
		    mod->beta[i] = mod->vif[i] = NAN;
	for (i = 0; i < SQ_MAX_DIMS; i++)
		mod->lmg[i] = mod->share[i] = NAN;
}

void
sq_drivers_fit(double n, size_t p, const double *m, const double *C,
    sq_drvmodel *mod)
{
	size_t q = p + 1, i, j;
	double s[NQ], sy, r2, rss, sigma2, v0;
	gsl_matrix *R = NULL;
	gsl_vector *z = NULL;

	model_nan(mod);
	mod->singular = 0;
	mod->n = n;
	mod->df1 = (double)p;
	mod->df2 = n >= (double)p + 1 ? n - (double)p - 1 : NAN;
	if (p == 0 || p > SQ_MAX_DIMS || !(mod->df2 >= 1))
		return;
	for (i = 0; i < q; i++)
		s[i] = sqrt(C[i * q + i]);
	sy = s[p];
	for (i = 0; i < p; i++)
		if (!(s[i] > 0))
			mod->singular = 1;
	if (mod->singular || !(sy > 0))
		return;
	R = gsl_matrix_alloc(p, p);
	z = gsl_vector_alloc(p);
	if (R == NULL || z == NULL)
		goto out;
	for (i = 0; i < p; i++) {
		for (j = 0; j < p; j++) {
			size_t a = i < j ? i : j, b = i < j ? j : i;

			gsl_matrix_set(R, i, j, C[a * q + b] / (s[a] * s[b]));
		}
		gsl_vector_set(z, i, C[i * q + p] / (s[i] * sy));
	}
	if (gsl_linalg_cholesky_decomp1(R) != GSL_SUCCESS) {
		mod->singular = 1;
		goto out;
	}
	/* z = L^-1 r: R^2 = z'z; then beta = L^-T z */
	if (gsl_blas_dtrsv(CblasLower, CblasNoTrans, CblasNonUnit, R, z) !=
	    GSL_SUCCESS)
		goto out;
	r2 = 0;
	for (i = 0; i < p; i++)
		r2 += gsl_vector_get(z, i) * gsl_vector_get(z, i);
	if (gsl_blas_dtrsv(CblasLower, CblasTrans, CblasNonUnit, R, z) !=
	    GSL_SUCCESS)
		goto out;
	/* R now holds the inverse of the correlation matrix */
	if (gsl_linalg_cholesky_invert(R) != GSL_SUCCESS)
		goto out;
	rss = fmax(0, 1 - r2) * sy * sy;
	sigma2 = rss / mod->df2;
	mod->r2 = r2;
	mod->adj_r2 = 1 - (1 - r2) * (n - 1) / mod->df2;
	mod->f = (r2 / (double)p) / ((1 - r2) / mod->df2);
	mod->p = isfinite(mod->f) ? gsl_cdf_fdist_Q(mod->f, (double)p,
	    mod->df2) : 0;
	v0 = 1 / n;
	mod->est[0] = m[p];
	for (i = 0; i < p; i++) {
		double b = gsl_vector_get(z, i);

		mod->beta[1 + i] = b;
		mod->est[1 + i] = b * sy / s[i];
		mod->est[0] -= mod->est[1 + i] * m[i];
		mod->vif[1 + i] = gsl_matrix_get(R, i, i);
		mod->se[1 + i] = sqrt(sigma2 * gsl_matrix_get(R, i, i) /
		    (s[i] * s[i]));
		for (j = 0; j < p; j++)
			v0 += m[i] * m[j] * gsl_matrix_get(R, i, j) /
			    (s[i] * s[j]);
	}
	mod->se[0] = sqrt(sigma2 * v0);
	for (i = 0; i <= p; i++) {
		mod->t[i] = mod->est[i] / mod->se[i];
		mod->pv[i] = isfinite(mod->t[i]) ? 2 * gsl_cdf_tdist_Q(
		    fabs(mod->t[i]), mod->df2) : NAN;
	}
out:
	gsl_matrix_free(R);
	gsl_vector_free(z);
}

/* R^2 of the predictors in mask, from R and r; NAN if singular. */
static double
subset_r2(size_t p, const double *R, const double *r, unsigned mask,
    gsl_matrix *A, gsl_vector *z)
{
	size_t idx[SQ_LMG_MAX_DIMS], k = 0, i, j;
	gsl_matrix_view Av;
	gsl_vector_view zv;
	double r2 = 0;

	for (i = 0; i < p; i++)
		if (mask & (1u << i))
			idx[k++] = i;
	if (k == 0)
		return 0;
	Av = gsl_matrix_submatrix(A, 0, 0, k, k);
	zv = gsl_vector_subvector(z, 0, k);
	for (i = 0; i < k; i++) {
		for (j = 0; j < k; j++)
			gsl_matrix_set(&Av.matrix, i, j, R[idx[i] * p + idx[j]]);
		gsl_vector_set(&zv.vector, i, r[idx[i]]);
	}
	if (gsl_linalg_cholesky_decomp1(&Av.matrix) != GSL_SUCCESS ||
	    gsl_blas_dtrsv(CblasLower, CblasNoTrans, CblasNonUnit,
	    &Av.matrix, &zv.vector) != GSL_SUCCESS)
		return NAN;
	for (i = 0; i < k; i++)
		r2 += gsl_vector_get(&zv.vector, i) *
		    gsl_vector_get(&zv.vector, i);
	return r2;
}

int
sq_lmg(size_t p, const double *R, const double *r, double *lmg)
{
	size_t nsub, s, j;
	double *r2, w[SQ_LMG_MAX_DIMS];
	gsl_matrix *A;
	gsl_vector *z;
	int rc = SQ_OK;

	if (p == 0 || p > SQ_LMG_MAX_DIMS)
		return SQ_EUSAGE;
	nsub = (size_t)1 << p;
	r2 = malloc(nsub * sizeof(*r2));
	A = gsl_matrix_alloc(p, p);
	z = gsl_vector_alloc(p);
	if (r2 == NULL || A == NULL || z == NULL) {
		rc = SQ_ENOMEM;
		goto out;
	}
	for (s = 0; s < nsub; s++)
		if (isnan(r2[s] = subset_r2(p, R, r, (unsigned)s, A, z))) {
			rc = SQ_ENUMERIC;
			goto out;
		}
	/* weight of a subset of size k without j: k! (p - 1 - k)! / p! */
	for (s = 0; s < p; s++)
		w[s] = exp(gsl_sf_lnfact((unsigned)s) +
		    gsl_sf_lnfact((unsigned)(p - 1 - s)) -
		    gsl_sf_lnfact((unsigned)p));
	for (j = 0; j < p; j++) {
		double acc = 0;

		for (s = 0; s < nsub; s++) {
			if (s & ((size_t)1 << j))
				continue;
			acc += w[__builtin_popcountl(s)] *
			    (r2[s | ((size_t)1 << j)] - r2[s]);
		}
		lmg[j] = acc;
	}
out:
	free(r2);
	gsl_matrix_free(A);
	gsl_vector_free(z);
	return rc;
}

/* The LMG of a fitted model from its co-moments. */
static void
model_lmg(size_t p, const double *C, sq_drvmodel *mod)
{
	size_t q = p + 1, i, j;
	double R[SQ_LMG_MAX_DIMS * SQ_LMG_MAX_DIMS] = { 0 };
	double r[SQ_LMG_MAX_DIMS] = { 0 };
	double lmg[SQ_LMG_MAX_DIMS];

	if (isnan(mod->r2) || p > SQ_LMG_MAX_DIMS)
		return;
	for (i = 0; i < p; i++) {
		for (j = 0; j < p; j++) {
			size_t a = i < j ? i : j, b = i < j ? j : i;

			R[i * p + j] = C[a * q + b] / sqrt(C[a * q + a] *
			    C[b * q + b]);
		}
		r[i] = C[i * q + p] / sqrt(C[i * q + i] * C[p * q + p]);
	}
	if (sq_lmg(p, R, r, lmg) != SQ_OK)
		return;
	for (i = 0; i < p; i++) {
		mod->lmg[i] = lmg[i];
		mod->share[i] = 100 * lmg[i] / mod->r2;
	}
}

void
sq_rank_desc(const double *x, size_t n, double *rank)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		double above = 0, tie = 0;

		if (isnan(x[i])) {
			rank[i] = NAN;
			continue;
		}
		for (j = 0; j < n; j++) {
			if (j == i || isnan(x[j]))
				continue;
			if (x[j] > x[i])
				above++;
			else if (x[j] == x[i])
				tie++;
		}
		rank[i] = 1 + above + tie / 2;
	}
}

/* Pearson correlation of the pairs where both are defined. */
static double
pearson(const double *a, const double *b, size_t n)
{
	double ma = 0, mb = 0, saa = 0, sbb = 0, sab = 0, k = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (!isnan(a[i]) && !isnan(b[i])) {
			ma += a[i];
			mb += b[i];
			k++;
		}
	if (k < 2)
		return NAN;
	ma /= k;
	mb /= k;
	for (i = 0; i < n; i++)
		if (!isnan(a[i]) && !isnan(b[i])) {
			saa += (a[i] - ma) * (a[i] - ma);
			sbb += (b[i] - mb) * (b[i] - mb);
			sab += (a[i] - ma) * (b[i] - mb);
		}
	if (!(saa > 0) || !(sbb > 0))
		return NAN;
	return sab / sqrt(saa * sbb);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
median(const double *x, size_t n)
{
	double v[SQ_MAX_DIMS];
	size_t k = 0, i;

	for (i = 0; i < n; i++)
		if (!isnan(x[i]))
			v[k++] = x[i];
	if (k == 0)
		return NAN;
	qsort(v, k, sizeof(*v), cmp_double);
	return k % 2 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
}

static double
mean_def(const double *x, size_t n)
{
	double s = 0, k = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (!isnan(x[i])) {
			s += x[i];
			k++;
		}
	return k > 0 ? s / k : NAN;
}

/* Mean, t-based CI at conf; t and one-sided p against target. */
static void
summarise(const struct mom1 *s, double conf, double target, double *mean,
    double *lo, double *hi, double *t, double *p)
{
	double se, q;

	*mean = s->n > 0 ? s->mean : NAN;
	*lo = *hi = *t = *p = NAN;
	if (s->n < 2)
		return;
	se = sqrt(s->m2 / (s->n - 1) / s->n);
	q = gsl_cdf_tdist_Pinv((1 + conf) / 2, s->n - 1);
	*lo = *mean - q * se;
	*hi = *mean + q * se;
	if (se > 0 && !isnan(target)) {
		*t = (*mean - target) / se;
		*p = gsl_cdf_tdist_P(*t, s->n - 1);
	}
}

static int
add_targets(sq_drvresult *res, const struct drv_mom1 *mom, long seg,
    const sq_drivers_opts *o, size_t nd, long long L)
{
	size_t i;

	for (i = 0; i < o->ntargets; i++) {
		const sq_target *tg = &o->targets[i];
		sq_drvtarget *r = &res->target[res->ntarget++];
		struct mom1 ms, *s = &ms;

		mom1_get(&mom[(tg->block == SQ_DRV_G ? nd : 0) +
		    (size_t)tg->dim], L, &ms);

		r->dim = tg->dim;
		r->block = tg->block;
		r->seg = seg;
		r->target = tg->target;
		r->n = s->n;
		summarise(s, o->conf, tg->target, &r->mean, &r->ci_low,
		    &r->ci_high, &r->t, &r->p);
		if (r->ci_low >= tg->target)
			r->verdict = SQ_MET;
		else if (r->ci_high < tg->target)
			r->verdict = SQ_MISSED;
		else
			r->verdict = SQ_INCONCLUSIVE;
	}
	return SQ_OK;
}

/* A model's moments: n, means and the full q x q co-moment matrix. */
static void
model_moments(const struct drv_mom *a, size_t q, long long L, double *n,
    double *mean, double *C)
{
	long long den[NQ];
	double em[NQ], eC[DRV_NCROSS];
	size_t i, j;

	*n = 0;
	memset(mean, 0, q * sizeof(*mean));
	memset(eC, 0, sizeof(eC));
	if (a->n > 0) {
		for (i = 0; i < q; i++)
			den[i] = i + 1 < q ? L : SQ_DRV_YDEN;
		mom_exact(a, q, den, em, eC);
		*n = (double)a->n;
		memcpy(mean, em, q * sizeof(*mean));
	}
	mom_chan(n, mean, eC, a->rn, a->rm, a->rc, q);
	for (i = 0; i < q; i++)
		for (j = 0; j < q; j++)
			C[i * q + j] = eC[i <= j ? DRV_UT(q, i, j) :
			    DRV_UT(q, j, i)];
}

/*
 * The mean weights rescaled to 100: per total S, 100 W_d / S of the exact
 * sums (totals in increasing order), plus the running sums, over all.
 */
static void
stated_weights(const sq_drivers *a, double *n, double *stated)
{
	size_t d, i;
	double k = a->wrn;

	for (i = 0; i < a->ntot; i++)
		k += (double)a->tot[i].n;
	*n = k;
	for (d = 0; d < a->nd; d++) {
		long double s = 0;

		for (i = 0; i < a->ntot; i++)
			s += 100.0L * (long double)a->tot[i].w[d] /
			    (long double)a->tot[i].total;
		stated[d] = k > 0 ? ((double)s + a->wrun[d]) / k : NAN;
	}
}

int
sq_drivers_result(const sq_drivers *a, const sq_instrument *ins,
    const sq_drivers_opts *o, sq_drvresult **out, sq_error *err)
{
	sq_drvresult *res;
	size_t nd = a->nd, m, d, i;
	double t, p, wn;

	*out = NULL;
	if ((res = calloc(1, sizeof(*res))) == NULL)
		return SQ_ENOMEM;
	res->ndims = nd;
	res->respondents = a->respondents;
	res->conf = o->conf;
	res->scale_min = ins->min;
	res->scale_max = ins->max;
	for (m = 0; m < SQ_DRV_NMODELS; m++) {
		sq_drvmodel *mod = &res->model[m];

		double n, mean[NQ], C[NQ * NQ];

		model_moments(&a->mod[m], nd + 1, a->L, &n, mean, C);
		sq_drivers_fit(n, nd, mean, C, mod);
		model_lmg(nd, C, mod);
	}
	stated_weights(a, &wn, res->stated);
	res->stated_n = wn;
	for (d = 0; d < nd; d++)
		res->derived[d] = res->model[SQ_DRV_SERVPERF].share[d];
	sq_rank_desc(res->stated, nd, res->rank_stated);
	sq_rank_desc(res->derived, nd, res->rank_derived);
	res->spearman = pearson(res->rank_stated, res->rank_derived, nd);
	/* IPA */
	res->source = o->importance;
	if (res->source == SQ_IMP_AUTO)
		res->source = wn > 0 ? SQ_IMP_STATED : SQ_IMP_DERIVED;
	if (res->source == SQ_IMP_STATED && !(wn > 0)) {
		sq_drvresult_free(res);
		return sq_error_set(err, SQ_EDATA, NULL, 0, 0, NULL,
		    "--importance stated: no respondent has all %zu "
		    "importance weights with a sum above 0", nd);
	}
	res->rule = o->crosshair;
	for (d = 0; d < nd; d++) {
		res->importance[d] = res->source == SQ_IMP_STATED ?
		    res->stated[d] : res->derived[d];
		struct mom1 ms;

		mom1_get(&a->all[d], a->L, &ms);
		res->perf_n[d] = ms.n;
		summarise(&ms, o->conf, NAN, &res->perf[d],
		    &res->perf_lo[d], &res->perf_hi[d], &t, &p);
	}
	switch (res->rule) {
	case SQ_CROSS_MEDIAN:
		res->icross = median(res->importance, nd);
		res->pcross = median(res->perf, nd);
		break;
	case SQ_CROSS_SCALE:
		res->icross = nd > 0 ? 100.0 / (double)nd : NAN;
		res->pcross = (ins->min + ins->max) / 2;
		break;
	default:
		res->icross = mean_def(res->importance, nd);
		res->pcross = mean_def(res->perf, nd);
		break;
	}
	for (d = 0; d < nd; d++)
		res->quadrant[d] = isnan(res->importance[d]) ||
		    isnan(res->perf[d]) || isnan(res->icross) ||
		    isnan(res->pcross) ? -1 : sq_ipa_quadrant(
		    res->importance[d], res->perf[d], res->icross,
		    res->pcross);
	/* targets: all respondents, then each segment */
	res->by_segment = a->by_segment;
	if (o->ntargets > 0) {
		res->target = calloc(o->ntargets * (1 + a->nseg),
		    sizeof(*res->target));
		if (res->target == NULL)
			goto nomem;
		add_targets(res, a->all, -1, o, nd, a->L);
		for (i = 0; i < a->nseg; i++)
			add_targets(res, a->segmom + i * 2 * nd, (long)i, o,
			    nd, a->L);
	}
	if (a->nseg > 0) {
		if ((res->seg = calloc(a->nseg, sizeof(*res->seg))) == NULL)
			goto nomem;
		for (i = 0; i < a->nseg; i++) {
			if ((res->seg[i] = strdup(a->seg[i])) == NULL)
				goto nomem;
			res->nseg = i + 1;
		}
	}
	*out = res;
	return SQ_OK;
nomem:
	sq_drvresult_free(res);
	return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
	    "out of memory");
}

void
sq_drvresult_free(sq_drvresult *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nseg; i++)
		free(r->seg[i]);
	free(r->seg);
	free(r->target);
	free(r);
}

int
sq_drivers_missed(const sq_drvresult *r)
{
	size_t i;

	for (i = 0; i < r->ntarget; i++)
		if (r->target[i].verdict == SQ_MISSED)
			return 1;
	return 0;
}

/* ---- names ---- */

const char *
sq_drivers_model_name(int m)
{
	return m == SQ_DRV_SERVQUAL ? "servqual" : "servperf";
}

const char *
sq_drivers_block_name(int b)
{
	return b == SQ_DRV_G ? "G" : "P";
}

const char *
sq_drivers_verdict_name(int v)
{
	return v == SQ_MET ? "met" : v == SQ_MISSED ? "missed" :
	    "inconclusive";
}

const char *
sq_drivers_rule_name(int r)
{
	return r == SQ_CROSS_MEDIAN ? "median" : r == SQ_CROSS_SCALE ?
	    "scale" : "mean";
}

const char *
sq_drivers_quadrant_name(int q)
{
	static const char *const names[] = {
		"concentrate", "keep_up", "low_priority", "overkill"
	};

	return q >= 0 && q < 4 ? names[q] : "";
}
