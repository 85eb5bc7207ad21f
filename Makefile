# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
# Both create .venv when it is missing and install the project into it; the install is
# redone only when pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEMO_AGENDA := agendas/ic-asm/2026-12-council-meeting.toml

.PHONY: install demo test minutes clean catalogs pot po

install: $(INSTALLED)

$(INSTALLED): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

# The translations: the .po catalogs are committed, their .mo files compiled from them (by the
# package build too, setup.py) and rebuilt here whenever a .po changes.
LOCALE := meeting/locale
LANGUAGES := fr es sw pt
POT := $(LOCALE)/meeting.pot
CATALOGS := $(foreach lang,$(LANGUAGES),$(LOCALE)/$(lang)/LC_MESSAGES/meeting.mo)

catalogs: $(CATALOGS)

$(LOCALE)/%/LC_MESSAGES/meeting.mo: $(LOCALE)/%/LC_MESSAGES/meeting.po | $(INSTALLED)
	$(BIN)/pybabel compile --domain meeting --locale $* --input-file $< --output-file $@

# Every string marked in the code (`_`, `N_`, `ngettext`, `P_`, `pgettext`), the summaries of the command
# language's verbs (`_verb`'s third argument), with the comments for translators.
pot: $(INSTALLED)
	$(BIN)/pybabel extract --mapping-file pyproject.toml --keywords _ --keywords N_ --keywords ngettext:1,2 --keywords P_:1c,2 --keywords pgettext:1c,2 --keywords _verb:3 \
		--add-comments TRANSLATORS: --sort-by-file --width 100 --project meeting --copyright-holder IC-ASM \
		--msgid-bugs-address "" --output-file $(POT).new meeting
	# A new template only when its strings changed, not its date: nothing to merge otherwise.
	if [ -f $(POT) ] && diff -q -I '^"POT-Creation-Date:' $(POT) $(POT).new > /dev/null; then \
		rm $(POT).new; else mv $(POT).new $(POT); fi

# The catalogs brought up to the template: new strings empty (or a fuzzy guess), removed ones
# dropped. tests/unit/test_catalogs.py fails until each is translated and reviewed.
po: pot
	for lang in $(LANGUAGES); do \
		$(BIN)/pybabel update --domain meeting --locale $$lang --input-file $(POT) --width 100 --ignore-obsolete \
			--output-file $(LOCALE)/$$lang/LC_MESSAGES/meeting.po || exit 1; \
	done

# The console on the demo meeting; its journal stays under .demo/ (git-ignored), so running
# it again offers to resume where it stopped.
demo: $(INSTALLED) catalogs
	$(BIN)/meeting check $(DEMO_AGENDA) > /dev/null
	$(BIN)/meeting run $(DEMO_AGENDA) --journal .demo/journal.jsonl

# Lint, format and types first: they take seconds and say exactly what is wrong.
test: $(INSTALLED) catalogs
	$(BIN)/ruff check meeting tests bench
	$(BIN)/ruff format --check meeting tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

# The demo meetings' minutes, committed under minutes/: the December 2026 meeting replayed and
# its draft minutes written; then the March 2027 meeting, which approves them (its agenda reads
# the draft from minutes/2026-12-council-meeting/), replayed and its minutes written; then the
# December minutes written again, approved. tests/unit/test_minutes_files.py checks that the
# committed files equal a fresh regeneration.
DEMO_MINUTES := minutes/2026-12-council-meeting
DEMO_SCRIPT := agendas/ic-asm/2026-12-council-meeting.script
NEXT_AGENDA := agendas/ic-asm/2027-03-council-meeting.toml
NEXT_SCRIPT := agendas/ic-asm/2027-03-council-meeting.script
NEXT_MINUTES := minutes/2027-03-council-meeting
# The example councils of other federations' rules (docs/files.md, "Federations' decision
# rules"): each script replayed into minutes/<meeting-id>/ with its minutes, committed likewise.
# The general assembly's election of the council by STV (bench/generate_assembly.py writes its script).
GA_AGENDA := agendas/ic-asm-ga/2027-06-general-assembly.toml
GA_ELECTION_SCRIPT := agendas/ic-asm-ga/2027-06-general-assembly-election.script
GA_ELECTION_MINUTES := minutes/2027-06-general-assembly-election
EXAMPLE_SCRIPTS := $(sort $(wildcard agendas/examples/*/*.script))

minutes: $(INSTALLED) catalogs
	mkdir -p $(DEMO_MINUTES) $(NEXT_MINUTES)
	for folder in $(DEMO_MINUTES) $(NEXT_MINUTES); do \
		rm -f $$folder/journal.jsonl $$folder/minutes.* $$folder/minutes-closed.* $$folder/votes*.csv $$folder/manifest.toml; \
	done
	$(BIN)/meeting replay $(DEMO_AGENDA) $(DEMO_SCRIPT) --journal $(DEMO_MINUTES)/journal.jsonl > /dev/null
	$(BIN)/meeting minutes $(DEMO_MINUTES)/journal.jsonl > /dev/null
	$(BIN)/meeting replay $(NEXT_AGENDA) $(NEXT_SCRIPT) --journal $(NEXT_MINUTES)/journal.jsonl > /dev/null
	$(BIN)/meeting minutes $(NEXT_MINUTES)/journal.jsonl
	$(BIN)/meeting minutes $(DEMO_MINUTES)/journal.jsonl --approved-by $(NEXT_MINUTES)/journal.jsonl
	mkdir -p $(GA_ELECTION_MINUTES)
	rm -f $(GA_ELECTION_MINUTES)/journal.jsonl $(GA_ELECTION_MINUTES)/minutes.* $(GA_ELECTION_MINUTES)/votes.csv $(GA_ELECTION_MINUTES)/manifest.toml
	$(BIN)/meeting replay $(GA_AGENDA) $(GA_ELECTION_SCRIPT) --journal $(GA_ELECTION_MINUTES)/journal.jsonl > /dev/null
	$(BIN)/meeting minutes $(GA_ELECTION_MINUTES)/journal.jsonl
	for script in $(EXAMPLE_SCRIPTS); do \
		out=minutes/$$(basename $$script .script); \
		mkdir -p $$out; \
		rm -f $$out/journal.jsonl $$out/minutes.* $$out/minutes-closed.* $$out/votes*.csv $$out/manifest.toml; \
		$(BIN)/meeting replay $${script%.script}.toml $$script --journal $$out/journal.jsonl > /dev/null || exit 1; \
		$(BIN)/meeting minutes $$out/journal.jsonl || exit 1; \
	done

clean:
	rm -rf $(VENV) .demo .pytest_cache .hypothesis
