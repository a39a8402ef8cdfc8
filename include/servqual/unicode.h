/*
 * servqual Unicode identity, through libunistring: text is compared in
 * NFC (an NFD "Atención" from a macOS export is the NFC one), values that
 * differ only in case or accents are found (and folded on request) by a
 * key beyond Latin-1, and text is measured in terminal columns by
 * grapheme cluster. Strings are UTF-8; results are the caller's to free.
 */
#ifndef SERVQUAL_UNICODE_H
#define SERVQUAL_UNICODE_H

#include <stddef.h>

/*
 * Normalise the n bytes at s to NFC in place when that makes them no
 * longer (it almost always does); otherwise *out (caller frees) gets the
 * NFC text and *outlen its length. Returns 0 (s is now NFC, *out NULL),
 * 1 (*out set) or -1 (s is not valid UTF-8 or out of memory: s as is).
 */
int sq_nfc(char *s, size_t n, char **out, size_t *outlen);

/*
 * The folding key of s: NFC after removing case (full case folding) and
 * combining marks (accents) of the canonical decomposition, so "Sur",
 * "sur", "SUR" and "Súr" share one key. NULL when out of memory.
 */
char *sq_fold_key(const char *s);

/*
 * Values among v[0..n) that differ but share a folding key: a message
 * such as "\"Sur\", \"sur\", \"SUR\"" (groups separated by "; "), or
 * NULL when there are none (or out of memory). Caller frees.
 */
char *sq_lookalikes(char *const *v, size_t n);

/* Terminal columns of s: the width of each grapheme cluster. */
size_t sq_display_width(const char *s);

#endif
