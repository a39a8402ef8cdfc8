/*
 * A growing byte buffer, for output that must be whole before it is
 * written (a chart's SVG is rewritten after Cairo draws it; a report's PDF
 * goes out only once every page is drawn). Zero-initialise it; the caller
 * frees p.
 */
#ifndef SERVQUAL_MEMBUF_H
#define SERVQUAL_MEMBUF_H

#include <stddef.h>

typedef struct sq_membuf {
	char *p;	/* len bytes, not NUL-terminated */
	size_t len, cap;
	int failed;	/* an add ran out of memory */
} sq_membuf;

/* Append n bytes; SQ_OK, or SQ_ENOMEM (and failed set, the buffer kept). */
int sq_membuf_add(sq_membuf *m, const void *data, size_t n);

#endif
