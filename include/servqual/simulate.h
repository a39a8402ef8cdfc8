/*
 * servqual simulation: synthetic exports with a known structure, for
 * tests, benchmarks, demos and power analysis. The model is described in
 * man/sq-simulate.1.
 */
#ifndef SERVQUAL_SIMULATE_H
#define SERVQUAL_SIMULATE_H

#include <stdio.h>

#include "servqual/error.h"
#include "servqual/instrument.h"

typedef struct sq_sim_opts {
	unsigned long n;	/* respondents */
	unsigned long seed;
	double missing;		/* probability a cell is blank */
	unsigned nseg;		/* number of segments (0: no segment column) */
	double seg_shift;	/* P shift between neighbouring segments */
	double loading;		/* item loading on its dimension factor */
	double rho;		/* correlation between dimension factors */
	double rho_ep;		/* correlation of E and P general factors */
	double sd;		/* item standard deviation on the latent scale */
	double mean_e;		/* mean expectation */
	const double *gap;	/* per-dimension mean gap P - E, or NULL */
	int merge[2];		/* dimensions sharing one factor, or -1 */
	int form;		/* enum sq_form: the blocks written */
	double width;		/* three-column: mean D - A on a 1..7 scale */
} sq_sim_opts;

/* Bound on |sd|, |seg_shift|, |mean_e| and |gap|: the latent scale. */
#define SQ_SIM_MAX_ABS	1e6

/* Defaults: see man/sq-simulate.1. */
void sq_sim_defaults(sq_sim_opts *o);

/*
 * Write a CSV export of o->n respondents of ins to fp. SQ_EUSAGE when an
 * option is NaN or out of its range, or the scale is not whole numbers
 * within SQ_SCALE_LIMIT.
 */
int sq_simulate(FILE *fp, const sq_instrument *ins, const sq_sim_opts *o,
    sq_error *err);

#endif
