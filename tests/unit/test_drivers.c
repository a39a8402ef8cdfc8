/* sq-drivers' statistics on cases worked by hand. */
#include <cairo.h>
#include <gsl/gsl_errno.h>
#include <stdlib.h>

#include "servqual/chart.h"
#include "servqual/drivers.h"
#include "unit.h"

int
main(void)
{
	/* x = 1..4, y = 2 4 5 8: b = 1.9, a = 0, RSS = 0.7 */
	const double m1[2] = { 2.5, 4.75 };
	const double C1[4] = { 5, 9.5, 9.5, 18.75 };
	/* x2 = 2 x1: collinear */
	const double m2[3] = { 2.5, 5, 4.75 };
	const double C2[9] = { 5, 10, 9.5, 10, 20, 19, 9.5, 19, 18.75 };
	const double R[4] = { 1, 0.5, 0.5, 1 }, r[2] = { 0.6, 0.3 };
	const double x[6] = { 3, 1, 3, NAN, 2, 5 };
	double lmg[2], rank[6];
	sq_drvmodel mod;
	sq_instrument *ins;
	sq_error lerr;
	sq_target *t = NULL;
	size_t n = 0;
	char msg[256];

	gsl_set_error_handler_off();
	sq_drivers_fit(4, 1, m1, C1, &mod);
	CHECK_NEAR(mod.est[1], 1.9, 1e-14, "fit: slope");
	CHECK_NEAR(mod.est[0], 0, 1e-14, "fit: intercept");
	CHECK_NEAR(mod.r2, 90.25 / 93.75, 1e-14, "fit: R^2");
	CHECK_NEAR(mod.se[1], sqrt(0.35 / 5), 1e-14, "fit: se of slope");
	CHECK_NEAR(mod.se[0], sqrt(0.525), 1e-14, "fit: se of intercept");
	CHECK_NEAR(mod.df2, 2, 0, "fit: df2");
	CHECK_NEAR(mod.vif[1], 1, 1e-14, "fit: vif of a lone predictor");
	CHECK(isnan(mod.beta[0]) && isnan(mod.vif[0]),
	    "fit: no beta or vif for the intercept");
	sq_drivers_fit(4, 2, m2, C2, &mod);
	CHECK(mod.singular && isnan(mod.r2) && isnan(mod.est[1]),
	    "fit: collinear predictors leave the model undefined");
	sq_drivers_fit(2, 1, m1, C1, &mod);
	CHECK(isnan(mod.r2) && !mod.singular, "fit: no residual df");

	/* LMG of two predictors: (r1^2 + R^2 - r2^2) / 2 etc. */
	CHECK(sq_lmg(2, R, r, lmg) == SQ_OK, "lmg: ok");
	CHECK_NEAR(lmg[0], 0.315, 1e-14, "lmg: first");
	CHECK_NEAR(lmg[1], 0.045, 1e-14, "lmg: second");
	CHECK(sq_lmg(13, R, r, lmg) == SQ_EUSAGE, "lmg: too many predictors");

	sq_rank_desc(x, 6, rank);
	CHECK_NEAR(rank[0], 2.5, 0, "rank: tie averaged");
	CHECK_NEAR(rank[1], 5, 0, "rank: smallest last");
	CHECK(isnan(rank[3]), "rank: NaN stays NaN");
	CHECK_NEAR(rank[5], 1, 0, "rank: largest first");

	/* the built-in items with the oracle data's overall rating, 1..10 */
	if (sq_instrument_load("tests/oracle/drivers/overall10.codebook.csv",
	    &ins, &lerr) != SQ_OK)
		return 1;
	CHECK(sq_targets_parse("REL=6,tan=5.5,G:REL=-0.5", ins, &t, &n, msg,
	    sizeof(msg)) == 0 && n == 3, "targets: parse three");
	CHECK(n == 3 && t[0].dim == 1 && t[0].block == SQ_DRV_P &&
	    t[1].dim == 0 && t[1].target == 5.5 && t[2].block == SQ_DRV_G &&
	    t[2].target == -0.5, "targets: parsed values");
	CHECK(sq_targets_parse("REL=7", ins, &t, &n, msg, sizeof(msg)) ==
	    -1, "targets: a second REL target on P is refused");
	CHECK(sq_targets_parse("XYZ=1", ins, &t, &n, msg, sizeof(msg)) ==
	    -1, "targets: unknown dimension");
	CHECK(sq_targets_parse("REL=", ins, &t, &n, msg, sizeof(msg)) ==
	    -1, "targets: no level");
	CHECK(sq_targets_parse("E:REL=5", ins, &t, &n, msg, sizeof(msg)) ==
	    -1, "targets: block E is not a target block");
	CHECK(sq_targets_parse("REL=nan", ins, &t, &n, msg, sizeof(msg)) ==
	    -1, "targets: NaN level");
	free(t);

	/*
	 * The data the ipa chart draws from the oracle's export with derived
	 * importance: the true strongest driver, with the worst performance,
	 * is in "concentrate here"; the chart draws and the frame's value
	 * axis is the whole answer scale.
	 */
	{
		sq_chartdata *d = NULL;
		sq_chartneed need = { SQ_CHART_IPA, SQ_BLOCK_P, 0.95, 1, 1000,
		    SQ_IMP_DERIVED, -1 };
		sq_chart_opts co = { SQ_CHART_IPA, SQ_LANG_EN, 0, 0, 0, NULL,
		    0.95 };
		sq_chart_frame f;
		sq_survey_opts so;
		sq_error err;
		FILE *fp = fopen("tests/oracle/drivers/main.csv", "rb");
		int rc = -1;

		memset(&so, 0, sizeof(so));
		if (fp != NULL && sq_chartdata_new(ins, &d) == SQ_OK)
			rc = sq_chartdata_read(d, fp, "main.csv", &so, &need,
			    NULL, &err);
		CHECK(rc == SQ_OK, "ipa data: read the oracle export");
		if (rc == SQ_OK) {
			CHECK(sq_ipa_quadrant(d->importance[1],
			    d->performance[1], d->drv.icross, d->drv.pcross) ==
			    SQ_Q_CONCENTRATE, "ipa data: REL in concentrate");
			CHECK(d->drv.source == SQ_IMP_DERIVED &&
			    d->importance[1] == d->drv.derived[1],
			    "ipa data: derived importance");
			cairo_surface_t *sf = cairo_image_surface_create(
			    CAIRO_FORMAT_ARGB32, 560, 460);
			cairo_t *cr = cairo_create(sf);

			CHECK(sq_chart_draw(cr, d, &co, 560, 460, NULL, &f,
			    &err) == SQ_OK, "ipa: draws");
			CHECK(f.value.d0 == 1 && f.value.d1 == 7,
			    "ipa: performance axis is the whole scale 1..7");
			cairo_destroy(cr);
			cairo_surface_destroy(sf);
		}
		if (fp)
			fclose(fp);
		sq_chartdata_free(d);
	}
	sq_instrument_free(ins);
	sq_chart_release_fonts();
	return unit_done();
}
