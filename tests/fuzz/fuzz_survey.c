/*
 * libFuzzer target: a whole export through the survey reader. Input: one
 * option byte, then either an export read with the built-in SERVQUAL, or
 * "CODEBOOK\n%%\nEXPORT" read with that codebook. Odd option bytes collect
 * problems (sq-check's mode) rather than stopping at the first.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/check.h"
#include "servqual/survey.h"

#include "common.h"

typedef struct fctx {
	const sq_instrument *ins;
	size_t nitems, ndims;
	double sum;
	unsigned long problems;
	sq_check *chk;		/* sq-check's flags, in problem mode */
	sq_clean *clean;	/* and its --clean writer, to /dev/null */
	FILE *sink;
} fctx;

static void problem(void *ctx, const sq_error *p);

static int
header(void *ctx, const sq_survey_header *h, sq_error *err)
{
	fctx *c = ctx;
	sq_check_opts o;

	(void)err;
	memset(&o, 0, sizeof(o));
	o.weights = 1;
	if (sq_check_new(c->ins, &o, &c->chk) != 0)
		return SQ_ENOMEM;
	if (c->sink != NULL && sq_clean_new(c->sink, c->ins, h, 1,
	    &c->clean) != 0)
		return SQ_EIO;
	return 0;
}

static int
resp(void *ctx, const sq_response *r, sq_error *err)
{
	fctx *c = ctx;
	size_t i;

	(void)err;
	for (i = 0; i < c->nitems; i++) {
		if (!isnan(r->e[i]))
			c->sum += r->e[i];
		if (!isnan(r->p[i]))
			c->sum += r->p[i];
	}
	for (i = 0; i < c->ndims; i++)
		if (!isnan(r->w[i]))
			c->sum += r->w[i];
	if (r->segment != NULL)
		c->sum += (double)strlen(r->segment);
	if (r->id != NULL)
		c->sum += (double)strlen(r->id);
	if (c->chk != NULL && sq_check_add(c->chk, r, "fuzz.csv", problem,
	    c) != 0)
		return SQ_ENOMEM;
	if (c->clean != NULL && sq_clean_row(c->clean, r) != 0)
		return SQ_EIO;
	return 0;
}

static void
problem(void *ctx, const sq_error *p)
{
	fctx *c = ctx;
	char buf[1024];

	sq_error_format(p, buf, sizeof(buf));
	c->problems++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sq_instrument *ins = NULL;
	sq_survey_opts so;
	sq_survey_stats st;
	sq_error err;
	fctx c;
	const uint8_t *sep;
	FILE *fp;
	unsigned b = size > 0 ? data[0] : 0;
	int rc;

	memset(&so, 0, sizeof(so));
	fuzz_opts(&data, &size, &so.csv);
	sep = size >= 3 ? memmem(data, size, "\n%%\n", 4) : NULL;
	if (sep != NULL) {
		fp = fmemopen((void *)data, (size_t)(sep - data) + 1, "r");
		if (fp == NULL)
			return 0;
		rc = sq_instrument_read(fp, "fuzz.codebook", &ins, &err);
		fclose(fp);
		if (rc != 0)
			return 0;
		size -= (size_t)(sep + 4 - data);
		data = sep + 4;
	} else if (sq_instrument_servqual(&ins) != 0)
		return 0;
	if (size == 0) {
		sq_instrument_free(ins);
		return 0;
	}
	memset(&c, 0, sizeof(c));
	c.nitems = ins->nitems;
	c.ndims = ins->ndims;
	so.invalid = (b >> 4) & 1;
	so.by = (b & 0x20) ? "segment" : NULL;
	c.ins = ins;
	if (b & 1) {
		so.problem = problem;
		so.problem_ctx = &c;
		so.header = header;
		so.header_ctx = &c;
		c.sink = fopen("/dev/null", "w");
	}
	fp = fmemopen((void *)data, size, "r");
	if (fp != NULL) {
		sq_survey_read(fp, "fuzz.csv", ins, &so, resp, &c, &st, &err);
		fclose(fp);
	}
	if (c.chk != NULL) {
		sq_check_summary sum;

		sq_check_result(c.chk, &sum);
	}
	sq_check_free(c.chk);
	sq_clean_free(c.clean);
	if (c.sink != NULL)
		fclose(c.sink);
	sq_instrument_free(ins);
	return 0;
}
