# Two commands for a fresh machine with Python 3.11:  make run  and  make test
PY ?= python3
VENV := .venv
TOOLS := .tools
UV := $(TOOLS)/bin/uv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: install run test lint

$(UV):
	$(PY) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==0.13.9"

# Installs exactly the versions in uv.lock (application and test dependencies).
# Test-only tools from package-lock.json (the HTML validator), when npm is on the machine.
install: $(UV)
	$(UV) sync --frozen --python $(PY)
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: HTML validation tests will be skipped"; fi

# Migrate, load the seed content and serve on SQLite at http://127.0.0.1:8000
run: install
	DEBUG=true $(VENV)/bin/python manage.py migrate --no-input
	DEBUG=true $(VENV)/bin/python manage.py load_seed_content
	DEBUG=true $(VENV)/bin/python manage.py runserver 127.0.0.1:8000

# The whole test suite (browser tests need Chromium at /usr/bin/chromium; see README).
# One pytest-xdist worker per core (on 2 cores: 5m24s in place of 7m05s, README "Tests and CI").
# PYTEST_ARGS passes options through, e.g. make test PYTEST_ARGS='-m "not slow"' or '-n 0'.
test: install
	$(VENV)/bin/pytest -n auto $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	DEBUG=true $(VENV)/bin/python manage.py makemigrations --check --dry-run
