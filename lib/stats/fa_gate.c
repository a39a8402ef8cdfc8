/*
 * The --fail-if gates of sq-factor: which gate strings are valid
 * (heywood, structure, convergence, kmo<X, kmo<=X) and whether an
 * analysis trips one.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/factor.h"

/* The threshold of a kmo gate, or NAN if g is not one. */
static double
kmo_gate(const char *g, int *le)
{
	char *end;
	double x;

	*le = strncmp(g, "kmo<=", 5) == 0;
	if (!*le && strncmp(g, "kmo<", 4) != 0)
		return NAN;
	g += *le ? 5 : 4;
	x = strtod(g, &end);
	return end != g && *end == '\0' ? x : NAN;
}

int
sq_fa_gate_valid(const char *g)
{
	int le;

	return strcmp(g, "heywood") == 0 || strcmp(g, "structure") == 0 ||
	    strcmp(g, "convergence") == 0 || !isnan(kmo_gate(g, &le));
}

int
sq_fa_gate_holds(const char *g, const sq_fa_result *r)
{
	double x;
	int le;

	if (strcmp(g, "heywood") == 0)
		return r->fa->nheywood > 0;
	if (strcmp(g, "structure") == 0)
		return !r->check->matches;
	if (strcmp(g, "convergence") == 0)
		return !r->fa->converged || !r->fa->rot_converged;
	x = kmo_gate(g, &le);
	return le ? !(r->kmo > x) : !(r->kmo >= x);
}
