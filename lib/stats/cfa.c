/*
 * Confirmatory factor analysis by maximum likelihood.
 *
 * Sigma = Lambda Phi Lambda' + Theta with one loading per item. The
 * discrepancy F = log|Sigma| + tr(S Sigma^-1) - log|S| - p has gradient
 * tr(W dSigma), W = Sigma^-1 (Sigma - S) Sigma^-1, and expected Hessian
 * H_kl = tr(Sigma^-1 Sigma_k Sigma^-1 Sigma_l). Every dSigma/dtheta_k of
 * this model is x y' + y x' for two p-vectors, so H comes from four
 * q x q products of small matrices, without the p^2 x p^2 Kronecker
 * product. Fisher scoring with step halving finds the optimum (it keeps
 * Sigma positive definite); a few Newton steps on the Hessian of the
 * analytic gradient (central differences) then land it to the last
 * digits, tighter than lavaan's own stopping rule.
 *
 * This file: the fit that drives the steps, the figures from the optimum
 * and HTMT. The model and its steps are in cfa_model.c (cfa_int.h), the
 * --fail-if gates in cfa_gate.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>

#include "servqual/cfa.h"
#include "servqual/error.h"
#include "servqual/noncentral.h"
#include "cfa_int.h"

#define MAX_FISHER	1000
#define MAX_NEWTON	20
#define TOL_FISHER	1e-12	/* Newton decrement that ends scoring */
#define TOL_DONE	1e-15	/* ... and that counts as converged */

void
sq_cfa_free(sq_cfa *c)
{
	if (c == NULL)
		return;
	free(c->lambda);
	free(c->lambda_se);
	free(c->lambda_z);
	free(c->lambda_p);
	free(c->lambda_std);
	free(c->fixed);
	free(c->theta);
	free(c->theta_se);
	free(c->theta_std);
	free(c->heywood);
	free(c->phi);
	free(c->phi_se);
	free(c->phi_cor);
	free(c->htmt);
	free(c->verdict);
	free(c->cr);
	free(c->ave);
	free(c->nitems);
	free(c);
}

int
sq_htmt(const double *R, size_t p, const int *dim, size_t m, double *h)
{
	double *sum, *cnt;
	size_t i, j, a, b;

	if ((sum = calloc(m * m, sizeof(double))) == NULL ||
	    (cnt = calloc(m * m, sizeof(double))) == NULL) {
		free(sum);
		return SQ_ENOMEM;
	}
	for (i = 0; i < p; i++)
		for (j = 0; j < p; j++)
			if (i != j) {
				a = (size_t)dim[i];
				b = (size_t)dim[j];
				sum[a * m + b] += fabs(R[i * p + j]);
				cnt[a * m + b]++;
			}
	for (a = 0; a < m; a++)
		for (b = 0; b < m; b++)
			h[a * m + b] = a == b ? NAN : sum[a * m + b] /
			    cnt[a * m + b] / sqrt(sum[a * m + a] /
			    cnt[a * m + a] * sum[b * m + b] / cnt[b * m + b]);
	free(sum);
	free(cnt);
	return SQ_OK;
}

/* The fit indices of the optimum, whose discrepancy is f. */
static void
fit_indices(const struct model *md, double f, sq_cfa *c)
{
	size_t i, j, p = md->p, q = md->q;
	double n = c->n, pstar = (double)(p * (p + 1)) / 2, t1, t2, sum;

	c->npar = q;
	c->chisq = n * f;
	c->df = pstar - (double)q;
	c->pval = c->df > 0 ? gsl_cdf_chisq_Q(c->chisq, c->df) : NAN;
	/* independence model: Sigma = diag(S) */
	for (sum = 0, i = 0; i < p; i++)
		sum += log(md->S[i * p + i]);
	c->base_chisq = n * (sum - md->logdet_s);
	c->base_df = pstar - (double)p;
	c->base_pval = gsl_cdf_chisq_Q(c->base_chisq, c->base_df);
	t1 = fmax(c->chisq - c->df, 0);
	t2 = fmax(fmax(c->chisq - c->df, c->base_chisq - c->base_df), 0);
	c->cfi = t1 == 0 && t2 == 0 ? 1 : 1 - t1 / t2;
	if (c->df > 0) {
		t1 = c->base_chisq / c->base_df - c->chisq / c->df;
		t2 = c->base_chisq / c->base_df - 1;
		c->tli = t1 < 0 && t2 < 0 ? 1 : t1 / t2;
		c->rmsea = sqrt(fmax(c->chisq - c->df, 0) / (c->df * n));
		c->rmsea_lo = sqrt(sq_ncchisq_ncp(c->chisq, c->df, 0.95) /
		    (n * c->df));
		c->rmsea_hi = sqrt(sq_ncchisq_ncp(c->chisq, c->df, 0.05) /
		    (n * c->df));
	} else
		c->tli = c->rmsea = c->rmsea_lo = c->rmsea_hi = NAN;
	/* SRMR: Bentler's, residuals of S standardized by diag(S) */
	for (sum = 0, i = 0; i < p; i++)
		for (j = 0; j <= i; j++) {
			double r = (md->S[i * p + j] -
			    gsl_matrix_get(md->sig, i, j)) /
			    sqrt(md->S[i * p + i] * md->S[j * p + j]);

			sum += r * r;
		}
	c->srmr = sqrt(sum / pstar);
	c->loglik_h1 = -n / 2 * ((double)p * log(2 * M_PI) + md->logdet_s +
	    (double)p);
	c->loglik = c->loglik_h1 - n / 2 * f;
	c->aic = -2 * c->loglik + 2 * (double)q;
	c->bic = -2 * c->loglik + (double)q * log(n);

}

/* Estimates, standard errors and standardized values at the optimum. */
static int
estimates(struct model *md, sq_cfa *c)
{
	size_t i, a, b, k, p = md->p, m = md->m, q = md->q;
	double n = c->n;
	gsl_matrix *vc = NULL;

	/* standard errors from the expected information, (n H / 2)^-1 */
	cfa_expected_hessian(md);
	if ((vc = gsl_matrix_alloc(q, q)) == NULL)
		return SQ_ENOMEM;
	gsl_matrix_memcpy(vc, md->h);
	if (gsl_linalg_cholesky_decomp1(vc) != 0 ||
	    gsl_linalg_cholesky_invert(vc) != 0)
		gsl_matrix_set_all(vc, NAN);
	gsl_matrix_scale(vc, 2 / n);
#define SE(k) ((k) == NONE ? NAN : sqrt(gsl_matrix_get(vc, (k), (k))))
	for (i = 0; i < p; i++) {
		double vf = md->phi[md->dim[i] * (m + 1)];
		double sii = gsl_matrix_get(md->sig, i, i);

		k = md->lidx[i];
		c->fixed[i] = k == NONE;
		c->lambda[i] = md->lam[i];
		c->lambda_se[i] = SE(k);
		c->lambda_z[i] = c->lambda[i] / c->lambda_se[i];
		c->lambda_p[i] = 2 * gsl_cdf_ugaussian_Q(fabs(c->lambda_z[i]));
		c->lambda_std[i] = md->lam[i] * sqrt(vf) / sqrt(sii);
		c->theta[i] = md->th[i];
		c->theta_se[i] = SE(md->tidx + i);
		c->theta_std[i] = md->th[i] / sii;
		c->heywood[i] = md->th[i] < 0;
		c->nheywood += (size_t)c->heywood[i];
	}
	for (a = 0; a < m; a++)
		for (b = 0; b < m; b++) {
			k = md->pidx[a * m + b];
			c->phi[a * m + b] = md->phi[a * m + b];
			c->phi_se[a * m + b] = SE(k);
			c->phi_cor[a * m + b] = md->phi[a * m + b] /
			    sqrt(md->phi[a * m + a] * md->phi[b * m + b]);
		}
#undef SE
	gsl_matrix_free(vc);
	return SQ_OK;
}

/* Whether phi is positive definite, CR, AVE, HTMT and the verdicts. */
static int
validity(const struct model *md, sq_cfa *c)
{
	size_t i, j, a, b, k, p = md->p, m = md->m;
	double *R;

	/* the factor covariance itself positive definite? */
	{
		gsl_matrix_view pv = gsl_matrix_view_array(md->phi, m, m);
		gsl_matrix *pc = gsl_matrix_alloc(m, m);

		if (pc == NULL)
			return SQ_ENOMEM;
		gsl_matrix_memcpy(pc, &pv.matrix);
		c->phi_pd = gsl_linalg_cholesky_decomp1(pc) == 0;
		gsl_matrix_free(pc);
	}
	for (a = 0; a < m; a++) {
		double sl = 0, se = 0, s2 = 0;

		for (i = 0; i < p; i++)
			if ((size_t)md->dim[i] == a) {
				double l = c->lambda_std[i];

				sl += l;
				se += 1 - l * l;
				s2 += l * l;
			}
		c->cr[a] = sl * sl / (sl * sl + se);
		c->ave[a] = s2 / (double)c->nitems[a];
	}
	/* HTMT from the item correlations */
	if ((R = malloc(p * p * sizeof(double))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < p; i++)
		for (j = 0; j < p; j++)
			R[i * p + j] = md->S[i * p + j] /
			    sqrt(md->S[i * p + i] * md->S[j * p + j]);
	k = (size_t)sq_htmt(R, p, md->dim, m, c->htmt);
	free(R);
	if (k != SQ_OK)
		return (int)k;
	for (a = 0; a < m; a++)
		for (b = 0; b < m; b++) {
			double h = c->htmt[a * m + b];
			double r2 = c->phi_cor[a * m + b] *
			    c->phi_cor[a * m + b];

			if (a == b)
				c->verdict[a * m + b] = SQ_CFA_OK;
			else if (!c->converged)
				c->verdict[a * m + b] = SQ_CFA_UNJUDGED;
			else if (!(h <= 0.90))
				c->verdict[a * m + b] = SQ_CFA_FAIL;
			else if (h > 0.85 || !(c->ave[a] >= r2) ||
			    !(c->ave[b] >= r2))
				c->verdict[a * m + b] = SQ_CFA_DOUBTFUL;
			else
				c->verdict[a * m + b] = SQ_CFA_OK;
		}
	return SQ_OK;
}

/* The figures that follow from the optimum in md at par. */
static int
figures(struct model *md, const double *par, sq_cfa *c)
{
	double f = cfa_objective(md, par);
	int rc;

	c->fmin = f;
	c->implied_pd = isfinite(f);
	if (!c->implied_pd)
		return SQ_ENUMERIC;
	fit_indices(md, f, c);
	if ((rc = estimates(md, c)) != SQ_OK)
		return rc;
	return validity(md, c);
}

static int
alloc_result(sq_cfa **out, size_t p, size_t m)
{
	sq_cfa *c;

	if ((*out = c = calloc(1, sizeof(*c))) == NULL)
		return SQ_ENOMEM;
#define A(f, nn) if ((c->f = calloc((nn), sizeof(*c->f))) == NULL) \
	return SQ_ENOMEM
	A(lambda, p); A(lambda_se, p); A(lambda_z, p); A(lambda_p, p);
	A(lambda_std, p); A(fixed, p); A(theta, p); A(theta_se, p);
	A(theta_std, p); A(heywood, p); A(phi, m * m); A(phi_se, m * m);
	A(phi_cor, m * m); A(htmt, m * m); A(verdict, m * m); A(cr, m);
	A(ave, m); A(nitems, m);
#undef A
	return SQ_OK;
}

/* Each item on a factor 0..m-1, every factor of 2 items or more; S
   finite. Counts the items of each factor into c->nitems. */
static int
check_model(const double *S, size_t p, const int *dim, size_t m,
    sq_cfa *c)
{
	size_t i;

	for (i = 0; i < p; i++) {
		if (dim[i] < 0 || (size_t)dim[i] >= m)
			return SQ_EUSAGE;
		c->nitems[dim[i]]++;
	}
	for (i = 0; i < m; i++)
		if (c->nitems[i] < 2)
			return SQ_EUSAGE;
	for (i = 0; i < p * p; i++)
		if (!isfinite(S[i]))
			return SQ_EDATA;
	return SQ_OK;
}

/* log|S| into md->logdet_s; SQ_EDATA when S is not positive definite. */
static int
logdet_s(struct model *md, const double *S, size_t p)
{
	gsl_matrix *sc = gsl_matrix_alloc(p, p);
	size_t i;
	int rc = SQ_EDATA;

	if (sc == NULL)
		return SQ_ENOMEM;
	memcpy(sc->data, S, p * p * sizeof(double));
	if (gsl_linalg_cholesky_decomp1(sc) != 0)
		goto out;
	/* an item (nearly) a linear combination of the previous ones leaves
	   a pivot of rounding noise: as singular as an exact zero */
	for (i = 0; i < p; i++) {
		double l = gsl_matrix_get(sc, i, i);

		if (!(l * l > 1e-10 * S[i * p + i]))
			goto out;
		md->logdet_s += 2 * log(l);
	}
	rc = SQ_OK;
out:
	gsl_matrix_free(sc);
	return rc;
}

/*
 * Fisher scoring from par, then Newton on the Hessian of the analytic
 * gradient until the decrement is at rounding level and stops falling;
 * steps counted in c->iterations. Returns the last decrement.
 */
static double
optimise(struct model *md, double *par, sq_cfa *c)
{
	double f = cfa_objective(md, par), fn, dec = NAN;
	size_t it, nw;

	for (it = 0; it < MAX_FISHER; it++) {
		cfa_gradient(md, md->g);
		cfa_expected_hessian(md);
		dec = cfa_solve(md->h, md->g, md->step, md->q);
		if (isnan(dec) || dec < TOL_FISHER)
			break;
		fn = cfa_line_search(md, par, f, dec);
		if (isnan(fn))
			break;
		f = fn;
		c->iterations++;
	}
	for (nw = 0; nw < MAX_NEWTON; nw++) {
		double prev = dec;

		f = cfa_objective(md, par);
		cfa_gradient(md, md->g);
		if (cfa_newton_hessian(md, par) != 0)
			break;
		dec = cfa_solve(md->h, md->g, md->step, md->q);
		if (isnan(dec) || dec < 1e-24 ||
		    (nw > 0 && dec < TOL_DONE && dec > prev / 4))
			break;
		f = cfa_objective(md, par);
		fn = cfa_line_search(md, par, f, dec);
		if (isnan(fn))
			break;
		c->iterations++;
		if (dec < 1e-22)
			break;
	}
	return dec;
}

int
sq_cfa_fit(const double *S, size_t p, double n, const int *dim, size_t m,
    int std_lv, sq_cfa **out)
{
	struct model md;
	sq_cfa *c = NULL;
	double *par = NULL, dec;
	int rc;

	*out = NULL;
	if (p < 2 || m < 1 || m > p || !(n > 1))
		return SQ_EUSAGE;
	if ((rc = alloc_result(&c, p, m)) != SQ_OK ||
	    (rc = check_model(S, p, dim, m, c)) != SQ_OK)
		goto out;
	c->p = p;
	c->m = m;
	c->n = n;
	c->std_lv = std_lv;
	c->dim = dim;
	if ((rc = cfa_model_init(&md, S, p, dim, m, std_lv)) != SQ_OK)
		goto out;
	if ((par = calloc(md.q, sizeof(double))) == NULL) {
		rc = SQ_ENOMEM;
		goto out_md;
	}
	if ((rc = logdet_s(&md, S, p)) != SQ_OK ||
	    (rc = cfa_start(&md, par, p, m)) != SQ_OK)
		goto out_md;
	dec = optimise(&md, par, c);
	c->decrement = dec;
	c->converged = !isnan(dec) && dec < TOL_DONE;
	rc = figures(&md, par, c);
out_md:
	cfa_model_free(&md);
out:
	free(par);
	if (rc != SQ_OK)
		sq_cfa_free(c);
	else
		*out = c;
	return rc;
}
