/*
 * libFuzzer target: sq-simulate's generator under a fuzzed codebook and
 * fuzzed options. The first 56 bytes are seven raw doubles (so NaN, inf
 * and huge values reach the option checks) and two option bytes; the rest
 * is the codebook. What the generator writes must be a well-formed export
 * of that instrument: it is read back with the survey reader, which must
 * accept every row.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/simulate.h"
#include "servqual/survey.h"

#include "common.h"

static int
resp(void *ctx, const sq_response *r, sq_error *err)
{
	(void)r;
	(void)err;
	(*(unsigned long *)ctx)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sq_instrument *ins = NULL;
	sq_sim_opts o;
	sq_error err;
	double v[7], gap[SQ_MAX_DIMS];
	char *out = NULL;
	size_t outlen = 0, d, ncols;
	unsigned long rows = 0;
	FILE *fp;
	int rc;

	if (size < sizeof(v) + 2)
		return 0;
	memcpy(v, data, sizeof(v));
	sq_sim_defaults(&o);
	o.n = 1 + data[sizeof(v)] % 4;
	o.nseg = data[sizeof(v) + 1] % 16;
	o.seed = data[sizeof(v) + 1];
	if (data[sizeof(v)] & 0x10) {
		o.loading = v[0];
		o.rho = v[1];
		o.rho_ep = v[2];
		o.missing = v[3];
	}
	if (data[sizeof(v)] & 0x20) {
		o.sd = v[4];
		o.seg_shift = v[5];
		o.mean_e = v[6];
	}
	for (d = 0; d < SQ_MAX_DIMS; d++)
		gap[d] = v[d % 7];
	if (data[sizeof(v)] & 0x40)
		o.gap = gap;
	data += sizeof(v) + 2;
	size -= sizeof(v) + 2;
	if ((fp = fmemopen((void *)data, size ? size : 1, "r")) == NULL)
		return 0;
	rc = size ? sq_instrument_read(fp, "cb", &ins, &err) :
	    sq_instrument_servqual(&ins);
	fclose(fp);
	if (rc != 0)
		return 0;
	if ((fp = open_memstream(&out, &outlen)) == NULL)
		goto done;
	memset(&err, 0, sizeof(err));
	rc = sq_simulate(fp, ins, &o, &err);
	fclose(fp);
	if (rc != 0) {
		if (err.msg[0] == '\0')
			abort();
		goto done;
	}
	/* The generator names columns E1.., not the codebook's headers. */
	ncols = ins->ncols;
	ins->ncols = 0;
	if ((fp = fmemopen(out, outlen ? outlen : 1, "r")) != NULL) {
		memset(&err, 0, sizeof(err));
		if (sq_survey_read(fp, "sim", ins, NULL, resp, &rows, NULL,
		    &err) != 0 || rows != o.n) {
			fprintf(stderr, "read back: %s\n", err.msg);
			abort();
		}
		fclose(fp);
	}
	ins->ncols = ncols;
done:
	free(out);
	sq_instrument_free(ins);
	return 0;
}
