/*
 * Unit tests of lib/survey/survey.c and lib/stats/check.c: numbers as exports write
 * them, column names recognised on their own, header shapes (Qualtrics,
 * SurveyMonkey, plain), labels, missing codes and the flags of sq-check.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/check.h"
#include "servqual/survey.h"
#include "unit.h"

static double
num(const char *s, int comma)
{
	double x;

	return sq_parse_number(s, comma, &x) == 0 ? x : -12345;
}

static int
role(const sq_instrument *ins, const char *name, int *t)
{
	return sq_survey_auto_role(ins, name, t);
}

/* What a read saw: rows, E1 and P1 of each row, segments, problems. */
struct seen {
	int rows;
	double e1[8], p1[8], w1[8], overall[8];
	char seg[8][32];
	unsigned long line[8];
	int problems;
	char shape[32];
	char lastprob[512];
};

static int
collect(void *ctx, const sq_response *r, sq_error *err)
{
	struct seen *s = ctx;

	(void)err;
	if (s->rows < 8) {
		s->e1[s->rows] = r->e[0];
		s->p1[s->rows] = r->p[0];
		s->w1[s->rows] = r->w[0];
		s->overall[s->rows] = r->overall;
		s->line[s->rows] = r->line;
		snprintf(s->seg[s->rows], 32, "%s",
		    r->segment ? r->segment : "");
	}
	s->rows++;
	return 0;
}

static void
prob(void *ctx, const sq_error *p)
{
	struct seen *s = ctx;

	s->problems++;
	sq_error_format(p, s->lastprob, sizeof(s->lastprob));
}

static int
hdr(void *ctx, const sq_survey_header *h, sq_error *err)
{
	struct seen *s = ctx;

	(void)err;
	snprintf(s->shape, sizeof(s->shape), "%s", h->shape);
	return 0;
}

/* Read text with ins and the given --by column; returns the status. */
static int
readtext(const char *text, const sq_instrument *ins, const char *by,
    struct seen *s, int problems, sq_error *err)
{
	sq_survey_opts o;
	FILE *fp;
	int rc;

	memset(s, 0, sizeof(*s));
	memset(&o, 0, sizeof(o));
	o.by = by;
	o.header = hdr;
	o.header_ctx = s;
	if (problems) {
		o.problem = prob;
		o.problem_ctx = s;
	}
	fp = fmemopen((void *)text, strlen(text), "r");
	rc = sq_survey_read(fp, "t.csv", ins, &o, collect, s, NULL, err);
	fclose(fp);
	return rc;
}

/* A header and rows for a 2-item codebook instrument. */
static const char cb2[] =
    "scale,1,5\ndimension,A,Alpha\nitem,1,A\nitem,2,A\n"
    "label,Totalmente de acuerdo,5\nlabel,En desacuerdo,2\n"
    "missing,99\ncolumn,#3,P,2\n";

static sq_instrument *
codebook(const char *text)
{
	sq_instrument *ins = NULL;
	FILE *fp = fmemopen((void *)text, strlen(text), "r");

	if (sq_instrument_read(fp, "cb", &ins, NULL) != 0)
		ins = NULL;
	fclose(fp);
	return ins;
}

static void
test_numbers(void)
{
	CHECK(num("7", 0) == 7, "7");
	CHECK(num("7.00", 0) == 7, "7.00");
	CHECK(num(" 7 ", 0) == 7, "blanks around");
	CHECK(num("7,00", 1) == 7, "7,00 with decimal comma");
	CHECK(num("7,00", 0) == -12345, "7,00 without decimal comma");
	CHECK(num("12,5", 1) == 12.5, "12,5");
	CHECK(num("1.234,5", 1) == 1234.5, "1.234,5");
	CHECK(num("12.345.678,9", 1) == 12345678.9, "12.345.678,9");
	CHECK(num("1.23,5", 1) == -12345, "bad thousands group");
	CHECK(num("1.2345,5", 1) == -12345, "long thousands group");
	CHECK(num("12.5", 1) == 12.5, "12.5 in decimal-comma mode");
	CHECK(num("-99", 0) == -99, "-99");
	CHECK(num("+3", 0) == 3, "+3");
	CHECK(num(".5", 0) == 0.5, ".5");
	CHECK(num("5.", 0) == 5, "5.");
	CHECK(num("", 0) == -12345, "empty");
	CHECK(num("-", 0) == -12345, "sign alone");
	CHECK(num("1e3", 0) == 1000, "1e3");
	CHECK(num("1.5E-05", 0) == 1.5e-05, "1.5E-05 (Excel's small numbers)");
	CHECK(num("1,5E+01", 1) == 15, "1,5E+01 with decimal comma");
	CHECK(num(" 7E0 ", 0) == 7, "7E0 with blanks");
	CHECK(num("1e308", 0) == 1e308, "1e308");
	CHECK(num("1e-400", 0) == 0, "1e-400 underflows to 0");
	CHECK(num("1e", 0) == -12345, "exponent without digits");
	CHECK(num("1e+", 0) == -12345, "exponent sign alone");
	CHECK(num("e5", 0) == -12345, "exponent alone");
	CHECK(num("1e5e5", 0) == -12345, "two exponents");
	CHECK(num("1e5.5", 0) == -12345, "fractional exponent");
	CHECK(num("Excelente", 0) == -12345, "a label starting with E");
	{
		double x;

		CHECK(sq_parse_number("1e400", 0, &x) == -2, "1e400 is -2");
		CHECK(sq_parse_number("-1e400", 0, &x) == -2, "-1e400 is -2");
	}
	CHECK(num("0x1", 0) == -12345, "no hex");
	CHECK(num("inf", 0) == -12345, "no inf");
	CHECK(num("nan", 0) == -12345, "no nan");
	CHECK(num("1.2.3", 0) == -12345, "two dots");
	CHECK(num("1,2,3", 1) == -12345, "two commas");
	CHECK(num("7 7", 0) == -12345, "two numbers");
}

static void
test_names(void)
{
	sq_instrument *ins;
	int t = -9;

	sq_instrument_servqual(&ins);
	CHECK(role(ins, "E1", &t) == SQ_ROLE_E && t == 0, "E1");
	CHECK(role(ins, "e01", &t) == SQ_ROLE_E && t == 0, "e01");
	CHECK(role(ins, "P_22", &t) == SQ_ROLE_P && t == 21, "P_22");
	CHECK(role(ins, "P.3", &t) == SQ_ROLE_P && t == 2, "P.3");
	CHECK(role(ins, "servqual/E1", &t) == SQ_ROLE_E && t == 0,
	    "group/E1 (Kobo)");
	CHECK(role(ins, "servqual-P22", &t) == SQ_ROLE_P && t == 21,
	    "group-P22 (ODK)");
	CHECK(role(ins, "E[SQ001]", &t) == SQ_ROLE_E && t == 0,
	    "E[SQ001] (LimeSurvey)");
	CHECK(role(ins, "P[SQ012]", &t) == SQ_ROLE_P && t == 11, "P[SQ012]");
	CHECK(role(ins, "E[other]", &t) == SQ_ROLE_NONE, "E[other] is none");
	CHECK(role(ins, "Expectativas [E3 Empleados]", &t) == SQ_ROLE_E &&
	    t == 2, "Question [E3 text] (Google Forms)");
	CHECK(role(ins, "P4 Materiales atractivos", &t) == SQ_ROLE_P &&
	    t == 3, "E4 text (SurveyMonkey)");
	CHECK(role(ins, "W_TAN", &t) == SQ_ROLE_W && t == 0, "W_TAN");
	CHECK(role(ins, "pesos/w-emp", &t) == SQ_ROLE_W && t == 4,
	    "group/w-emp");
	CHECK(role(ins, "Overall", &t) == SQ_ROLE_OVERALL, "overall");
	CHECK(role(ins, "E23", &t) == SQ_ROLE_NONE, "E23 is no item");
	CHECK(role(ins, "Email", &t) == SQ_ROLE_NONE, "Email is none");
	CHECK(role(ins, "Q1_1", &t) == SQ_ROLE_NONE, "Q1_1 needs a codebook");
	CHECK(role(ins, "E0", &t) == SQ_ROLE_NONE, "E0 is none");
	CHECK(role(ins, "E1x", &t) == SQ_ROLE_NONE, "E1x is none");
	CHECK(role(ins, "", &t) == SQ_ROLE_NONE, "empty name");
	sq_instrument_free(ins);
}

static void
test_shapes(void)
{
	sq_instrument *ins = codebook(cb2);
	struct seen s;
	sq_error err;
	int rc;

	CHECK(ins != NULL, "codebook read");
	if (ins == NULL)
		return;
	/* Qualtrics, new quoting */
	rc = readtext("ResponseId,E1,x,E2,P1,seg\n"
	    "Response ID,Exp 1,P2 text,Exp 2,Per 1,Segmento\n"
	    "\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":"
	    "\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\",\"{\"\""
	    "ImportId\"\":\"\"QID3\"\"}\",\"{\"\"ImportId\"\":\"\"QID4\"\"}\","
	    "\"{\"\"ImportId\"\":\"\"seg\"\"}\"\n"
	    "R_1,5,4,3,2,Norte\n", ins, "seg", &s, 0, &err);
	CHECK(rc == 0 && s.rows == 1 && s.e1[0] == 5 && s.p1[0] == 2,
	    "qualtrics: three header rows");
	CHECK_STR(s.shape, "qualtrics", "qualtrics recognised");
	CHECK(s.line[0] == 4, "qualtrics: data on line 4");
	/* Qualtrics, legacy quoting and no question-text row */
	rc = readtext("E1,E2,x,P1\n{'ImportId': 'QID1'},{'ImportId': 'QID2'},"
	    "{'ImportId': 'QID3'},{'ImportId': 'QID4'}\n1,3,2,4\n", ins, NULL,
	    &s, 0, &err);
	CHECK(rc == 0 && s.rows == 1 && s.e1[0] == 1 && s.p1[0] == 4,
	    "qualtrics: legacy ImportId row alone");
	/* SurveyMonkey: sub-items named in row 2 */
	rc = readtext("Respondent ID,Expectativas,x,,Percepciones,Sucursal\n"
	    ",E1 Equipos,Response,E2 Trato,P1 Equipos,Response\n"
	    "11,5,3,Totalmente de acuerdo,4,Centro\n"
	    "12,En desacuerdo,2,3,,Norte\n", ins, "Sucursal", &s, 0, &err);
	CHECK(rc == 0 && s.rows == 2, "surveymonkey: two data rows");
	CHECK_STR(s.shape, "surveymonkey", "surveymonkey recognised");
	CHECK(s.e1[0] == 5 && s.e1[1] == 2 && s.p1[0] == 4 && isnan(s.p1[1]),
	    "surveymonkey: values and labels");
	CHECK_STR(s.seg[1], "Norte", "surveymonkey: segment under Response");
	/* Plain: the second row is data, held back and then read */
	rc = readtext("E1,E2,x,P1\n1,3,2,4\n5,3,4,2\n", ins, NULL, &s, 0,
	    &err);
	CHECK(rc == 0 && s.rows == 2 && s.e1[0] == 1 && s.e1[1] == 5 &&
	    s.line[0] == 2 && s.line[1] == 3, "plain: rows in order");
	CHECK_STR(s.shape, "plain", "plain recognised");
	rc = readtext("E1,E2,x,P1\n1,3,2,4\n", ins, NULL, &s, 0, &err);
	CHECK(rc == 0 && s.rows == 1 && s.e1[0] == 1, "plain: one data row");
	/* #3 names the third column as P2; labels folded; 99 and 99.00 */
	rc = readtext("P1;x;q;E2;E1\n  TOTALMENTE  de ACUERDO ;1;99.00;"
	    "99;7,00\n", ins, NULL, &s, 1, &err);
	CHECK(rc == 0 && s.rows == 1 && s.p1[0] == 5, "label folded");
	CHECK(s.problems == 1 && strstr(s.lastprob, "\"7,00\" is outside "
	    "the scale 1..5") != NULL, "7,00 read as 7, off a 1..5 scale");
	sq_instrument_free(ins);
}

static void
test_values(void)
{
	sq_instrument *ins;
	struct seen s;
	sq_error err;
	char text[2048];
	size_t o = 0;
	int k, rc;

	sq_instrument_servqual(&ins);
	/* the overall rating on its own 1..10 scale, as a codebook row
	 * overall,1,10 gives it (8,5 is off the items' 1..7) */
	ins->omin = 1;
	ins->omax = 10;
	/* header, then values for E1 P1 W_TAN overall, rest 4 */
	o += (size_t)snprintf(text + o, sizeof(text) - o, "seg");
	for (k = 1; k <= 22; k++)
		o += (size_t)snprintf(text + o, sizeof(text) - o, ";E%d;P%d",
		    k, k);
	o += (size_t)snprintf(text + o, sizeof(text) - o,
	    ";W_TAN;W_REL;W_RES;W_ASS;W_EMP;overall\n");
	o += (size_t)snprintf(text + o, sizeof(text) - o,
	    "Se\xC3\xB1or\xC3\xADo;7.00;#N/D");
	for (k = 2; k <= 22; k++)
		o += (size_t)snprintf(text + o, sizeof(text) - o, ";4;4");
	o += (size_t)snprintf(text + o, sizeof(text) - o,
	    ";12,5;1.000,0;NS/NR;0;-99;8,5\n;;");
	for (k = 2; k <= 22; k++)
		o += (size_t)snprintf(text + o, sizeof(text) - o, ";;");
	o += (size_t)snprintf(text + o, sizeof(text) - o, ";;;;;\n");
	rc = readtext(text, ins, "seg", &s, 0, &err);
	CHECK(rc == 0 && s.rows == 1, "a row of empty cells is no respondent");
	CHECK(s.e1[0] == 7 && isnan(s.p1[0]), "7.00 and #N/D");
	CHECK(s.w1[0] == 12.5 && s.overall[0] == 8.5,
	    "decimal comma in weight and rating with ';'");
	CHECK_STR(s.seg[0], "Se\xC3\xB1or\xC3\xADo", "accents in segments");
	sq_instrument_free(ins);
}

static int
count_prob(void *ctx, const sq_response *r, sq_error *err)
{
	(void)ctx;
	(void)r;
	(void)err;
	return 0;
}

static void
test_flags(void)
{
	sq_instrument *ins;
	sq_check *c;
	sq_check_opts o;
	sq_check_summary s;
	sq_response r;
	struct seen probs;
	double e[22], p[22], w[5];
	int k;

	sq_instrument_servqual(&ins);
	memset(&o, 0, sizeof(o));
	o.weights = 1;
	CHECK(sq_check_new(ins, &o, &c) == 0, "checker");
	memset(&r, 0, sizeof(r));
	memset(&probs, 0, sizeof(probs));
	for (k = 0; k < 22; k++) {
		e[k] = 6;
		p[k] = 1 + k % 7;
	}
	for (k = 0; k < 5; k++)
		w[k] = 20;
	r.e = e;
	r.p = p;
	r.w = w;
	r.id = "x";
	r.line = 2;
	r.answered = 44;
	sq_check_add(c, &r, "f", prob, &probs);
	CHECK(probs.problems == 1 && strstr(probs.lastprob,
	    "f:2: straight-lining: all 22 E answers are 6") != NULL,
	    "straight-lining E");
	e[0] = 5;
	w[4] = 10;
	r.line = 3;
	sq_check_add(c, &r, "f", prob, &probs);
	CHECK(probs.problems == 3 && strstr(probs.lastprob,
	    "weights sum to 90, not 100") != NULL, "duplicate id and weights");
	for (k = 0; k < 22; k++)
		e[k] = p[k] = NAN;
	e[3] = p[3] = 4;
	w[4] = 20;
	r.answered = 2;
	r.id = "y";
	r.line = 4;
	sq_check_add(c, &r, "f", prob, &probs);
	CHECK(probs.problems == 4 && strstr(probs.lastprob,
	    "too few answers: 2 of 44 (fewer than 22)") != NULL, "too few");
	sq_check_result(c, &s);
	CHECK(s.rows == 3 && s.usable == 2 && s.duplicate_ids == 1 &&
	    s.straight_lining == 1 && s.too_few == 1 && s.weights_off == 1,
	    "summary counts");
	CHECK(s.missing == 42 && s.missing_e[0] == 1 && s.missing_e[3] == 0,
	    "missing counts");
	sq_check_free(c);
	sq_check_free(NULL);
	(void)count_prob;
	sq_instrument_free(ins);
}

int
main(void)
{
	test_numbers();
	test_names();
	test_shapes();
	test_values();
	test_flags();
	return unit_done();
}
