# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
BRP_PORT ?= 8091
DUO_PORT ?= 8092
export DJANGO_SETTINGS_MODULE ?= inburgering.settings.dev

.PHONY: install run test test-middernacht lint handleiding worker clean brp-standin duo-standin vertalingen

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

install: $(VENV)/.installed node_modules/.package-lock.json

# scripts/draai.py: migrate, the stand-ins, the demo data, the worker and runserver; Ctrl-C stops each once.
run: install
	@$(PY) scripts/draai.py --poort $(PORT) --brp-poort $(BRP_PORT) --duo-poort $(DUO_PORT)

test: install
	DJANGO_SETTINGS_MODULE=inburgering.settings.test $(VENV)/bin/pytest $(PYTEST_ARGS)

# The tests as if the run crossed midnight (tests/middernacht.py, not part of `make test`): after collection
# the clock moves to the next day, so a date a module took at import is stale. Without the browser tests.
test-middernacht: install
	DJANGO_SETTINGS_MODULE=inburgering.settings.test $(PY) -m pytest -p tests.middernacht -m "not e2e" $(PYTEST_ARGS)

# The manual's screenshots (static/handleiding/), made anew by their browser test (Chromium needed); commit them.
handleiding: install
	HANDLEIDING_BIJWERKEN=1 DJANGO_SETTINGS_MODULE=inburgering.settings.test $(VENV)/bin/pytest \
		tests/e2e/test_handleiding_schermafbeeldingen.py -q -p no:randomly

# Style, migrations that match the models, and the layer contract (.importlinter); CI runs this first.
lint: install
	@echo "==> ruff"
	$(VENV)/bin/ruff check .
	@echo "==> makemigrations --check (every model change has its migration)"
	DJANGO_SETTINGS_MODULE=inburgering.settings.test $(PY) manage.py makemigrations --check --dry-run
	@echo "==> lint-imports (layer contract: a lower app never imports a higher one)"
	$(VENV)/bin/lint-imports

# The BRP stand-in (standins/brp/README.md) in the foreground: the BRP API Personen contract from
# synthetic persons, with the /_beheer endpoints. Flags: BRP_STANDIN_ARGS='--api-key geheim --opslag var/brp.json'.
BRP_STANDIN_PORT ?= 8091
brp-standin: install
	$(PY) -m standins.brp --host 127.0.0.1 --port $(BRP_STANDIN_PORT) --beheer $(BRP_STANDIN_ARGS)

# The DUO stand-in (standins/duo/README.md) in the foreground: DUO's M2M contracts (contracten/duo-m2m) from
# synthetic state, with the /_beheer endpoints. Flags: DUO_STANDIN_ARGS='--opslag var/duo.json --log-level DEBUG'.
DUO_STANDIN_PORT ?= 8092
duo-standin: install
	$(PY) -m standins.duo --host 127.0.0.1 --port $(DUO_STANDIN_PORT) --beheer $(DUO_STANDIN_ARGS)

# The catalogues of the beschikking's summary (README "Taal van de samenvatting"): collects the texts of
# templates/pip_plans/samenvatting/ (only those) into locale/<code>/LC_MESSAGES/django.po for every language
# of settings.BRIEF_TALEN, or only TALEN='xx', and compiles the .mo files, which are committed next to them.
vertalingen: install
	@talen="$${TALEN:-$$($(PY) manage.py shell --no-imports -c 'from django.conf import settings; print(*dict(settings.BRIEF_TALEN))')}"; \
	for taal in $$talen; do \
		(cd templates/pip_plans/samenvatting && ../../../$(PY) ../../../manage.py makemessages --no-obsolete -l $$taal) || exit 1; \
		$(PY) manage.py compilemessages -l $$taal -i .venv -i node_modules || exit 1; \
	done

clean:
	rm -rf var staticfiles
