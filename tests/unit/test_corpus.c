/*
 * Replays the fuzz seed corpus (tests/fuzz/corpus/) and the bad-input
 * corpus (tests/data/bad/) through the reader, the codebook parser and
 * the survey reader without libFuzzer, so that make check SAN=1 holds
 * every file to ASan and UBSan; each failure must come with a message.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/instrument.h"
#include "servqual/reader.h"
#include "servqual/survey.h"
#include "unit.h"

static int
row_cb(void *ctx, const sq_row *row, sq_error *err)
{
	size_t i, *n = ctx;

	(void)err;
	for (i = 0; i < row->nfields; i++)
		if (strlen(row->field[i]) != row->len[i])
			return SQ_EUSAGE;	/* a field with a NUL inside */
	(*n)++;
	return 0;
}

static int
resp_cb(void *ctx, const sq_response *r, sq_error *err)
{
	(void)ctx;
	(void)r;
	(void)err;
	return 0;
}

static void
prob_cb(void *ctx, const sq_error *p)
{
	(void)p;
	(*(int *)ctx)++;
}

/* A status with a message, or success. */
static int
sane(int rc, const sq_error *err)
{
	if (rc == 0)
		return 1;
	return rc > 0 && rc <= SQ_ENUMERIC && err->msg[0] != '\0';
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (fp == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) >= 0 &&
	    fseek(fp, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1))) {
		*len = fread(buf, 1, (size_t)n, fp);
		buf[*len] = '\0';
	}
	fclose(fp);
	return buf;
}

/* Every way of reading one file; returns 1 if all were sane. */
static int
replay(const char *buf, size_t len, const sq_instrument *sq)
{
	sq_reader_opts ro;
	sq_survey_opts so;
	sq_instrument *ins = NULL;
	sq_error err;
	size_t rows;
	int ok = 1, rc, probs = 0, enc;
	FILE *fp;

	for (enc = SQ_ENC_AUTO; enc <= SQ_ENC_UTF16LE; enc++) {
		memset(&ro, 0, sizeof(ro));
		memset(&err, 0, sizeof(err));
		ro.encoding = enc;
		rows = 0;
		rc = sq_read_csv_mem(buf, len, "m", &ro, row_cb, &rows, &err);
		ok &= sane(rc, &err);
	}
	if ((fp = fmemopen((void *)buf, len ? len : 1, "r")) == NULL)
		return 0;
	memset(&err, 0, sizeof(err));
	rc = sq_instrument_read(fp, "cb", &ins, &err);
	ok &= sane(rc, &err);
	sq_instrument_free(ins);
	fclose(fp);
	memset(&so, 0, sizeof(so));
	so.problem = prob_cb;
	so.problem_ctx = &probs;
	for (rc = 0; rc < 2; rc++) {
		if ((fp = fmemopen((void *)buf, len ? len : 1, "r")) == NULL)
			return 0;
		memset(&err, 0, sizeof(err));
		ok &= sane(sq_survey_read(fp, "s", sq, rc ? &so : NULL,
		    resp_cb, NULL, NULL, &err), &err);
		fclose(fp);
	}
	return ok;
}

static void
dir(const char *path, const sq_instrument *sq, int skip_first)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char name[512], what[600];
	size_t len, n = 0;
	char *buf;
	int ok = 1;

	if (d == NULL) {
		snprintf(what, sizeof(what), "open %s", path);
		CHECK(0, what);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(name, sizeof(name), "%s/%s", path, e->d_name);
		if ((buf = slurp(name, &len)) == NULL)
			continue;
		/* fuzz seeds open with an option byte */
		if (skip_first && len > 0) {
			memmove(buf, buf + 1, len);
			len--;
		}
		if (!replay(buf, len, sq)) {
			ok = 0;
			printf("# %s\n", name);
		}
		free(buf);
		n++;
	}
	closedir(d);
	snprintf(what, sizeof(what), "%zu files of %s read sanely", n, path);
	CHECK(ok && n > 0, what);
}

int
main(void)
{
	sq_instrument *sq;

	sq_instrument_servqual(&sq);
	dir("tests/fuzz/corpus/reader", sq, 1);
	dir("tests/fuzz/corpus/survey", sq, 1);
	dir("tests/fuzz/corpus/codebook", sq, 0);
	dir("tests/data/bad", sq, 0);
	sq_instrument_free(sq);
	return unit_done();
}
