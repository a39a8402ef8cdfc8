/*
 * servqual rotation: factor rotations as R computes them, on a loadings
 * matrix L of p rows (items) and k columns (factors), row-major, rotated
 * in place. varimax follows stats::varimax, oblimin GPArotation's
 * gradient-projection GPFoblq, promax psych's kaiser() + Promax().
 */
#ifndef SERVQUAL_ROTATION_H
#define SERVQUAL_ROTATION_H

#include <stddef.h>

#include "servqual/error.h"

enum sq_rotate {
	SQ_ROT_NONE = 0, SQ_ROT_VARIMAX, SQ_ROT_OBLIMIN, SQ_ROT_PROMAX
};

/* Parse "none", "varimax", "oblimin", "promax"; -1 if unknown. */
int sq_rotate_parse(const char *s);

/* The name of a rotation, as sq_rotate_parse() reads it. */
const char *sq_rotate_name(int rot);

/*
 * Varimax as stats::varimax(L, normalize, eps): Kaiser row normalisation
 * when normalize != 0, stops when the criterion grows by less than a
 * relative eps (R: 1e-5) or after 1000 sweeps. The k x k rotation
 * matrix goes to tmat when not NULL; sweeps to *iter when not NULL.
 */
int sq_varimax(double *L, size_t p, size_t k, int normalize, double eps,
    double *tmat, size_t *iter);

/*
 * Oblimin by gradient projection as GPArotation::oblimin(L, gam = gam,
 * normalize = FALSE, eps, maxit) from the identity: factor
 * correlations to phi (k x k), iterations to *iter, and *converged set
 * to 1 when the projected gradient fell below eps.
 */
int sq_oblimin(double *L, size_t p, size_t k, double gam, double eps,
    size_t maxit, double *phi, size_t *iter, int *converged);

/*
 * Promax as psych's fa(rotate = "promax"): Kaiser-normalise the rows,
 * varimax, raise to the power m (psych: 4), least-squares target
 * rotation with unit-length columns, de-normalise. Factor correlations
 * to phi (k x k).
 */
int sq_promax(double *L, size_t p, size_t k, double m, double *phi);

#endif
