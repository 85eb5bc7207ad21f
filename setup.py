"""The build's one step beyond setuptools' own: the translations.

The catalogs are committed as `.po` files under meeting/locale/<lang>/LC_MESSAGES/; the `.mo`
files gettext reads are compiled here, so that `pip install .` from a clone, `pip install -e .`
and a built wheel all have them without committing binaries (they are git-ignored; `make`
rebuilds them when a `.po` changes). Everything else is in pyproject.toml.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CATALOGS = Path("meeting") / "locale"


def compile_catalog(po: Path, mo: Path) -> None:
    """One .po to its .mo, as `pybabel compile` does (fuzzy entries left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source, locale=po.parent.parent.name)
    mo.parent.mkdir(parents=True, exist_ok=True)
    with mo.open("wb") as target:
        write_mo(target, catalog)


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        # An editable install reads the package from the source tree; a wheel from build_lib.
        target = CATALOGS if self.editable_mode else Path(self.build_lib) / CATALOGS
        for po in sorted(CATALOGS.glob("*/LC_MESSAGES/*.po")):
            compile_catalog(po, target / po.relative_to(CATALOGS).with_suffix(".mo"))


setup(cmdclass={"build_py": BuildWithCatalogs})
