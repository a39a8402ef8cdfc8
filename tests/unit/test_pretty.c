/*
 * Human number formats and the pretty layout: kinds, separators of the
 * message language, blank NaN, widths of UTF-8 text, panels that keep
 * pretty output within 100 columns.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/i18n.h"
#include "servqual/table.h"
#include "unit.h"

static const char *
fmt(double x, int kind, int digits)
{
	static char buf[64];

	sq_fmt_human(x, kind, digits, buf, sizeof(buf));
	return buf;
}

/* Widest line of text, in display columns. */
static size_t
widest(char *text)
{
	size_t w = 0;
	char *line;

	for (line = strtok(text, "\n"); line != NULL; line = strtok(NULL, "\n"))
		if (sq_text_width(line) > w)
			w = sq_text_width(line);
	return w;
}

int
main(void)
{
	const char *cols[30];
	char names[30][8], *buf = NULL;
	size_t len = 0, i, r;
	sq_table *t;
	FILE *fp;

	setenv("SQ_LOCALEDIR", SQ_TEST_LOCALEDIR, 1);
	sq_i18n_init("en");
	CHECK_STR(fmt(0.0004, SQ_NUM_P, 0), "<0.001", "p below 0.001");
	CHECK_STR(fmt(0.0012, SQ_NUM_P, 0), "0.001", "p rounds to 3");
	CHECK_STR(fmt(0.9999, SQ_NUM_P, 0), "1.000", "p near 1");
	CHECK_STR(fmt(400, SQ_NUM_INT, 0), "400", "integer");
	CHECK_STR(fmt(1234567, SQ_NUM_INT, 0), "1,234,567", "thousands");
	CHECK_STR(fmt(-1234.5, SQ_NUM_REAL, 1), "-1,234.5", "negative");
	CHECK_STR(fmt(-0.0004, SQ_NUM_REAL, 3), "0.000", "no -0.000");
	CHECK_STR(fmt(NAN, SQ_NUM_REAL, 3), "", "NaN is blank");
	CHECK_STR(fmt(0.8655, SQ_NUM_REAL, 2), "0.87", "two decimals");
	CHECK(sq_text_width("Empat\xc3\xad" "a") == 7, "width of UTF-8");
	CHECK(sq_text_width("\xe4\xb8\xad\xe6\x96\x87") == 4, "wide CJK");

	CHECK(sq_i18n_have("es"), "the Spanish catalogue is built");
	sq_i18n_init("es");
	CHECK_STR(fmt(0.0004, SQ_NUM_P, 0), "<0,001", "es: p");
	CHECK_STR(fmt(1234567.25, SQ_NUM_REAL, 2), "1.234.567,25",
	    "es: separators");
	CHECK_STR(_("alpha"), "alfa", "es: a label");
	CHECK_STR(sq_ngettext("Parallel analysis (%lu simulations) suggests "
	    "%zu factor.\n", "Parallel analysis (%lu simulations) suggests "
	    "%zu factors.\n", 1), "El an\xc3\xa1lisis paralelo (%lu "
	    "simulaciones) sugiere %zu factor.\n", "es: singular");
	sq_i18n_init("en");

	/* 30 columns of 7-wide numbers: panels of at most 100 columns. */
	for (i = 0; i < 30; i++) {
		snprintf(names[i], sizeof(names[i]), i ? "c%zu" : "name", i);
		cols[i] = names[i];
	}
	if (sq_table_new(cols, 30, &t) != SQ_OK)
		return 1;
	sq_table_human(t, 0, SQ_NUM_TEXT, 0, NULL);
	for (r = 0; r < 3; r++) {
		sq_table_str(t, r ? "Empat\xc3\xad" "a" : "Tangibles");
		for (i = 1; i < 30; i++)
			sq_table_num(t, r == 1 && i == 5 ? NAN : 1000.0 * i);
	}
	fp = open_memstream(&buf, &len);
	CHECK(sq_table_write(t, fp, SQ_FMT_PRETTY, "title") == SQ_OK,
	    "pretty writes");
	fclose(fp);
	CHECK(strstr(buf, "NaN") == NULL, "no NaN in pretty");
	CHECK(strstr(buf, "29,000") != NULL, "last column shown");
	CHECK(strstr(buf, " \n") == NULL, "no trailing blanks");
	CHECK(widest(buf) <= SQ_PRETTY_WIDTH, "panels fit 100 columns");
	free(buf);
	sq_table_free(t);

	/* Prose wraps at spaces within the width; a long word stays whole. */
	buf = NULL;
	fp = open_memstream(&buf, &len);
	sq_text_wrap(fp, "Capacidad de respuesta: la puntuaci\xc3\xb3n va de "
	    "0,846 a 0,896 en todas las escalas\n", 20);
	sq_text_wrap(fp, "unapalabramuchomaslargaqueelancho corta", 10);
	sq_text_wrap(fp, "the last word goes over\n", 20);
	fclose(fp);
	CHECK_STR(buf, "Capacidad de\nrespuesta: la\npuntuaci\xc3\xb3n va de\n"
	    "0,846 a 0,896 en\ntodas las escalas\n"
	    "unapalabramuchomaslargaqueelancho\ncorta\n"
	    "the last word goes\nover\n", "wrap");
	CHECK(widest(buf) <= 33, "wrapped lines");
	free(buf);
	return unit_done();
}
