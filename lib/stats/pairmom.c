/*
 * Paired running moments (sq_pairmom): one pair of expectation and
 * perception answers at a time, kept as exact integer sums while they fit
 * and as Welford running moments after; merging and reading them out.
 */
#include <math.h>

#include "servqual/gap.h"

/* Pairs kept exact: 2^40 of them, so sums of squares cannot overflow. */
#define EXACT_NMAX 1099511627776.0

/* The running moments of exact sums, always computed the same way. */
static void
exact_moments(const sq_pairmom *m, double *me, double *mp, double *md,
    double *m2d)
{
	long long ni = (long long)m->n;
	long double nd = (long double)m->n * (long double)m->den;
	long double den2 = (long double)m->den * (long double)m->den;
	__int128 xd = m->xp - m->xe, q, r, A;

	*me = (double)((long double)m->xe / nd);
	*mp = (double)((long double)m->xp / nd);
	*md = (double)((long double)xd / nd);
	/* sum (X - mean)^2 = xd2 - xd^2 / n, with xd = q n + r */
	q = xd / ni;
	r = xd % ni;
	A = m->xd2 - q * (xd + r);
	*m2d = (double)(((long double)A - (long double)(r * r) /
	    (long double)ni) / den2);
}

/* Turn exact sums into running moments. */
static void
to_running(sq_pairmom *m)
{
	double me = 0, mp = 0, md = 0, m2d = 0;

	if (m->inexact)
		return;
	if (m->n > 0)
		exact_moments(m, &me, &mp, &md, &m2d);
	m->inexact = 1;
	m->den = 0;
	m->xe = m->xp = m->xd2 = 0;
	m->me = me;
	m->mp = mp;
	m->md = md;
	m->m2d = m2d;
}

static void
welford(sq_pairmom *m, double e, double p)
{
	double d = p - e, delta;

	m->n += 1;
	m->me += (e - m->me) / m->n;
	m->mp += (p - m->mp) / m->n;
	delta = d - m->md;
	m->md += delta / m->n;
	m->m2d += delta * (d - m->md);
}

void
sq_pairmom_addx(sq_pairmom *m, long long xe, long long xp, long long den)
{
	__int128 d;

	if (!m->inexact && den > 0 && (m->den == 0 || m->den == den) &&
	    m->n < EXACT_NMAX && xe >= -(long long)SQ_EXACT_MAX &&
	    xe <= (long long)SQ_EXACT_MAX && xp >= -(long long)SQ_EXACT_MAX &&
	    xp <= (long long)SQ_EXACT_MAX) {
		m->den = den;
		m->n += 1;
		m->xe += xe;
		m->xp += xp;
		d = (__int128)xp - xe;
		m->xd2 += d * d;
		return;
	}
	to_running(m);
	welford(m, (double)xe / (double)den, (double)xp / (double)den);
}

/* x as X / den with X an integer in range whose quotient gives back x. */
static int
as_exact(double x, long long den, long long *X)
{
	double v = x * (double)den;

	if (!(v >= -SQ_EXACT_MAX && v <= SQ_EXACT_MAX) || v != floor(v))
		return 0;
	*X = (long long)v;
	return (double)*X / (double)den == x;
}

void
sq_pairmom_add(sq_pairmom *m, double e, double p)
{
	long long den = m->den ? m->den : 1, xe, xp;

	if (!m->inexact && as_exact(e, den, &xe) && as_exact(p, den, &xp)) {
		sq_pairmom_addx(m, xe, xp, den);
		return;
	}
	to_running(m);
	welford(m, e, p);
}

void
sq_pairmom_merge(sq_pairmom *a, const sq_pairmom *b)
{
	sq_pairmom c;
	double n, delta;

	if (b->n == 0)
		return;
	if (a->n == 0) {
		*a = *b;
		return;
	}
	if (!a->inexact && !b->inexact && a->den == b->den &&
	    a->n + b->n < EXACT_NMAX) {
		a->n += b->n;
		a->xe += b->xe;
		a->xp += b->xp;
		a->xd2 += b->xd2;
		return;
	}
	to_running(a);
	c = *b;
	to_running(&c);
	n = a->n + c.n;
	delta = c.md - a->md;
	a->me += (c.me - a->me) * c.n / n;
	a->mp += (c.mp - a->mp) * c.n / n;
	a->md += delta * c.n / n;
	a->m2d += c.m2d + delta * delta * a->n * c.n / n;
	a->n = n;
}

void
sq_pairmom_moments(const sq_pairmom *m, sq_pairmom *out)
{
	*out = *m;
	to_running(out);
}
