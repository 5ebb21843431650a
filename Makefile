# Two commands do all the set-up on a fresh machine:
#   make run    install (once) and start the bot, or a terminal chat when no TELEGRAM_BOT_TOKEN is set
#   make test   install (once) and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test lint eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	# CPU-only torch first: the index URL is only consulted if no local/registry CPU build exists.
	$(BIN)/pip install "torch==2.13.0" || \
		$(BIN)/pip install "torch==2.13.0" --index-url https://download.pytorch.org/whl/cpu
	$(BIN)/pip install -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/bpjstk-bot run

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check bot index tests
	$(BIN)/ruff format --check bot index tests
	$(BIN)/mypy bot index

eval: $(STAMP)
	$(BIN)/bpjstk-bot eval

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var
