"""Shared test helpers: small inline council and agenda files, and where a text sits in them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from meeting.i18n import set_language

# The machine's locale never leaks into a test, nor into the programs the tests start: the
# language comes from --lang, the meeting, or a test that sets the environment on purpose.
for _variable in [name for name in os.environ if name in ("LANG", "LANGUAGE") or name.startswith("LC_")]:
    del os.environ[_variable]

REPO = Path(__file__).resolve().parent.parent
DEMO_AGENDA = REPO / "agendas" / "ic-asm" / "2026-12-council-meeting.toml"
DEMO_COUNCIL = REPO / "agendas" / "ic-asm" / "council.toml"

# A council small enough to read in a test: 2 regions, 4 seats, an alternate, an observer.
MINI_COUNCIL = """\
name = "Mini Council"
short_name = "MC"
languages = ["en", "fr"]

[[regions]]
id = "north"
name = "North"

[[regions]]
id = "south"
name = "South"

[[members]]
id = "n-1"
name = "Ngozi Adébáyọ̀"
region = "north"
role = "chair"
alternate = "n-2"
time_zone = "Africa/Lagos"

[[members]]
id = "n-2"
name = "Nnamdi Okafor"
region = "north"
role = "alternate"

[[members]]
id = "n-3"
name = "Nadia Benali"
region = "north"

[[members]]
id = "s-1"
name = "Sofía Quiñones"
region = "south"
time_zone = "America/Bogota"

[[members]]
id = "s-2"
name = "Samuel Ortiz"
region = "south"

[[members]]
id = "obs"
name = "Olu Observer"
role = "observer"

[[members]]
id = "sec"
name = "Sara Secretary"
role = "secretary"
votes = false

[rules.quorum]
at_least = 3
regions_represented = 2

[rules.classes.ordinary]
more_than = "1/2"

[rules.classes.constitutional]
at_least = "2/3"
of = "membership"
notice_days = 30
"""

MINI_AGENDA = """\
id = "mini-meeting"
title = "Mini meeting"
start = 2026-12-10T12:00:00
time_zone = "UTC"
duration_minutes = 60
language = "en"
chair = "n-1"
secretary = "sec"
council = "council.toml"

[translations.fr]
title = "Mini réunion"

[[items]]
id = "opening"
title = "Opening"
translations = { fr = "Ouverture" }
minutes = 10

[[items]]
id = "budget"
title = "Budget"
translations = { fr = "Budget" }
kind = "decision"
presenter = "s-1"
minutes = 20
class = "ordinary"
"""


def position(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based line and column (in characters) of the n-th occurrence of `needle`."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


@pytest.fixture(scope="session")
def demos(tmp_path_factory: pytest.TempPathFactory):
    """Both demo meetings replayed and their minutes written, December approved by March
    (tests/demos.py). Shared by every test that only reads them: copy before changing."""
    from tests.demos import build

    return build(tmp_path_factory.mktemp("demos"))


@pytest.fixture
def write(tmp_path: Path):
    """Write files into a fresh folder; returns the path of the first one written."""

    def write_files(files: dict[str, str | bytes]) -> Path:
        first = None
        for name, content in files.items():
            path = tmp_path / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
            first = first or path
        assert first is not None
        return first

    return write_files
