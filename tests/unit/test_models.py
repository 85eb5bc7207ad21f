"""The models: round trips through TOML, exact fractions, and the domain's purity."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from fractions import Fraction

import pytest
import tomli_w
from pydantic import BaseModel

from meeting.domain.agenda import Agenda
from meeting.domain.checks import least_count
from meeting.domain.council import Council
from meeting.domain.rules import DecisionClass, Quorum
from meeting.loader.load import load
from tests.conftest import DEMO_AGENDA, REPO


def _round_trip(model: BaseModel) -> BaseModel:
    text = tomli_w.dumps(model.model_dump(exclude_none=True), multiline_strings=True)
    return type(model).model_validate(tomllib.loads(text))


@pytest.mark.parametrize("agenda", [DEMO_AGENDA, *sorted((REPO / "agendas").glob("*/[0-9]*.toml"))])
def test_agendas_and_councils_round_trip_through_tomli_w(agenda):
    loaded = load(agenda)
    assert loaded.meeting is not None, loaded.diagnostics
    for model in (loaded.meeting.council, loaded.meeting.agenda):
        assert _round_trip(model) == model


def test_an_inline_council_round_trips():
    loaded = load(DEMO_AGENDA)
    assert loaded.meeting is not None
    inline = loaded.meeting.agenda.model_copy(update={"council": loaded.meeting.council})
    assert _round_trip(inline) == inline
    assert isinstance(_round_trip(inline).council, Council)  # type: ignore[attr-defined]


def test_fractions_are_written_back_as_fractions():
    loaded = load(DEMO_AGENDA)
    assert loaded.meeting is not None
    dumped = loaded.meeting.council.model_dump()
    assert dumped["rules"]["classes"]["ordinary"]["at_least"] == "2/3"
    assert dumped["rules"]["quorum"]["at_least"] == 11


@pytest.mark.parametrize(
    ("threshold", "base", "needed"),
    [
        (Quorum(at_least=11), 21, 11),
        (Quorum(at_least="1/2"), 21, 11),
        (Quorum(more_than="1/2"), 21, 11),
        (Quorum(more_than="1/2"), 20, 11),
        (Quorum(at_least="1/2"), 20, 10),
        # 21 x 2/3 is exactly 14; a float 0.67 would ask for 14.07, i.e. 15.
        (DecisionClass(at_least="2/3", of="membership"), 21, 14),
        (DecisionClass(at_least="2/3", of="membership"), 20, 14),
        (DecisionClass(at_least="3/4"), 8, 6),
        (DecisionClass(more_than=10), 21, 11),
        (DecisionClass(at_least="1/1"), 7, 7),
    ],
)
def test_least_count_is_exact(threshold, base, needed):
    assert least_count(threshold, base) == needed


def test_shares_are_fractions_not_floats():
    assert DecisionClass(at_least="2/3").at_least == Fraction(2, 3)
    assert DecisionClass(at_least=" 2 / 3 ").at_least == Fraction(2, 3)
    assert Quorum(at_least=11).at_least == 11 and isinstance(Quorum(at_least=11).at_least, int)


def test_true_is_not_a_count():
    with pytest.raises(ValueError):
        Quorum(at_least=True)


def test_the_domain_imports_without_textual_or_rich():
    code = (
        "import sys, meeting.domain.agenda, meeting.domain.checks, meeting.domain.council;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'));"
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_the_command_line_imports_the_domain_only_with_the_garbage_collector_waiting():
    """`main` imports the commands' modules, and through them pydantic and the domain's
    hundreds of classes, inside `built_to_last` (the collector waiting, then frozen): a module
    that `meeting.cli.main` imports at its top and that pulls them in puts them back under the
    collector's walks, a twentieth of the console's start-up (a helper of cli.output did)."""
    code = "import sys, meeting.cli.main; print(sorted(m for m in ('pydantic', 'meeting.domain.events') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_command_line_builds_no_minutes_model_before_a_command_runs():
    """The minutes' pydantic model (a fifth of the console's start-up) is built by the
    commands that write or read minutes, not by the parser every command goes through, nor
    by the chair's console."""
    code = (
        "import sys, meeting.cli.main, meeting.tui.app; meeting.cli.main.build_parser();"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('meeting.minutes.'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "meeting.minutes.model" not in result.stdout.strip().split(",")


IO_MODULES = {"os", "sys", "io", "pathlib", "shutil", "socket", "subprocess", "tempfile", "fcntl", "time"}
IO_CALLS = {"open", "print", "input"}


def test_the_domain_does_no_io():
    """No file, clock, socket or process modules, and no open/print/input, in the rulebook."""
    found = []
    for path in sorted((REPO / "meeting" / "domain").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(path.name, a.name) for a in node.names if a.name.split(".")[0] in IO_MODULES]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in IO_MODULES:
                found.append((path.name, node.module))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in IO_CALLS:
                found.append((path.name, node.func.id))
    assert found == []


def test_agenda_schema_accepts_only_local_start():
    with pytest.raises(ValueError):
        Agenda.model_validate(
            {
                "id": "x",
                "title": "X",
                "start": tomllib.loads("a = 2026-12-10T12:00:00Z")["a"],
                "time_zone": "UTC",
                "duration_minutes": 5,
                "language": "en",
                "chair": "a",
                "secretary": "b",
                "council": "c.toml",
            }
        )


def test_every_event_field_that_may_be_none_has_a_default():
    """The journal leaves out None values; reading an event back must not need them."""
    from typing import get_args

    from meeting.domain.events import AnyEvent

    missing = [
        f"{cls.__name__}.{name}"
        for cls in get_args(get_args(AnyEvent)[0])
        for name, info in cls.model_fields.items()
        if info.is_required() and type(None) in get_args(info.annotation)
    ]
    assert missing == []
