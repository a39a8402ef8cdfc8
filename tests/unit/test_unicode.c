/*
 * Unicode identity: NFC, folding keys beyond Latin-1, look-alikes,
 * display width by grapheme, sq_fold beyond Latin-1, instrument strings
 * of any length.
 */
#include <stdlib.h>
#include <string.h>

#include "servqual/instrument.h"
#include "servqual/unicode.h"
#include "unit.h"


int
main(void)
{
	char nfd[] = "Atencio\xcc\x81n", *big = NULL, *k, f[64];
	char *v[] = { "Sur", "sur", "Norte", "S\xc3\xbar", "SUR" };
	char *w[] = { "a", "b" };
	size_t len = 0, i;
	sq_instrument *ins;
	char *longw;

	CHECK(sq_nfc(nfd, strlen(nfd), &big, &len) == 0 && big == NULL &&
	    strcmp(nfd, "Atenci\xc3\xb3n") == 0 && len == 9,
	    "NFD becomes NFC in place");
	k = sq_fold_key("\xc5\x9e\x65h\xc4\xb0r");	/* Şehİr */
	CHECK(k && strncmp(k, "sehi", 4) == 0, "fold key beyond Latin-1");
	free(k);
	k = sq_fold_key("\xce\xa3\xce\x95\xce\xa3");	/* ΣΕΣ */
	CHECK(k && strcmp(k, "\xcf\x83\xce\xb5\xcf\x83") == 0,
	    "Greek folds to lower case");
	free(k);
	k = sq_lookalikes(v, 5);
	CHECK(k && strcmp(k, "\"Sur\", \"sur\", \"S\xc3\xbar\", \"SUR\"") ==
	    0, "look-alikes named, in input order");
	free(k);
	CHECK(sq_lookalikes(w, 2) == NULL, "no look-alikes");
	CHECK(sq_display_width("Atencio\xcc\x81n") == 8,
	    "a combining accent takes no column");
	CHECK(sq_display_width("\xed\x95\x9c\xea\xb8\x80") == 4,
	    "Hangul is two columns a syllable");
	sq_fold("  \xd0\x94\xd0\x90  ", f, sizeof(f));	/* "  ДА  " */
	CHECK(strcmp(f, "\xd0\xb4\xd0\xb0") == 0, "sq_fold: Cyrillic folds");
	sq_fold(" Sí ", f, sizeof(f));
	CHECK(strcmp(f, "si") == 0, "sq_fold: Latin-1 as before");

	/* Instrument strings have no length limit. */
	longw = malloc(4001);
	for (i = 0; i < 4000; i++)
		longw[i] = i % 2 ? 'a' : 'b';
	longw[4000] = '\0';
	CHECK(sq_instrument_new("x", 1, 5, &ins) == SQ_OK &&
	    sq_instrument_add_dim(ins, "D", "Dim", NULL) == SQ_OK &&
	    sq_instrument_add_item(ins, 1, 0, longw, NULL) == SQ_OK &&
	    strcmp(ins->items[0].wording[0], longw) == 0 &&
	    strcmp(ins->items[0].wording[1], longw) == 0,
	    "a 4000-byte wording whole in both languages");
	CHECK(sq_instrument_add_item(ins, 1, 0, "", NULL) == SQ_EUSAGE,
	    "a repeated item number is refused");
	CHECK(sq_instrument_add_dim(ins, "D", "x", NULL) == SQ_EUSAGE,
	    "a repeated dimension code is refused");
	sq_instrument_free(ins);
	free(longw);
	return unit_done();
}
