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
SAME_IN_EVERY_LANGUAGE = frozenset(
    {"TOML", "JSON", "CSV", "HTML", "Markdown", "Word", "SHA-256", "{result} ({how})", "{choice} — {why}"}
)
# Words a language writes as English does, each checked by its translator.
SAME_AS_ENGLISH = {
    "fr": frozenset(
        {"Motion", "motion", "Abst.", "Abstentions", "abstentions", "{n} abstention", "Date", "Page"}
        | {"Organisation", "Quorum", "absent", "consensus", "options"}
    ),
    "es": frozenset({"No", "no", "Base", "Abst."}),
    "pt": frozenset({"Abst."}),
    "sw": frozenset({"YYYY-MM-DD"}),  # as its forms' labels write a date
}

# Strings added since the translators' catalogs were written, sent to them (todo-<lang>.pot) and
# not back yet: untranslated or fuzzy is excused for these alone, nothing else is. A string
# translated in every catalog must leave this list (a test below fails otherwise).
PENDING_TRANSLATION: frozenset[str] = frozenset()

# {name}, {0}, {value!r}, {share:>3}; %s, %d, %(name)s. Literal braces ({{, }}) are not fields.
_FIELD = re.compile(r"(?<!\{)\{(?!\{)([^{}]*)\}|%(?:\([A-Za-z_]+\))?[sdr]")


def catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=locale)


def messages(found: Catalog) -> list[Message]:
    return [m for m in found if m.id]


def msgid(message: Message) -> str:
    """The English, and its context in front ("key|Vote") when it has one."""
    english = message.id if isinstance(message.id, str) else message.id[0]
    context = message.context
    if isinstance(context, bytes):  # Babel's read_mo (2.17) leaves a .mo's context undecoded
        context = context.decode()
    return f"{context}|{english}" if context else english


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


def test_every_verbs_summary_is_in_the_template() -> None:
    """The palette, the help and each form's heading show a verb's summary through `_()`:
    `make pot` reads them from the grammar's `_verb(...)` calls (keyword `_verb:3`)."""
    from meeting.domain.language import GRAMMAR

    template = {msgid(m) for m in messages(catalog(TEMPLATE))}
    assert sorted({verb.summary for verb in GRAMMAR} - template) == []


def test_french_punctuation_keeps_its_space_with_it() -> None:
    """French sets a space before ; : ? ! — a no-break one (U+00A0), or a wrapped line could
    begin with the mark. A colon with no space before it (12:04, PATH:LINE:COL) is not one."""
    found = catalog(LOCALE_DIR / "fr" / "LC_MESSAGES" / "meeting.po", locale="fr")
    breaking = [msgid(m) for m in messages(found) for text in forms(m) if re.search(r"[ \t][;:?!]", text)]
    assert breaking == []
    # Nor with no space at all: "excusé; représenté" came from a translation that began "; ".
    # A colon or a question mark that ends a word is punctuation; the diagnostics' own
    # PATH:LINE:COL: is syntax, kept as written.
    unspaced = re.compile(r"(?<![\u00a0\u202f])(;|[:?!](?=\s|$))")
    syntax = re.compile(r"[A-Z]+:[A-Z]+:[A-Z]+: (error|warning): |\{col\}: ")
    bare = [msgid(m) for m in messages(found) for text in forms(m) if unspaced.search(syntax.sub("", text))]
    assert bare == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_motion_named_by_its_kind_says_the_kind_once(code: str) -> None:
    """ "The point of order", "the {kind}" around each kind's name: a language whose names already
    say "a motion of" must not say it twice (Swahili's "hoja ya {kind}" gave "hoja ya hoja ya
    utaratibu")."""
    from meeting.i18n import _, language
    from meeting.vocabulary import MOTION_NAMES

    twice = re.compile(r"\b(\w+ \w+) \1\b", re.IGNORECASE)
    with language(code):
        said = [_("the {kind}").format(kind=_(kind)) for kind in MOTION_NAMES.values()]
        amendments = [
            _("Amendment {number} to amendment {target}").format(number=5, target=4),
            _("Amendment {number} to motion {target}").format(number=5, target=4),
        ]
    assert [words for words in said if twice.search(words)] == []
    if code == "sw":  # "marekebisho ya marekebisho ya 4" as "marekebisho ya hoja ya 4": of 4, "ya 4"
        assert [a.rpartition(" ")[0].rpartition(" ")[2] for a in amendments] == ["ya", "ya"]
