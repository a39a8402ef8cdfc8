/* Respondent scores on a block (DESIGN.md "Scores"), by hand. */
#include <stdlib.h>

#include "servqual/scores.h"
#include "unit.h"

static double e[22], p[22], w[5];

static void
fill(double ev, double pv)
{
	int i;

	for (i = 0; i < 22; i++) {
		e[i] = ev;
		p[i] = pv;
	}
}

int
main(void)
{
	sq_instrument *ins;
	sq_scores *s;
	sq_response r;
	int b;

	memset(&r, 0, sizeof(r));
	r.e = e;
	r.p = p;
	r.w = w;
	if (sq_instrument_servqual(&ins) != SQ_OK ||
	    sq_scores_new(ins, &s) != SQ_OK)
		return 1;

	/* TAN 1-4: P = 7,6,5,NaN -> P score 6 (3 of 4 items) */
	fill(4, 5);
	p[0] = 7; p[1] = 6; p[2] = 5; p[3] = NAN;
	w[0] = 40; w[1] = 30; w[2] = 10; w[3] = 10; w[4] = 10;
	sq_scores_compute(s, ins, &r, SQ_SCORE_P);
	CHECK(s->dim[0] == 6.0, "P score over the items present");
	CHECK(s->dim[1] == 5.0, "P score of a full dimension");
	/* servqual P = (6 + 5*4) / 5 = 5.2, weighted (40*6+60*5)/100 */
	CHECK(s->servqual == 26.0 / 5.0, "servqual: mean of scores");
	CHECK(s->weighted == 540.0 / 100.0, "weighted servqual");

	/* G: TAN gaps 3,2,1 -> 2; others 1 */
	sq_scores_compute(s, ins, &r, SQ_SCORE_G);
	CHECK(s->dim[0] == 2.0 && s->dim[4] == 1.0, "G scores");

	/* 1 of 4 TAN items: below ceil(k/2), undefined; servqual too */
	p[1] = NAN; p[2] = NAN;
	sq_scores_compute(s, ins, &r, SQ_SCORE_P);
	CHECK(isnan(s->dim[0]), "fewer than ceil(k/2) items: NaN");
	CHECK(isnan(s->servqual) && isnan(s->weighted),
	    "servqual needs every dimension");
	/* exactly 2 of 4 qualify: defined */
	p[1] = 6;
	sq_scores_compute(s, ins, &r, SQ_SCORE_P);
	CHECK(s->dim[0] == 6.5, "ceil(k/2) items suffice");

	/* exact ties: 1/3-type means built two ways are the same double */
	fill(NAN, 1);
	p[4] = 2; p[5] = 2; p[6] = 1; p[7] = NAN; p[8] = NAN; /* REL 5/3 */
	sq_scores_compute(s, ins, &r, SQ_SCORE_P);
	{
		double a = s->servqual;

		fill(NAN, 1);
		p[4] = 1; p[5] = 2; p[6] = NAN; p[7] = 2; p[8] = NAN;
		sq_scores_compute(s, ins, &r, SQ_SCORE_P);
		CHECK(a == s->servqual, "equal rationals, equal doubles");
		CHECK(unit_near(a, (1 + 5.0 / 3 + 1 + 1 + 1) / 5, 1e-15),
		    "servqual with a thirds score");
	}
	/* E block on a SERVPERF-like response: undefined */
	sq_scores_compute(s, ins, &r, SQ_SCORE_E);
	CHECK(isnan(s->dim[0]) && isnan(s->servqual), "no E: NaN");
	/* weights summing to 0, or missing */
	fill(3, 4);
	memset(w, 0, sizeof(w));
	sq_scores_compute(s, ins, &r, SQ_SCORE_G);
	CHECK(s->servqual == 1.0 && isnan(s->weighted), "weights sum 0");
	w[0] = NAN;
	sq_scores_compute(s, ins, &r, SQ_SCORE_G);
	CHECK(isnan(s->weighted), "a missing weight");

	CHECK(sq_scores_block_parse("p", &b) == 0 && b == SQ_SCORE_P &&
	    sq_scores_block_parse("x", &b) == -1, "block names");
	sq_scores_free(s);
	sq_scores_free(NULL);
	sq_instrument_free(ins);
	return unit_done();
}
