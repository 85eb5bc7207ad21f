"""The translations: every catalog complete and sound, and the template the same as the code.

The catalogs are meeting/locale/<lang>/LC_MESSAGES/meeting.po, made from the template
meeting/locale/meeting.pot (`make pot`, `make po`). A string added to the code and not yet
translated fails here, with its text, until a translator has done it.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import read_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from meeting.i18n import ENGLISH, LANGUAGES, LOCALE_DIR
from tests.conftest import REPO

TRANSLATED = [code for code in LANGUAGES if code != ENGLISH]
TEMPLATE = LOCALE_DIR / "meeting.pot"

# Texts that are the same in every language: names of formats and units. A text made only of
# placeholders and punctuation ("{name}: {words}") needs no entry here.
SAME_IN_EVERY_LANGUAGE = frozenset({"TOML", "JSON", "CSV", "HTML", "Markdown", "Word", "SHA-256"})
# Words a language writes as English does, each checked by its translator.
SAME_AS_ENGLISH = {
    "fr": frozenset(
        {"Motion", "motion", "Abst.", "Abstentions", "abstentions", "{n} abstention", "Date", "Page"}
        | {"Organisation", "Quorum", "absent", "consensus"}
    ),
    "es": frozenset({"No", "no", "Base", "Abst."}),
    "pt": frozenset({"Abst."}),
}

# Strings added since the translators' catalogs were written, sent to them (todo-<lang>.pot) and
# not back yet: untranslated or fuzzy is excused for these alone, nothing else is. A string
# translated in every catalog must leave this list (a test below fails otherwise).
PENDING_TRANSLATION = frozenset(
    {
        "The meeting in members' local time (⚠ outside {earliest}–{latest}):",
        "language of messages and output: {codes} (default: the meeting's language)",
        "no translation into '{code}': use one of {codes}",
        "this file changed since the meeting began: the meeting goes on under the council and agenda its journal "
        "recorded then",
        "'earliest' must be before 'latest'",
        "(translation: {text})",
        "Local time",
        "Search for commands…",
        "No matches found",
        "palette",
        "Open the command palette",
        "Theme",
        "Change the current theme",
        "Quit the application as soon as possible",
        "Hide the keys and widget help panel",
        "Show help for the focused widget and a summary of available keys",
        "Minimize",
        "Minimize the widget and restore to normal size",
        "Maximize",
        "Maximize the focused widget",
        "Screenshot",
        "Save an SVG 'screenshot' of the current screen",
        # From main's weighted votes (rules part 2) and the engine:
        "A roll call on {label} was opened; {count} member entitled to vote.",
        "A secret ballot on {label} was opened; {count} member entitled to vote.",
        "item '{item}' is already {item_status}",
        "required",
        "votes abstaining",
        "votes against",
        "votes in favour",
        # Elections (issue #15): the commands' refusals, the console's election screen and tellers' form,
        # the members' view and the minutes' tellers' reports and count sheets. Sent for translation:
        "tied with equal votes ({among}): decided by the votes at round or stage {round}",
        "tied with equal votes ({among}): decided by lots, drawn in the order {order}",
        "{name}: {votes} of {of} votes cast, {necessary} necessary — {outcome}",
        "{name}: {votes} votes, {reason} — {outcome}",
        "The composition rule ({condition}) asks for more than the candidates standing can give: it was held to as many as stand.",
        "The composition rule acted: {name} was not elected, as electing them would have left too few seats for the {condition} the rule requires.",
        "The composition rule acted: {name} was kept in the count, as excluding them would have left too few {condition} for the rule.",
        "First preferences",
        "Surplus of {name} ({surplus}), not transferred: the last seats are filled",
        "Transfer of the surplus of {name} ({surplus})",
        "Exclusion of {name}",
        "Round {number}: {papers} ballot paper entered.",
        "Round {number}: the ballot is open; the tellers have not reported.",
        "Round {number}: the tellers have reported; the result is not declared yet.",
        "Round {number}: {names} elected.",
        "Round {number}: nobody elected; {names} leaves the ballot.",
        "Round {number}: nobody elected.",
        "blank {blank}, invalid {invalid}",
        "{cast} votes cast, {necessary} necessary",
        ", quota {quota}",
        "{valid} valid papers",
        "expected an election's id",
        "expected a candidate and their votes, such as 'zm-1 9'",
        "no election '{text}' on the agenda",
        "election '{election}' is held under item '{item}': open that item first",
        "no election is left to hold under the item open now",
        "election '{election}' is over: every seat is filled or nobody is left to elect",
        "the ballot of election '{election}' is open: declare its result first",
        "nominations for '{election}' are closed",
        "election '{election}' takes its candidates from a list closed before the meeting: nobody is nominated from the floor",
        "'{id}' already stands in '{election}'",
        "'{id}' does not stand in '{election}'",
        "'{id}' nominated this candidate, and cannot also second the nomination",
        "'{id}' was not nominated from the floor: there is no nomination to second",
        "the nomination of '{id}' is already seconded, by '{by}'",
        "'{id}' has already answered the nomination",
        "nobody stands in '{election}': nominate a candidate first",
        "nominations for '{election}' are still open: close them first ('close-nominations')",
        "a candidate withdraws before a ballot, not while round {round} is being voted on",
        "round {round} of '{election}' is open: declare its result first",
        "no ballot is open: open one with 'round'",
        "round {round} is counted from the tellers' totals: enter them with 'tellers'",
        "the tellers have not reported on round {round}: enter their report with 'tellers'",
        "no ballot papers are entered for round {round}: enter them with 'paper' or 'papers'",
        "a number of identical ballot papers is 1 or more",
        "the ballot file '{path}' was not read",
        "the ballot file is for {seats} seats, but this round fills {needed}",
        "the ballot file names '{name}', who is not one candidate on this ballot",
        "{path}:{line}:{col}: {problem}",
        "round {round} is counted from ranked ballot papers: enter them with 'paper' or 'papers'; 'tellers' gives only the blank and invalid ones",
        "{office}, ballot {number}",
        "necessary for election",
        "candidate",
        "{name}: a candidate named in the agenda",
        "{name}: nominated by {by}, seconded by {seconder}",
        "{name}: nominated by {by}",
        "withdrew at {time}",
        "{valid} valid ballot papers; quota {quota} (the valid papers divided by {seats} plus one, decimals ignored, plus one).",
        "{valid} valid ballot papers.",
        "at least {n} {group} elected",
        "Composition rule: {wanted}. Candidates are elected in the count's order, skipping any whose election would make the rule unreachable; a candidate whose exclusion would make it unreachable is kept.",
        "{names} elected {office}, after {rounds} round.",
        "Nominations for {office} were not closed.",
        "Nobody was elected {office}.",
        "Tellers' report",
        "Votes",
        "Election: {office}",
        "{n} seat",
        "Candidates on the first ballot: {names}.",
        "Nominations: {list}.",
        "Ballot {number}: {kind}",
        "Ballots that could be cast (members present and proxies held)",
        "Ranked ballot papers",
        "Valid ballot papers",
        "Quota",
        "Number of votes cast",
        "Necessary for election",
        "{name} received",
        "Blank ballots (not votes cast)",
        "Invalid ballots",
        "Count sheet of ballot {number}: each candidate's votes after each stage",
        "Stage {number}",
        "Candidate",
        "Non-transferable",
        "The papers were read from {path} (SHA-256 {sha256}).",
        "Elected: {names}.",
        "{by} nominated {candidate} for {office}, seconded by {seconder}.",
        "{by} nominated {candidate} for {office}.",
        "{member} seconded the nomination of {candidate}.",
        "{candidate} accepted the nomination.",
        "{candidate} declined the nomination.",
        "{candidate} withdrew as a candidate for {office}.",
        "Nominations for {office} closed; the candidates: {names}.",
        "Ballot {round} for {office} ({kind}): {possible} ballots could be cast.",
        "The chair declared {names} elected {office} (ballot {round}).",
        "The chair declared that ballot {round} for {office} elected nobody.",
        "Election",
        "Nominate",
        "Second",
        "Accept",
        "Decline",
        "Withdraw",
        "Close nominations",
        "Ballot",
        "Tellers",
        "Paper",
        "Ballot file",
        "Elections",
        "n nominate · s second · a accept · d decline · w withdraw · c close nominations · r ballot · t tellers' report · p paper · f ballot file · Enter result · Esc back",
        "No election is held under the item open now.",
        "seats",
        "Nominations open:",
        "by {name}",
        "seconded by {name}",
        "withdrew",
        "Candidates: {names}",
        "Elected: {names}",
        "Nominated by",
        "Candidates in order of preference",
        "Identical papers",
        "Ballot file (BLT)",
        "Ballot papers with a vote",
        "Invalid",
        "No ballot is open",
        "Tellers' report: {office}, ballot {number} ({kind})",
        "{papers} ballot papers of {possible} that could be cast",
        "Ballot {number} open: {office}",
        "nominate a candidate",
        "second a nomination",
        "ballot for an absolute majority",
        "run-off ballot",
        "ballot by plurality",
        "instant-runoff count of ranked ballots",
        "single transferable vote count (Scottish STV)",
        "an absolute majority of the votes cast, in successive ballots",
        "the most votes, in one ballot",
        "instant-runoff voting on ranked ballots",
        "the single transferable vote, counted as in Scottish local elections",
        "a majority",
        "the most votes",
        "reached the quota",
        "as many candidates left as seats",
        "the fewest votes",
        "below the share of the votes cast needed to stay on the ballot",
        "not among those who go to the run-off",
        "the composition rule",
        "women",
        "men",
        "people of another gender",
        "elected",
        "excluded",
        "accepted",
        "declined",
        "candidate nominated",
        "nomination seconded",
        "nomination answered",
        "candidacy withdrawn",
        "nominations closed",
        "ballot opened",
        "tellers' report",
        "ballot papers entered",
        "election result declared",
    }
)

# {name}, {0}, {value!r}, {share:>3}; %s, %d, %(name)s. Literal braces ({{, }}) are not fields.
_FIELD = re.compile(r"(?<!\{)\{(?!\{)([^{}]*)\}|%(?:\([A-Za-z_]+\))?[sdr]")


def catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=locale)


def messages(found: Catalog) -> list[Message]:
    return [m for m in found if m.id]


def msgid(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def fields(text: str) -> set[str]:
    return {match.group(0) for match in _FIELD.finditer(text)}


def forms(message: Message) -> tuple[str, ...]:
    return (message.string,) if isinstance(message.string, str) else tuple(message.string)


def problems(found: Catalog) -> list[str]:
    """Everything wrong with the translations of a catalog, one line each."""
    same = SAME_IN_EVERY_LANGUAGE | SAME_AS_ENGLISH.get(str(found.locale), frozenset())
    wrong: list[str] = []
    for message in messages(found):
        source = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set().union(*(fields(text) for text in source))
        said = forms(message)
        pending = msgid(message) in PENDING_TRANSLATION
        if message.fuzzy and not pending:
            wrong.append(f"fuzzy: {msgid(message)!r}")
        if not all(said) or (message.fuzzy and pending):
            if not pending:
                wrong.append(f"untranslated: {msgid(message)!r}")
            continue
        for text in said:
            if fields(text) != wanted:
                wrong.append(f"placeholders {sorted(fields(text))} for {sorted(wanted)}: {msgid(message)!r}")
        letters = re.sub(_FIELD, "", source[0])
        if said[0] == source[0] and source[0] not in same and re.search(r"[^\W\d_]", letters):
            wrong.append(f"the same as the English: {msgid(message)!r}")
    return wrong


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_string_is_translated_soundly(code: str) -> None:
    found = catalog(LOCALE_DIR / code / "LC_MESSAGES" / "meeting.po", code)
    wrong = problems(found)
    assert not wrong, f"{len(wrong)} problems in {code}:\n" + "\n".join(wrong[:40])


@pytest.mark.parametrize("code", TRANSLATED)
def test_plural_forms_are_cldrs(code: str) -> None:
    found = catalog(LOCALE_DIR / code / "LC_MESSAGES" / "meeting.po", code)
    cldr = get_plural(code)
    header = found.mime_headers
    forms_header = dict(header).get("Plural-Forms", "")
    assert forms_header.replace(" ", "") == f"nplurals={cldr.num_plurals};plural={cldr.plural_expr};".replace(" ", "")
    for message in messages(found):
        if isinstance(message.id, tuple):
            assert len(forms(message)) == cldr.num_plurals, msgid(message)


def test_a_string_pending_translation_is_still_awaited() -> None:
    """The excuse above lasts only while a translation is missing somewhere."""
    done = set(PENDING_TRANSLATION)
    for code in TRANSLATED:
        for message in messages(catalog(LOCALE_DIR / code / "LC_MESSAGES" / "meeting.po", code)):
            if msgid(message) in done and (message.fuzzy or not all(forms(message))):
                done.discard(msgid(message))
    assert not done, "translated everywhere: take these out of PENDING_TRANSLATION"


def test_the_checks_find_what_they_are_for() -> None:
    """The catalog checks above, on a catalog with one fault of each kind."""
    bad = Catalog(locale="fr")
    bad.add("{count} seats", "{count} sièges")  # sound
    bad.add("Quorum: {present} present", "")  # empty
    bad.add("Vote", "Vote", flags=["fuzzy"])  # fuzzy, and the same as the English
    bad.add("{name} moved", "{nom} a proposé")  # a placeholder renamed
    bad.add("recess of {n} minutes", "suspension de {n} minutes ({n})")  # sound: repeated field
    bad.add("{name}: {words}", "{name}: {words}")  # only placeholders and punctuation
    bad.add("TOML", "TOML")  # a format's name
    bad.add("abstain", "abstain")  # the same as the English
    bad.add("{n} vote", "{n} voix {extra}")  # a placeholder added
    found = problems(bad)
    assert found == [
        "untranslated: 'Quorum: {present} present'",
        "fuzzy: 'Vote'",
        "the same as the English: 'Vote'",
        "placeholders ['{nom}'] for ['{name}']: '{name} moved'",
        "the same as the English: 'abstain'",
        "placeholders ['{extra}', '{n}'] for ['{n}']: '{n} vote'",
    ]


def test_the_template_is_the_code_and_every_catalog_has_it(tmp_path: Path) -> None:
    """`make pot` on the code as it is gives the committed template's strings, and each catalog
    holds exactly those: a string added, changed or removed in the code shows up here."""
    fresh = tmp_path / "meeting.pot"
    subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "pot", f"POT={fresh}", f"BIN={Path(sys.executable).parent}"],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    in_code = {msgid(m) for m in messages(catalog(fresh))}
    assert len(in_code) > 1000
    template = {msgid(m) for m in messages(catalog(TEMPLATE))}
    assert sorted(in_code - template) == [], "run `make po`: strings in the code missing from the template"
    assert sorted(template - in_code) == [], "run `make po`: strings in the template no longer in the code"
    for code in TRANSLATED:
        held = {msgid(m) for m in messages(catalog(LOCALE_DIR / code / "LC_MESSAGES" / "meeting.po"))}
        assert sorted(in_code - held) == [], f"run `make po`: strings missing from the {code} catalog"
        assert sorted(held - in_code) == [], f"run `make po`: strings in the {code} catalog no longer in the code"


def test_a_built_wheel_carries_the_compiled_catalogs(tmp_path: Path) -> None:
    """The .mo files are not committed: the build compiles them (setup.py). A clean copy of the
    project's files (as a clone has them) built into a wheel has a .mo per language, and each
    holds the translations of its .po."""
    source = tmp_path / "clone"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        check=True,
        capture_output=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (REPO / name).is_file() and not name.startswith(("minutes/", "tests/", "bench/", "agendas/", "docs/")):
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_bytes((REPO / name).read_bytes())
    assert not list(source.glob("meeting/locale/*/LC_MESSAGES/*.mo"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(tmp_path / "dist")],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("meeting-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        for code in TRANSLATED:
            compiled = read_mo(archive.open(f"meeting/locale/{code}/LC_MESSAGES/meeting.mo"))
            po = catalog(LOCALE_DIR / code / "LC_MESSAGES" / "meeting.po", code)
            held = {msgid(m): forms(m) for m in messages(compiled)}
            translated = [m for m in messages(po) if all(forms(m)) and not m.fuzzy]
            assert translated, f"nothing translated into {code}"
            assert all(held.get(msgid(m)) == forms(m) for m in translated)
