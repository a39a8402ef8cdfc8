/*
 * Measures of a correlation matrix, following psych: squared multiple
 * correlations (smc), Kaiser-Meyer-Olkin sampling adequacy (KMO),
 * Bartlett's test of sphericity (cortest.bartlett) and the eigenvalues.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "servqual/factor.h"
#include "fa_linalg.h"

int
sq_smc(const double *R, size_t p, double *smc)
{
	double *inv;
	size_t i;
	int rc;

	if (p == 0)
		return SQ_EUSAGE;
	if ((inv = malloc(p * p * sizeof(double))) == NULL)
		return SQ_ENOMEM;
	if ((rc = fa_pinv_sym(R, p, inv)) == SQ_OK)
		for (i = 0; i < p; i++) {
			double s = 1 - 1 / inv[i * p + i];

			if (!isfinite(s))
				s = 1;
			smc[i] = s < 0 ? 0 : s > 1 ? 1 : s;
		}
	free(inv);
	return rc;
}

int
sq_kmo(const double *R, size_t p, double *msa, double *msai)
{
	double *Q, sr = 0, sq = 0;
	size_t i, j;
	int rc;

	*msa = NAN;
	if (msai != NULL)
		for (i = 0; i < p; i++)
			msai[i] = NAN;
	if (p < 2)
		return SQ_EUSAGE;
	if ((Q = malloc(p * p * sizeof(double))) == NULL)
		return SQ_ENOMEM;
	if ((rc = fa_inverse(R, p, Q)) != SQ_OK) {
		free(Q);
		return rc;
	}
	/* anti-image correlations are -Q_ij / sqrt(Q_ii Q_jj); sign is moot */
	for (j = 0; j < p; j++) {
		double cr = 0, cq = 0;

		for (i = 0; i < p; i++) {
			double q;

			if (i == j)
				continue;
			q = Q[i * p + j] / sqrt(Q[i * p + i] * Q[j * p + j]);
			cr += R[i * p + j] * R[i * p + j];
			cq += q * q;
		}
		if (msai != NULL)
			msai[j] = cr / (cr + cq);
		sr += cr;
		sq += cq;
	}
	*msa = sr / (sr + sq);
	free(Q);
	return SQ_OK;
}

int
sq_bartlett(const double *R, size_t p, double n, double *chisq, double *df,
    double *pval)
{
	double ld;
	int sign, rc;

	*chisq = *pval = NAN;
	*df = (double)p * ((double)p - 1) / 2;
	if (p < 2 || !(n > 1))
		return SQ_EUSAGE;
	if ((rc = fa_logdet(R, p, &ld, &sign)) != SQ_OK)
		return rc;
	if (sign <= 0)
		return SQ_ENUMERIC;
	*chisq = -ld * (n - 1 - (2.0 * (double)p + 5) / 6);
	*pval = gsl_cdf_chisq_Q(*chisq, *df);
	return SQ_OK;
}

int
sq_eigenvalues(const double *R, size_t p, double *val)
{
	return fa_eigen(R, p, val, NULL);
}
