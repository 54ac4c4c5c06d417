# Cổng kế hoạch hợp tác — the commands a newcomer needs. See README.md.
VENV    := .venv
PYTHON  := $(VENV)/bin/python
MKDOCS  := $(VENV)/bin/mkdocs
# Same data and commit -> byte-identical site.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1735689600)
export SOURCE_DATE_EPOCH
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# `make site DATA=DIR` (serve, validate, normalize) builds from another data folder, e.g. one written by
# `python -m generator synth`; mkdocs.yml reads it as PORTAL_DATA_DIR.
ifdef DATA
export PORTAL_DATA_DIR := $(abspath $(DATA))
endif
SIZES ?= 1000 5000 25000
SITE  ?= site
# A build goes into a staging folder beside $(SITE) (same file system) and replaces $(SITE) only
# once it is whole: an interrupted or failed build leaves the previous site as it was, never a
# half one. MkDocs runs in the background so that Ctrl-C, kill or a closed terminal reach this
# shell at once: it stops the build (which removes its helper processes and their files) and
# removes the staging folder. Nothing is left in the repository (tests/site/test_staged_build.py).
define staged_build
	@set -e; parent="$(dir $(abspath $(SITE)))"; mkdir -p "$$parent"; \
	tmp=$$(mktemp -d "$${parent}.site-build.XXXXXX"); pid=; \
	trap 'if [ -n "$$pid" ]; then kill "$$pid" 2>/dev/null || :; wait "$$pid" 2>/dev/null || :; fi; rm -rf "$$tmp"' EXIT; \
	trap 'exit 130' INT; trap 'exit 143' TERM; trap 'exit 129' HUP; \
	$(MKDOCS) build --strict --quiet --site-dir "$$tmp/site" & pid=$$!; \
	wait "$$pid"; pid=; \
	if [ -e "$(SITE)" ]; then mv "$(SITE)" "$$tmp/old"; fi; \
	mv "$$tmp/site" "$(SITE)"
endef
# FILE, PLAN and ARGS name an attachment and a plan (make import, make preview): text from
# outside, never code. Kept as typed (`$(value …)`: make never expands a `$(shell …)` in them)
# and handed to the recipes as environment variables, which the recipes read as "$$FILE":
# the shell never parses their text, so `touch X`.txt or q"; touch X; ".txt run nothing.
override FILE := $(value FILE)
override PLAN := $(value PLAN)
override ARGS := $(value ARGS)
export FILE PLAN ARGS

.PHONY: site publish serve validate lint test test-fast browser normalize schemas clean import import-quality bench preview

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

site: $(VENV)/.installed          ## build the portal into site/ (SITE=DIR: elsewhere)
	$(staged_build)
	@echo "Site built in $(SITE)/ — open $(SITE)/index.html or run 'make serve'."

# A build to publish: the permanent links (canonical, citations, feeds, calendars, sitemap, open
# data) need the address the site is served at. `make site` without it writes relative links only.
publish: $(VENV)/.installed       ## build for publishing: needs PORTAL_SITE_URL=https://…/
	@case "$$PORTAL_SITE_URL" in \
	  http://*.*|https://*.*) ;; \
	  *) echo "make publish: PORTAL_SITE_URL must be the address the portal is published at, e.g. PORTAL_SITE_URL=https://ten-tinh.github.io/cong-ke-hoach/ make publish (got: '$$PORTAL_SITE_URL')." >&2; exit 1;; \
	esac; \
	case "$$PORTAL_SITE_URL" in \
	  *://example.*|*.example.*|*://*.example/*|*://*.invalid/*|*://*.test/*|*://localhost*|*://127.*) \
	    echo "make publish: PORTAL_SITE_URL=$$PORTAL_SITE_URL is a placeholder or local address; set the address the portal is published at." >&2; exit 1;; \
	esac
	@$(PYTHON) -c 'import sys; from mkdocs.config import load_config; from generator.pages.publisher import publish_problem; \
	  sys.exit(publish_problem(load_config().extra))'
	$(staged_build)
	@echo "Site built in $(SITE)/ for $$PORTAL_SITE_URL."

serve: $(VENV)/.installed         ## preview with live reload (data/ and generator/ are watched)
	$(MKDOCS) serve $(if $(DATA),--watch $(PORTAL_DATA_DIR))

preview: $(VENV)/.installed       ## serve one plan alone, fast at any size: make preview PLAN=id [DATA=DIR]
	PORTAL_PREVIEW="$$PLAN" $(MKDOCS) serve --watch $(or $(PORTAL_DATA_DIR),data)

validate: $(VENV)/.installed      ## check data/: every problem with file:line, exit 1 if any
	$(PYTHON) -m generator validate $(DATA)

import-quality: $(VENV)/.installed ## the importer on 22 real plans (tests/fixtures/realdocs): one line a document, the totals
	$(PYTHON) benchmarks/import_quality.py

bench: $(VENV)/.installed browser ## build synthetic portals of SIZES tasks and bare Material; print the table
	$(PYTHON) benchmarks/bench.py --sizes $(SIZES)

normalize: $(VENV)/.installed     ## rewrite data files in Unicode NFC (comments and order kept; never through a symlink)
	$(PYTHON) -m generator normalize $(if $(DATA),--data "$(PORTAL_DATA_DIR)")

import: $(VENV)/.installed        ## draft a plan from a document: make import FILE=van-ban.docx PLAN=ma-ke-hoach
	@[ -n "$$FILE" ] && [ -n "$$PLAN" ] || { echo "make import FILE=<tệp .txt/.docx/.pdf> PLAN=<mã kế hoạch> [ARGS=--write]" >&2; exit 1; }
	@set -f; $(PYTHON) -m generator import --plan "$$PLAN" $$ARGS -- "$$FILE"   # ARGS: words, no globbing

schemas: $(VENV)/.installed       ## regenerate schemas/ and the field reference of data/README.md from generator/model/fields.py
	$(PYTHON) -m generator schemas

# The browser tests drive Debian's chromium (never a downloaded browser). Installed here, with
# sudo only when not root, so that `make test` alone works on a fresh Debian/Ubuntu machine.
browser:                          ## install Debian's chromium if it is not on PATH
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests (apt-get)…"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  { $$SUDO apt-get update -qq && \
	    $$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null; } || true; \
	  command -v chromium >/dev/null 2>&1 || { \
	    echo "make test: could not install Debian's chromium; install it (sudo apt-get install chromium) or run 'make test-fast'." >&2; \
	    exit 1; }; }

lint: $(VENV)/.installed           ## ruff check and ruff format --check (settings in pyproject.toml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: $(VENV)/.installed browser lint  ## lint, then every test, browser tests included (see README for how long)
	$(PYTHON) -m pytest

test-fast: $(VENV)/.installed     ## tests/unit: no browser, no build of the real portal (small ones: README)
	$(PYTHON) -m pytest tests/unit

clean:
	rm -rf site .pytest_cache test-artifacts .site-build.* .site-files-*
