/* Status codes and error records. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "servqual/error.h"
#include "servqual/i18n.h"

/* The English text, the catalogue's key. */
static const char *
sq_strerror_en(int code)
{
	switch (code) {
	case SQ_OK:		return N_("success");
	case SQ_ENOMEM:		return N_("out of memory");
	case SQ_EIO:		return N_("input/output error");
	case SQ_EPARSE:		return N_("malformed CSV");
	case SQ_EDATA:		return N_("invalid value");
	case SQ_ESCHEMA:	return N_("columns do not fit the instrument");
	case SQ_ECODEBOOK:	return N_("invalid codebook");
	case SQ_ELIMIT:		return N_("size limit exceeded");
	case SQ_EEMPTY:		return N_("no data");
	case SQ_EUSAGE:		return N_("invalid argument");
	case SQ_ENUMERIC:	return N_("numerical method failed");
	default:		return N_("unknown error");
	}
}

const char *
sq_strerror(int code)
{
	return _(sq_strerror_en(code));
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
	/* Every message the library writes is translated here, once. */
	vsnprintf(err->msg, sizeof(err->msg), _(fmt), ap);
	va_end(ap);
	return code;
}

/*
 * Control characters of the data quoted in a message (ESC, BEL, CR, LF)
 * as visible \xHH, so a message cannot act on the terminal it reaches.
 */
static void
escape_controls(char *buf, size_t len)
{
	char tmp[2048];
	size_t i, o = 0;

	for (i = 0; buf[i]; i++)
		if ((unsigned char)buf[i] < 0x20 || buf[i] == 0x7F)
			break;
	if (buf[i] == '\0')
		return;
	for (i = 0; buf[i] && o + 5 < sizeof(tmp); i++) {
		unsigned char c = (unsigned char)buf[i];

		if (c < 0x20 || c == 0x7F)
			o += (size_t)snprintf(tmp + o, sizeof(tmp) - o,
			    "\\x%02X", c);
		else
			tmp[o++] = (char)c;
	}
	tmp[o] = '\0';
	/* Cut, if at all, at a character boundary. */
	if (o >= len) {
		o = len - 1;
		while (o > 0 && ((unsigned char)tmp[o] & 0xC0) == 0x80)
			o--;
		tmp[o] = '\0';
	}
	memcpy(buf, tmp, o + 1);
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
			APPEND(_("column %s (#%zu): "), err->colname,
			    err->col);
		else
			APPEND(_("column #%zu: "), err->col);
	}
	APPEND("%s", err->msg);
#undef APPEND
	escape_controls(buf, len);
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
