/* Status codes and error records. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "servqual/error.h"

const char *
sq_strerror(int code)
{
	switch (code) {
	case SQ_OK:		return "success";
	case SQ_ENOMEM:		return "out of memory";
	case SQ_EIO:		return "input/output error";
	case SQ_EPARSE:		return "malformed CSV";
	case SQ_EDATA:		return "invalid value";
	case SQ_ESCHEMA:	return "columns do not fit the instrument";
	case SQ_ECODEBOOK:	return "invalid codebook";
	case SQ_ELIMIT:		return "size limit exceeded";
	case SQ_EEMPTY:		return "no data";
	case SQ_EUSAGE:		return "invalid argument";
	case SQ_ENUMERIC:	return "numerical method failed";
	default:		return "unknown error";
	}
}

int
sq_error_set(sq_error *err, int code, const char *file, unsigned long line,
    size_t col, const char *colname, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return code;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	err->col = col;
	snprintf(err->colname, sizeof(err->colname), "%s",
	    colname ? colname : "");
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

void
sq_error_format(const sq_error *err, char *buf, size_t len)
{
	size_t off = 0;
	int n;

	if (len == 0)
		return;
	buf[0] = '\0';
#define APPEND(...) do {						\
	n = snprintf(buf + off, len - off, __VA_ARGS__);		\
	if (n < 0 || (size_t)n >= len - off)				\
		return;							\
	off += (size_t)n;						\
} while (0)
	if (err->file[0] != '\0') {
		APPEND("%s", err->file);
		if (err->line > 0)
			APPEND(":%lu", err->line);
		APPEND(": ");
	}
	if (err->col > 0) {
		if (err->colname[0] != '\0')
			APPEND("column %s (#%zu): ", err->colname, err->col);
		else
			APPEND("column #%zu: ", err->col);
	}
	APPEND("%s", err->msg);
#undef APPEND
}

void
sq_error_message(const sq_error *err, const char *file, char *buf,
    size_t len)
{
	sq_error e = *err;

	if (e.file[0] == '\0' && file != NULL)
		snprintf(e.file, sizeof(e.file), "%s", file);
	sq_error_format(&e, buf, len);
}
