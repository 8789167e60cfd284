# One command to see the demo, one to run every test. Both set up what they need.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: demo test test-apps test-site test-subsets host-site install chromium lint messages

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	# Without DEBUG, so a visitor sees the site's 404 and 500 pages; --insecure serves static files.
	DJANGO_DEBUG=0 $(PY) manage.py runserver --insecure 127.0.0.1:8000

# Debian's Chromium for the browser tests; Playwright never downloads a browser here.
chromium:
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

test: install chromium test-apps test-site

# Extra pytest arguments for both suites, e.g. PYTEST_ARGS='-m "not browser"'.
PYTEST_ARGS ?=

# The package in a bare host site (tests/testapp), then the demo site and the browser tests.
test-apps:
	$(PY) -m pytest tests/apps --ds=tests.testapp.settings -n auto $(PYTEST_ARGS)

# Each supported smaller set of the package's apps, installed alone: system checks and tests.
test-subsets: install
	for apps in events groups; do \
	  STRUKTURWANDEL_TEST_APPS=$$apps $(PY) manage.py check --settings=tests.testapp.settings --fail-level WARNING && \
	  STRUKTURWANDEL_TEST_APPS=$$apps $(PY) -m pytest tests/apps --ds=tests.testapp.settings -n auto -q || exit 1; \
	done

test-site:
	$(PY) -m pytest tests/site --ds=settings.test -n auto $(PYTEST_ARGS)

# The wheel in a fresh `wagtail start` site that follows the README's install section, in an
# environment of its own (PYTHON picks its Python, hence its Django).
host-site:
	PYTHON=$(PYTHON) tests/host_site/run.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=settings.dev $(PY) manage.py makemigrations --check --dry-run

# Extract and compile the German catalogues of every app.
messages: install
	for dir in strukturwandel/*/; do \
	  [ -d $$dir/locale ] || continue; \
	  (cd $$dir && $(CURDIR)/$(PY) $(CURDIR)/manage.py makemessages -l de --no-obsolete --no-location -e html,py,txt); \
	done
	# The demo site (home/, templates/, settings/) shares home/locale.
	$(PY) manage.py makemessages -l de --no-obsolete --no-location -e html,py,txt \
	  -i "strukturwandel/*" -i ".venv*" -i "tests/*" -i "test-artifacts/*" -i "static_collected/*"
	$(PY) manage.py compilemessages --ignore=.venv*
