# The two commands of the README: `make run` and `make test`. Each creates .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
APP_STAMP  := $(VENV)/.app-installed
TEST_STAMP := $(VENV)/.test-installed
OFFSCREEN  := QT_QPA_PLATFORM=offscreen

.PHONY: run test lint bench bundle dist install-desktop clean screenshots translations audio-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(APP_STAMP) $@

run: $(APP_STAMP)
	$(BIN)/massage-trainer

test: $(TEST_STAMP)
	$(OFFSCREEN) $(BIN)/python -m pytest -q

# Cues through a real PulseAudio (its own server and null sink, the monitor recorded), the real
# window driven by key presses on Xvfb: the short part (also in `make test`), a hanging speech
# engine, then ten sessions of two minutes or more. Prints its figures; says so and passes when
# PulseAudio, Xvfb or xdotool is not installed.
audio-check: $(TEST_STAMP)
	$(BIN)/python -m tests.audio.check --full

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis

# English is the source language; Russian lives in massage_trainer/i18n (the .qm is committed so
# the wheel and the bundle carry it). lupdate keeps every translation already written.
TS := massage_trainer/i18n/massage_trainer_ru.ts
QM := massage_trainer/i18n/massage_trainer_ru.qm

translations: $(APP_STAMP)
	$(BIN)/pyside6-lupdate -locations relative -no-obsolete -source-language en -target-language ru_RU $$(find massage_trainer/ui -name "*.py" | sort) -ts $(TS)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

APP_ID := io.github.massage_trainer.MassageTrainer
XDG_DATA ?= $(or $(XDG_DATA_HOME),$(HOME)/.local/share)

bundle: $(TEST_STAMP)
	$(BIN)/python -m pip install --quiet "pyinstaller>=6.10"
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/massage-trainer.spec
	packaging/smoke_bundle.sh

# The bundle as one file to hand out: dist/massage-trainer-VERSION-SYSTEM-MACHINE.tar.xz beside
# the folder (unpack anywhere and run massage-trainer/massage-trainer).
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' massage_trainer/__init__.py)
ARCHIVE := dist/massage-trainer-$(VERSION)-$(shell uname -s | tr A-Z a-z)-$(shell uname -m).tar.xz

dist: bundle
	tar -C dist -cf - massage-trainer | xz -6 -T1 > $(ARCHIVE).part
	mv $(ARCHIVE).part $(ARCHIVE)
	@echo "$(ARCHIVE): $$(du -m $(ARCHIVE) | cut -f1) MB (the folder: $$(du -sm dist/massage-trainer | cut -f1) MB)"

install-desktop: $(APP_STAMP)
	install -Dm644 packaging/$(APP_ID).desktop $(XDG_DATA)/applications/$(APP_ID).desktop
	sed -i 's|^Exec=massage-trainer-gui|Exec=$(abspath $(BIN))/massage-trainer-gui|; s|^TryExec=massage-trainer-gui|TryExec=$(abspath $(BIN))/massage-trainer-gui|' $(XDG_DATA)/applications/$(APP_ID).desktop
	install -Dm644 packaging/$(APP_ID).metainfo.xml $(XDG_DATA)/metainfo/$(APP_ID).metainfo.xml
	install -Dm644 packaging/icons/massage-trainer.svg $(XDG_DATA)/icons/hicolor/scalable/apps/$(APP_ID).svg
	for s in 16 32 48 64 128 256 512; do \
	  install -Dm644 packaging/icons/massage-trainer-$$s.png $(XDG_DATA)/icons/hicolor/$${s}x$${s}/apps/$(APP_ID).png; \
	done
	-update-desktop-database $(XDG_DATA)/applications 2>/dev/null
	@echo "Installed the launcher for $(APP_ID) under $(XDG_DATA)"

bench: $(TEST_STAMP)
	-$(OFFSCREEN) $(BIN)/python -m pytest -q -m soak tests
	cd bench && $(OFFSCREEN) ../$(BIN)/python run_all.py
