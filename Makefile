# Cổng kế hoạch hợp tác — the commands a newcomer needs. See README.md.
VENV    := .venv
PYTHON  := $(VENV)/bin/python
MKDOCS  := $(VENV)/bin/mkdocs
# Same data and commit -> byte-identical site.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1735689600)
export SOURCE_DATE_EPOCH
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site serve validate test normalize schemas clean

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

site: $(VENV)/.installed          ## build the portal into site/
	$(MKDOCS) build --strict --quiet
	@echo "Site built in site/ — open site/index.html or run 'make serve'."

serve: $(VENV)/.installed         ## preview with live reload (data/ and generator/ are watched)
	$(MKDOCS) serve

validate: $(VENV)/.installed      ## check data/: every problem with file:line, exit 1 if any
	$(PYTHON) -m generator validate

normalize: $(VENV)/.installed     ## rewrite data files in Unicode NFC (comments and order kept)
	$(PYTHON) -m generator normalize

schemas: $(VENV)/.installed       ## regenerate schemas/ from generator/fields.py
	$(PYTHON) -m generator schemas

test: $(VENV)/.installed          ## every test, browser tests included
	$(PYTHON) -m pytest

clean:
	rm -rf site .pytest_cache test-artifacts
