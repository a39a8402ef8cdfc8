/*
 * Chart input: sq_chartdata_read() peeks at the start of the file and
 * hands it either to chart_table.c (a table another tool printed) or,
 * replaying the peeked bytes, to the one-pass gathering over a survey
 * export in chart_data.c. Above both, so neither calls the other.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "servqual/chart.h"
#include "chart_int.h"

#define PEEK	65536
#define MAX_TABLE (64u << 20)

/* A stream that replays the peeked bytes, then reads on from fp. */
struct replay {
	const char *buf;
	size_t len, pos;
	FILE *fp;
};

static ssize_t
replay_read(void *cookie, char *out, size_t n)
{
	struct replay *r = cookie;
	size_t k;

	if (r->pos < r->len) {
		k = r->len - r->pos < n ? r->len - r->pos : n;
		memcpy(out, r->buf + r->pos, k);
		r->pos += k;
		return (ssize_t)k;
	}
	k = fread(out, 1, n, r->fp);
	if (k == 0 && ferror(r->fp))
		return -1;
	return (ssize_t)k;
}

int
sq_chartdata_read(sq_chartdata *d, FILE *fp, const char *name,
    const sq_survey_opts *opts, const sq_chartneed *need,
    sq_survey_stats *st, sq_error *err)
{
	char *buf;
	size_t len = 0, cap = PEEK;
	int rc;

	if ((buf = malloc(cap)) == NULL)
		return sq_error_set(err, SQ_ENOMEM, name, 0, 0, "",
		    "out of memory");
	/* Enough bytes to see the header line and the first row. */
	errno = 0;
	while (len < cap) {
		size_t k = fread(buf + len, 1, cap - len, fp);

		if (k == 0)
			break;
		len += k;
		if (memchr(buf, '\n', len) && len >= 4096)
			break;
	}
	if (ferror(fp)) {
		int e = errno;

		free(buf);
		return sq_error_set(err, SQ_EIO, name, 0, 0, "",
		    "read failed: %s", strerror(e ? e : EIO));
	}
	d->from_table = sq_chart_is_table(buf, len);
	d->ins_given = need->ins_given;
	if (d->from_table) {
		/* Tables are small: read the rest into memory. */
		for (;;) {
			size_t k;

			if (len == cap) {
				char *b2;

				if (cap >= MAX_TABLE) {
					free(buf);
					return sq_error_set(err, SQ_ELIMIT,
					    name, 0, 0, "", "a table larger "
					    "than %u MiB", MAX_TABLE >> 20);
				}
				if ((b2 = realloc(buf, cap * 2)) == NULL) {
					free(buf);
					return sq_error_set(err, SQ_ENOMEM,
					    name, 0, 0, "", "out of memory");
				}
				buf = b2;
				cap *= 2;
			}
			k = fread(buf + len, 1, cap - len, fp);
			if (k == 0)
				break;
			len += k;
		}
		if (ferror(fp))
			rc = sq_error_set(err, SQ_EIO, name, 0, 0, "",
			    "read failed: %s", strerror(errno ? errno : EIO));
		else if (memchr(buf, '\0', len) != NULL)
			rc = sq_error_set(err, SQ_EPARSE, name, 0, 0, "",
			    "a NUL byte in a table");
		else if ((rc = sq_chartdata_table(d, buf, len, name, err)) ==
		    SQ_OK)
			rc = sqc_drivers_table_done(d, need, err);
		/* The intervals' level: the table's, else --conf's. */
		if (rc == SQ_OK && isnan(d->conf) && need->conf_given)
			d->conf = need->conf;
		else if (rc == SQ_OK && need->conf_given &&
		    fabs(d->conf - need->conf) > 1e-12)
			rc = sq_error_set(err, SQ_EUSAGE, name, 0, 0, "",
			    "the table's intervals are at the %g%% level, not "
			    "the %g%% of --conf", 100 * d->conf,
			    100 * need->conf);
	} else {
		struct replay r = { buf, len, 0, fp };
		cookie_io_functions_t io = { replay_read, NULL, NULL, NULL };
		FILE *in = fopencookie(&r, "r", io);

		if (in == NULL)
			rc = sq_error_set(err, SQ_ENOMEM, name, 0, 0, "",
			    "out of memory");
		else {
			rc = sq_chartdata_survey(d, in, name, opts, need, st,
			    err);
			fclose(in);
		}
	}
	free(buf);
	return rc;
}
