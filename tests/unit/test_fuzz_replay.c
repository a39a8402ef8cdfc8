/*
 * Replays the seed corpora of the newer fuzz targets (option parsing,
 * sq-chart's tables, sq-simulate under a fuzzed codebook) through the
 * targets themselves, compiled in here without libFuzzer: make check SAN=1
 * holds every seed to ASan and UBSan and to the targets' own checks (a
 * violated check aborts). tests/unit/test_corpus.c does the older ones.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fuzz_cli(const uint8_t *, size_t);
int fuzz_chart(const uint8_t *, size_t);
int fuzz_simulate(const uint8_t *, size_t);

#define LLVMFuzzerTestOneInput fuzz_cli
#include "../fuzz/fuzz_cli.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_chart
#include "../fuzz/fuzz_chart.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_simulate
#include "../fuzz/fuzz_simulate.c"
#undef LLVMFuzzerTestOneInput

#include "unit.h"

static void
replay(const char *path, int (*fn)(const uint8_t *, size_t))
{
	DIR *d = opendir(path);
	struct dirent *e;
	char name[512], what[600];
	size_t n = 0, len;
	FILE *fp;
	uint8_t *buf;
	long sz;

	if (d == NULL) {
		snprintf(what, sizeof(what), "open %s", path);
		CHECK(0, what);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(name, sizeof(name), "%s/%s", path, e->d_name);
		if ((fp = fopen(name, "rb")) == NULL)
			continue;
		buf = NULL;
		len = 0;
		if (fseek(fp, 0, SEEK_END) == 0 && (sz = ftell(fp)) >= 0 &&
		    fseek(fp, 0, SEEK_SET) == 0 &&
		    (buf = malloc((size_t)sz + 1)) != NULL)
			len = fread(buf, 1, (size_t)sz, fp);
		fclose(fp);
		if (buf == NULL)
			continue;
		fn(buf, len);
		free(buf);
		n++;
	}
	closedir(d);
	snprintf(what, sizeof(what), "%zu seeds of %s replayed", n, path);
	CHECK(n > 0, what);
}

int
main(void)
{
	replay("tests/fuzz/corpus/cli", fuzz_cli);
	replay("tests/fuzz/corpus/chart", fuzz_chart);
	replay("tests/fuzz/corpus/simulate", fuzz_simulate);
	sq_chart_release_fonts();
	return unit_done();
}
