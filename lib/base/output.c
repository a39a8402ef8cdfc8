/* Output files through a temporary name, and shared tool chores. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "servqual/output.h"

/*
 * Temporary files a signal must not leave behind. This registry is the
 * library's one piece of global state: a signal handler has nowhere else
 * to find the names. Slots are set and cleared with the signals blocked.
 */
#define TMP_SLOTS	16
static char *volatile tmp_reg[TMP_SLOTS];
static volatile sig_atomic_t tmp_handlers;
static const int tmp_signals[] = { SIGINT, SIGTERM, SIGHUP };

/* Remove the registered files, then die of the signal as if not caught. */
static void
tmp_on_signal(int sig)
{
	size_t i;

	for (i = 0; i < TMP_SLOTS; i++)
		if (tmp_reg[i] != NULL)
			unlink(tmp_reg[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
tmp_block(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < sizeof(tmp_signals) / sizeof(tmp_signals[0]); i++)
		sigaddset(&set, tmp_signals[i]);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

/* Register (on) or forget (off) tmp; handlers go in on first use. */
static void
tmp_register(char *tmp, int on)
{
	struct sigaction sa, old;
	sigset_t mask;
	size_t i;

	tmp_block(&mask);
	if (on && !tmp_handlers) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = tmp_on_signal;
		sigemptyset(&sa.sa_mask);
		for (i = 0; i < sizeof(tmp_signals) / sizeof(tmp_signals[0]);
		    i++) {
			/* A signal ignored (nohup) stays ignored. */
			if (sigaction(tmp_signals[i], NULL, &old) == 0 &&
			    old.sa_handler == SIG_DFL)
				sigaction(tmp_signals[i], &sa, NULL);
		}
		tmp_handlers = 1;
	}
	for (i = 0; i < TMP_SLOTS; i++) {
		if (on && tmp_reg[i] == NULL) {
			tmp_reg[i] = tmp;
			break;
		}
		if (!on && tmp_reg[i] == tmp) {
			tmp_reg[i] = NULL;
			break;
		}
	}
	pthread_sigmask(SIG_SETMASK, &mask, NULL);
}

int
sq_tmp_create(const char *path, char **tmp, FILE **fp, sq_error *err)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	struct stat st;
	mode_t mode, mask;
	int fd, e;

	*tmp = NULL;
	*fp = NULL;
	if ((*tmp = malloc(dirlen + sizeof(".sqXXXXXX"))) == NULL)
		return sq_error_set(err, SQ_ENOMEM, path, 0, 0, NULL,
		    "out of memory");
	memcpy(*tmp, path, dirlen);
	memcpy(*tmp + dirlen, ".sqXXXXXX", sizeof(".sqXXXXXX"));
	/* Keep the mode of a file we replace; else what a create gives. */
	if (stat(path, &st) == 0)
		mode = st.st_mode & 07777;
	else {
		mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	/* mkostemp: a random name, O_EXCL, never someone else's file. */
	if ((fd = mkostemp(*tmp, O_CLOEXEC)) < 0) {
		e = errno;
		free(*tmp);
		*tmp = NULL;
		return sq_error_set(err, SQ_EIO, path, 0, 0, NULL,
		    "cannot create: %s",
		    strerror(e));
	}
	tmp_register(*tmp, 1);
	if (fchmod(fd, mode) != 0 || (*fp = fdopen(fd, "wb")) == NULL) {
		e = errno;
		close(fd);
		unlink(*tmp);
		tmp_register(*tmp, 0);
		free(*tmp);
		*tmp = NULL;
		return sq_error_set(err, SQ_EIO, path, 0, 0, NULL,
		    "cannot create: %s",
		    strerror(e));
	}
	return SQ_OK;
}

int
sq_tmp_finish(char *tmp, const char *path, int ok, sq_error *err)
{
	int rc = SQ_OK;

	if (tmp == NULL)
		return SQ_OK;
	if (ok && rename(tmp, path) != 0)
		rc = sq_error_set(err, SQ_EIO, path, 0, 0, NULL,
		    "cannot rename the temporary file over it: %s",
		    strerror(errno));
	if (!ok || rc != SQ_OK)
		unlink(tmp);
	tmp_register(tmp, 0);
	free(tmp);
	return rc;
}

int
sq_output_open(sq_output *o, const char *path, sq_error *err)
{
	struct stat st;
	int rc;

	memset(o, 0, sizeof(*o));
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return SQ_OK;
	}
	if ((o->path = strdup(path)) == NULL)
		return sq_error_set(err, SQ_ENOMEM, path, 0, 0, NULL,
		    "out of memory");
	/* A device or a pipe is written in place: renaming over it would
	 * replace it with a regular file. */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if ((o->fp = fopen(path, "w")) == NULL) {
			rc = sq_error_set(err, SQ_EIO, path, 0, 0, NULL,
			    "cannot open: %s", strerror(errno));
			free(o->path);
			o->path = NULL;
			return rc;
		}
		o->direct = 1;
		return SQ_OK;
	}
	if ((rc = sq_tmp_create(path, &o->tmp, &o->fp, err)) != SQ_OK) {
		free(o->path);
		o->path = NULL;
	}
	return rc;
}

int
sq_output_close(sq_output *o, int ok, sq_error *err)
{
	int rc = SQ_OK, e = errno;
	const char *name = o->path ? o->path : "standard output";

	if (o->fp == NULL)
		return SQ_OK;
	/*
	 * A stream that failed is reported with its reason even when the
	 * caller already knows (ok == 0 after a failed write): errno still
	 * holds what the failed write set, unless the flush says more.
	 */
	errno = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp))
		rc = sq_error_set(err, SQ_EIO, name, 0, 0, NULL,
		    "write error: %s", strerror(errno ? errno :
		    e ? e : EIO));
	if (o->fp == stdout) {
		o->fp = NULL;
		return rc;
	}
	if (fclose(o->fp) != 0 && rc == SQ_OK)
		rc = sq_error_set(err, SQ_EIO, name, 0, 0, NULL,
		    "write error: %s", strerror(errno));
	o->fp = NULL;
	if (!o->direct && rc == SQ_OK)
		rc = sq_tmp_finish(o->tmp, o->path, ok, err);
	else if (!o->direct)
		sq_tmp_finish(o->tmp, o->path, 0, NULL);
	o->tmp = NULL;
	o->direct = 0;
	free(o->path);
	o->path = NULL;
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
