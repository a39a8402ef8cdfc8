/* A growing byte buffer: see include/servqual/membuf.h. */
#include <stdlib.h>
#include <string.h>

#include "servqual/error.h"
#include "servqual/membuf.h"

int
sq_membuf_add(sq_membuf *m, const void *data, size_t n)
{
	if (n > m->cap - m->len) {
		size_t nc = m->cap ? m->cap : 65536;
		char *p;

		while (nc - m->len < n) {
			if (nc > ((size_t)-1) / 2) {
				m->failed = 1;
				return SQ_ENOMEM;
			}
			nc *= 2;
		}
		if ((p = realloc(m->p, nc)) == NULL) {
			m->failed = 1;
			return SQ_ENOMEM;
		}
		m->p = p;
		m->cap = nc;
	}
	if (n > 0)
		memcpy(m->p + m->len, data, n);
	m->len += n;
	return SQ_OK;
}
