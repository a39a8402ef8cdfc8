/*
 * sq-drivers' exact arithmetic (drivers_int.h): dimension scores as
 * whole numbers X over the common denominator L, the outcome over
 * SQ_DRV_YDEN, and the centred co-moment of such integer sums with a
 * single rounding, so that sums folded in any order give the same bits.
 */
#include <math.h>

#include "drivers_int.h"

int
sq_drv_as_exact(double x, long long den, long long *X)
{
	double v = nearbyint(x * (double)den);

	/* the nearest X whose quotient gives back x: 0.07 is 700 / 10^4 */
	if (!(fabs(v) <= (double)DRV_XMAX))
		return 0;
	*X = (long long)v;
	return (double)*X / (double)den == x;
}

int
sq_drv_score_exact(const sq_scores *s, size_t d, long long L, long long *X)
{
	double sum = s->sum[d];

	if (L <= 0 || isnan(s->dim[d]) || !(fabs(sum) <= (double)DRV_XMAX) ||
	    sum != floor(sum) || L % (long long)s->count[d] != 0)
		return 0;
	*X = (long long)sum * (L / (long long)s->count[d]);
	return *X >= -DRV_XMAX && *X <= DRV_XMAX;
}

/*
 * The centred co-moment of integer series i and j from n and their sums
 * si, sj, sij, over den: (sij - si sj / n) / den, with si = qi n + ri so
 * that every product stays within 128 bits (wrapping unsigned arithmetic
 * for the steps, whose result is in range), one rounding at the end.
 */
long double
sq_drv_centred(unsigned long long n, __int128 si, __int128 sj, __int128 sij,
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
