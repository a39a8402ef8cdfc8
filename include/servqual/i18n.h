/*
 * servqual messages and labels in the reader's language, through GNU
 * gettext: the English text is the key, po/<lang>.po holds a language,
 * so a third language is a file. The library translates with _() and
 * sq_ngettext(); the tool picks the language once with sq_i18n_init().
 */
#ifndef SERVQUAL_I18N_H
#define SERVQUAL_I18N_H

#include <libintl.h>

#define SQ_TEXTDOMAIN "servqual"

/* Translate a message; N_() marks one translated later. */
#define _(s)	dgettext(SQ_TEXTDOMAIN, s)
#define N_(s)	(s)

/* The singular or plural form of a message for count n. */
#define sq_ngettext(s, p, n) \
	dngettext(SQ_TEXTDOMAIN, s, p, (unsigned long)(n))

/*
 * The language the environment asks for, as POSIX orders it (LC_ALL,
 * LC_MESSAGES, LANG): "es" for es_ES.UTF-8; "en" when unset, C or POSIX.
 * Writes at most len bytes into buf and returns buf.
 */
char *sq_lang_from_env(char *buf, size_t len);

/*
 * Set the process's message language to code ("en", "es", "pt_BR"...)
 * and find the catalogues: $SQ_LOCALEDIR, else share/locale beside the
 * executable's bin/, else the installed one. Process-wide (the one piece
 * of global state, set by a tool's main before it prints anything).
 */
void sq_i18n_init(const char *code);

/* Whether there is a catalogue for code (English always is). */
int sq_i18n_have(const char *code);

/* The decimal and thousands separators of human output ("." and ","
 * in English), as the catalogue of the current language says. */
const char *sq_i18n_decimal(void);
const char *sq_i18n_thousands(void);

#endif
