# The two commands a new user runs: `make run` and `make test`. Everything else is for developers.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := $(or $(UV_PYTHON),python3)

UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
RUN := $(UV) run --locked --no-sync
OUT := var

.PHONY: run serve assess test test-moved-clock lint bench bench-documents bench-web bench-reassess messages sync clean

$(UV):
	@echo "uv is missing: installing it with pip (once)"
	python3 -m pip install --user --quiet uv

.venv/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --quiet
	@touch $@

sync: .venv/.synced

## The web application on http://127.0.0.1:8000 with demo data (logins printed first), and
## the background worker beside it.
run: sync
	@mkdir -p $(OUT)
	$(RUN) python manage.py migrate --verbosity 0
	$(RUN) python manage.py demo
	$(RUN) python manage.py serve --development

## The production server (gunicorn) and the background worker, on DATABASE_URL (else the
## embedded SQLite database), listening on REFUSJON_BIND (127.0.0.1:8000). See docs/deploy.md.
serve: sync
	@mkdir -p $(OUT)
	$(RUN) python manage.py migrate --verbosity 0
	$(RUN) python manage.py collectstatic --noinput --verbosity 0
	$(RUN) python manage.py serve

## Decide the example claims in a batch and print a table of the decisions.
assess: sync
	@mkdir -p $(OUT)
	$(RUN) refusjon assess examples/claims.jsonl --rates examples/rates.csv \
		--out $(OUT)/example-decisions.jsonl --summary

# The database tests run a second time on PostgreSQL (this machine's and CI's server).
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
DATABASE_TESTS := tests --ignore=tests/rules
# pytest-xdist: one worker per core.
PYTEST := $(RUN) pytest -n $(or $(TEST_WORKERS),auto)
# How far ahead test-moved-clock moves the system clock (libfaketime's offset).
MOVED_CLOCK ?= +400d

## The whole test suite: on the embedded SQLite, then the database tests on PostgreSQL. Both
## passes run, whatever the first gives, and make fails if either failed.
test: sync
	@sqlite=0; postgresql=0; \
	echo "== 1/2: the whole suite on SQLite"; \
	$(PYTEST) || sqlite=$$?; \
	echo "== 2/2: the database tests on PostgreSQL ($(TEST_DATABASE_URL))"; \
	DATABASE_URL=$(TEST_DATABASE_URL) $(PYTEST) -q $(DATABASE_TESTS) || postgresql=$$?; \
	echo "== make test: SQLite $$( [ $$sqlite = 0 ] && echo passed || echo "FAILED (exit $$sqlite)" )," \
	     "PostgreSQL $$( [ $$postgresql = 0 ] && echo passed || echo "FAILED (exit $$postgresql)" )"; \
	[ $$sqlite = 0 ] && [ $$postgresql = 0 ]

## The database tests again with the system clock moved ahead (Debian's faketime): nothing may
## depend on the day the suite runs. .ci/run runs it after make test.
test-moved-clock: sync
	@command -v faketime >/dev/null || { echo "faketime is missing: apt-get install faketime"; exit 1; }
	@echo "== the database tests with the clock moved $(MOVED_CLOCK): $$(faketime -f '$(MOVED_CLOCK)' date -I)"
	faketime -f '$(MOVED_CLOCK)' $(PYTEST) -q $(DATABASE_TESTS)

lint: sync
	$(RUN) ruff check src tests bench
	$(RUN) ruff format --check src tests bench
	$(RUN) mypy
	$(RUN) lint-imports

## Gather the strings to translate into src/refusjon/locale, and compile the catalogue.
messages: sync
	cd src/refusjon && $(RUN) python ../../manage.py makemessages -l nb --ignore "rules/*" --no-obsolete
	cd src/refusjon && $(RUN) python ../../manage.py compilemessages -l nb

bench: sync
	$(RUN) python bench/run.py
	$(RUN) python -m bench.documents.run

## Reading documents (issue 13): a held-out corpus of helsenorge overviews and receipts, read by
## `refusjon extract` and scored against the issue's targets. See bench/README.md.
bench-documents: sync
	$(RUN) python -m bench.documents.run

## The site under load: 100,000 claims on PostgreSQL (BENCH_POSTGRES, default this machine's),
## the production server, and a hundred people for a minute (locust). See bench/README.md.
bench-web: sync
	$(RUN) python bench/web.py

## Deciding decided claims again after a scheme changed: the demo's volume data, decided again
## from the database, beside the rules engine alone. See bench/README.md.
bench-reassess: sync
	$(RUN) python bench/reassess.py --write

clean:
	rm -rf .venv $(OUT) .pytest_cache .mypy_cache .ruff_cache
