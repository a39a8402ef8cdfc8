/*
 * The partial-result state: a state read back and written again is the
 * same bytes; every seed of tests/fuzz/corpus/state (and the corpus the
 * fuzzer kept, when present) reads without a crash; hostile variants are
 * errors naming the line.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/gap.h"
#include "servqual/state.h"
#include "unit.h"

/* Read every state in buf[0..len) into a fresh set; SQ_OK or the error. */
static int
read_all(const char *buf, size_t len, int by, sq_instrument *ins,
    char **again, size_t *againlen, sq_error *err)
{
	sq_gapset *set;
	sq_state_head h;
	unsigned long line = 0;
	FILE *fp, *out;
	int rc, c;

	if (sq_gapset_new(ins, by, &set) != SQ_OK)
		return SQ_ENOMEM;
	if ((fp = fmemopen((void *)buf, len ? len : 1, "r")) == NULL) {
		sq_gapset_free(set);
		return SQ_EIO;
	}
	do {
		rc = sq_gap_state_read(fp, "t.st", set, ins, &h, &line, err);
	} while (rc == SQ_OK && (c = getc(fp)) != EOF &&
	    ungetc(c, fp) != EOF);
	fclose(fp);
	if (rc == SQ_OK && again != NULL) {
		out = open_memstream(again, againlen);
		sq_gap_state_write(out, set, ins, &h);
		fclose(out);
	}
	sq_gapset_free(set);
	return rc;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *b;
	long n;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	b = malloc((size_t)n + 1);
	if (b != NULL && fread(b, 1, (size_t)n, fp) != (size_t)n) {
		free(b);
		b = NULL;
	}
	fclose(fp);
	*len = (size_t)n;
	return b;
}

static void
corpus(const char *path, sq_instrument *ins)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char name[4096], what[4200];
	size_t n = 0, len;
	sq_error err;
	char *b;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(name, sizeof(name), "%s/%s", path, e->d_name);
		if ((b = slurp(name, &len)) == NULL || len == 0) {
			free(b);
			continue;
		}
		(void)read_all(b + 1, len - 1, b[0] & 1, ins, NULL, NULL, &err);
		free(b);
		n++;
	}
	closedir(d);
	snprintf(what, sizeof(what), "%zu states of %s read without a crash",
	    n, path);
	CHECK(n > 0, what);
}

int
main(void)
{
	sq_instrument *ins;
	sq_error err;
	char *b, *again = NULL, *bad;
	size_t len, alen = 0;
	int rc;

	sq_instrument_servqual(&ins);
	b = slurp("tests/fuzz/corpus/state/by", &len);
	CHECK(b != NULL && len > 1, "seed state present");
	rc = read_all(b + 1, len - 1, 1, ins, &again, &alen, &err);
	CHECK(rc == SQ_OK, "a state written by sq-gap reads back");
	CHECK(alen == len - 1 && memcmp(again, b + 1, alen) == 0,
	    "read and written again: the same bytes");
	free(again);
	/* without segments, a state with segments is refused */
	rc = read_all(b + 1, len - 1, 0, ins, NULL, NULL, &err);
	CHECK(rc == SQ_EPARSE && strstr(err.msg, "without --by") != NULL,
	    "segments into a set without them: refused");
	/* truncated at every 97th byte: an error, never a crash */
	{
		size_t cut;
		int all = 1;

		for (cut = 0; cut < len - 1; cut += 97)
			if (read_all(b + 1, cut, 1, ins, NULL, NULL, &err) ==
			    SQ_OK)
				all = 0;
		CHECK(all, "every truncation is an error");
	}
	/* a huge sum */
	bad = strdup(b + 1);
	{
		char *m = strstr(bad, "\nmom 0x");

		while (m != NULL && strncmp(m, "\nmom 0x0p+0", 11) == 0)
			m = strstr(m + 1, "\nmom 0x");
		CHECK(m != NULL, "a non-empty moment line");
		if (m != NULL) {
			char *sp = m + 1;
			int k;

			for (k = 0; k < 4; k++)
				sp = strchr(sp, ' ') + 1;
			memset(sp, '9', 6);
			rc = read_all(bad, strlen(bad), 1, ins, NULL, NULL,
			    &err);
			CHECK(rc == SQ_EPARSE || rc == SQ_OK,
			    "a changed sum: read or refused, no crash");
		}
	}
	free(bad);
	/* value lines: swapped (not increasing), too many counts */
	{
	size_t sl;
	char *sp = slurp("tests/fuzz/corpus/state/servperf", &sl);

	CHECK(sp != NULL && sl > 1, "SERVPERF seed present");
	bad = sp != NULL ? strdup(sp + 1) : strdup("");
	free(sp);
	}
	{
		char *m = strstr(bad, "\nvalues dim 0 ");
		char *l1, *l2, *e2, tmp[256];
		size_t n1, n2;

		CHECK(m != NULL && m[14] >= '2', "two dimension values");
		if (m != NULL && m[14] >= '2') {
			l1 = strchr(m + 1, '\n') + 1;
			l2 = strchr(l1, '\n') + 1;
			e2 = strchr(l2, '\n');
			n1 = (size_t)(l2 - l1);
			n2 = (size_t)(e2 - l2) + 1;
			memcpy(tmp, l1, n1);
			memmove(l1, l2, n2);
			memcpy(l1 + n2, tmp, n1);
			rc = read_all(bad, strlen(bad), 0, ins, NULL, NULL,
			    &err);
			CHECK(rc == SQ_EPARSE && strstr(err.msg,
			    "strictly increasing") != NULL && err.line > 0,
			    "values out of order: refused with the line");
			memcpy(tmp, l1, n2);
			memmove(l1, l1 + n2, n1);
			memcpy(l1 + n1, tmp, n2);
			/* a count beyond the respondents */
			*strchr(l1, ' ') = '\0';
			{
				char *fixed = NULL;
				size_t fl = 0;
				FILE *o = open_memstream(&fixed, &fl);

				fprintf(o, "%s 99999999\n%s", bad,
				    strchr(l1 + strlen(l1) + 1, '\n') + 1);
				fclose(o);
				rc = read_all(fixed, fl, 0, ins, NULL, NULL,
				    &err);
				CHECK(rc == SQ_EPARSE && strstr(err.msg,
				    "than respondents") != NULL,
				    "more counts than respondents: refused");
				free(fixed);
			}
		}
	}
	free(bad);
	free(b);
	corpus("tests/fuzz/corpus/state", ins);
	corpus("build/fuzz/corpus/state", ins);
	sq_instrument_free(ins);
	return unit_done();
}
