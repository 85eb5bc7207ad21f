"""Every command README.md shows, run as written, so that none rots.

The README's shell blocks are read in order and each line that is a command of ours is run from
a fresh copy of the project's agendas and minutes, with the installed `meeting` on the PATH, as
a newcomer who activated the environment would run it; each must succeed. Not run: `make`
(`make test` is this very suite, `make demo` the interactive console), the environment's own
set-up (`. .venv/bin/activate`, `pipx install`), and the commands that keep a screen open until
someone closes it (`meeting run`, `meeting view`, `meeting serve`). The benchmarks run with
`--quick`, a smoke run of seconds (the full runs take minutes and belong to bench/, not CI).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

_BLOCK = re.compile(r"```sh\n(.*?)```", re.DOTALL)
_INTERACTIVE = ("meeting run", "meeting view", "meeting serve")
_NOT_OURS = ("make ", ". .venv/bin/activate", "pipx ")


def readme_commands() -> list[str]:
    lines: list[str] = []
    for block in _BLOCK.findall((REPO / "README.md").read_text(encoding="utf-8")):
        for raw in block.splitlines():
            line = raw.split("  #")[0].strip()  # a comment after two spaces
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


def runnable(line: str) -> bool:
    if line.startswith(_NOT_OURS) or line.startswith(_INTERACTIVE):
        return False
    assert line.startswith(("meeting ", ".venv/bin/python bench/")), (
        f"README shows a command this test does not know: {line}"
    )
    return True


def test_the_readme_shows_commands_and_this_test_knows_each():
    lines = readme_commands()
    assert any(line.startswith("meeting minutes") for line in lines)
    assert sum(runnable(line) for line in lines) >= 8


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files the README's commands read, in a folder of their own: they may write there."""
    folder = tmp_path_factory.mktemp("newcomer")
    for name in ("agendas", "minutes", "bench"):
        shutil.copytree(REPO / name, folder / name)
    return folder


def test_every_command_in_the_readme_runs_as_written(project: Path) -> None:
    bin_folder = Path(sys.executable).parent
    assert (bin_folder / "meeting").exists(), "the installed `meeting` command"
    env = {**os.environ, "PATH": f"{bin_folder}{os.pathsep}{os.environ.get('PATH', '')}"}
    if not (project / ".venv").exists():
        (project / ".venv").symlink_to(sys.prefix, target_is_directory=True)  # the environment in use
    ran = []
    for line in filter(runnable, readme_commands()):
        command = line + (" --quick" if line.startswith(".venv/bin/python bench/") else "")
        result = subprocess.run(command, shell=True, cwd=project, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, f"`{line}` failed ({result.returncode}):\n{result.stderr[-2000:]}"
        assert "Traceback" not in result.stderr, line
        ran.append(shlex.split(line)[0:2])
    assert ["meeting", "replay"] in ran and ["meeting", "minutes"] in ran
