/*
 * Folding text for matching: labels, missing codes, codebook kinds and
 * column names are compared as sq_fold writes them (see instrument.h).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/instrument.h"
#include "servqual/unicode.h"

/* Latin-1 supplement letters U+00C0..U+00FF folded to ASCII lower case. */
static const char fold_latin1[64] =
    "aaaaaaaceeeeiiii" "dnooooo*ouuuuyts"
    "aaaaaaaceeeeiiii" "dnooooo/ouuuuyty";

void
sq_fold(const char *s, char *out, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;
	int space = 0;

	if (len == 0)
		return;
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	for (; *p != '\0' && o + 1 < len; p++) {
		unsigned c = *p;

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
		    (c == 0xC2 && p[1] == 0xA0)) {
			if (c == 0xC2)
				p++;
			space = 1;
			continue;
		}
		if (space && o > 0 && o + 2 < len)
			out[o++] = ' ';
		space = 0;
		if (c == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
			c = (unsigned char)fold_latin1[(p[1] - 0x80) & 63];
			p++;
		} else if (c < 0x80)
			c = (unsigned)tolower((int)c);
		out[o++] = (char)c;
	}
	out[o] = '\0';
	/* Beyond Latin-1 (Ş, Σ, Д...): full Unicode case and accent folding. */
	for (p = (const unsigned char *)out; *p != '\0'; p++)
		if (*p >= 0x80) {
			char *k = sq_fold_key(out);

			if (k != NULL) {
				size_t n = strlen(k);

				if (n >= len) {
					n = len - 1;
					while (n > 0 &&
					    ((unsigned char)k[n] & 0xC0) == 0x80)
						n--;
				}
				memcpy(out, k, n);
				out[n] = '\0';
				free(k);
			}
			break;
		}
}
