/* Output files through a temporary name, and shared tool chores. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "servqual/output.h"

int
sq_output_open(sq_output *o, const char *path, sq_error *err)
{
	struct stat st;
	mode_t mask;
	int fd;
	size_t n;

	memset(o, 0, sizeof(*o));
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return SQ_OK;
	}
	/* A device or a pipe is written in place: renaming over it would
	 * replace it with a regular file. */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if ((o->fp = fopen(path, "w")) == NULL)
			return sq_error_set(err, SQ_EIO, path, 0, 0, NULL,
			    "cannot open: %s", strerror(errno));
		o->direct = 1;
		return SQ_OK;
	}
	n = strlen(path) + 16;
	o->path = strdup(path);
	o->tmp = malloc(n);
	if (o->path == NULL || o->tmp == NULL) {
		free(o->path);
		free(o->tmp);
		o->path = o->tmp = NULL;
		return sq_error_set(err, SQ_ENOMEM, path, 0, 0, NULL,
		    "out of memory");
	}
	snprintf(o->tmp, n, "%s.tmpXXXXXX", path);
	mask = umask(0);
	umask(mask);
	/* mkstemp makes the file 0600; give it what a plain create would. */
	if ((fd = mkstemp(o->tmp)) < 0 || fchmod(fd, 0666 & ~mask) != 0 ||
	    (o->fp = fdopen(fd, "w")) == NULL) {
		int e = errno;

		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->path);
		free(o->tmp);
		o->path = o->tmp = NULL;
		return sq_error_set(err, SQ_EIO, path, 0, 0, NULL,
		    "cannot create: %s", strerror(e));
	}
	return SQ_OK;
}

int
sq_output_close(sq_output *o, int ok, sq_error *err)
{
	int rc = SQ_OK;
	const char *name = o->path ? o->path : "standard output";

	if (o->fp == NULL)
		return SQ_OK;
	if (ok && (fflush(o->fp) != 0 || ferror(o->fp)))
		rc = sq_error_set(err, SQ_EIO, name, 0, 0, NULL,
		    "write error: %s", strerror(errno ? errno : EIO));
	if (o->direct) {
		if (fclose(o->fp) != 0 && ok && rc == SQ_OK)
			rc = sq_error_set(err, SQ_EIO, "output", 0, 0, NULL,
			    "write error: %s", strerror(errno));
		o->fp = NULL;
		o->direct = 0;
		return rc;
	}
	if (o->path == NULL) {
		o->fp = NULL;
		return rc;
	}
	if (fclose(o->fp) != 0 && ok && rc == SQ_OK)
		rc = sq_error_set(err, SQ_EIO, name, 0, 0, NULL,
		    "write error: %s", strerror(errno));
	o->fp = NULL;
	if (ok && rc == SQ_OK && rename(o->tmp, o->path) != 0)
		rc = sq_error_set(err, SQ_EIO, name, 0, 0, NULL,
		    "cannot rename into place: %s", strerror(errno));
	if (!ok || rc != SQ_OK)
		unlink(o->tmp);
	free(o->path);
	free(o->tmp);
	o->path = o->tmp = NULL;
	return rc;
}

int
sq_input_open(const char *path, FILE **fp, sq_error *err)
{
	if (path == NULL || strcmp(path, "-") == 0) {
		*fp = stdin;
		return SQ_OK;
	}
	if ((*fp = fopen(path, "rb")) == NULL)
		return sq_error_set(err, SQ_EIO, path, 0, 0, NULL, "%s",
		    strerror(errno));
	return SQ_OK;
}

void
sq_input_close(FILE *fp)
{
	if (fp != NULL && fp != stdin)
		fclose(fp);
}
