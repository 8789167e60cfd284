#!/usr/bin/env bash
# CI's host-site leg: the package built as a wheel and installed (not editable) into a fresh
# `wagtail start` site, which then follows the README's "Installing into an existing Wagtail
# site" as written (readme_install.py reads the marked snippets), migrates, passes `check`
# and `makemigrations --check`, gets content through the admin forms and serves every package
# page inside its own layout (exercise.py). Any failure exits non-zero.
#   PYTHON=python3.12 tests/host_site/run.sh   # the Python of the host site (default python3)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$REPO/tests/host_site"
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_QUIET=1 PYTHONDONTWRITEBYTECODE=1
unset PYTHONPATH DJANGO_SETTINGS_MODULE

step() { printf -- '--- %s\n' "$*"; }
readme() { python "$HERE/readme_install.py" "$REPO/README.md" "$@"; }

step "The checkout as a clean clone has it (tracked and new files, no build output)"
mkdir "$WORK/src"
(
  cd "$REPO"
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done |
    tar --null -T - -cf -
) | tar -xf - -C "$WORK/src"

step "A fresh environment for the host site ($("$PYTHON" --version))"
"$PYTHON" -m venv "$WORK/venv"
export VIRTUAL_ENV="$WORK/venv" PATH="$WORK/venv/bin:$PATH"

step "README: build the wheel and install it"
readme shell wheel > "$WORK/wheel.sh"
(cd "$WORK/src" && bash -euo pipefail "$WORK/wheel.sh")
python -c "import django, wagtail; print('Django', django.get_version(), '/ Wagtail', wagtail.__version__)"

step "wagtail start hostsite"
mkdir "$WORK/site"
wagtail start hostsite "$WORK/site" >/dev/null
cd "$WORK/site"

step "README: settings, URLs, layout"
readme apply .

step "README: migrate"
readme shell migrate > "$WORK/migrate.sh"
bash -euo pipefail "$WORK/migrate.sh" >/dev/null

step "check and makemigrations --check"
python manage.py check --fail-level WARNING
python manage.py makemigrations --check --dry-run
# Until an editor sets the site's address, the database check names it.
python manage.py check --database default 2>&1 | grep -q "strukturwandel.W004" ||
  { echo "check --database default did not report the site at localhost"; exit 1; }

step "Content through the admin forms; pages and feeds"
PYTHONPATH=. python "$HERE/exercise.py"
python manage.py check --database default --fail-level WARNING

step "Host site passed"
