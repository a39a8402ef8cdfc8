/*
 * The zone of tolerance: sums per item, dimension score and overall
 * score, and their summaries (means, paired t of P - A and P - D, shares
 * of respondents below, within and above their zone).
 */
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/zone.h"

/* Where a triple lies against its zone, from exact numerators. */
static void
zone_place(sq_zonemom *m, double a, double d, double p)
{
	if (a > d)
		m->inverted++;
	else if (p < a)
		m->below++;
	else if (p > d)
		m->above++;
	else
		m->within++;
}

/* Add a triple of scores (not integers over one denominator);
 * (na, nd, np) are exact numerators over one common denominator, to place
 * the respondent without rounding. */
static void
zone_add(sq_zonemom *m, double a, double d, double p, double na,
    double nd, double np)
{
	sq_pairmom_add(&m->pa, a, p);
	sq_pairmom_add(&m->pd, d, p);
	zone_place(m, na, nd, np);
}

/* Add the triple (xa, xd, xp) / den, den > 0: exact integer sums. */
static void
zone_addx(sq_zonemom *m, long long xa, long long xd, long long xp,
    long long den)
{
	sq_pairmom_addx(&m->pa, xa, xp, den);
	sq_pairmom_addx(&m->pd, xd, xp, den);
	zone_place(m, (double)xa, (double)xd, (double)xp);
}

void
sq_zonemom_merge(sq_zonemom *a, const sq_zonemom *b)
{
	sq_pairmom_merge(&a->pa, &b->pa);
	sq_pairmom_merge(&a->pd, &b->pd);
	a->below += b->below;
	a->within += b->within;
	a->above += b->above;
	a->inverted += b->inverted;
}

static unsigned long long
gcd(unsigned long long a, unsigned long long b)
{
	while (b != 0) {
		unsigned long long t = a % b;

		a = b;
		b = t;
	}
	return a;
}

int
sq_zoneacc_new(const sq_instrument *ins, sq_zoneacc **out)
{
	sq_zoneacc *a;

	*out = NULL;
	if ((a = calloc(1, sizeof(*a))) == NULL)
		return SQ_ENOMEM;
	a->nitems = ins->nitems;
	a->ndims = ins->ndims;
	a->lden = sq_score_den(ins);
	a->item = calloc(ins->nitems + 1, sizeof(*a->item));
	a->dim = calloc(ins->ndims + 1, sizeof(*a->dim));
	if (a->item == NULL || a->dim == NULL) {
		sq_zoneacc_free(a);
		return SQ_ENOMEM;
	}
	*out = a;
	return SQ_OK;
}

void
sq_zoneacc_free(sq_zoneacc *a)
{
	if (a == NULL)
		return;
	free(a->item);
	free(a->dim);
	free(a);
}

void
sq_zoneacc_merge(sq_zoneacc *a, const sq_zoneacc *b)
{
	size_t i;

	for (i = 0; i < a->nitems; i++)
		sq_zonemom_merge(&a->item[i], &b->item[i]);
	for (i = 0; i < a->ndims; i++)
		sq_zonemom_merge(&a->dim[i], &b->dim[i]);
	sq_zonemom_merge(&a->all, &b->all);
	a->respondents += b->respondents;
}

/* Answers up to this size make scores exact rationals. */
#define INT_ANSWER_MAX 1024

static int
whole(double x)
{
	return fabs(x) <= INT_ANSWER_MAX && x == floor(x);
}

void
sq_zoneacc_add(sq_zoneacc *a, const sq_instrument *ins,
    const sq_response *r)
{
	double sa[SQ_MAX_DIMS], sd[SQ_MAX_DIMS], sp[SQ_MAX_DIMS];
	long long ia[SQ_MAX_DIMS], id[SQ_MAX_DIMS], ip[SQ_MAX_DIMS];
	size_t cnt[SQ_MAX_DIMS], tot[SQ_MAX_DIMS], i, d, K = ins->ndims;
	double ta = 0, td = 0, tp = 0, na = 0, nd = 0, np = 0;
	long long L = a->lden, ua = 0, ud = 0, up = 0;
	unsigned long long PL = 1;
	int all = K > 0, ints = L > 0;

	a->respondents += 1;
	for (d = 0; d < K; d++) {
		sa[d] = sd[d] = sp[d] = 0;
		ia[d] = id[d] = ip[d] = 0;
		cnt[d] = tot[d] = 0;
	}
	for (i = 0; i < ins->nitems; i++) {
		double x = r->a[i], y = r->d[i], z = r->p[i];

		d = (size_t)ins->items[i].dim;
		tot[d]++;
		if (isnan(x) || isnan(y) || isnan(z))
			continue;
		/* whole answers: straight to the integer sums (what
		   sq_pairmom_add finds after testing each value) */
		if (whole(x) && whole(y) && whole(z))
			zone_addx(&a->item[i], (long long)x, (long long)y,
			    (long long)z, 1);
		else {
			zone_add(&a->item[i], x, y, z, x, y, z);
			ints = 0;
		}
		if (ints) {
			ia[d] += (long long)x;
			id[d] += (long long)y;
			ip[d] += (long long)z;
		}
		sa[d] += x;
		sd[d] += y;
		sp[d] += z;
		cnt[d]++;
	}
	for (d = 0; d < K; d++) {
		double c = (double)cnt[d];

		/* defined with at least ceil(k/2) of its k items */
		if (cnt[d] == 0 || 2 * cnt[d] < tot[d]) {
			all = 0;
			continue;
		}
		if (ints && L % (long long)cnt[d] == 0) {
			/* the score as an integer over L */
			long long f = L / (long long)cnt[d];

			ia[d] *= f;
			id[d] *= f;
			ip[d] *= f;
			zone_addx(&a->dim[d], ia[d], id[d], ip[d], L);
		} else {
			ints = 0;
			zone_add(&a->dim[d], sa[d] / c, sd[d] / c, sp[d] / c,
			    sa[d], sd[d], sp[d]);
		}
		if (PL <= (1ULL << 20))
			PL = PL / gcd(PL, cnt[d]) * cnt[d];
	}
	if (!all)
		return;
	if (ints) {
		/* the mean of the dimension scores over L * K: whole */
		for (d = 0; d < K; d++) {
			ua += ia[d];
			ud += id[d];
			up += ip[d];
		}
		zone_addx(&a->all, ua, ud, up, L * (long long)K);
		return;
	}
	/*
	 * The overall score is the mean of the dimension scores; over the
	 * common denominator PL of the item counts its numerators are whole
	 * (sums of answers times PL / count), exact while PL stays small.
	 */
	for (d = 0; d < K; d++) {
		double c = (double)cnt[d], f = (double)(PL / cnt[d]);

		ta += sa[d] / c;
		td += sd[d] / c;
		tp += sp[d] / c;
		na += sa[d] * f;
		nd += sd[d] * f;
		np += sp[d] * f;
	}
	if (PL > (1ULL << 20)) {
		na = ta;
		nd = td;
		np = tp;
	}
	zone_add(&a->all, ta / (double)K, td / (double)K, tp / (double)K, na,
	    nd, np);
}

/* Mean, sd, t and two-sided p of a paired difference. */
static void
paired(double n, double mean, double m2, double *sd, double *t, double *p)
{
	*sd = *t = *p = NAN;
	if (n < 2)
		return;
	*sd = sqrt(m2 / (n - 1));
	if (*sd > 0) {
		*t = mean / (*sd / sqrt(n));
		*p = 2 * gsl_cdf_tdist_Q(fabs(*t), n - 1);
		if (*p > 1)
			*p = 1;
	}
}

/* x / (n den), one division of exact sums (as sums / n of old). */
static double
ratio(__int128 x, double n, long long den)
{
	return (double)x / (n * (double)den);
}

static void
summary(const sq_zonemom *m, sq_zonerow *r)
{
	unsigned long long placed = m->below + m->within + m->above;
	const sq_pairmom *a = &m->pa, *d = &m->pd;
	sq_pairmom ma, md;
	double n = a->n;

	r->n = n;
	r->inverted = (double)m->inverted;
	r->mean_a = r->mean_d = r->mean_p = r->msa = r->mss = NAN;
	r->width = r->below = r->within = r->above = NAN;
	r->msa_sd = r->msa_t = r->msa_p = NAN;
	r->mss_sd = r->mss_t = r->mss_p = NAN;
	if (n < 1)
		return;
	/* the running moments, computed the same way from the same sums */
	sq_pairmom_moments(a, &ma);
	sq_pairmom_moments(d, &md);
	if (!a->inexact && !d->inexact && a->den == d->den) {
		r->mean_a = ratio(a->xe, n, a->den);
		r->mean_d = ratio(d->xe, n, a->den);
		r->mean_p = ratio(a->xp, n, a->den);
		r->msa = ratio(a->xp - a->xe, n, a->den);
		r->mss = ratio(d->xp - d->xe, n, a->den);
		r->width = ratio(d->xe - a->xe, n, a->den);
	} else {
		r->mean_a = ma.me;
		r->mean_d = md.me;
		r->mean_p = a->inexact ? md.mp : ma.mp;
		r->msa = ma.md;
		r->mss = md.md;
		r->width = md.me - ma.me;
	}
	paired(n, r->msa, ma.m2d, &r->msa_sd, &r->msa_t, &r->msa_p);
	paired(n, r->mss, md.m2d, &r->mss_sd, &r->mss_t, &r->mss_p);
	if (placed > 0) {
		r->below = (double)m->below / (double)placed;
		r->within = (double)m->within / (double)placed;
		r->above = (double)m->above / (double)placed;
	}
}

int
sq_zone_rows(const sq_zoneacc *a, const sq_instrument *ins,
    sq_zonerow **rows, size_t *nrows)
{
	size_t n = ins->nitems + ins->ndims + 1, i, k = 0;
	sq_zonerow *r;

	*rows = NULL;
	*nrows = 0;
	if ((r = calloc(n, sizeof(*r))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < ins->nitems; i++, k++) {
		summary(&a->item[i], &r[k]);
		r[k].scope = SQ_ZONE_ITEM;
		r[k].dim = ins->items[i].dim;
		r[k].item = (int)i;
	}
	for (i = 0; i < ins->ndims; i++, k++) {
		summary(&a->dim[i], &r[k]);
		r[k].scope = SQ_ZONE_DIMENSION;
		r[k].dim = (int)i;
		r[k].item = -1;
	}
	summary(&a->all, &r[k]);
	r[k].scope = SQ_ZONE_OVERALL;
	r[k].dim = r[k].item = -1;
	*rows = r;
	*nrows = k + 1;
	return SQ_OK;
}

/* Segments. */

int
sq_zoneset_new(const sq_instrument *ins, int by_segment, sq_zoneset **out)
{
	sq_zoneset *s;
	int rc;

	*out = NULL;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return SQ_ENOMEM;
	if ((rc = sq_zoneacc_new(ins, &s->all)) != SQ_OK) {
		free(s);
		return rc;
	}
	s->by_segment = by_segment;
	sq_keyset_init(&s->keys, by_segment ? SQ_ZONE_MAX_SEGMENTS : 0);
	*out = s;
	return SQ_OK;
}

void
sq_zoneset_free(sq_zoneset *s)
{
	size_t i;

	if (s == NULL)
		return;
	sq_zoneacc_free(s->all);
	for (i = 0; i < s->nseg; i++)
		sq_zoneacc_free(s->acc[i]);
	sq_keyset_release(&s->keys);
	free(s->acc);
	free(s);
}

/* A new segment's accumulator (sq_keyset_entry). */
static int
new_acc(void *entry, void *ins)
{
	return sq_zoneacc_new(ins, entry);
}

int
sq_zoneset_segment(sq_zoneset *s, const sq_instrument *ins, const char *v,
    sq_zoneacc **acc)
{
	size_t i;
	int rc;

	if ((rc = sq_keyset_entry(&s->keys, v, &s->acc, &s->cap,
	    sizeof(*s->acc), new_acc, (void *)ins, &i)) != SQ_OK)
		return rc;
	s->nseg = s->keys.n;
	s->seg = s->keys.name;
	*acc = s->acc[i];
	return SQ_OK;
}

int
sq_zoneset_add(sq_zoneset *s, const sq_instrument *ins,
    const sq_response *r, sq_error *err)
{
	sq_zoneacc *acc;
	int rc;

	sq_zoneacc_add(s->all, ins, r);
	if (!s->by_segment || r->segment == NULL)
		return SQ_OK;
	rc = sq_zoneset_segment(s, ins, r->segment[0] ? r->segment : "(blank)",
	    &acc);
	if (rc == SQ_ELIMIT)
		return sq_error_set(err, rc, NULL, r->line, 0, NULL,
		    "more than %d distinct segment values",
		    SQ_ZONE_MAX_SEGMENTS);
	if (rc != SQ_OK)
		return sq_error_set(err, rc, NULL, r->line, 0, NULL,
		    "out of memory");
	sq_zoneacc_add(acc, ins, r);
	return SQ_OK;
}

int
sq_zoneset_fold(sq_zoneset *dst, const sq_zoneset *src,
    const sq_instrument *ins)
{
	sq_zoneacc *acc;
	size_t i;
	int rc;

	sq_zoneacc_merge(dst->all, src->all);
	if (!dst->by_segment)
		return SQ_OK;
	for (i = 0; i < src->nseg; i++) {
		if ((rc = sq_zoneset_segment(dst, ins, src->seg[i], &acc)) !=
		    SQ_OK)
			return rc;
		sq_zoneacc_merge(acc, src->acc[i]);
	}
	return SQ_OK;
}
