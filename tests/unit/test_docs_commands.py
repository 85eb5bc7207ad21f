"""docs/commands.md stays true to the command language it documents.

The grammar table (`meeting.domain.language.GRAMMAR`), the motion table
(`meeting.domain.motions.STANDARD_MOTIONS`) and the messages (`meeting.messages.MESSAGES`) are
the language; these tests hold the reference to them:

- every verb has a `### \\`verb\\`` heading, in GRAMMAR's order and under its group's section,
  with its exact `usage()` line and its GRAMMAR example in a ```text block;
- every word after `move to` has a row in the motion table, whose rank, second, debate and amend
  columns are the standard motion's;
- every refusal and parse code (the prefixes below) has a row `| \\`code\\` | message | when |`
  with its English message, and no row names a code that does not exist;
- every command line in a ```text block parses to a command;
- the worked example marked `<!-- replayable -->` is the longest ```text block, and a real
  session on the demo meeting accepts every line of it;
- every link to a section leads to a heading, and to the only heading with that anchor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from meeting.domain.language import GRAMMAR, Command, ParseError, Verb, parse, usage
from meeting.domain.motions import KIND_OF_WORD, MOTION_WORDS, STANDARD_MOTIONS
from meeting.messages import MESSAGES
from tests.kit import start

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "commands.md"

# The codes a command can come back with: the parser's, the engine's and the session's.
PREFIXES = (
    "command.",
    "member.",
    "item.",
    "sitting.",
    "quorum.",
    "balance.",
    "chair.",
    "attendance.",
    "proxy.",
    "motion.",
    "rule.",
    "vote.",
    "consent.",
    "consensus.",
    "speakers.",
    "undo.",
    "clock.",
    "replay.",
    "text.",
    "interest.",
    "division.",
    "secretary.",
    "closed.",
    "record.",
    "publish.",
    "election.",
    "nomination.",
    "candidacy.",
    "candidate.",
    "round.",
    "tellers.",
)
CODES = sorted(code for code in MESSAGES if code.startswith(PREFIXES))

# The `## ` section each group of GRAMMAR is documented under.
GROUP_SECTIONS = {
    "sitting": "The sitting",
    "attendance": "Attendance",
    "agenda": "The agenda",
    "motions": "Motions",
    "decisions": "Decisions",
    "interests": "Interests",
    "speakers": "Speakers",
    "record": "The record",
    "elections": "Elections",
}

REPLAYABLE = "<!-- replayable -->"
MOTION_TABLE_HEADER = "| KIND | motion | rank | second | debate | amend |"
FENCE = re.compile(r"^```(\S*)\s*$")
HEADING = re.compile(r"^(#{1,6}) (.*)$")


# -- reading the doc ------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A fenced code block: its language, the doc line of its first content line, its lines,
    and whether the HTML comment marking a replayable example comes just before it."""

    lang: str
    first_line: int
    lines: tuple[str, ...]
    replayable: bool

    def commands(self) -> list[tuple[int, str]]:
        """(doc line, text) of each line that is neither blank nor only a comment."""
        return [
            (self.first_line + i, line)
            for i, line in enumerate(self.lines)
            if line.strip() and not line.lstrip().startswith("#")
        ]


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line of the doc
    text: str
    in_code: bool  # inside a fenced block (its fences included)


def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def doc_lines(text: str) -> list[Line]:
    lines, in_code = [], False
    for number, text_line in enumerate(text.splitlines(), start=1):
        fence = FENCE.match(text_line) is not None
        lines.append(Line(number, text_line, in_code or fence))
        if fence:
            in_code = not in_code
    return lines


def blocks(text: str) -> list[Block]:
    found: list[Block] = []
    raw = text.splitlines()
    index = 0
    while index < len(raw):
        match = FENCE.match(raw[index])
        if match is None:
            index += 1
            continue
        start = index + 1
        end = start
        while end < len(raw) and not raw[end].startswith("```"):
            end += 1
        before = next((raw[i].strip() for i in range(index - 1, -1, -1) if raw[i].strip()), "")
        found.append(Block(match[1], start + 1, tuple(raw[start:end]), before == REPLAYABLE))
        index = end + 1
    return found


def text_blocks(text: str) -> list[Block]:
    return [block for block in blocks(text) if block.lang == "text"]


def headings(text: str) -> list[tuple[int, int, str]]:
    """(doc line, level, title) of each Markdown heading outside code blocks."""
    found = []
    for line in doc_lines(text):
        if not line.in_code and (match := HEADING.match(line.text)):
            found.append((line.number, len(match[1]), match[2].strip()))
    return found


def verb_heading(verb: Verb) -> str:
    return f"`{verb.name}`"


def verb_section(text: str, verb: Verb) -> str:
    """The doc from the verb's `###` heading to the next heading of level 3 or higher."""
    marks = headings(text)
    lines = text.splitlines()
    for position, (number, level, title) in enumerate(marks):
        if level == 3 and title == verb_heading(verb):
            end = next((n for n, lv, _ in marks[position + 1 :] if lv <= 3), len(lines) + 1)
            return "\n".join(lines[number - 1 : end - 1])
    raise AssertionError(f"no heading '### `{verb.name}`' in {DOC.name}")


def table_rows(text: str) -> dict[str, list[str]]:
    """Rows of Markdown tables whose first cell is a code span, by that code: the other cells."""
    rows: dict[str, list[str]] = {}
    for line in doc_lines(text):
        if line.in_code or not line.text.startswith("| `"):
            continue
        cells = [cell.strip() for cell in line.text.strip().strip("|").split(" | ")]
        rows.setdefault(cells[0].strip("`"), cells[1:])
    return rows


# -- the verbs ------------------------------------------------------------------------------


@pytest.mark.parametrize("verb", GRAMMAR, ids=lambda v: v.name)
def test_every_verb_has_one_heading(verb: Verb) -> None:
    found = [title for _, level, title in headings(doc_text()) if level == 3 and title == verb_heading(verb)]
    assert len(found) == 1, f"expected exactly one heading '### `{verb.name}`', found {len(found)}"


@pytest.mark.parametrize("verb", GRAMMAR, ids=lambda v: v.name)
def test_every_verb_shows_its_exact_usage_line(verb: Verb) -> None:
    section = verb_section(doc_text(), verb)
    expected = f"`{usage(verb)}`"
    assert expected in section.splitlines(), f"the section of '{verb.name}' lacks the line {expected}"


def test_verbs_are_in_grammar_order_under_their_groups() -> None:
    names = {verb_heading(verb): verb for verb in GRAMMAR}
    seen: list[str] = []
    group_title = None
    for _, level, title in headings(doc_text()):
        if level == 2:
            group_title = title
        elif level == 3 and title in names:
            verb = names[title]
            assert group_title == GROUP_SECTIONS[verb.group], (
                f"'{verb.name}' is under '## {group_title}', not '## {GROUP_SECTIONS[verb.group]}'"
            )
            seen.append(verb.name)
    assert seen == [verb.name for verb in GRAMMAR]


def test_groups_are_sections_in_grammar_order() -> None:
    sections = [title for _, level, title in headings(doc_text()) if level == 2]
    groups = list(dict.fromkeys(verb.group for verb in GRAMMAR))
    assert set(groups) == set(GROUP_SECTIONS), "a group of GRAMMAR has no section title here"
    positions = [sections.index(GROUP_SECTIONS[group]) for group in groups]
    assert positions == sorted(positions)


@pytest.mark.parametrize("verb", GRAMMAR, ids=lambda v: v.name)
def test_every_verb_has_its_grammar_example(verb: Verb) -> None:
    """The GRAMMAR example is a line (a trailing comment allowed) of a ```text block in the
    verb's own section."""
    expected = parse(verb.example)
    assert isinstance(expected, Command), f"GRAMMAR's own example of '{verb.name}' does not parse"
    lines = [line for block in text_blocks(verb_section(doc_text(), verb)) for _, line in block.commands()]
    assert any(parse(line) == expected for line in lines), (
        f"no ```text block in the section of '{verb.name}' has its example: {verb.example}"
    )


# -- motions --------------------------------------------------------------------------------


def motion_table(text: str) -> dict[str, list[str]]:
    """The rows of the table of `move to KIND`, by KIND word."""
    lines = [line for line in doc_lines(text) if not line.in_code]
    start = next((i for i, line in enumerate(lines) if line.text.startswith(MOTION_TABLE_HEADER)), None)
    assert start is not None, f"no motion table with the header {MOTION_TABLE_HEADER}"
    rows = {}
    for line in lines[start + 2 :]:
        if not line.text.startswith("|"):
            break
        cells = [cell.strip() for cell in line.text.strip().strip("|").split(" | ")]
        rows[cells[0].strip("`")] = cells[1:]
    return rows


@pytest.mark.parametrize("word", MOTION_WORDS)
def test_every_motion_word_is_in_the_motion_table(word: str) -> None:
    row = motion_table(doc_text()).get(word)
    assert row is not None, f"'move to {word}' has no row in the motion table"
    rule = STANDARD_MOTIONS[KIND_OF_WORD[word]]
    _motion, rank, second, debate, amend, *_ = row
    yes_no = {True: "yes", False: "no"}
    assert rank == (str(rule.rank) if rule.rank is not None else "—"), f"rank of '{word}'"
    assert (second, debate, amend) == (
        yes_no[rule.needs_second],
        yes_no[rule.debatable],
        yes_no[rule.amendable],
    ), f"second/debate/amend of '{word}'"


def test_the_motion_table_has_no_other_words() -> None:
    assert set(motion_table(doc_text())) == set(MOTION_WORDS)


# -- codes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("code", CODES)
def test_every_code_has_a_row_with_its_message(code: str) -> None:
    text = doc_text()
    assert f"`{code}`" in text, f"the code {code} is not mentioned"
    row = table_rows(text).get(code)
    assert row is not None, f"the code {code} has no row '| `{code}` | message | when |'"
    assert len(row) >= 2 and row[0] == MESSAGES[code], f"the message of {code} differs from meeting/messages.py"
    assert row[1], f"the row of {code} does not say when it happens"


def test_no_row_names_a_code_that_does_not_exist() -> None:
    dotted = [code for code in table_rows(doc_text()) if "." in code and code.startswith(PREFIXES)]
    assert dotted, "no code rows found"
    assert sorted(code for code in dotted if code not in MESSAGES) == []


def test_every_code_mentioned_exists() -> None:
    """A `code` span with a known prefix names a real code (catches typos in the prose)."""
    spans = set(re.findall(r"`([a-z]+\.[a-z0-9-]+)`", doc_text()))
    unknown = sorted(span for span in spans if span.startswith(PREFIXES) and span not in MESSAGES)
    assert unknown == []


# -- the examples ---------------------------------------------------------------------------


def command_lines() -> list[tuple[int, str]]:
    return [entry for block in text_blocks(doc_text()) for entry in block.commands()]


def test_there_are_examples() -> None:
    assert len(command_lines()) > 100


@pytest.mark.parametrize(("number", "line"), [pytest.param(n, line, id=f"line{n}") for n, line in command_lines()])
def test_every_example_line_parses(number: int, line: str) -> None:
    result = parse(line)
    assert isinstance(result, Command), f"{DOC.name}:{number}: {line!r} does not parse: {result}"
    assert not isinstance(result, ParseError)


def replayable() -> Block:
    marked = [block for block in blocks(doc_text()) if block.replayable]
    assert len(marked) == 1, f"expected one block after {REPLAYABLE}, found {len(marked)}"
    assert marked[0].lang == "text", "the replayable example must be a ```text block"
    return marked[0]


def test_the_replayable_example_is_the_longest() -> None:
    example = replayable()
    longest = max(len(block.commands()) for block in text_blocks(doc_text()))
    assert len(example.commands()) == longest
    assert len(example.commands()) >= 20, "the worked example should be a whole short meeting"


def test_the_replayable_example_replays_cleanly(tmp_path: Path) -> None:
    """Every line of the worked example is accepted by a real session on the demo meeting,
    from the roll call to adjournment."""
    example = replayable()
    meeting = start(tmp_path)
    for number, line in example.commands():
        try:
            meeting.run(line)
        except AssertionError as refused:
            raise AssertionError(f"{DOC.name}:{number}: {refused}") from None
    assert meeting.state.phase == "adjourned"
    assert meeting.state.stack == []


# -- links ----------------------------------------------------------------------------------


def heading_anchors(text: str) -> list[str]:
    """GitHub's anchors for the headings, in order: lower case, punctuation dropped, spaces to
    '-', and `-1`, `-2` ... after a repeated one."""
    anchors: list[str] = []
    for _, _, title in headings(text):
        slug = re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")
        anchor, n = slug, 0
        while anchor in anchors:
            n += 1
            anchor = f"{slug}-{n}"
        anchors.append(anchor)
    return anchors


def test_every_link_inside_the_doc_leads_to_a_heading() -> None:
    text = doc_text()
    links = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert links, "the doc links its sections"
    assert sorted(links - set(heading_anchors(text))) == []


def test_linked_headings_are_unique() -> None:
    """A section linked to has the only heading with its anchor: a `### \\`undo\\`` heading
    before a `### Undo` would take the anchor `undo` and the link would land on the verb."""
    text = doc_text()
    anchors = heading_anchors(text)
    links = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert sorted(link for link in links if f"{link}-1" in anchors) == []
