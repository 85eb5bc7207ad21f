"""The minutes as a person sees them: Word converted to PDF by LibreOffice, the HTML printed by
Chromium (driven by Playwright, never its own browser download), pages rendered to PNG: page 1,
and the page that holds the roll call.

These need the system packages `.ci/run` installs (libreoffice-writer-nogui, chromium,
poppler-utils); without them the tests fail loudly rather than skip.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.unit.test_minutes_files import COMMITTED, COMMITTED_MARCH, GOLDEN

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


def _pages(pdf: Path) -> list[str]:
    """The text of each page."""
    text = subprocess.run([_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return text.stdout.split("\f")[:-1]


def _rendered(pdf: Path, page: int) -> Path:
    """Page `page` (1-based) as a PNG."""
    stem = pdf.with_name(f"{pdf.stem}-page")
    subprocess.run(
        [_tool("pdftoppm"), "-png", "-r", "50", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    png = stem.with_suffix(".png")
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 10_000
    return png


def _word_to_pdf(docx: Path, folder: Path) -> Path:
    shutil.copy(docx, folder / docx.name)
    subprocess.run(
        [_tool("soffice"), "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(folder / docx.name)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return folder / docx.with_suffix(".pdf").name


def _print(html: Path, pdf: Path) -> Path:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_tool("chromium"), args=FLAGS)
        page = browser.new_page()
        page.goto(html.resolve().as_uri())
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
        browser.close()
    return pdf


def _roll_call_page(pages: list[str]) -> int:
    return next(n for n, text in enumerate(pages, start=1) if "Roll call on motion 11" in text)


def test_the_word_minutes_convert_to_pdf_with_page_numbers_and_draft(tmp_path):
    pdf = _word_to_pdf(GOLDEN / "minutes.docx", tmp_path)
    pages = _pages(pdf)
    _rendered(pdf, 1)
    first = " ".join(pages[0].split())
    assert "DRAFT" in first and f"Page 1 / {len(pages)}" in first
    assert "Minutes of the ordinary meeting" in first and "Anglophone Africa (4 seats)" in first
    assert "Name Organisation Attendance Arrived Left" in first  # no heading broken inside a word
    # The roll call, seat by seat, in the annex.
    number = _roll_call_page(pages)
    _rendered(pdf, number)
    annex = " ".join(pages[number - 1].split())
    assert "Roll call on motion 11" in annex and "Region In favour Against Abstentions" in annex
    assert f"Page {number} / {len(pages)}" in annex
    # The election's second ballot as a tellers' report, its table whole on one page.
    ballot = next(n for n, text in enumerate(pages, start=1) if "Ballot 2: ballot for an absolute majority" in text)
    _rendered(pdf, ballot)
    report = " ".join(pages[ballot - 1].split())
    for line in ("Number of votes cast 19", "Necessary for election 10", "Mutale Chibwe-Nkonde received 11 — elected"):
        assert line in report


def test_the_approved_and_the_confidential_word_minutes_carry_their_marks(tmp_path):
    approved = _pages(_word_to_pdf(COMMITTED / "minutes.docx", tmp_path))
    assert not any("DRAFT" in page for page in approved)
    assert any("Approved by the council at its meeting of Thursday, 11 March 2027" in page for page in approved)
    closed = _pages(_word_to_pdf(COMMITTED_MARCH / "minutes-closed.docx", tmp_path))
    assert all("CONFIDENTIAL · DRAFT" in page for page in closed)


def test_the_html_minutes_print_from_chromium_with_page_numbers_and_draft(tmp_path):
    pdf = _print(GOLDEN / "minutes.html", tmp_path / "printed.pdf")
    pages = _pages(pdf)
    _rendered(pdf, 1)
    assert pages[0].count("DRAFT") >= 2  # the running mark and the one above the title
    assert f"Page 1 / {len(pages)}" in pages[0] and "Meeting details" in pages[0]
    assert all("DRAFT" in page and f"/ {len(pages)}" in page for page in pages)
    number = _roll_call_page(pages)
    _rendered(pdf, number)
    shown = " ".join(pages[number - 1].split())
    assert "Roll call on motion 11, by region" in shown and "Region In favour Against Abstentions" in shown


def test_the_confidential_html_prints_its_mark_on_every_page(tmp_path):
    pages = _pages(_print(COMMITTED_MARCH / "minutes-closed.html", tmp_path / "closed.pdf"))
    # The running mark is CSS: once it read "CONFIDENTIAL u00b7 DRAFT", a JSON escape CSS does not know.
    assert all("CONFIDENTIAL · DRAFT" in " ".join(page.split()) for page in pages)


def test_the_html_minutes_fit_a_phone_without_scrolling_sideways():
    """At 390 pixels the visually hidden caption of the action items, laid out as a block,
    stood 12 pixels out of the page, and the whole page scrolled sideways."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_tool("chromium"), args=FLAGS)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        widths = []
        for html in (GOLDEN / "minutes.html", COMMITTED_MARCH / "minutes-closed.html"):
            page.goto(html.resolve().as_uri())
            widths.append(page.evaluate("document.documentElement.scrollWidth"))
        browser.close()
    assert widths == [390, 390]
