# servqual — build, test, demo, bench, install.
#
#   make            tools into bin/
#   make check      all tests (SAN=1: under ASan + UBSan)
#   make demo       the PDF report of the bundled sample, its summary
#   make bench      speed and memory benchmarks
#   make install PREFIX=/usr/local

VERSION   = 0.1.0
PREFIX   ?= /usr/local
CC       ?= cc
SAN      ?= 0

# Debian packages the build and the tests need.
DEB_PKGS  = libcsv-dev libgsl-dev libcairo2-dev libpango1.0-dev libpng-dev \
	    libunistring-dev pkg-config fonts-dejavu-core gettext poppler-utils \
	    parallel

WARN      = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wformat=2 \
	    -Wmissing-prototypes -Wno-missing-field-initializers
OPT      ?= -O2 -g
CPPFLAGS += -Iinclude -D_GNU_SOURCE -DSQ_VERSION='"$(VERSION)"' \
	    -DSQ_LOCALEDIR='"$(PREFIX)/share/locale"'
CAIRO_CFLAGS = $(shell pkg-config --cflags pangocairo cairo libpng fontconfig 2>/dev/null)
CAIRO_LIBS   = $(shell pkg-config --libs pangocairo cairo libpng fontconfig 2>/dev/null)
LDLIBS   += -lcsv $(shell pkg-config --libs gsl 2>/dev/null || echo -lgsl -lgslcblas) \
	    $(CAIRO_LIBS) -lunistring -lpthread -lm

ifeq ($(SAN),1)
O         = build/san
BIN       = build/san/bin
LOCALE    = build/san/share/locale
SANFLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=all \
	    -fno-omit-frame-pointer
else
O         = build/rel
BIN       = bin
LOCALE    = share/locale
SANFLAGS  =
endif
ifeq ($(WERROR),1)
WARN     += -Werror
endif

CFLAGS   += -std=c11 $(OPT) $(WARN) $(SANFLAGS) $(CAIRO_CFLAGS)
LDFLAGS  += $(SANFLAGS)

# lib/ in folders by the way data travels (README, "Layout"): base, read,
# survey, stats, state, out, chart, report. Private headers sit beside
# their code; every folder is on the include path of the library.
LIB_DIRS  = $(sort $(patsubst %/,%,$(dir $(wildcard lib/*/*.c))))
LIB_SRC   = $(sort $(wildcard lib/*/*.c))
LIB_OBJ   = $(LIB_SRC:lib/%.c=$(O)/lib/%.o)
LIBA      = $(O)/libservqual.a
CMD_SRC   = $(sort $(wildcard cmd/*.c))
# cmd/tool/: the command-line side every tool shares (prints, exits), so
# it stays out of the library; each cmd/*.c is still one tool.
TOOL_SRC  = $(sort $(wildcard cmd/tool/*.c))
TOOL_OBJ  = $(TOOL_SRC:cmd/tool/%.c=$(O)/cmd/tool/%.o)
TOOLS     = $(CMD_SRC:cmd/%.c=$(BIN)/%)
UNIT_SRC  = $(sort $(wildcard tests/unit/test_*.c))
UNITS     = $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)
HELPERS   = $(O)/tests/tsvcmp
HEADERS   = $(wildcard include/servqual/*.h) $(wildcard lib/*/*.h) \
	    $(wildcard cmd/tool/*.h)
# Message catalogues: po/<lang>.po compiled beside bin/ (share/locale),
# where the tools look first, so they speak every language uninstalled.
PO        = $(sort $(wildcard po/*.po))
MO        = $(PO:po/%.po=$(LOCALE)/%/LC_MESSAGES/servqual.mo)

.PHONY: all deps check demo bench install clean fuzz pot

all: deps $(TOOLS) $(MO)

# Install missing Debian packages when root; otherwise say what to run.
deps:
	@missing=""; \
	for p in $(DEB_PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | \
		    grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			    apt-get install -y -qq $$missing >/dev/null || exit 1; \
		else \
			echo "missing Debian packages; run:"; \
			echo "  sudo apt-get install -y$$missing"; \
			exit 1; \
		fi; \
	fi

$(O)/lib/%.o: lib/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(LIB_DIRS:%=-I%) $(CFLAGS) -c -o $@ $<

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

.SECONDARY: $(TOOL_OBJ)

$(O)/cmd/tool/%.o: cmd/tool/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BIN)/%: cmd/%.c $(TOOL_OBJ) $(LIBA) $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Icmd/tool $(CFLAGS) $(LDFLAGS) -o $@ $< $(TOOL_OBJ) \
	    $(LIBA) $(LDLIBS)

$(O)/tests/%: tests/unit/%.c tests/unit/unit.h $(LIBA) $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests/unit -DSQ_TEST_LOCALEDIR='"$(LOCALE)"' \
	    $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIBA) $(LDLIBS)

$(LOCALE)/%/LC_MESSAGES/servqual.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# Refresh the template and merge it into every language (by hand).
pot:
	xgettext -o po/servqual.pot --from-code=UTF-8 -k_ -kN_ \
	    -ksq_ngettext:1,2 -kSQ_CTX:1c,2 -ksq_error_set:7 -kflag:5 -kcb_err:5 -kbad_cell:5 \
	    -ktool_warn:1 -ktool_usage:1 --flag=tool_warn:1:c-format \
	    --flag=tool_usage:1:c-format \
	    --flag=sq_error_set:7:c-format --flag=flag:5:c-format \
	    --flag=cb_err:5:c-format --flag=bad_cell:5:c-format \
	    --package-name=servqual --package-version=$(VERSION) \
	    lib/*/*.c cmd/*.c cmd/tool/*.c
	for p in $(PO); do msgmerge -q -U --backup=none $$p po/servqual.pot; done

$(O)/tests/tsvcmp: tests/tsvcmp.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< -lm

check: all $(UNITS) $(HELPERS) $(MO)
	@BIN=$(BIN) O=$(O) sh tests/run.sh $(UNITS)

# The report of the bundled sample in both languages; the English
# executive summary on the terminal.
DEMO      = $(O)/demo
demo: all
	@mkdir -p $(DEMO)
	$(BIN)/sq-report --lang es -b sucursal --title "Banco Demo" \
	    --date 2026-11-30 -o $(DEMO)/informe.pdf samples/banco_demo.csv
	$(BIN)/sq-report --lang en -b sucursal --title "Banco Demo" \
	    --date 2026-11-30 -o $(DEMO)/report.pdf --summary -f pretty \
	    samples/banco_demo.csv
	@echo
	@echo "reports: $(DEMO)/report.pdf (English), $(DEMO)/informe.pdf (Spanish)"

$(O)/bench/csvparse: bench/csvparse.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< -lcsv

bench: all $(O)/bench/csvparse
	@BIN=$(BIN) O=$(O) sh bench/run.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 755 $(TOOLS) $(DESTDIR)$(PREFIX)/bin
	for m in $(MO); do l=$${m#$(LOCALE)/}; \
	    install -D -m 644 $$m $(DESTDIR)$(PREFIX)/share/locale/$$l; done
	install -m 644 man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1
	for f in man/*.5; do [ -e "$$f" ] && \
	    install -m 644 $$f $(DESTDIR)$(PREFIX)/share/man/man5; done; true

clean:
	rm -rf build bin share
