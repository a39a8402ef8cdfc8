/*
 * Unicode identity through libunistring (see unicode.h): normalisation
 * (uninorm), case folding (unicase), general categories (unictype) and
 * widths by grapheme (unigbrk, uniwidth). A Debian library rather than
 * hand tables, so every script folds and measures the same.
 */
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "servqual/unicode.h"

int
sq_nfc(char *s, size_t n, char **out, size_t *outlen)
{
	uint8_t *r;
	size_t len = 0;

	*out = NULL;
	if (u8_check((const uint8_t *)s, n) != NULL)
		return -1;
	r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &len);
	if (r == NULL)
		return -1;
	if (len <= n) {
		memcpy(s, r, len);
		if (len < n)
			s[len] = '\0';
		free(r);
		*outlen = len;
		return 0;
	}
	*out = (char *)r;
	*outlen = len;
	return 1;
}

char *
sq_fold_key(const char *s)
{
	size_t n = strlen(s), dlen = 0, klen = 0, i, o;
	uint8_t *d, *k;
	char *out;

	/* Canonical decomposition, then drop the combining marks. */
	d = u8_normalize(UNINORM_NFD, (const uint8_t *)s, n, NULL, &dlen);
	if (d == NULL)
		return strdup(s);
	for (i = o = 0; i < dlen; ) {
		ucs4_t uc;
		int l = u8_mbtouc(&uc, d + i, dlen - i);

		if (l <= 0)
			l = 1;
		if (!uc_is_general_category(uc, UC_CATEGORY_M)) {
			memmove(d + o, d + i, (size_t)l);
			o += (size_t)l;
		}
		i += (size_t)l;
	}
	k = u8_casefold(d, o, NULL, UNINORM_NFC, NULL, &klen);
	free(d);
	if (k == NULL)
		return NULL;
	if ((out = malloc(klen + 1)) != NULL) {
		memcpy(out, k, klen);
		out[klen] = '\0';
	}
	free(k);
	return out;
}

struct kv {
	char *key;
	size_t i;
};

static int
cmp_kv(const void *a, const void *b)
{
	const struct kv *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Append s to the growing message *m (length *len); 0 or -1. */
static int
append(char **m, size_t *len, const char *s)
{
	size_t n = strlen(s);
	char *p = realloc(*m, *len + n + 1);

	if (p == NULL)
		return -1;
	memcpy(p + *len, s, n + 1);
	*m = p;
	*len += n;
	return 0;
}

char *
sq_lookalikes(char *const *v, size_t n)
{
	struct kv *k;
	char *msg = NULL;
	size_t i, j, len = 0;
	int bad = 0;

	if (n < 2 || (k = calloc(n, sizeof(*k))) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		k[i].i = i;
		if ((k[i].key = sq_fold_key(v[i])) == NULL)
			bad = 1;
	}
	if (!bad) {
		qsort(k, n, sizeof(*k), cmp_kv);
		for (i = 0; i < n && !bad; i = j) {
			for (j = i + 1; j < n && strcmp(k[i].key, k[j].key) == 0;
			    j++)
				;
			if (j - i < 2)
				continue;
			for (size_t t = i; t < j && !bad; t++)
				bad = append(&msg, &len, t == i ? (len ? "; \"" :
				    "\"") : ", \"") || append(&msg, &len,
				    v[k[t].i]) || append(&msg, &len, "\"");
		}
	}
	for (i = 0; i < n; i++)
		free(k[i].key);
	free(k);
	if (bad) {
		free(msg);
		return NULL;
	}
	return msg;
}

size_t
sq_display_width(const char *s)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s), *next;
	size_t w = 0;

	while (p < end) {
		int cw;
		ucs4_t uc;

		next = u8_grapheme_next(p, end);
		if (next == NULL || next <= p)
			next = p + 1;
		/* A cluster is as wide as its first character. */
		if (u8_mbtouc(&uc, p, (size_t)(end - p)) <= 0)
			uc = 0xFFFD;
		cw = uc_width(uc, "UTF-8");
		w += cw > 0 ? (size_t)cw : 0;
		p = next;
	}
	return w;
}
