import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from meeting.loader.positions import KeyPath, Position, key_positions, locate

TOML_TEST_INVALID = Path(__file__).resolve().parents[1] / "data" / "toml-test" / "tests" / "invalid"


def positions_of(text: str) -> dict[KeyPath, Position]:
    """key_positions on text that must be valid TOML (guards the test inputs)."""
    tomllib.loads(text)
    return key_positions(text)


def at(line: int, col: int) -> Position:
    return Position(line, col)


# -- plain and quoted keys -----------------------------------------------------


def test_plain_keys() -> None:
    pos = positions_of("name = 'x'\nage=3\n\n   indented = true\n\tafter_tab = 1\n")
    assert pos[("name",)] == at(1, 1)
    assert pos[("age",)] == at(2, 1)
    assert pos[("indented",)] == at(4, 4)
    assert pos[("after_tab",)] == at(5, 2)


def test_bare_keys_may_look_like_numbers() -> None:
    pos = positions_of("1234 = 1\n-_- = 2\n")
    assert pos[("1234",)] == at(1, 1)
    assert pos[("-_-",)] == at(2, 1)


def test_quoted_keys_are_unescaped_and_point_at_the_opening_quote() -> None:
    text = r"""
"a\"b" = 1
'lit\n' = 2
  "\u00e9t\u00E9" = 3
"tab\there" = 4
"\U0001F600\\" = 5
"" = 6
"""
    pos = positions_of(text)
    assert pos[('a"b',)] == at(2, 1)
    assert pos[("lit\\n",)] == at(3, 1)  # literal strings keep backslashes
    assert pos[("été",)] == at(4, 3)
    assert pos[("tab\there",)] == at(5, 1)
    assert pos[("\U0001f600\\",)] == at(6, 1)
    assert pos[("",)] == at(7, 1)


def test_columns_count_characters_not_bytes() -> None:
    text = '"Béatrice" = 1\nt = { v = "ééé😀", "Zoë" = 2, w = 3 }\n'
    pos = positions_of(text)
    assert pos[("Béatrice",)] == at(1, 1)
    assert pos[("t", "v")] == at(2, 7)
    assert pos[("t", "Zoë")] == at(2, 19)
    assert pos[("t", "w")] == at(2, 30)


# -- dotted keys and headers -------------------------------------------------------


def test_dotted_keys_with_spaces() -> None:
    text = 'a . b  .c = 1\na.d = 2\na."x.y" = 3\n'
    pos = positions_of(text)
    assert pos[("a",)] == at(1, 1)
    assert pos[("a", "b")] == at(1, 5)
    assert pos[("a", "b", "c")] == at(1, 9)
    assert pos[("a", "d")] == at(2, 3)
    assert pos[("a", "x.y")] == at(3, 3)


def test_table_headers() -> None:
    text = """\
top = 1
[server]
host = "h"

[ db . main ]
port = 5432
[db.replica]
port = 5433
"""
    pos = positions_of(text)
    assert pos[("server",)] == at(2, 1)
    assert pos[("server", "host")] == at(3, 1)
    assert pos[("db",)] == at(5, 3)  # intermediate: its segment in the first header
    assert pos[("db", "main")] == at(5, 1)
    assert pos[("db", "main", "port")] == at(6, 1)
    assert pos[("db", "replica")] == at(7, 1)
    assert pos[("db", "replica", "port")] == at(8, 1)
    assert ("port",) not in pos


def test_explicit_header_beats_earlier_implicit_mention() -> None:
    pos = positions_of("[a.b]\nx = 1\n[a]\ny = 2\n")
    assert pos[("a",)] == at(3, 1)
    assert pos[("a", "y")] == at(4, 1)


def test_dotted_keys_inside_table() -> None:
    pos = positions_of("[t]\nx.y = 1\nx.z = 2\n")
    assert pos[("t", "x")] == at(2, 1)
    assert pos[("t", "x", "y")] == at(2, 3)
    assert pos[("t", "x", "z")] == at(3, 3)


# -- arrays of tables --------------------------------------------------------------


def test_array_of_tables() -> None:
    text = """\
[[members]]
name = "a"

[[members]]
name = "b"
region = "eu"

  [[ members ]]
name = "c"
"""
    pos = positions_of(text)
    assert pos[("members",)] == at(1, 1)
    assert pos[("members", 0)] == at(1, 1)
    assert pos[("members", 0, "name")] == at(2, 1)
    assert pos[("members", 1)] == at(4, 1)
    assert pos[("members", 1, "region")] == at(6, 1)
    assert pos[("members", 2)] == at(8, 3)
    assert pos[("members", 2, "name")] == at(9, 1)


def test_nested_arrays_of_tables_resolve_latest_index() -> None:
    text = """\
[[fruits]]
name = "apple"

[[fruits.varieties]]
name = "red delicious"

[fruits.physical]
color = "red"

[[fruits.varieties]]
name = "granny smith"

[[fruits]]
name = "banana"

[[fruits.varieties]]
name = "plantain"

[fruits.varieties.info]
ripe = true
"""
    pos = positions_of(text)
    assert pos[("fruits", 0, "varieties")] == at(4, 1)
    assert pos[("fruits", 0, "varieties", 0)] == at(4, 1)
    assert pos[("fruits", 0, "varieties", 0, "name")] == at(5, 1)
    assert pos[("fruits", 0, "physical")] == at(7, 1)
    assert pos[("fruits", 0, "physical", "color")] == at(8, 1)
    assert pos[("fruits", 0, "varieties", 1)] == at(10, 1)
    assert pos[("fruits", 0, "varieties", 1, "name")] == at(11, 1)
    assert pos[("fruits", 1)] == at(13, 1)
    assert pos[("fruits", 1, "name")] == at(14, 1)
    assert pos[("fruits", 1, "varieties", 0)] == at(16, 1)
    assert pos[("fruits", 1, "varieties", 0, "name")] == at(17, 1)
    assert pos[("fruits", 1, "varieties", 0, "info")] == at(19, 1)
    assert pos[("fruits", 1, "varieties", 0, "info", "ripe")] == at(20, 1)
    assert ("fruits", 1, "varieties", 1) not in pos


# -- array and inline-table values ---------------------------------------------------


def test_array_elements_over_several_lines_with_comments() -> None:
    text = """\
xs = [ # opening comment
  1,  # one
  # a whole-line comment with [brackets], commas and "quotes
    "two, three",
  [4, [5, 6]], 7.5e3 ,
  'eight'  ,  # trailing comma next
]
after = 1
"""
    pos = positions_of(text)
    assert pos[("xs",)] == at(1, 1)
    assert pos[("xs", 0)] == at(2, 3)
    assert pos[("xs", 1)] == at(4, 5)
    assert pos[("xs", 2)] == at(5, 3)
    assert pos[("xs", 2, 0)] == at(5, 4)
    assert pos[("xs", 2, 1)] == at(5, 7)
    assert pos[("xs", 2, 1, 1)] == at(5, 11)
    assert pos[("xs", 3)] == at(5, 16)
    assert pos[("xs", 4)] == at(6, 3)
    assert ("xs", 5) not in pos
    assert pos[("after",)] == at(8, 1)


def test_empty_arrays_and_tables() -> None:
    pos = positions_of("a = []\nb = {}\nc = [ [], {} ]\n")
    assert pos[("b",)] == at(2, 1)
    assert pos[("c", 0)] == at(3, 7)
    assert pos[("c", 1)] == at(3, 11)
    assert ("a", 0) not in pos


def test_inline_tables() -> None:
    pos = positions_of("p = { a = 1, b.c = 2, 'd' = { e = [1, 2] } }\n")
    assert pos[("p", "a")] == at(1, 7)
    assert pos[("p", "b")] == at(1, 14)
    assert pos[("p", "b", "c")] == at(1, 16)
    assert pos[("p", "d")] == at(1, 23)
    assert pos[("p", "d", "e")] == at(1, 31)
    assert pos[("p", "d", "e", 1)] == at(1, 39)


def test_inline_tables_as_array_elements() -> None:
    text = """\
[server]
users = [
  { name = "a", roles = ["x"] },
  {name="b",roles=["y", "z"]},
]
"""
    pos = positions_of(text)
    assert pos[("server", "users", 0)] == at(3, 3)
    assert pos[("server", "users", 0, "name")] == at(3, 5)
    assert pos[("server", "users", 0, "roles", 0)] == at(3, 26)
    assert pos[("server", "users", 1)] == at(4, 3)
    assert pos[("server", "users", 1, "name")] == at(4, 4)
    assert pos[("server", "users", 1, "roles")] == at(4, 13)
    assert pos[("server", "users", 1, "roles", 1)] == at(4, 25)


# -- values that must be skipped, not parsed as structure ------------------------------


def test_single_line_strings_with_structure_lookalikes() -> None:
    text = r"""a = "x = [1, # not a comment ] \" {"
b = 'c:\path [y] = # }'
c = 1
"""
    pos = positions_of(text)
    assert set(pos) == {("a",), ("b",), ("c",)}
    assert pos[("c",)] == at(3, 1)


def test_multiline_basic_strings() -> None:
    text = r'''s1 = """
[fake.header]
k = v
"quoted" and ""two"" \""" still inside
"""
s2 = """""x"""""
s3 = """line \
  continued\\"""
s4 = """ends with quote""""
real = 1
'''
    pos = positions_of(text)
    assert set(pos) == {("s1",), ("s2",), ("s3",), ("s4",), ("real",)}
    assert pos[("s2",)] == at(6, 1)
    assert pos[("s3",)] == at(7, 1)
    assert pos[("s4",)] == at(9, 1)
    assert pos[("real",)] == at(10, 1)


def test_multiline_literal_strings() -> None:
    text = """\
lit = '''
[[not.a.table]]
x = 'y' ''
'''''
arr = ['''a
b''', '''c''']
real = 1
"""
    pos = positions_of(text)
    assert ("not",) not in pos
    assert ("x",) not in pos
    assert pos[("arr", 1)] == at(6, 7)
    assert pos[("real",)] == at(7, 1)


def test_scalars_dates_and_comments() -> None:
    text = """\
odt = 1979-05-27 07:32:00Z # comment = [x]
ldt = [1979-05-27 07:32:00, 07:32:00.999, -inf, 0xf_f, true]
hex = 0xDEAD_BEEF#tight comment
last = 1"""  # no trailing newline
    pos = positions_of(text)
    assert pos[("ldt", 0)] == at(2, 8)
    assert pos[("ldt", 1)] == at(2, 29)  # the datetime's space did not split it
    assert pos[("ldt", 4)] == at(2, 56)
    assert pos[("hex",)] == at(3, 1)
    assert pos[("last",)] == at(4, 1)


def test_crlf_line_endings() -> None:
    text = "a = 1\r\n[t]\r\nb = [\r\n  1, # c\r\n  2\r\n]\r\nc = '''x\r\ny'''\r\nd = 2\r\n"
    pos = positions_of(text)
    assert pos[("a",)] == at(1, 1)
    assert pos[("t",)] == at(2, 1)
    assert pos[("t", "b", 0)] == at(4, 3)
    assert pos[("t", "b", 1)] == at(5, 3)
    assert pos[("t", "d")] == at(9, 1)


# -- locate ------------------------------------------------------------------------


def test_locate_exact_prefix_and_fallback() -> None:
    pos = positions_of("[[members]]\nname = 'a'\n\n[[members]]\nname = 'b'\n")
    assert locate(pos, ("members", 1, "name")) == at(5, 1)
    assert locate(pos, ("members", 1, "region")) == at(4, 1)  # missing key -> its table
    assert locate(pos, ("members", 7, "region")) == at(1, 1)  # -> the array itself
    assert locate(pos, ("nope", "x")) == at(1, 1)
    assert locate(pos, ()) == at(1, 1)
    assert locate({}, ("a",)) == at(1, 1)


def test_locate_prefers_longest_prefix() -> None:
    pos = positions_of("\n\n[a]\nb.c = 1\n")
    assert locate(pos, ("a", "b", "missing")) == at(4, 1)
    assert locate(pos, ("a", "b", "c", 0)) == at(4, 3)


# -- robustness ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "=",
        "[",
        "[[",
        "[a",
        "[[a]",
        "a",
        "a =",
        'a = "unterminated\nb = 1',
        "a = '''never closed",
        'a = """never closed\\',
        "a = [1, 2",
        "a = {b = 1",
        'k = "\\uZZZZ"',
        '"\\uD800" = 1\n"\\U00110000" = 2',
        "a = [1, }",
        "a = {b = ]",
        "a = 1 2 3 ] }",
        "\x00\ufeff\r\r\n#",
    ],
)
def test_never_raises_on_broken_input(text: str) -> None:
    key_positions(text)


@pytest.mark.parametrize(
    "text",
    ["a = " + "[" * 50_000, "a = " + "{b = " * 50_000, "[" * 50_000, ".".join("k" * 50_000)],
    ids=["arrays", "inline-tables", "brackets", "dotted-key"],
)
def test_deep_nesting_does_not_raise(text: str) -> None:
    key_positions(text)


def test_deep_but_valid_nesting_is_mapped() -> None:
    depth = 300  # about as deep as tomllib itself can parse
    pos = positions_of("a = " + "[" * depth + "]" * depth + "\nb = " + "{ c = " * depth + "1" + " }" * depth)
    # The outer `[` is at column 5, so the innermost array opens at 5 + depth - 1.
    assert pos[("a",) + (0,) * (depth - 1)] == at(1, 5 + depth - 1)
    # Each "{ c = " is 6 wide and the first `c` is at column 7.
    assert pos[("b",) + ("c",) * depth] == at(2, 7 + 6 * (depth - 1))


def test_duplicate_keys_keep_the_first_definition() -> None:
    pos = key_positions("a = 1\na = 2\nt.x = 1\nt.x = 2\n")
    assert pos[("a",)] == at(1, 1)
    assert pos[("t", "x")] == at(3, 3)


def test_stops_but_keeps_what_it_mapped() -> None:
    pos = key_positions('ok = 1\n[t]\nx = [1,\n  "unterminated\ny = 2\n')
    assert pos[("ok",)] == at(1, 1)
    assert pos[("t", "x", 0)] == at(3, 6)
    assert ("t", "y") not in pos


@settings(deadline=None)
@given(st.text())
def test_never_raises_on_random_text(text: str) -> None:
    key_positions(text)


_TOML_ALPHABET = st.sampled_from(list("ab1 \t\n\r=.,#[]{}\"'\\-:éu"))


@settings(deadline=None)
@given(st.text(_TOML_ALPHABET, max_size=80))
def test_never_raises_on_random_toml_like_text(text: str) -> None:
    key_positions(text)


def test_never_raises_on_toml_test_invalid_files() -> None:
    files = sorted(p for p in TOML_TEST_INVALID.rglob("*") if p.is_file())
    assert len(files) > 500, f"the toml-test corpus is missing from {TOML_TEST_INVALID}"
    for path in files:
        try:
            key_positions(path.read_bytes().decode("utf-8", errors="replace"))
        except Exception as exc:  # report which file broke it
            pytest.fail(f"{path}: {exc!r}")


# -- round trip through tomli_w ------------------------------------------------------------

_keys = st.text(max_size=8)
_scalars = st.integers(-(2**63), 2**63 - 1) | st.text(max_size=8) | st.booleans()
_values = st.recursive(
    _scalars,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(_keys, children, max_size=3)
        | st.lists(st.dictionaries(_keys, children, max_size=3), min_size=1, max_size=3)
    ),
    max_leaves=12,
)
_documents = st.dictionaries(_keys, _values, max_size=5)


def key_paths(value: Any, prefix: KeyPath = ()) -> set[KeyPath]:
    """Every key path and array index path inside ``value``."""
    paths: set[KeyPath] = set()
    children: list[tuple[str | int, Any]] = []
    if isinstance(value, dict):
        children = list(value.items())
    elif isinstance(value, list):
        children = list(enumerate(value))
    for key, child in children:
        paths.add((*prefix, key))
        paths |= key_paths(child, (*prefix, key))
    return paths


@settings(deadline=None)
@given(_documents)
def test_round_trip_through_tomli_w(doc: dict[str, Any]) -> None:
    text = tomli_w.dumps(doc)
    pos = positions_of(text)
    paths = key_paths(doc)
    assert paths <= pos.keys()

    lines = text.split("\n")  # not splitlines(): that also splits at \x85 inside keys
    for path in paths:
        if isinstance(path[-1], str):  # a key: its bare name, its opening quote or a header
            line = lines[pos[path].line - 1]
            assert line[pos[path].col - 1 :].startswith((path[-1], '"', "'", "["))

    # tomli_w writes each top-level scalar as one `key = value` line before
    # any table, so the first line equal to its standalone dump is where it is.
    for key, value in doc.items():
        if isinstance(value, (dict, list)):
            continue
        line = tomli_w.dumps({key: value}).split("\n")[0]
        assert pos[(key,)] == at(lines.index(line) + 1, 1)
