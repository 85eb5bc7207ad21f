"""The minutes as a person sees them: Word converted to PDF by LibreOffice, the HTML printed by
Chromium (driven by Playwright, never its own browser download), page 1 rendered to PNG.

These need the system packages `.ci/run` installs (libreoffice-writer-nogui, chromium,
poppler-utils); without them the tests fail loudly rather than skip.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.unit.test_minutes_files import GOLDEN

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: .ci/run installs it (see README)"
    return found


def _page_one(pdf: Path) -> tuple[str, Path]:
    text = subprocess.run(
        [_tool("pdftotext"), "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    subprocess.run(
        [_tool("pdftoppm"), "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(pdf.with_suffix(""))], check=True
    )
    png = next(pdf.parent.glob(pdf.stem + "*.png"))
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 10_000
    return text, png


def test_the_word_minutes_convert_to_pdf_with_page_numbers_and_draft(tmp_path):
    shutil.copy(GOLDEN / "minutes.docx", tmp_path / "minutes.docx")
    subprocess.run(
        [
            _tool("soffice"),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "minutes.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    text, _png = _page_one(tmp_path / "minutes.pdf")
    assert "DRAFT" in text and "Page 1 / " in text
    assert "Minutes of the ordinary meeting" in text and "Anglophone Africa (4 seats)" in text


def test_the_html_minutes_print_from_chromium_with_page_numbers_and_draft(tmp_path):
    from playwright.sync_api import sync_playwright

    pdf = tmp_path / "printed.pdf"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_tool("chromium"), args=FLAGS)
        page = browser.new_page()
        page.goto((GOLDEN / "minutes.html").resolve().as_uri())
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
        browser.close()
    text, _png = _page_one(pdf)
    assert text.count("DRAFT") >= 2  # the running mark and the one above the title
    assert "Page 1 / " in text and "Meeting details" in text
