/*
 * The reader in a second thread: the parsing thread copies rows into
 * batches; the caller's thread hands them to fn. A small ring of batches
 * bounds memory whatever the input size.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/pipeline.h"

#define NSLOT		4
#define BATCH_BYTES	(256 * 1024)
#define BATCH_ROWS	2048

struct brow {
	unsigned long line, index;
	size_t first;		/* index of the row's first field */
	size_t nfields;
	int delim;
};

struct batch {
	char *bytes;
	size_t used, cap;
	size_t *off, *len;	/* per field */
	size_t nf, fcap;
	struct brow *row;
	size_t nrows, rcap;
	int full;
};

struct pipe {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct batch slot[NSLOT];
	size_t fill;		/* slot the producer fills */
	int done;		/* producer finished */
	int abort;		/* consumer failed: stop producing */
	int rc;			/* producer's status */
	int oom;		/* a batch could not grow */
	sq_error perr;
	FILE *fp;
	const char *name;
	const sq_reader_opts *opts;
};

static int
grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 64;
	void *np;

	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	if ((np = realloc(*p, c * size)) == NULL)
		return -1;
	*p = np;
	*cap = c;
	return 0;
}

/* Hand the filling batch over and wait for the next one to be free. */
static int
publish(struct pipe *pp)
{
	int stop;

	pthread_mutex_lock(&pp->mu);
	pp->slot[pp->fill].full = 1;
	pthread_cond_broadcast(&pp->cv);
	pp->fill = (pp->fill + 1) % NSLOT;
	while (pp->slot[pp->fill].full && !pp->abort)
		pthread_cond_wait(&pp->cv, &pp->mu);
	stop = pp->abort;
	pthread_mutex_unlock(&pp->mu);
	return stop;
}

/* Producer's row callback: copy the row into the filling batch. */
static int
copy_row(void *ctx, const sq_row *row, sq_error *err)
{
	struct pipe *pp = ctx;
	struct batch *b = &pp->slot[pp->fill];
	size_t i, bytes = 0, cap;
	struct brow *r;

	(void)err;
	for (i = 0; i < row->nfields; i++)
		bytes += row->len[i] + 1;
	cap = b->cap;
	if (grow((void **)&b->bytes, &cap, b->used + bytes, 1) != 0)
		goto oom;
	b->cap = cap;
	cap = b->fcap;	/* off and len grow together, to one capacity */
	if (grow((void **)&b->off, &cap, b->nf + row->nfields,
	    sizeof(size_t)) != 0)
		goto oom;
	if (cap != b->fcap) {
		size_t *nl = realloc(b->len, cap * sizeof(size_t));

		if (nl == NULL)
			goto oom;
		b->len = nl;
		b->fcap = cap;
	}
	if (grow((void **)&b->row, &b->rcap, b->nrows + 1, sizeof(*b->row)))
		goto oom;
	r = &b->row[b->nrows++];
	r->line = row->line;
	r->index = row->index;
	r->first = b->nf;
	r->nfields = row->nfields;
	r->delim = row->delim;
	for (i = 0; i < row->nfields; i++) {
		memcpy(b->bytes + b->used, row->field[i], row->len[i] + 1);
		b->off[b->nf] = b->used;
		b->len[b->nf++] = row->len[i];
		b->used += row->len[i] + 1;
	}
	if ((b->used >= BATCH_BYTES || b->nrows >= BATCH_ROWS) &&
	    publish(pp))
		return SQ_EIO;	/* the consumer's error is the one kept */
	return 0;
oom:
	pp->oom = 1;
	return sq_error_set(err, SQ_ENOMEM, pp->name, row->line, 0, NULL,
	    "out of memory");
}

static void *
produce(void *arg)
{
	struct pipe *pp = arg;
	int rc;

	rc = sq_read_csv(pp->fp, pp->name, pp->opts, copy_row, pp, &pp->perr);
	pthread_mutex_lock(&pp->mu);
	pp->rc = rc;
	pp->slot[pp->fill].full = 1;	/* the last, perhaps empty, batch */
	pp->done = 1;
	pthread_cond_broadcast(&pp->cv);
	pthread_mutex_unlock(&pp->mu);
	return NULL;
}

int
sq_read_csv_pipelined(FILE *fp, const char *name, const sq_reader_opts *opts,
    sq_row_fn fn, void *ctx, sq_error *err)
{
	struct pipe *pp;
	pthread_t th;
	char **fptr = NULL;
	size_t fpcap = 0, take = 0, i, j;
	int rc = SQ_OK, last;

	if (opts != NULL && opts->one_thread)
		return sq_read_csv(fp, name, opts, fn, ctx, err);
	if ((pp = calloc(1, sizeof(*pp))) == NULL)
		return sq_error_set(err, SQ_ENOMEM, name, 0, 0, NULL,
		    "out of memory");
	pthread_mutex_init(&pp->mu, NULL);
	pthread_cond_init(&pp->cv, NULL);
	pp->fp = fp;
	pp->name = name;
	pp->opts = opts;
	if (pthread_create(&th, NULL, produce, pp) != 0) {
		pthread_mutex_destroy(&pp->mu);
		pthread_cond_destroy(&pp->cv);
		free(pp);
		return sq_read_csv(fp, name, opts, fn, ctx, err);
	}
	for (;;) {
		struct batch *b = &pp->slot[take];

		pthread_mutex_lock(&pp->mu);
		while (!b->full)
			pthread_cond_wait(&pp->cv, &pp->mu);
		/* The producer marks its final batch full before done. */
		last = pp->done && (take == pp->fill);
		pthread_mutex_unlock(&pp->mu);
		for (i = 0; i < b->nrows && rc == SQ_OK; i++) {
			const struct brow *r = &b->row[i];
			sq_row row;

			if (r->nfields > fpcap && grow((void **)&fptr, &fpcap,
			    r->nfields, sizeof(*fptr)) != 0) {
				rc = sq_error_set(err, SQ_ENOMEM, name, r->line,
				    0, NULL, "out of memory");
				break;
			}
			for (j = 0; j < r->nfields; j++)
				fptr[j] = b->bytes + b->off[r->first + j];
			row.line = r->line;
			row.index = r->index;
			row.nfields = r->nfields;
			row.field = fptr;
			row.len = b->len + r->first;
			row.delim = r->delim;
			rc = fn(ctx, &row, err);
		}
		b->used = b->nf = b->nrows = 0;
		pthread_mutex_lock(&pp->mu);
		b->full = 0;
		if (rc != SQ_OK)
			pp->abort = 1;
		pthread_cond_broadcast(&pp->cv);
		pthread_mutex_unlock(&pp->mu);
		if (last || rc != SQ_OK)
			break;
		take = (take + 1) % NSLOT;
	}
	pthread_join(th, NULL);
	if (rc == SQ_OK && pp->rc != SQ_OK) {
		rc = pp->rc;
		if (err != NULL)
			*err = pp->perr;
	}
	for (i = 0; i < NSLOT; i++) {
		free(pp->slot[i].bytes);
		free(pp->slot[i].off);
		free(pp->slot[i].len);
		free(pp->slot[i].row);
	}
	free(fptr);
	pthread_mutex_destroy(&pp->mu);
	pthread_cond_destroy(&pp->cv);
	free(pp);
	return rc;
}
