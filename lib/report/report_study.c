/*
 * A study: every analysis the report holds, from one pass over the
 * export. Each analysis keeps the accumulator its tool keeps (gapset,
 * relacc, covacc of the perceptions, check), so the figures are the
 * tools' figures.
 */
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/cli.h"
#include "servqual/cfa.h"
#include "servqual/covacc.h"
#include "servqual/drivers.h"
#include "servqual/i18n.h"
#include "servqual/reliability.h"
#include "servqual/zone.h"
#include "report_int.h"

struct pass {
	sq_study *s;
	sq_relacc *rel;
	sq_covacc *cov;
	double *x;
	sq_drivers *drv;
	const char *path;
	sq_error *err;
	int nomem;
};

static void
problem(void *ctx, const sq_error *p)
{
	(void)p;
	((struct pass *)ctx)->s->problems++;
}

static int
header(void *ctx, const sq_survey_header *h, sq_error *err)
{
	struct pass *ps = ctx;
	sq_check_opts o;
	size_t i;

	memset(&o, 0, sizeof(o));
	for (i = 0; i < h->ncols; i++)
		if (h->role[i] == SQ_ROLE_W)
			o.weights = 1;
	ps->s->form = h->form;
	if (sq_check_new(ps->s->ins, &o, &ps->s->check) != SQ_OK ||
	    (h->form == SQ_FORM_ZONE &&
	    sq_zoneacc_new(ps->s->ins, &ps->s->zone) != SQ_OK))
		return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");
	return SQ_OK;
}

static int
respond(void *ctx, const sq_response *r, sq_error *err)
{
	struct pass *ps = ctx;
	const sq_instrument *ins = ps->s->ins;
	size_t i;
	int rc;

	if ((rc = sq_gapset_add(ps->s->gaps, ins, r, err)) != SQ_OK)
		return rc;
	sq_relacc_add(ps->rel, r);
	for (i = 0; i < ins->nitems; i++)
		ps->x[i] = r->p[i];
	sq_covacc_add(ps->cov, ps->x);
	if (sq_check_add(ps->s->check, r, ps->path, problem, ps) != SQ_OK)
		return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");
	if (ps->s->zone != NULL)
		sq_zoneacc_add(ps->s->zone, ins, r);
	return sq_drivers_add(ps->drv, ins, r, r->overall, err);
}

void
sq_study_free(sq_study *s)
{
	if (s == NULL)
		return;
	sq_gapset_free(s->gaps);
	free(s->grow);
	free(s->rel);
	sq_drvresult_free(s->drv);
	sq_fa_result_free(s->fa);
	sq_cfa_free(s->cfa);
	sq_zoneacc_free(s->zone);
	free(s->zrow);
	free(s->cfa_dim);
	sq_check_free(s->check);
	free(s);
}

/* One-way ANOVA of the SERVQUAL score over the segments, from moments. */
static void
anova(sq_study *s)
{
	const sq_gapset *g = s->gaps;
	double N = 0, grand = 0, ssb = 0, ssw = 0;
	size_t i, k = 0;

	s->anova_f = s->anova_p = s->anova_df1 = s->anova_df2 = NAN;
	for (i = 0; i < g->nseg; i++) {
		const sq_pairmom *m = &g->acc[i]->sq;

		if (m->n < 1)
			continue;
		k++;
		N += m->n;
		grand += m->n * m->md;
	}
	if (k < 2 || N - (double)k < 1)
		return;
	grand /= N;
	for (i = 0; i < g->nseg; i++) {
		const sq_pairmom *m = &g->acc[i]->sq;

		if (m->n < 1)
			continue;
		ssb += m->n * (m->md - grand) * (m->md - grand);
		ssw += m->m2d;
	}
	s->anova_df1 = (double)k - 1;
	s->anova_df2 = N - (double)k;
	if (!(ssw > 0))
		return;
	s->anova_f = (ssb / s->anova_df1) / (ssw / s->anova_df2);
	s->anova_p = gsl_cdf_fdist_Q(s->anova_f, s->anova_df1, s->anova_df2);
}

static void
factor(sq_study *s, const sq_covacc *cov)
{
	const sq_instrument *ins = s->ins;
	size_t p = ins->nitems, i, bi, bj;
	sq_fa_run_opts fo;
	double *R = NULL;
	int *dim = NULL;

	memset(&fo, 0, sizeof(fo));
	fo.fa.extract = SQ_FA_PA;
	fo.fa.rotate = SQ_ROT_OBLIMIN;
	fo.seed = 1;
	fo.iter = 1000;
	if (sq_covacc_n(cov) < (double)p + 1) {
		snprintf(s->fa_why, sizeof(s->fa_why), _("%.0f complete "
		    "respondents for %zu items; factor analysis needs more."),
		    sq_covacc_n(cov), p);
		return;
	}
	R = malloc(p * p * sizeof(double));
	dim = malloc(p * sizeof(int));
	if (R == NULL || dim == NULL) {
		snprintf(s->fa_why, sizeof(s->fa_why), "%s",
		    _("out of memory"));
		goto out;
	}
	for (i = 0; i < p; i++)
		dim[i] = ins->items[i].dim;
	if (sq_fa_correlations(cov, p, R, &bi, &bj) != SQ_OK) {
		snprintf(s->fa_why, sizeof(s->fa_why), _("P%d does not vary "
		    "among the complete respondents."),
		    ins->items[bi].number);
		goto out;
	}
	if (sq_fa_analyse(R, p, sq_covacc_n(cov), dim, ins->ndims, &fo,
	    &s->fa) != SQ_OK) {
		s->fa = NULL;
		snprintf(s->fa_why, sizeof(s->fa_why), "%s",
		    _("the factor analysis failed."));
	}
out:
	free(R);
	free(dim);
}

/* sq-cfa's model of the perceptions: each item on its dimension. */
static void
cfa(sq_study *s, const sq_covacc *cov)
{
	const sq_instrument *ins = s->ins;
	size_t p = ins->nitems, d, i, m = 0, k;
	int f[SQ_MAX_DIMS], *dim = NULL;
	double n = sq_covacc_n(cov), *S = NULL;

	for (d = 0; d < ins->ndims; d++) {
		f[d] = -1;
		if ((k = sq_instrument_dim_items(ins, (int)d)) == 0)
			continue;
		if (k < 2) {
			snprintf(s->cfa_why, sizeof(s->cfa_why), _("dimension "
			    "%s has 1 item; a factor needs at least 2."),
			    ins->dims[d].code);
			return;
		}
		s->cfa_dimidx[m] = d;
		f[d] = (int)m++;
	}
	if (n < (double)p + 1) {
		snprintf(s->cfa_why, sizeof(s->cfa_why), _("%.0f complete "
		    "respondents for %zu items; the model needs more."), n, p);
		return;
	}
	dim = malloc(p * sizeof(int));
	S = malloc(p * p * sizeof(double));
	if (dim == NULL || S == NULL) {
		snprintf(s->cfa_why, sizeof(s->cfa_why), "%s",
		    _("out of memory"));
		goto out;
	}
	for (i = 0; i < p; i++)
		dim[i] = f[ins->items[i].dim];
	/* lavaan's S: divided by N, as sq-cfa does */
	sq_covacc_cov(cov, S);
	for (i = 0; i < p * p; i++)
		S[i] *= (n - 1) / n;
	for (i = 0; i < p; i++)
		if (!(S[i * p + i] > 0)) {
			snprintf(s->cfa_why, sizeof(s->cfa_why), _("P%d does "
			    "not vary among the complete respondents."),
			    ins->items[i].number);
			goto out;
		}
	if (sq_cfa_fit(S, p, n, dim, m, 0, &s->cfa) != SQ_OK) {
		s->cfa = NULL;
		snprintf(s->cfa_why, sizeof(s->cfa_why), "%s",
		    _("the model could not be fitted."));
	} else {
		s->cfa_dim = dim;	/* the fit borrows it */
		dim = NULL;
	}
out:
	free(dim);
	free(S);
}

int
sq_study_run(const char *path, const sq_instrument *ins,
    const sq_survey_opts *so, double conf, sq_study **out, sq_error *err)
{
	sq_survey_opts o = *so;
	struct pass ps;
	sq_study *s;
	sq_drivers_opts dopt;
	int rc = SQ_ENOMEM;

	*out = NULL;
	memset(&ps, 0, sizeof(ps));
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return sq_error_set(err, SQ_ENOMEM, path, 0, 0, NULL,
		    "out of memory");
	s->ins = ins;
	s->conf = conf;
	if (so->by != NULL)
		snprintf(s->by, sizeof(s->by), "%s", so->by);
	ps.s = s;
	ps.path = path;
	ps.x = malloc((ins->nitems + 1) * sizeof(double));
	if (!ps.x || sq_gapset_new(ins, so->by != NULL, &s->gaps) ||
	    sq_drivers_new(ins, 0, &ps.drv) ||
	    sq_relacc_new(ins, 0, &ps.rel) ||
	    sq_covacc_new(ins->nitems, 0, &ps.cov)) {
		sq_error_set(err, SQ_ENOMEM, path, 0, 0, NULL,
		    "out of memory");
		goto out;
	}
	o.header = header;
	o.header_ctx = &ps;
	rc = sq_survey_read_path(path, ins, &o, respond, &ps, &s->st, err);
	if (rc != SQ_OK)
		goto out;
	if (s->check == NULL || s->st.rows == 0) {
		rc = sq_error_set(err, SQ_EEMPTY, path, 0, 0, NULL,
		    "no data rows after the header");
		goto out;
	}
	sq_gapset_finish(s->gaps);
	rc = SQ_ENOMEM;
	if (sq_gap_rows(s->gaps->all, ins, conf, &s->grow, &s->ngrow) ||
	    sq_rel_rows(ps.rel, conf, &s->rel, &s->nrel)) {
		sq_error_set(err, SQ_ENOMEM, path, 0, 0, NULL,
		    "out of memory");
		goto out;
	}
	sq_check_result(s->check, &s->chk);
	if (s->zone != NULL &&
	    sq_zone_rows(s->zone, ins, &s->zrow, &s->nzrow) != SQ_OK) {
		rc = sq_error_set(err, SQ_ENOMEM, path, 0, 0, NULL,
		    "out of memory");
		goto out;
	}
	s->has_weights = s->st.has_weights;
	/* sq-drivers' defaults: stated importance when there are weights */
	memset(&dopt, 0, sizeof(dopt));
	dopt.conf = conf;
	dopt.importance = SQ_IMP_AUTO;
	dopt.crosshair = SQ_CROSS_MEAN;
	if ((s->has_weights || s->st.has_overall) &&
	    sq_drivers_result(ps.drv, ins, &dopt, &s->drv, NULL) != SQ_OK)
		s->drv = NULL;
	anova(s);
	factor(s, ps.cov);
	cfa(s, ps.cov);
	rc = SQ_OK;
out:
	free(ps.x);
	sq_drivers_free(ps.drv);
	sq_relacc_free(ps.rel);
	sq_covacc_free(ps.cov);
	if (rc != SQ_OK)
		sq_study_free(s);
	else
		*out = s;
	return rc;
}
