/*
 * Message language. gettext chooses a catalogue from LANGUAGE only when
 * the message locale is not "C", and a fresh machine often has no
 * es_ES locale installed: so the language is set through LANGUAGE over
 * the always-present C.UTF-8 locale, and catalogues are bound to UTF-8.
 */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "servqual/i18n.h"

#ifndef SQ_LOCALEDIR
#define SQ_LOCALEDIR "/usr/local/share/locale"
#endif

char *
sq_lang_from_env(char *buf, size_t len)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v = NULL;
	size_t i, n;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		if ((v = getenv(vars[i])) != NULL && *v != '\0')
			break;
	if (v == NULL || *v == '\0' || strcmp(v, "C") == 0 ||
	    strcmp(v, "POSIX") == 0 || strncmp(v, "C.", 2) == 0)
		v = "en";
	n = strcspn(v, "_.@");
	if (n == 0 || n > 3)
		v = "en", n = 2;
	snprintf(buf, len, "%.*s", (int)n, v);
	return buf;
}

/* share/locale beside the bin/ the executable runs from, if present. */
static int
beside_exe(char *dir, size_t len)
{
	char exe[PATH_MAX];
	ssize_t n;
	char *slash;

	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) <= 0)
		return 0;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return 0;
	*slash = '\0';
	if ((size_t)snprintf(dir, len, "%s/../share/locale", exe) >= len)
		return 0;
	return access(dir, F_OK) == 0;
}

/* Where the catalogues are. */
static void
localedir(char *dir, size_t len)
{
	const char *env = getenv("SQ_LOCALEDIR");

	if (env != NULL && *env != '\0')
		snprintf(dir, len, "%s", env);
	else if (!beside_exe(dir, len))
		snprintf(dir, len, "%s", SQ_LOCALEDIR);
}

int
sq_i18n_have(const char *code)
{
	char dir[PATH_MAX + 32], mo[PATH_MAX + 96];

	if (strcmp(code, "en") == 0)
		return 1;
	localedir(dir, sizeof(dir));
	snprintf(mo, sizeof(mo), "%s/%s/LC_MESSAGES/%s.mo", dir, code,
	    SQ_TEXTDOMAIN);
	return access(mo, R_OK) == 0;
}

void
sq_i18n_init(const char *code)
{
	char dir[PATH_MAX + 32];
	const char *cur;

	cur = setlocale(LC_MESSAGES, "");
	if (cur == NULL || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", code, 1);
	localedir(dir, sizeof(dir));
	bindtextdomain(SQ_TEXTDOMAIN, dir);
	bind_textdomain_codeset(SQ_TEXTDOMAIN, "UTF-8");
}

/* A message id with its context, as gettext keys it (make pot: -kSQ_CTX). */
#define SQ_CTX(ctx, id)	ctx "\004" id

/* A separator the translator sets: msgctxt "separator", msgid ".". */
static const char *
separator(const char *key, const char *dflt)
{
	const char *s = dgettext(SQ_TEXTDOMAIN, key);

	return s == key ? dflt : s;
}

const char *
sq_i18n_decimal(void)
{
	return separator(SQ_CTX("separator", "decimal"), ".");
}

const char *
sq_i18n_thousands(void)
{
	return separator(SQ_CTX("separator", "thousands"), ",");
}
