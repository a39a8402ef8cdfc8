/*
 * Parallel parsing of one regular file: cut it at true row starts and
 * present each range, behind the header row, as a stream of its own.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "servqual/progress.h"
#include "servqual/split.h"

/* Below this size one reader is as fast. */
#define SPLIT_MIN_BYTES 16384

size_t
sq_ncpu(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (size_t)n : 1;
}

static int
is_delim(unsigned char c)
{
	return c == ',' || c == ';' || c == '\t' || c == '|';
}

#define SCAN_CHUNK (1 << 20)

int
sq_split_file(const char *path, size_t n, sq_split *s)
{
	struct stat sb;
	unsigned char *buf = NULL;
	off_t i, base, size, hdr = -1, next = 0, step = 0;
	unsigned long lines = 0;
	int inq = 0, pq = 0, fstart = 1, fd;
	ssize_t got;
	size_t k = 0, j;
	sq_range *r = NULL;

	memset(s, 0, sizeof(*s));
	s->fd = -1;
	if (n < 2 || strcmp(path, "-") == 0)
		return SQ_EUSAGE;
	if ((fd = open(path, O_RDONLY)) < 0)
		return SQ_EUSAGE;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    sb.st_size < SPLIT_MIN_BYTES) {
		close(fd);
		return SQ_EUSAGE;
	}
	size = sb.st_size;
	/* read in chunks, not mapped: memory stays flat in the file size */
	if ((buf = malloc(SCAN_CHUNK)) == NULL ||
	    (r = calloc(n, sizeof(*r))) == NULL)
		goto plain;
	for (base = 0; base < size; base += got) {
		if ((got = pread(fd, buf, SCAN_CHUNK, base)) <= 0)
			goto plain;
		if (base == 0) {
			/* UTF-16, NULs, Excel's sep= line: the one reader */
			if (got < 4096 || (buf[0] == 0xff && buf[1] == 0xfe) ||
			    (buf[0] == 0xfe && buf[1] == 0xff) ||
			    memchr(buf, 0, 4096) != NULL ||
			    strncmp((const char *)buf + (buf[0] == 0xef ? 3 :
			    0), "sep=", 4) == 0)
				goto plain;
		}
		for (j = 0; j < (size_t)got; j++) {
			unsigned char c = buf[j];

			i = base + (off_t)j;
			if (inq) {
				if (pq) {
					pq = 0;
					if (c == '"')
						continue;	/* "" */
					inq = 0;	/* closed: c is outside */
				} else if (c == '"') {
					pq = 1;
					continue;
				} else {
					if (c == '\n')
						lines++;
					continue;
				}
			}
			if (c == '"' && fstart) {
				inq = 1;
				fstart = 0;
				continue;
			}
			if (c != '\n') {
				fstart = is_delim(c);
				continue;
			}
			lines++;
			fstart = 1;
			if (i + 1 >= size)
				break;
			/* i + 1 starts a row */
			if (hdr < 0) {
				hdr = i + 1;
				s->header.start = 0;
				s->header.end = hdr;
				s->header_lines = lines;
				step = (size - hdr) / (off_t)n;
				if (step < 1)
					goto plain;
				r[0].start = hdr;
				r[0].lines_before = lines;
				k = 1;
				next = hdr + step;
			} else if (i + 1 >= next && k < n) {
				r[k - 1].end = i + 1;
				r[k].start = i + 1;
				r[k].lines_before = lines;
				k++;
				next = hdr + (off_t)k * step;
			}
		}
	}
	if ((inq && !pq) || hdr < 0 || k < 2)
		goto plain;
	r[k - 1].end = size;
	free(buf);
	s->range = r;
	s->nrange = k;
	s->fd = fd;
	s->size = size;
	return SQ_OK;
plain:
	free(buf);
	free(r);
	close(fd);
	memset(s, 0, sizeof(*s));
	s->fd = -1;
	return SQ_EUSAGE;
}

struct cookie {
	int fd;
	sq_progress *progress;
	off_t pos[2], end[2];	/* header, then range */
};

static ssize_t
cread(void *c, char *buf, size_t len)
{
	struct cookie *k = c;
	ssize_t got;
	size_t want;
	int part = k->pos[0] < k->end[0] ? 0 : 1;

	if (k->pos[part] >= k->end[part])
		return 0;
	want = (size_t)(k->end[part] - k->pos[part]);
	if (want > len)
		want = len;
	got = pread(k->fd, buf, want, k->pos[part]);
	if (got > 0) {
		k->pos[part] += got;
		if (part == 1)
			sq_progress_bytes(k->progress, (unsigned long long)got);
	}
	return got;
}

static int
cclose(void *c)
{
	free(c);
	return 0;
}

FILE *
sq_split_open(const sq_split *s, size_t i)
{
	cookie_io_functions_t io = { cread, NULL, NULL, cclose };
	struct cookie *k;
	FILE *fp;

	if (i >= s->nrange || (k = malloc(sizeof(*k))) == NULL)
		return NULL;
	k->fd = s->fd;
	k->progress = s->progress;
	k->pos[0] = s->header.start;
	k->end[0] = s->header.end;
	k->pos[1] = s->range[i].start;
	k->end[1] = s->range[i].end;
	if ((fp = fopencookie(k, "r", io)) == NULL)
		free(k);
	return fp;
}

unsigned long
sq_split_line(const sq_split *s, size_t i, unsigned long line)
{
	if (i >= s->nrange || line <= s->header_lines)
		return line;
	return line - s->header_lines + s->range[i].lines_before;
}

void
sq_split_free(sq_split *s)
{
	if (s->fd >= 0)
		close(s->fd);
	free(s->range);
	memset(s, 0, sizeof(*s));
	s->fd = -1;
}
