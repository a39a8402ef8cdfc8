/*
 * The --fail-if gates of sq-cfa: which gate strings are valid (heywood,
 * convergence, discriminant, cfi/tli/rmsea/srmr compared with a number)
 * and whether a fitted model trips one.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/cfa.h"

/* The threshold of a comparison gate STAT<X, STAT<=X, STAT>X, STAT>=X. */
static double
cmp_gate(const char *g, const char **stat, int *op)
{
	static const char *stats[] = { "cfi", "tli", "rmsea", "srmr" };
	size_t i, len;
	char *end;
	double x;

	for (i = 0; i < sizeof(stats) / sizeof(stats[0]); i++) {
		len = strlen(stats[i]);
		if (strncmp(g, stats[i], len) != 0)
			continue;
		*stat = stats[i];
		g += len;
		if (g[0] == '<')
			*op = g[1] == '=' ? 1 : 0;
		else if (g[0] == '>')
			*op = g[1] == '=' ? 3 : 2;
		else
			return NAN;
		g += *op == 1 || *op == 3 ? 2 : 1;
		x = strtod(g, &end);
		return end != g && *end == '\0' && isfinite(x) ? x : NAN;
	}
	return NAN;
}

int
sq_cfa_gate_valid(const char *g)
{
	const char *stat;
	int op;

	return strcmp(g, "heywood") == 0 || strcmp(g, "convergence") == 0 ||
	    strcmp(g, "discriminant") == 0 || !isnan(cmp_gate(g, &stat, &op));
}

int
sq_cfa_gate_holds(const char *g, const sq_cfa *c)
{
	const char *stat;
	double x, v;
	size_t ab;
	int op;

	if (!c->converged)
		return 1;	/* no figure of the fit can pass a gate */
	if (strcmp(g, "convergence") == 0)
		return 0;
	if (strcmp(g, "heywood") == 0)
		return c->nheywood > 0 || !c->phi_pd;
	if (strcmp(g, "discriminant") == 0) {
		for (ab = 0; ab < c->m * c->m; ab++)
			if (c->verdict[ab] == SQ_CFA_FAIL)
				return 1;
		return 0;
	}
	x = cmp_gate(g, &stat, &op);
	v = strcmp(stat, "cfi") == 0 ? c->cfi : strcmp(stat, "tli") == 0 ?
	    c->tli : strcmp(stat, "rmsea") == 0 ? c->rmsea : c->srmr;
	if (isnan(v))
		return 1;
	return op == 0 ? v < x : op == 1 ? v <= x : op == 2 ? v > x : v >= x;
}
