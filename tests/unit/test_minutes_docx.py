"""minutes.docx reopened with python-docx: what a secretary opens in Word."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

from tests.unit.test_minutes_files import COMMITTED, COMMITTED_MARCH, GOLDEN


def test_the_word_minutes_hold_title_tables_proceedings_and_signatures():
    document = docx.Document(str(GOLDEN / "minutes.docx"))  # as circulated: a draft
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0].startswith("Minutes of the ordinary meeting of the International Council for Artisanal")
    assert document.sections[0].header.paragraphs[0].text == "DRAFT"
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for wanted in (
        "Attendance",
        "Anglophone Africa (4 seats)",
        "3. Adoption of the agenda",
        "Decisions",
        "Action items",
        "Approval and signatures",
        "Annex: roll calls",
    ):
        assert wanted in headings
    assert any("17 in favour, 0 against, 1 abstention; 9 needed" in p for p in paragraphs)
    assert "Draft, to be approved by the council at its next meeting." in paragraphs
    assert any(p.startswith("Chair: Neema Mwakasege-Lyimo") for p in paragraphs)
    # Tables: details, five regions with the same columns, decisions, the roll call seat by seat.
    cells = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert cells.count(["Name", "Organisation", "Attendance", "Arrived", "Left"]) == 5
    seats = next(t for t in document.tables if t.rows[0].cells[0].text == "Seat")
    assert len(seats.rows) == 1 + 21  # every voting seat: 18 answered, one recused, two excused
    recused = next(row for row in seats.rows if row.cells[0].text == "Mutale Chibwe-Nkonde")
    assert [cell.text for cell in recused.cells[2:]] == ["", "recused"]
    assert document.core_properties.author == "Chiara Ngozi Adébáyọ̀"


def test_the_approved_word_minutes_say_so_and_are_no_longer_marked_draft():
    document = docx.Document(str(COMMITTED / "minutes.docx"))
    paragraphs = [p.text for p in document.paragraphs]
    assert document.sections[0].header.paragraphs[0].text == ""
    assert not any("DRAFT" in p or "Draft, to be approved" in p for p in paragraphs)
    assert (
        "Approved by the council at its meeting of Thursday, 11 March 2027, with the following corrections: Item 10: "
        "the statement of solidarity was proposed jointly by the members from South Kivu and Haut-Katanga."
    ) in paragraphs


def test_the_confidential_word_minutes_are_marked_so_on_every_page():
    document = docx.Document(str(COMMITTED_MARCH / "minutes-closed.docx"))
    assert document.sections[0].header.paragraphs[0].text == "CONFIDENTIAL · DRAFT"
    public = docx.Document(str(COMMITTED_MARCH / "minutes.docx"))
    assert public.sections[0].header.paragraphs[0].text == "DRAFT"


def test_every_zip_entry_has_the_same_fixed_date():
    for path in (COMMITTED / "minutes.docx", COMMITTED_MARCH / "minutes-closed.docx"):
        with zipfile.ZipFile(Path(path)) as archive:
            assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_word_proofs_each_language_as_itself_and_shows_no_other_documents_preview():
    """Word spell-checked every file as en-US (python-docx's template), French minutes too, and
    the template's thumbnail, a picture of another document, was each file's preview."""
    for name, language in (
        ("minutes.docx", "en-GB"),  # the catalogs' spelling: "organisation", "registada"
        ("minutes.fr.docx", "fr-FR"),
        ("minutes.es.docx", "es-ES"),
        ("minutes.sw.docx", "sw-TZ"),
        ("minutes.pt.docx", "pt-PT"),
    ):
        with zipfile.ZipFile(GOLDEN / name) as package:
            assert f'<w:lang w:val="{language}"' in package.read("word/styles.xml").decode("utf-8")
            assert not any("thumbnail" in entry for entry in package.namelist())
            assert b"thumbnail" not in package.read("_rels/.rels")


def test_the_signatures_and_the_journals_hash_are_kept_on_one_page():
    document = docx.Document(str(GOLDEN / "minutes.docx"))
    paragraphs = document.paragraphs
    first = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Chair: "))
    last = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Journal SHA-256: "))
    assert last - first == 4
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[first:last])


def test_a_title_longer_than_words_documents_properties_hold_is_cut_there_not_a_crash():
    """Word keeps at most 255 characters in a document property: a meeting held at length
    (five hubs named in its place) wrote no minutes at all, with a traceback."""
    from meeting.minutes import files

    minutes = files.minutes_in(files.read(files.journal_path(COMMITTED)), None)
    place = ", ".join(f"the {city} regional office" for city in ("Accra", "Lima", "Ouagadougou", "Manila") * 4)
    header = minutes.header.model_copy(update={"title_words": f"Minutes of the meeting held at {place}"})
    written = files.render(minutes.model_copy(update={"header": header}), "docx")
    document = docx.Document(io.BytesIO(written))
    title = document.core_properties.title
    assert len(title) == 255 and title.endswith("…") and title.startswith("Minutes of the meeting held at the Accra")
    assert document.paragraphs[0].text.endswith("the Manila regional office")  # the page keeps it whole
    assert document.core_properties.comments == ""  # not "generated by python-docx"


def test_a_headings_subtitle_stays_on_the_page_of_what_follows():
    """ "Election: …" and its italic subtitle fell at the foot of page 7, the report on page 8:
    the heading kept with its subtitle, the subtitle with nothing."""
    paragraphs = docx.Document(str(GOLDEN / "minutes.docx")).paragraphs
    election = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Election: "))
    item = next(i for i, p in enumerate(paragraphs) if p.text.startswith("8. Election of the council"))
    for heading in (election, item):
        subtitle = paragraphs[heading + 1]
        assert subtitle.runs[0].italic and subtitle.paragraph_format.keep_with_next, subtitle.text


def test_an_items_documents_a_tellers_report_and_a_correction_stay_whole_on_a_page(demos):
    """Found on the pages in Spanish and Swahili: an item's heading, facts and "Documents:" ended
    page 7, its proceedings on page 8 (the documents were kept with nothing); a tellers' report
    split across two pages; the March correction broke mid-sentence."""
    from docx.oxml.ns import qn

    december = docx.Document(str(demos.december / "minutes.docx"))
    paragraphs = december.paragraphs
    documents = [i for i, p in enumerate(paragraphs) if p.text.startswith("Documents: ")]
    assert documents
    for at in documents:
        heading, facts, listed = paragraphs[at - 2], paragraphs[at - 1], paragraphs[at]
        assert heading.style.name == "Heading 2" and facts.runs[0].italic, heading.text
        assert facts.paragraph_format.keep_with_next and listed.paragraph_format.keep_with_next, listed.text
    reports = [t for t in december.tables if t.rows[0].cells[0].text == "Tellers' report"]
    assert len(reports) == 2
    for report in reports:
        rows = report.rows
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)
        kept = [all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs) for row in rows]
        assert kept == [True] * (len(rows) - 1) + [False]  # every row with the next, the last with what follows
    march = docx.Document(str(demos.march / "minutes.docx")).paragraphs
    correction = next(p for p in march if "the observer welcomed was from" in p.text)
    assert correction.paragraph_format.keep_together


def test_an_items_documents_stay_with_its_proceedings_in_print(demos):
    """The HTML printed: "Documents: …" is a lead-in (break-after: avoid) like the facts above it,
    and a correction is not broken across pages."""
    html = (demos.december / "minutes.html").read_text("utf-8")
    assert '<p class="lead-in">Documents: Notice of amendment to Article 7' in html
    assert ".lead-in { break-after: avoid;" in html
    assert "ul.corrections li { break-inside: avoid;" in html


def test_the_details_title_spans_the_table_and_a_sha256_fits_one_line(demos):
    """The details table's header row had an empty second cell, so "Meeting details" wrapped in
    the narrow first column; each source file's SHA-256 broke across two lines (found by a
    secretary, rendered with LibreOffice). The title spans both columns; a SHA-256 is in the
    small monospaced font, 64 characters of which fit the column at A4."""
    document = docx.Document(str(demos.draft / "minutes.docx"))
    details = document.tables[0]._tbl
    first = details.tr_lst[0].tc_lst
    assert len(first) == 1 and first[0].grid_span == 2 and first[0].xpath("string(.)") == "Meeting details"
    sources = next(t for t in document.tables if t.rows[0].cells[0].text == "Source file")
    for row in sources.rows[1:]:
        run = row.cells[1].paragraphs[0].runs[0]
        assert len(run.text) == 64 and run.font.name == "DejaVu Sans Mono" and run.font.size.pt == 7.5
    grid = [col.w for col in sources._tbl.tblGrid.gridCol_lst]
    assert grid[1].mm > 64 * 7.5 * 0.6 * 25.4 / 72 + 4  # the width of 64 monospaced characters and the margins
