/*
 * Unit tests of the forms (lib/survey/survey.c, lib/survey/form.c), codebook recodes
 * and the zone accumulator (lib/stats/zone.c): which form a header is, what a
 * respondent of each form holds, recoded answers, and the zone figures
 * of small hand-checked cases, ties at the zone's edges included.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/survey.h"
#include "servqual/zone.h"
#include "unit.h"

/* Four items in two dimensions (AA: 1, 2; BB: 3, 4) on 1..9. */
static const char cb4[] =
    "scale,1,9\n"
    "dimension,AA,First\n"
    "dimension,BB,Second\n"
    "item,1,AA\nitem,2,AA\nitem,3,BB\nitem,4,BB\n";

static sq_instrument *
load(const char *extra)
{
	char buf[1024];
	sq_instrument *ins = NULL;
	sq_error err;
	FILE *fp;

	snprintf(buf, sizeof(buf), "%s%s", cb4, extra);
	fp = fmemopen(buf, strlen(buf), "r");
	memset(&err, 0, sizeof(err));
	if (fp == NULL || sq_instrument_read(fp, "cb", &ins, &err) != SQ_OK)
		ins = NULL;
	if (fp)
		fclose(fp);
	return ins;
}

struct got {
	int rows, form;
	double e[4][4], p[4][4], a[4][4], d[4][4];
	sq_zoneacc *zone;
	const sq_instrument *ins;
};

static int
take(void *ctx, const sq_response *r, sq_error *err)
{
	struct got *g = ctx;
	int i;

	(void)err;
	if (g->rows < 4)
		for (i = 0; i < 4; i++) {
			g->e[g->rows][i] = r->e[i];
			g->p[g->rows][i] = r->p[i];
			g->a[g->rows][i] = r->a[i];
			g->d[g->rows][i] = r->d[i];
		}
	g->form = r->form;
	if (g->zone)
		sq_zoneacc_add(g->zone, g->ins, r);
	g->rows++;
	return 0;
}

static int
read_text(const sq_instrument *ins, const char *text, struct got *g,
    sq_survey_stats *st, sq_error *err)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	int rc;

	memset(err, 0, sizeof(*err));
	g->rows = 0;
	g->form = -1;
	g->ins = ins;
	rc = sq_survey_read(fp, "t.csv", ins, NULL, take, g, st, err);
	fclose(fp);
	return rc;
}

static void
test_forms(void)
{
	sq_instrument *ins = load("");
	sq_survey_stats st;
	struct got g;
	sq_error err;

	memset(&g, 0, sizeof(g));
	CHECK(ins != NULL, "codebook of 4 items");
	if (ins == NULL)
		return;
	CHECK(read_text(ins, "E1,E2,E3,E4,P1,P2,P3,P4\n1,2,3,4,5,6,7,8\n",
	    &g, &st, &err) == SQ_OK && st.form == SQ_FORM_SERVQUAL &&
	    g.form == SQ_FORM_SERVQUAL && g.e[0][3] == 4 && g.p[0][0] == 5 &&
	    isnan(g.a[0][0]) && isnan(g.d[0][0]), "E and P: SERVQUAL");
	CHECK(read_text(ins, "id,P1,P2,P3,P4\n1,5,6,7,8\n", &g, &st, &err) ==
	    SQ_OK && st.form == SQ_FORM_SERVPERF && isnan(g.e[0][0]) &&
	    isnan(g.e[0][3]) && g.p[0][3] == 8, "P alone: SERVPERF, E NaN");
	CHECK(read_text(ins, "A1,A2,A3,A4,D1,D2,D3,D4,P1,P2,P3,P4\n"
	    "1,2,3,4,5,6,7,8,9,9,9,9\n", &g, &st, &err) == SQ_OK &&
	    st.form == SQ_FORM_ZONE && g.a[0][1] == 2 && g.d[0][2] == 7 &&
	    g.p[0][0] == 9 && isnan(g.e[0][0]), "A, D and P: three-column");
	CHECK(read_text(ins, "E1,E2,E3,E4,P1,P2,P3,P4,D1\n1,2,3,4,5,6,7,8,x\n",
	    &g, &st, &err) == SQ_OK && st.form == SQ_FORM_SERVQUAL,
	    "a D1 column beside E is no desired level");
	CHECK(read_text(ins, "A1,A2,A3,A4,D1,D2,D4,P1,P2,P3,P4\n"
	    "1,2,3,4,5,6,8,9,9,9,9\n", &g, &st, &err) == SQ_ESCHEMA &&
	    strstr(err.msg, "required column D3 not found") != NULL,
	    "a D column missing is named");
	CHECK(read_text(ins, "E1,E2,E4,P1,P2,P3,P4\n1,2,4,5,6,7,8\n", &g, &st,
	    &err) == SQ_ESCHEMA &&
	    strstr(err.msg, "required column E3 not found") != NULL,
	    "an E column missing is named");
	CHECK(read_text(ins, "id,x\n1,2\n", &g, &st, &err) == SQ_ESCHEMA &&
	    strstr(err.msg, "required column E1 not found") != NULL,
	    "no answers at all: E1 as before");
	CHECK(strcmp(sq_form_name(SQ_FORM_ZONE), "zone") == 0 &&
	    strcmp(sq_form_name(SQ_FORM_SERVPERF), "servperf") == 0 &&
	    strstr(sq_form_label(SQ_FORM_SERVPERF, SQ_LANG_ES), "solo") !=
	    NULL, "form names and labels");
	sq_instrument_free(ins);

	ins = load("reverse,2\n");
	CHECK(ins != NULL && read_text(ins, "A1,A2,A3,A4,D1,D2,D3,D4,P1,P2,"
	    "P3,P4\n1,2,3,4,5,6,7,8,9,9,9,9\n", &g, &st, &err) == SQ_OK &&
	    g.a[0][1] == 8 && g.d[0][1] == 4 && g.p[0][1] == 1,
	    "reverse keying applies to A and D");
	sq_instrument_free(ins);
}

static void
test_recode(void)
{
	sq_instrument *ins = load("recode,0,NA\nrecode,20,2\nrecode,90,NA\n");
	sq_survey_stats st;
	struct got g;
	sq_error err;
	double x;

	memset(&g, 0, sizeof(g));
	CHECK(ins != NULL && ins->nrecodes == 3, "three recode rows");
	if (ins == NULL)
		return;
	x = 20;
	CHECK(sq_instrument_recode(ins, &x) == 1 && x == 2, "20 -> 2");
	x = 3;
	CHECK(sq_instrument_recode(ins, &x) == 0 && x == 3, "3 stays");
	CHECK(read_text(ins, "P1,P2,P3,P4\n0,20.00,3,90\n", &g, &st, &err) ==
	    SQ_OK && isnan(g.p[0][0]) && g.p[0][1] == 2 && g.p[0][2] == 3 &&
	    isnan(g.p[0][3]) && st.missing_p == 2 && st.invalid == 0,
	    "recoded: 0 and 90 missing, 20.00 is 2");
	sq_instrument_free(ins);
	/* a recode off the scale is refused with the codebook, at its row
	 * (not as every recoded answer, quoted as given) */
	ins = load("recode,5,12\n");
	CHECK(ins == NULL, "a recode off the scale is a codebook error");
	sq_instrument_free(ins);
}

static void
test_zone(void)
{
	sq_instrument *ins = load("");
	sq_zonerow *rows = NULL;
	sq_survey_stats st;
	struct got g;
	sq_error err;
	size_t n = 0;

	memset(&g, 0, sizeof(g));
	if (ins == NULL || sq_zoneacc_new(ins, &g.zone) != SQ_OK) {
		CHECK(0, "zone accumulator");
		sq_instrument_free(ins);
		return;
	}
	/*
	 * Item 1: (A, D, P) = (3, 6, 3) on the lower edge: within;
	 * (4, 6, 6) on the upper edge: within; (5, 7, 2): below;
	 * (7, 4, 5): inverted. Item 2 missing on the last two rows.
	 * Dimension AA, row 1: A (3+2)/2, D (6+5)/2, P (3+2)/2: P = A,
	 * within; row 2: P 6.5 > D 6, above; rows 3 and 4 have item 1
	 * only (1 of 2 = ceil(2/2)): below, inverted. Overall, row 1:
	 * A 1.75, D 3.75, P 2.75 within; row 2: A 2.5, D 4, P 3.75 within;
	 * row 3: P 2 < A 3 below; row 4: A 4 > D 3 inverted.
	 */
	CHECK(read_text(ins, "A1,A2,A3,A4,D1,D2,D3,D4,P1,P2,P3,P4\n"
	    "3,2,1,1,6,5,2,2,3,2,3,3\n"
	    "4,4,1,1,6,6,2,2,6,7,1,1\n"
	    "5,,1,1,7,,2,2,2,,2,2\n"
	    "7,,1,1,4,,2,2,5,,2,2\n", &g, &st, &err) == SQ_OK,
	    "four three-column respondents");
	CHECK(sq_zone_rows(g.zone, ins, &rows, &n) == SQ_OK && n == 7,
	    "4 item, 2 dimension rows and overall");
	if (n == 7) {
		const sq_zonerow *r = &rows[0];

		CHECK(r->n == 4 && r->mean_a == 19.0 / 4 && r->mean_d == 23.0 /
		    4 && r->mean_p == 16.0 / 4, "item 1 means");
		CHECK(r->msa == -3.0 / 4 && r->mss == -7.0 / 4 &&
		    r->width == 1, "item 1 msa, mss, width");
		CHECK(r->inverted == 1 && r->below == 1.0 / 3 &&
		    r->within == 2.0 / 3 && r->above == 0,
		    "item 1: edges are within, A > D apart");
		/* P - A = 0, 2, -3, -2: mean -0.75, sd sqrt(14.75/3) */
		CHECK(unit_near(r->msa_sd, sqrt(14.75 / 3), 1e-14) &&
		    unit_near(r->msa_t, -0.75 / (sqrt(14.75 / 3) / 2), 1e-14),
		    "item 1 msa sd and t");
		r = &rows[1];
		CHECK(r->n == 2 && r->below == 0 && r->within == 0.5 &&
		    r->above == 0.5 && r->inverted == 0,
		    "item 2 over its two respondents");
		r = &rows[4];
		CHECK(r->n == 4 && r->inverted == 1 && r->within == 1.0 / 3 &&
		    r->below == 1.0 / 3 && r->above == 1.0 / 3 &&
		    r->mean_p == (2.5 + 6.5 + 2 + 5) / 4,
		    "dimension AA: scores placed exactly");
		r = &rows[5];
		CHECK(r->n == 4 && r->inverted == 0 && r->within == 0.75 &&
		    r->above == 0.25 && r->below == 0, "dimension BB");
		r = &rows[6];
		CHECK(r->scope == SQ_ZONE_OVERALL && r->n == 4 &&
		    r->inverted == 1 && r->within == 2.0 / 3 &&
		    r->below == 1.0 / 3 && r->above == 0,
		    "overall over the dimension scores");
		CHECK(unit_near(r->mean_a, (1.75 + 2.5 + 3 + 4) / 4, 1e-15) &&
		    unit_near(r->mss, ((2.75 - 3.75) + (3.75 - 4) +
		    (2 - 4.5) + (3.5 - 3)) / 4, 1e-15), "overall means");
	}
	free(rows);
	sq_zoneacc_free(g.zone);
	sq_instrument_free(ins);
}

int
main(void)
{
	test_forms();
	test_recode();
	test_zone();
	return unit_done();
}
