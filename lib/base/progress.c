/* The progress line on standard error (see progress.h). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "servqual/progress.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
sq_progress_init(sq_progress *p, const char *prog, int mode)
{
	memset(p, 0, sizeof(*p));
	p->on = mode > 0 || (mode < 0 && isatty(STDERR_FILENO));
	p->prog = prog;
	p->start = p->last = now();
	/* tests draw at every chance */
	p->interval = getenv("SQ_PROGRESS_INTERVAL") != NULL ?
	    atof(getenv("SQ_PROGRESS_INTERVAL")) : 0.5;
}

void
sq_progress_file(sq_progress *p, const char *path)
{
	struct stat sb;

	p->done_bytes += __atomic_exchange_n(&p->bytes, 0, __ATOMIC_RELAXED);
	p->name = path;
	p->total = 0;
	if (path != NULL && strcmp(path, "-") != 0 && stat(path, &sb) == 0 &&
	    S_ISREG(sb.st_mode))
		p->total = (double)sb.st_size;
}

struct wrap {
	sq_progress *p;
	FILE *fp;
};

static ssize_t
wread(void *c, char *buf, size_t len)
{
	struct wrap *w = c;
	size_t n = fread(buf, 1, len, w->fp);

	if (n == 0 && ferror(w->fp))
		return -1;
	sq_progress_bytes(w->p, n);
	return (ssize_t)n;
}

static int
wclose(void *c)
{
	free(c);		/* the wrapped stream is the caller's */
	return 0;
}

FILE *
sq_progress_wrap(sq_progress *p, FILE *fp)
{
	cookie_io_functions_t io = { wread, NULL, NULL, wclose };
	struct wrap *w;
	FILE *out;

	if (!p->on || (w = malloc(sizeof(*w))) == NULL)
		return fp;
	w->p = p;
	w->fp = fp;
	if ((out = fopencookie(w, "r", io)) == NULL) {
		free(w);
		return fp;
	}
	return out;
}

void
sq_progress_bytes(sq_progress *p, unsigned long long n)
{
	if (p != NULL && p->on)
		__atomic_add_fetch(&p->bytes, n, __ATOMIC_RELAXED);
}

/* 1234567 as "1.2 MB". */
static void
human(double b, char *buf, size_t len)
{
	if (b >= 1e9)
		snprintf(buf, len, "%.2f GB", b / 1e9);
	else if (b >= 1e6)
		snprintf(buf, len, "%.1f MB", b / 1e6);
	else
		snprintf(buf, len, "%.0f kB", b / 1e3);
}

void
sq_progress_row(sq_progress *p)
{
	unsigned long long r;
	double t, b, el, rate;
	char done[32], tot[32], left[48] = "";

	if (!p->on)
		return;
	r = __atomic_add_fetch(&p->rows, 1, __ATOMIC_RELAXED);
	if (r % 4096 != 0)
		return;
	t = now();
	/* one thread draws; the others go on */
	{
		double last = p->last;

		if (t - last < p->interval || !__atomic_compare_exchange(&p->last,
		    &last, &t, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
			return;
	}
	b = (double)__atomic_load_n(&p->bytes, __ATOMIC_RELAXED);
	el = t - p->start;
	rate = el > 0 ? (b + (double)p->done_bytes) / el : 0;
	human(b, done, sizeof(done));
	if (p->total > 0) {
		human(p->total, tot, sizeof(tot));
		if (rate > 0 && b <= p->total)
			snprintf(left, sizeof(left), ", %.0f s left",
			    (p->total - b) / rate);
	} else
		snprintf(tot, sizeof(tot), "?");
	fprintf(stderr, "\r%s: %s: %s of %s, %llu rows, %.1f MB/s%s\033[K",
	    p->prog, p->name ? p->name : "-", done, tot, r, rate / 1e6,
	    left);
	fflush(stderr);
}

void
sq_progress_end(sq_progress *p)
{
	if (p->on && __atomic_load_n(&p->rows, __ATOMIC_RELAXED) >= 4096) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
}
