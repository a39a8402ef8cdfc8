/* FNV-1a: short, well spread for short keys (segment values, ids). */
#include "servqual/hash.h"

uint64_t
sq_hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}
