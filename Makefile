# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench bench-readme corpus fuzz clean bytecode

# The venv's own pip when it can install an editable pyproject project (21.3+;
# 3.11 brings 23.2): upgrading it anyway cost a download in every CI run.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -c 'import pip, sys; sys.exit(tuple(map(int, pip.__version__.split(".")[:2])) < (21, 3))' \
		|| $(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when pyproject.toml changes; the stamp records what was installed.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

# An editable install where bytecode cannot be written (PYTHONDONTWRITEBYTECODE)
# compiles reader's sources at every start (~0.1 s of CPU); compileall writes
# the .pyc files regardless, and only for sources that changed.
bytecode: $(VENV)/.installed
	$(BIN)/python -m compileall -q reader

run: bytecode
	$(BIN)/reader seeds/

lint: $(VENV)/.installed-test
	$(BIN)/ruff check reader tests bench
	$(BIN)/ruff format --check reader tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

# The linters first (seconds), then every test on every core (pytest-xdist: one
# worker per core, the tests marked slow handed out first, an idle worker taking
# tests queued for the other), the ten slowest named at the end (the whole of
# `make test` must stay under 5 minutes on 2 cores). TEST_WORKERS=0: one process.
TEST_WORKERS ?= auto
test: lint
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal --durations=10

# The fuzz walk of `make test`, longer and with a random seed (printed; a failure names it).
FUZZ_SECONDS ?= 600
fuzz: $(VENV)/.installed-test
	READER_FUZZ_SEED=$${READER_FUZZ_SEED:-random} READER_FUZZ_SECONDS=$(FUZZ_SECONDS) READER_FUZZ_STEPS=40 \
		$(BIN)/python -m pytest -q -s -p no:cacheprovider tests/hostile_app/test_fuzz.py

# Every performance row beside less and a bare Textual app (47 min at load ~10; keeps
# its report in bench/data/last-run.md); bench-readme puts that report in README.md.
bench: $(VENV)/.installed-test bytecode
	$(BIN)/python bench/run.py

bench-readme:
	$(BIN)/python bench/run.py --readme

# Score titles, outlines and facts on the real-document corpus kept beside the
# project (../shared/corpus, maintained outside it); `make corpus SHARED=DIR` to
# point elsewhere. Without it there is nothing to score, and that is no error.
SHARED ?= ../shared
corpus: $(VENV)/.installed
	@if [ -f "$(SHARED)/tools/score_corpus.py" ]; then \
		$(BIN)/python "$(SHARED)/tools/score_corpus.py" --reader "$(CURDIR)/$(BIN)/reader"; \
	else \
		echo "make corpus: no $(SHARED)/tools/score_corpus.py here, nothing to score"; \
	fi

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
