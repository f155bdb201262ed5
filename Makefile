# Two commands do all set-up on a fresh Debian machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Qt offscreen + a real window under Xvfb (xwininfo finds it) + poppler for checking PDFs
# + desktop-file-validate for the .desktop file.
APT_PKGS := libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 \
	fonts-dejavu-core xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 \
	poppler-utils x11-utils desktop-file-utils fonts-noto-core fonts-noto-cjk fonts-symbola

# Only `make test` needs a database server: Debian's PostgreSQL, for the throw-away
# cluster tests/pgcluster.py starts (and always stops) around the test run.
TEST_APT_PKGS := postgresql

.PHONY: run test bundle-test venv sysdeps testdeps lint bench bundle clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

sysdeps:
	@missing=$$(for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian packages: $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
		echo "Missing Debian packages (install them as root): $$missing"; \
	fi

# Installing Debian's postgresql normally creates and starts a system cluster on port
# 5432; the tests need none, so that is switched off first (keeping any existing setting).
testdeps:
	@missing=$$(for p in $(TEST_APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian packages: $$missing"; \
		if [ ! -e /etc/postgresql-common/createcluster.conf ]; then \
			mkdir -p /etc/postgresql-common && \
			echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf; \
		fi; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends -o Dpkg::Options::=--force-confold $$missing; \
	else \
		echo "Missing Debian packages (install them as root): $$missing"; \
	fi

run: sysdeps venv
	$(VENV)/bin/chronologue

lint: venv
	$(VENV)/bin/ruff check .

# The store, services and CLI tests run on SQLite and on PostgreSQL: pgcluster.py starts
# a throw-away server (initdb + pg_ctl as user postgres in a temporary folder, loopback
# port, its own socket folder), runs pytest, and stops it even when tests fail.
# The bundle build (~1-2 minutes) is its own target, `make bundle-test`; CI runs both.
test: sysdeps testdeps venv
	$(VENV)/bin/ruff check .
	$(PY) tests/pgcluster.py run -- $(VENV)/bin/pytest -m "not slow" --durations=15

bundle-test: sysdeps venv
	$(VENV)/bin/pytest -m slow tests/e2e/test_bundle.py

# One-folder PyInstaller bundle in dist/chronologue; checks itself after building.
bundle: sysdeps venv
	$(PY) -m pip install --quiet 'pyinstaller>=6'
	$(VENV)/bin/pyinstaller build.spec --noconfirm --distpath dist --workpath build
	QT_QPA_PLATFORM=offscreen dist/chronologue/chronologue --self-test
	@du -sh dist/chronologue

bench: venv
	$(PY) benchmarks/import_bench.py
	$(PY) benchmarks/extract_bench.py
	$(PY) benchmarks/export_bench.py
	$(PY) benchmarks/hostile_bench.py
	$(PY) benchmarks/timeline_bench.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
