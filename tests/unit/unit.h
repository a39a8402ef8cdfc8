/*
 * Minimal unit-test harness: each check prints "ok N - what" or
 * "not ok N - what"; tests/run.sh counts them. main() ends with
 * return unit_done();
 */
#ifndef SQ_UNIT_H
#define SQ_UNIT_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int unit_n, unit_failed;

static inline int
unit_report(int ok, const char *file, int line, const char *what)
{
	unit_n++;
	if (ok)
		printf("ok %d - %s\n", unit_n, what);
	else {
		unit_failed++;
		printf("not ok %d - %s (%s:%d)\n", unit_n, what, file, line);
	}
	return ok;
}

/* |a - b| <= tol * max(1, |b|): relative, absolute near zero. */
static inline int
unit_near(double a, double b, double tol)
{
	double s;

	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	if (isinf(a) || isinf(b))
		return a == b;
	s = fabs(b) > 1 ? fabs(b) : 1;
	return fabs(a - b) <= tol * s;
}

#define CHECK(cond, what) unit_report(!!(cond), __FILE__, __LINE__, what)
#define CHECK_NEAR(a, b, tol, what) do {				\
	double a_ = (a), b_ = (b);					\
	if (!unit_report(unit_near(a_, b_, tol), __FILE__, __LINE__, what)) \
		printf("#   got %.17g, expected %.17g\n", a_, b_);	\
} while (0)
#define CHECK_STR(a, b, what) do {					\
	const char *a_ = (a), *b_ = (b);				\
	if (!unit_report(a_ && b_ && strcmp(a_, b_) == 0,		\
	    __FILE__, __LINE__, what))					\
		printf("#   got \"%s\", expected \"%s\"\n",		\
		    a_ ? a_ : "(null)", b_ ? b_ : "(null)");		\
} while (0)

static inline int
unit_done(void)
{
	return unit_failed ? 1 : 0;
}

#endif
