# The README's two commands: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo site test install build check lint clean messages

# npm tools of the independent site checks (scripts/webcheck: Nu HTML checker, Lighthouse).
WEBCHECK := scripts/webcheck/node_modules/.installed
$(WEBCHECK): scripts/webcheck/package-lock.json
	npm ci --prefix scripts/webcheck --no-audit --no-fund
	touch $(WEBCHECK)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# The CMS admin's Hindi and Urdu strings: compile the .po catalogs Django reads (the .mo files are not committed).
messages: $(STAMP)
	$(BIN)/pybabel compile -d cms/chinar_cms/buildhook/locale -D django >/dev/null

check: $(STAMP)
	$(BIN)/chinar check --content content

build: $(STAMP)
	$(BIN)/chinar build --content content --output output

# The whole pipeline: CMS (demo catalog) -> pull -> build -> serve. See scripts/demo.sh.
demo: $(STAMP) messages
	scripts/demo.sh

# The static half only: build the committed snapshot in content/ and serve it.
site: $(STAMP)
	$(BIN)/chinar build --content content --output output
	$(BIN)/chinar serve --output output

# The whole suite on SQLite; then, when CI provides a PostgreSQL server, the CMS suite again on it (its
# browser tests, which check what the admin shows rather than the database, run once, on SQLite).
test: $(STAMP) $(WEBCHECK) messages
	$(BIN)/ruff check .
	$(BIN)/python -m pytest
	if [ -n "$${CHINAR_TEST_POSTGRES_URL:-}" ]; then \
	  DATABASE_URL="$$CHINAR_TEST_POSTGRES_URL" $(BIN)/python -m pytest tests/cms -m "not browser"; fi

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf output .output.* .cache
