# The two commands of the README, and the steps they are made of.
#   make run   — install the runtime, create/seed the embedded SQLite store, start the dashboard
#   make test  — install what the tests need (Debian packages when missing, then pip), lint, type-check, test
PY ?= python3
PORT ?= 8501

.PHONY: run test install install-dev system-deps oidc-deps lint typecheck pytest init bench

run: install init
	$(PY) -m streamlit run dashboard/serve.py --server.port $(PORT) --browser.gatherUsageStats false

test: system-deps install-dev oidc-deps lint typecheck pytest

install:
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt

install-dev:
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

# Chromium (chart export, browser tests), a Japanese font, LibreOffice (deck PDF, .ods/.xls round trips),
# poppler (PDF → PNG). Installed only when missing; needs root or sudo.
system-deps:
	bash .ci/system-deps

# The OpenID Connect provider the st.login browser test starts (npm oidc-provider, locked in tests/oidc).
oidc-deps:
	cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error

init:
	$(PY) -m model init

lint:
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck:
	$(PY) -m mypy

pytest:
	$(PY) -m pytest

bench:
	for f in bench/bench_*.py; do $(PY) $$f || exit 1; done
