/*
 * Service-level targets for sq-drivers: "--target REL=6,G:REL=-0.5" and
 * the targets CSV (dimension,block,target), read through the shared
 * reader so that quoting, delimiters and encodings work as for exports.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "servqual/drivers.h"
#include "servqual/output.h"
#include "servqual/reader.h"
#include "servqual/survey.h"

#define MAX_TARGETS 4096

/* Append one target; -1 if a target for dim and block exists already. */
static int
append(sq_target **t, size_t *n, int dim, int block, double x)
{
	sq_target *nt;
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*t)[i].dim == dim && (*t)[i].block == block)
			return -1;
	if (*n >= MAX_TARGETS)
		return -2;
	if ((nt = realloc(*t, (*n + 1) * sizeof(*nt))) == NULL)
		return -3;
	*t = nt;
	nt[*n].dim = dim;
	nt[*n].block = block;
	nt[*n].target = x;
	(*n)++;
	return 0;
}

static int
block_of(const char *s, int *block)
{
	if (*s == '\0' || strcasecmp(s, "P") == 0)
		*block = SQ_DRV_P;
	else if (strcasecmp(s, "G") == 0)
		*block = SQ_DRV_G;
	else
		return -1;
	return 0;
}

/*
 * A target must lie where the score can: on the scale for block P, within
 * +-(max - min) for a gap. "REL=55" for 5.5 would otherwise be "missed"
 * every month and a --fail-if gate would alarm forever.
 */
static int
on_scale(const sq_instrument *ins, int block, double x, char *range,
    size_t len)
{
	double lo = ins->min, hi = ins->max;

	if (block == SQ_DRV_G) {
		lo = ins->min - ins->max;
		hi = ins->max - ins->min;
	}
	snprintf(range, len, "%g..%g", lo, hi);
	return x >= lo && x <= hi;
}

static const char *const append_msg[] = {
	"", "a second target for the same dimension and block",
	"more than 4096 targets", "out of memory"
};

int
sq_targets_parse(const char *spec, const sq_instrument *ins,
    sq_target **t, size_t *n, char *msg, size_t len)
{
	char buf[256], range[64], *tok, *save = NULL, *eq, *code, *end;
	int block, dim, rc;
	double x;

	if (strlen(spec) >= sizeof(buf)) {
		snprintf(msg, len, "--target: the list is too long; use "
		    "--targets FILE");
		return -1;
	}
	memcpy(buf, spec, strlen(spec) + 1);
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		block = SQ_DRV_P;
		code = tok;
		if ((eq = strchr(tok, '=')) == NULL)
			goto bad;
		*eq = '\0';
		if (strlen(code) > 2 && code[1] == ':') {
			char b[2] = { code[0], '\0' };

			if (block_of(b, &block) != 0)
				goto bad;
			code += 2;
		}
		if ((dim = sq_instrument_dim(ins, code)) < 0) {
			snprintf(msg, len, "--target: \"%s\" is no dimension of "
			    "the instrument", code);
			return -1;
		}
		x = strtod(eq + 1, &end);
		if (end == eq + 1 || *end != '\0' || !isfinite(x))
			goto bad;
		if (!on_scale(ins, block, x, range, sizeof(range))) {
			snprintf(msg, len, "--target: %s=%s is outside %s, "
			    "where the %s score lies", code, eq + 1, range,
			    block == SQ_DRV_G ? "gap" : "perception");
			return -1;
		}
		if ((rc = append(t, n, dim, block, x)) != 0) {
			snprintf(msg, len, "--target: %s", append_msg[-rc]);
			return -1;
		}
	}
	if (*n == 0)
		goto bad;
	return 0;
bad:
	snprintf(msg, len, "--target: expected DIM=LEVEL[,...] with DIM a "
	    "dimension code, optionally prefixed P: or G:, as "
	    "REL=6,G:REL=-0.5");
	return -1;
}

struct tctx {
	const sq_instrument *ins;
	const char *name;
	sq_target **t;
	size_t *n;
	int col[3];		/* dimension, block, target: field index */
	int header_done;
};

static int
trow(void *vctx, const sq_row *row, sq_error *err)
{
	static const char *const names[3] = { "dimension", "block", "target" };
	struct tctx *c = vctx;
	const char *v;
	char range[64];
	size_t i, k;
	int dim, block, rc;
	double x;

	if (!c->header_done) {
		for (k = 0; k < 3; k++)
			c->col[k] = -1;
		for (i = 0; i < row->nfields; i++)
			for (k = 0; k < 3; k++) {
				char f[32];

				sq_fold(row->field[i], f, sizeof(f));
				if (strcmp(f, names[k]) == 0 && c->col[k] < 0)
					c->col[k] = (int)i;
			}
		for (k = 0; k < 3; k++)
			if (c->col[k] < 0 && k != 1)
				return sq_error_set(err, SQ_ESCHEMA, c->name,
				    row->line, 0, NULL, "a targets file needs "
				    "the columns dimension, block and target; "
				    "\"%s\" not found", names[k]);
		c->header_done = 1;
		return 0;
	}
	for (i = 0; i < row->nfields && row->len[i] == 0; i++)
		;
	if (i == row->nfields)
		return 0;	/* a blank row */
	for (k = 0; k < 3; k++)
		if (c->col[k] >= 0 && (size_t)c->col[k] >= row->nfields)
			return sq_error_set(err, SQ_EPARSE, c->name, row->line,
			    0, NULL, "row has %zu fields, column %s is #%d",
			    row->nfields, names[k], c->col[k] + 1);
	v = row->field[c->col[0]];
	if ((dim = sq_instrument_dim(c->ins, v)) < 0)
		return sq_error_set(err, SQ_EDATA, c->name, row->line,
		    (size_t)c->col[0] + 1, names[0], "\"%s\" is no dimension "
		    "of the instrument", v);
	block = SQ_DRV_P;
	if (c->col[1] >= 0 && block_of(row->field[c->col[1]], &block) != 0)
		return sq_error_set(err, SQ_EDATA, c->name, row->line,
		    (size_t)c->col[1] + 1, names[1], "\"%s\": expected P or G",
		    row->field[c->col[1]]);
	v = row->field[c->col[2]];
	if ((rc = sq_parse_number(v, row->delim != ',', &x)) == -2)
		return sq_error_set(err, SQ_EDATA, c->name, row->line,
		    (size_t)c->col[2] + 1, names[2], "\"%s\" is beyond the "
		    "range of numbers", v);
	if (rc != 0)
		return sq_error_set(err, SQ_EDATA, c->name, row->line,
		    (size_t)c->col[2] + 1, names[2], "\"%s\" is not a number",
		    v);
	if (!on_scale(c->ins, block, x, range, sizeof(range)) &&
	    block == SQ_DRV_G)
		return sq_error_set(err, SQ_EDATA, c->name, row->line,
		    (size_t)c->col[2] + 1, names[2], "\"%s\" is outside %s, "
		    "where the gap score lies", v, range);
	if (!on_scale(c->ins, block, x, range, sizeof(range)))
		return sq_error_set(err, SQ_EDATA, c->name, row->line,
		    (size_t)c->col[2] + 1, names[2], "\"%s\" is outside %s, "
		    "where the perception score lies", v, range);
	if ((rc = append(c->t, c->n, dim, block, x)) != 0)
		return sq_error_set(err, rc == -3 ? SQ_ENOMEM : SQ_EDATA,
		    c->name, row->line, 0, NULL, "%s", append_msg[-rc]);
	return 0;
}

int
sq_targets_read(const char *path, const sq_instrument *ins,
    sq_target **t, size_t *n, sq_error *err)
{
	struct tctx c;
	sq_reader_opts ro;
	FILE *fp;
	size_t n0 = *n;
	int rc;

	memset(&c, 0, sizeof(c));
	memset(&ro, 0, sizeof(ro));
	c.ins = ins;
	c.name = path;
	c.t = t;
	c.n = n;
	if ((rc = sq_input_open(path, &fp, err)) != SQ_OK)
		return rc;
	rc = sq_read_csv(fp, path, &ro, trow, &c, err);
	sq_input_close(fp);
	if (rc == SQ_OK && !c.header_done)
		rc = sq_error_set(err, SQ_EEMPTY, path, 0, 0, NULL,
		    "empty targets file");
	else if (rc == SQ_OK && *n == n0)
		rc = sq_error_set(err, SQ_EEMPTY, path, 0, 0, NULL,
		    "no targets after the header");
	return rc;
}
