/*
 * Factor analysis on a correlation matrix, following psych (KMO,
 * cortest.bartlett, smc, fa) so that results can be held to R's.
 *
 * Extraction: principal axis iterates the communalities from the SMCs
 * exactly as psych's fa(fm = "pa") does. minres and ml minimise psych's
 * criteria over the uniquenesses in [SQ_FA_PSI_MIN, 1] with a spectral
 * projected gradient method (Birgin, Martinez & Raydan 2000) to a tight
 * projected-gradient tolerance, where psych uses optim's L-BFGS-B; both
 * find the same optimum, ours without optim's loose default stopping.
 *
 * This file: the extraction names and sq_fa_fit, which extracts, signs,
 * rotates and summarises. The criteria and optimisers are in
 * fa_extract.c (fa_extract.h), smc, KMO, Bartlett and the eigenvalues
 * in fa_measures.c.
 */
#include <float.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_sort_vector.h>

#include "servqual/factor.h"
#include "servqual/rotation.h"
#include "fa_extract.h"
#include "fa_linalg.h"

static const char *fm_names[] = { "pa", "minres", "ml" };

int
sq_extract_parse(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(fm_names) / sizeof(fm_names[0]); i++)
		if (strcasecmp(s, fm_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
sq_extract_name(int fm)
{
	if (fm < 0 || fm > SQ_FA_ML)
		return "?";
	return fm_names[fm];
}

void
sq_fa_free(sq_fa *fa)
{
	if (fa == NULL)
		return;
	free(fa->loadings);
	free(fa->unrotated);
	free(fa->structure);
	free(fa->phi);
	free(fa->communality);
	free(fa->uniqueness);
	free(fa->heywood);
	free(fa->ss);
	free(fa->prop);
	free(fa);
}

/* Flip each column of L (p x k) so that it sums positive; signs to sg. */
static void
sign_columns(double *L, size_t p, size_t k, double *sg)
{
	size_t i, j;

	for (j = 0; j < k; j++) {
		double s = 0;

		for (i = 0; i < p; i++)
			s += L[i * k + j];
		sg[j] = s < 0 ? -1 : 1;
		for (i = 0; i < p; i++)
			L[i * k + j] *= sg[j];
	}
}

/*
 * The extraction's offdiagonal residual sum of squares (the minres
 * criterion), reported for every method.
 */
static double
offdiag_ss(const double *R, const double *L, size_t p, size_t k)
{
	double s = 0;
	size_t i, j, l;

	for (i = 0; i < p; i++)
		for (j = 0; j < i; j++) {
			double m = 0;

			for (l = 0; l < k; l++)
				m += L[i * k + l] * L[j * k + l];
			s += (R[i * p + j] - m) * (R[i * p + j] - m);
		}
	return s;
}

/* Extraction by opts->extract into f->L (fa->unrotated). */
static int
extract(struct fit *f, sq_fa *fa, const sq_fa_opts *opts, const double *smc,
    double *psi, double tol, size_t maxit)
{
	const double *R = f->R;
	size_t i, p = f->p;
	double fv;
	int rc = SQ_OK;

	switch (opts->extract) {
	case SQ_FA_PA:
		rc = fa_fit_pa(f, tol, maxit, smc, &fa->iterations,
		    &fa->converged);
		break;
	case SQ_FA_MINRES:
	case SQ_FA_ML:
		for (i = 0; i < p; i++)
			psi[i] = R[i * p + i] - smc[i];
		rc = fa_spg(opts->extract == SQ_FA_ML ? fa_ml_fg :
		    fa_minres_fg, f, psi, SQ_FA_PSI_MIN, 1, tol, maxit * 10,
		    &fv, &fa->iterations, &fa->converged);
		if (rc != SQ_OK)
			break;
		rc = opts->extract == SQ_FA_ML ? fa_ml_loadings(f, psi) :
		    fa_uls_loadings(f, psi);
		for (i = 0; i < p; i++)
			if (psi[i] <= SQ_FA_PSI_MIN * (1 + 1e-6))
				fa->heywood[i] = 1;
		break;
	}
	return rc;
}

/* Rotation of fa->loadings by opts->rotate, phi too when oblique. */
static int
rotate(sq_fa *fa, const sq_fa_opts *opts)
{
	size_t p = fa->p, k = fa->k;

	if (k < 2)
		return SQ_OK;
	switch (opts->rotate) {
	case SQ_ROT_VARIMAX:
		return sq_varimax(fa->loadings, p, k, 1, 1e-5, NULL,
		    &fa->rot_iterations);
	case SQ_ROT_OBLIMIN:
		return sq_oblimin(fa->loadings, p, k, 0, 1e-5, 1000, fa->phi,
		    &fa->rot_iterations, &fa->rot_converged);
	case SQ_ROT_PROMAX:
		return sq_promax(fa->loadings, p, k, 4, fa->phi);
	}
	return SQ_OK;
}

/*
 * Factors in decreasing order of the variance they explain, diag(Phi
 * L'L), stable as R's order(); ss, prop and the structure after.
 */
static void
order_factors(sq_fa *fa, double *ev, size_t *ord, double *tmp)
{
	size_t i, j, l, p = fa->p, k = fa->k;

	for (j = 0; j < k; j++) {
		double s = 0;

		for (l = 0; l < k; l++) {
			double c = 0;

			for (i = 0; i < p; i++)
				c += fa->loadings[i * k + l] *
				    fa->loadings[i * k + j];
			s += fa->phi[j * k + l] * c;
		}
		ev[j] = s;
	}
	for (j = 0; j < k; j++)
		ord[j] = j;
	for (j = 1; j < k; j++)
		for (l = j; l > 0 && ev[ord[l]] > ev[ord[l - 1]]; l--) {
			size_t t = ord[l];

			ord[l] = ord[l - 1];
			ord[l - 1] = t;
		}
	memcpy(tmp, fa->loadings, p * k * sizeof(double));
	for (i = 0; i < p; i++)
		for (j = 0; j < k; j++)
			fa->loadings[i * k + j] = tmp[i * k + ord[j]];
	memcpy(tmp, fa->phi, k * k * sizeof(double));
	for (i = 0; i < k; i++)
		for (j = 0; j < k; j++)
			fa->phi[i * k + j] = tmp[ord[i] * k + ord[j]];
	for (j = 0; j < k; j++) {
		fa->ss[j] = ev[ord[j]];
		fa->prop[j] = fa->ss[j] / (double)p;
	}
	fa_mul(fa->loadings, 0, fa->phi, 0, fa->structure, p, k, k);
}

int
sq_fa_fit(const double *R, size_t p, const sq_fa_opts *opts, sq_fa **out)
{
	struct fit f = { 0 };
	sq_fa *fa;
	double *smc = NULL, *psi = NULL, *sg = NULL, *tmp = NULL, *ev = NULL;
	size_t i, j, k = opts->nfactors, *ord = NULL;
	size_t maxit = opts->max_iter ? opts->max_iter : 1000;
	double tol = opts->tol > 0 ? opts->tol : 1e-9;
	int rc = SQ_ENOMEM;

	*out = NULL;
	if (p < 2 || k < 1 || k >= p || opts->extract < 0 ||
	    opts->extract > SQ_FA_ML || opts->rotate < 0 ||
	    opts->rotate > SQ_ROT_PROMAX)
		return SQ_EUSAGE;
	for (i = 0; i < p * p; i++)
		if (!isfinite(R[i]))
			return SQ_ENUMERIC;
	if ((fa = calloc(1, sizeof(*fa))) == NULL)
		return SQ_ENOMEM;
	fa->p = p;
	fa->k = k;
	fa->extract = opts->extract;
	fa->rotate = opts->rotate;
	fa->rot_converged = 1;
	fa->loadings = malloc(p * k * sizeof(double));
	fa->unrotated = malloc(p * k * sizeof(double));
	fa->structure = malloc(p * k * sizeof(double));
	fa->phi = calloc(k * k, sizeof(double));
	fa->communality = malloc(p * sizeof(double));
	fa->uniqueness = malloc(p * sizeof(double));
	fa->heywood = calloc(p, sizeof(int));
	fa->ss = malloc(k * sizeof(double));
	fa->prop = malloc(k * sizeof(double));
	f.R = R;
	f.p = p;
	f.k = k;
	f.S = malloc(p * p * sizeof(double));
	f.val = malloc(p * sizeof(double));
	f.vec = malloc(p * p * sizeof(double));
	f.L = fa->unrotated;
	smc = malloc(p * sizeof(double));
	psi = malloc(p * sizeof(double));
	sg = malloc(k * sizeof(double));
	tmp = malloc(p * k * sizeof(double));
	ev = malloc(k * sizeof(double));
	ord = malloc(k * sizeof(size_t));
	if (!fa->loadings || !fa->unrotated || !fa->structure || !fa->phi ||
	    !fa->communality || !fa->uniqueness || !fa->heywood || !fa->ss ||
	    !fa->prop || !f.S || !f.val || !f.vec || !smc || !psi || !sg ||
	    !tmp || !ev || !ord)
		goto out;
	if ((rc = sq_smc(R, p, smc)) != SQ_OK)
		goto out;

	rc = extract(&f, fa, opts, smc, psi, tol, maxit);
	if (rc != SQ_OK)
		goto out;
	fa->objective = offdiag_ss(R, fa->unrotated, p, k);
	sign_columns(fa->unrotated, p, k, sg);
	for (i = 0; i < p * k; i++)
		if (fa->unrotated[i] == 0)
			fa->unrotated[i] = 1e-15;	/* as psych */
	memcpy(fa->loadings, fa->unrotated, p * k * sizeof(double));
	for (i = 0; i < k; i++)
		fa->phi[i * k + i] = 1;

	if ((rc = rotate(fa, opts)) != SQ_OK)
		goto out;
	sign_columns(fa->loadings, p, k, sg);
	for (i = 0; i < k; i++)
		for (j = 0; j < k; j++)
			fa->phi[i * k + j] *= sg[i] * sg[j];

	order_factors(fa, ev, ord, tmp);
	for (i = 0; i < p; i++) {
		double h = fa_rowss(fa->unrotated, i, k);

		fa->communality[i] = h;
		fa->uniqueness[i] = R[i * p + i] - h;
		if (h >= 1)
			fa->heywood[i] = 1;
		fa->nheywood += fa->heywood[i] != 0;
	}
	rc = SQ_OK;
out:
	free(f.S);
	free(f.val);
	free(f.vec);
	free(smc);
	free(psi);
	free(sg);
	free(tmp);
	free(ev);
	free(ord);
	if (rc != SQ_OK)
		sq_fa_free(fa);
	else
		*out = fa;
	return rc;
}
