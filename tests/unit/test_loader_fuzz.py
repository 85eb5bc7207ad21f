"""Whatever the bytes, the loader answers with located diagnostics, never an exception."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import tomli
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meeting.cli.check import _lines as summary_lines
from meeting.cli.check import summary_of
from meeting.diagnostics import format_diagnostic
from meeting.loader.load import load
from tests.conftest import MINI_AGENDA, MINI_COUNCIL

FUZZ = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])

toml_scalars = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.text(max_size=12),
    st.booleans(),
    st.floats(allow_nan=False),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(["n-1", "s-1", "north", "ordinary", "1/2", "2/3", "3/2", "UTC", "en", ""]),
)
toml_values = st.recursive(
    toml_scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


def _assert_located(path: Path) -> None:
    loaded = load(path)
    for d in loaded.diagnostics:
        assert d.line >= 1 and d.col >= 1
        assert d.message and d.message != d.code
        assert format_diagnostic(d).startswith(f"{d.path}:{d.line}:{d.col}: {d.severity}: ")
    if loaded.ok and loaded.kind == "agenda":
        assert loaded.meeting is not None
    summary = summary_of(loaded) if loaded.ok else None
    if summary is not None:
        assert list(summary_lines(summary))  # what `meeting check` prints: local times included


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "agenda.toml"
        path.write_bytes(data)
        _assert_located(path)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("[]{}=\"'#.,\n abc123-_:\\")), max_size=200))
def test_random_toml_like_text(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "agenda.toml"
        path.write_text(text, encoding="utf-8")
        _assert_located(path)


def _containers(value: Any, path: tuple = ()) -> list[tuple]:
    """Every path to a table or array inside a parsed document."""
    found = [path]
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        if isinstance(child, dict | list):
            found += _containers(child, (*path, key))
    return found


def _at(document: Any, path: tuple) -> Any:
    for key in path:
        document = document[key]
    return document


@st.composite
def mutated(draw, text: str) -> str:
    """A valid TOML document of the right general shape, with random keys broken."""
    document = tomli.loads(text)
    for _ in range(draw(st.integers(1, 4))):
        container = _at(document, draw(st.sampled_from(_containers(document))))
        keys = list(container.keys()) if isinstance(container, dict) else list(range(len(container)))
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "add" or not keys:
            if isinstance(container, dict):
                container[draw(st.text(min_size=1, max_size=10))] = draw(toml_values)
            else:
                container.append(draw(toml_values))
        elif action == "delete":
            del container[draw(st.sampled_from(keys))]
        else:
            container[draw(st.sampled_from(keys))] = draw(toml_values)
    return tomli_w.dumps(document)


@FUZZ
@given(council=mutated(MINI_COUNCIL), agenda=mutated(MINI_AGENDA))
def test_valid_toml_with_wrong_content(council, agenda):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "council.toml").write_text(council, encoding="utf-8")
        path = Path(folder) / "agenda.toml"
        path.write_text(agenda, encoding="utf-8")
        _assert_located(path)


@FUZZ
@given(council=mutated(MINI_COUNCIL))
def test_valid_toml_with_wrong_content_in_an_inline_council(council):
    agenda = tomli.loads(MINI_AGENDA)
    agenda["council"] = tomli.loads(council)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "agenda.toml"
        path.write_text(tomli_w.dumps(agenda), encoding="utf-8")
        _assert_located(path)


@FUZZ
@given(
    depth=st.integers(min_value=40, max_value=1200),
    shape=st.sampled_from(["header", "dotted", "inline", "array"]),
    where=st.sampled_from(["council", "agenda"]),
)
def test_deep_nesting_of_every_shape(depth, shape, where):
    """Table headers and dotted keys nest without brackets: tomli parses 500 levels of them,
    which no later step could take; arrays and inline tables exhaust the parser itself."""
    keys = ".".join(["k"] * depth)
    deep = {
        "header": f"[{keys}]\nv = 1\n",
        "dotted": f"{keys} = 1\n",
        "inline": "deep = " + "{ a = " * depth + "1" + " }" * depth + "\n",
        "array": "deep = " + "[" * depth + "1" + "]" * depth + "\n",
    }[shape]
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "council.toml").write_text(
            MINI_COUNCIL + (deep if where == "council" else ""), encoding="utf-8"
        )
        path = Path(folder) / "agenda.toml"
        path.write_text(MINI_AGENDA + (deep if where == "agenda" else ""), encoding="utf-8")
        _assert_located(path)


@FUZZ
@given(year=st.integers(min_value=1, max_value=9999), zone=st.sampled_from(["UTC", "Pacific/Kiritimati", "Etc/GMT+12"]))
def test_any_start_year_in_any_zone(year, zone):
    agenda = MINI_AGENDA.replace("2026-12-10T12:00:00", f"{year:04d}-12-31T23:59:59").replace('"UTC"', f'"{zone}"')
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "council.toml").write_text(MINI_COUNCIL, encoding="utf-8")
        path = Path(folder) / "agenda.toml"
        path.write_text(agenda, encoding="utf-8")
        _assert_located(path)
