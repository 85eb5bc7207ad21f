"""`minutes.docx`: the minutes as a Word document a secretary edits, signs and sends, laid out
from the Minutes model (nothing is computed here).

Title, the details table, attendance by region, the proceedings under a heading per item, the
decisions, the roll-call annex, action items, the approval and signature block; page numbers
in the footer and the marks (DRAFT, CONFIDENTIAL) in the header. Tables are written as their
XML in one piece (python-docx's row-by-row calls cost too much at 1,000 delegates). The same
journal gives the same bytes: the zip entries carry a fixed date and the document's
properties come from the journal. `text()` is the one place record text is made safe for Word.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from meeting.domain.text import visible
from meeting.i18n import _
from meeting.minutes import model as m
from meeting.minutes.html import Words

# The date every zip entry carries: the same bytes from the same journal.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_WIDTH_MM = 170  # A4 less the margins


def text(value: str | int | None) -> str:
    """Record text as Word can hold it: control characters shown escaped (XML refuses them)."""
    return visible("" if value is None else str(value))


def _cell(value: str | int | None, bold: bool = False, right: bool = False) -> str:
    shown = escape(text(value))
    align = '<w:jc w:val="right"/>' if right else ""
    run_props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return (
        f'<w:tc><w:p><w:pPr><w:spacing w:before="20" w:after="20"/>{align}</w:pPr>'
        f'<w:r>{run_props}<w:t xml:space="preserve">{shown}</w:t></w:r></w:p></w:tc>'
    )


def table(
    doc: DocumentObject,
    head: Sequence[str],
    rows: Sequence[Sequence[str | int | None]],
    widths: Sequence[int],
    numeric: frozenset[int] = frozenset(),
) -> None:
    """A table with a repeated header row and rows that never split across pages, written
    as one piece of XML; `widths` in per cent of the text width."""
    twips = [int(_WIDTH_MM * w / 100 * 56.7) for w in widths]
    grid = "".join(f'<w:gridCol w:w="{t}"/>' for t in twips)
    keep = "<w:trPr><w:cantSplit/></w:trPr>"
    header = (
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        + "".join(_cell(h, bold=True, right=i in numeric) for i, h in enumerate(head))
        + "</w:tr>"
    )
    body = "".join(
        f"<w:tr>{keep}" + "".join(_cell(c, right=i in numeric) for i, c in enumerate(row)) + "</w:tr>" for row in rows
    )
    xml = (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>'
        f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f"{header}{body}</w:tbl>"
    )
    body = doc.element.body
    body.insert(len(body) - 1, parse_xml(xml))  # before the section's properties, which come last
    doc.add_paragraph()


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A field Word fills in when it lays the page out: the page number, the number of pages."""
    for part in (
        '<w:fldChar w:fldCharType="begin"/>',
        f'<w:instrText xml:space="preserve"> {instruction} </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        "<w:t>1</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    ):
        paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{part}</w:r>"))


def _entries(doc: DocumentObject, entries: Sequence[m.Entry | m.Withdrawn]) -> None:
    for entry in entries:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.left_indent = Mm(14)
        paragraph.paragraph_format.first_line_indent = Mm(-14)
        paragraph.paragraph_format.space_after = Pt(3)
        paragraph.add_run(text(entry.at) + "\t").bold = True
        paragraph.add_run(text(entry.text))


def _person(p: m.Person) -> str:
    return f"{p.name} ({p.about})" if p.about else p.name


def render(minutes: m.Minutes) -> bytes:
    doc = Document()
    t = Words(minutes)
    h = minutes.header
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    styles = doc.styles
    styles["Normal"].font.name = "DejaVu Serif"
    styles["Normal"].font.size = Pt(10)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        styles[name].font.name = "DejaVu Sans"
        styles[name].font.color.rgb = RGBColor(0x1D, 0x4E, 0x89)
    styles["Title"].font.size = Pt(16)

    head = section.header.paragraphs[0]
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if h.marks:
        mark = head.add_run(text(" · ".join(h.marks)))
        mark.bold = True
        mark.font.color.rgb = RGBColor(0xAA, 0, 0)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run(text(t.page) + " ")
    _field(foot, "PAGE")
    foot._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> / </w:t></w:r>'))
    _field(foot, "NUMPAGES")

    doc.add_paragraph(text(h.title_words), style="Title")
    details = [
        (_("Meeting"), h.title),
        (_("Date"), h.date_words),
        (_("Time"), h.time_words),
        *([(_("Place"), h.place)] if h.place else []),
        *([(_("Link"), h.link)] if h.link else []),
        (_("Chair"), _person(h.chair)),
        (_("Secretary"), _person(h.secretary)),
    ]
    table(doc, [t.details, ""], details, (25, 75))

    for index, sitting in enumerate(minutes.sittings):
        doc.add_heading(text(t.sitting_titles[index]), level=1)
        doc.add_paragraph(text(sitting.summary))
        doc.add_heading(text(t.attendance), level=2)
        for region in sitting.attendance.regions:
            doc.add_heading(text(t.region_caption(region)), level=3)
            table(doc, t.attendance_head, [r.cells(False) for r in region.rows], (24, 25, 19, 12, 20))
        if sitting.attendance.others:
            doc.add_heading(text(t.others), level=3)
            table(doc, t.others_head, [r.cells(True) for r in sitting.attendance.others], (20, 12, 20, 16, 12, 20))
        attendance = sitting.attendance
        for label, names in (
            (t.proxies, [p.words for p in attendance.proxies]),
            (t.apologies, [_person(p) for p in attendance.apologies]),
            (t.absent, [_person(p) for p in attendance.absent]),
        ):
            paragraph = doc.add_paragraph()
            paragraph.add_run(text(label) + ": ").bold = True
            paragraph.add_run(text(_(", ").join(names) or t.none_))
        doc.add_heading(text(t.quorum), level=2)
        doc.add_paragraph(text(t.rule(sitting.quorum_rule)))
        table(
            doc,
            t.quorum_head,
            [[q.at, q.change_words, q.words, _("yes") if q.met else _("no")] for q in sitting.quorum],
            (9, 20, 58, 13),
        )
        if sitting.timetable:
            doc.add_heading(text(t.timetable_caption), level=2)
            table(
                doc,
                t.timetable_head,
                [[s.start, s.end or "", s.minutes, s.words] for s in sitting.timetable],
                (10, 10, 13, 67),
                numeric=frozenset({2}),
            )

    doc.add_heading(text(t.proceedings), level=1)
    if minutes.other_proceedings:
        doc.add_heading(text(t.outside), level=2)
        _entries(doc, minutes.other_proceedings)
    roll_calls: list[tuple[m.MotionRecord, m.VoteRecord]] = []
    for item in minutes.items:
        doc.add_heading(text(item.heading), level=2)
        doc.add_paragraph(text(" · ".join(t.facts(item)))).runs[0].italic = True
        if item.documents:
            doc.add_paragraph(text(t.documents(item.documents)))
        _entries(doc, item.proceedings)
        if item.speakers:
            doc.add_paragraph(text(t.speakers(item.speakers)))
        for number in item.motions:
            motion = minutes.motion(number)
            roll_calls += [(motion, vote) for vote in motion.votes if vote.roll_call]

    doc.add_heading(text(t.decisions), level=1)
    rows = []
    for motion in minutes.motions:
        found = minutes.item(motion.item)
        what = motion.label + (f": {motion.text}" if motion.text else "")
        rows.append([str(found.number) if found else "", what, motion.summary])
    if rows:
        table(doc, t.decisions_head, rows, (9, 51, 40))
    else:
        doc.add_paragraph(text(t.none))

    doc.add_heading(text(t.actions), level=1)
    if minutes.actions:
        table(
            doc,
            t.actions_head,
            [[a.what, _person(a.owner), a.due or "", a.item_number or ""] for a in minutes.actions],
            (45, 28, 18, 9),
        )
    else:
        doc.add_paragraph(text(t.none))
    doc.add_heading(text(t.unfinished), level=1)
    for line in minutes.unfinished or [t.none]:
        doc.add_paragraph(text(line))
    if minutes.corrections:
        doc.add_heading(text(t.corrections), level=1)
        _entries(doc, [m.Entry(at=c.at, text=c.words) for c in minutes.corrections])

    doc.add_heading(text(t.approval), level=1)
    doc.add_paragraph(text(minutes.approval.words))
    for signature in minutes.signatures:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(18)
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run(text(f"{signature.role}: {signature.name}")).bold = True
        doc.add_paragraph(text(_("Signature: ______________________  Date: ______________")))
    doc.add_paragraph(text(f"{t.journal_hash} {minutes.journal.last_entry_sha256}"))

    if roll_calls:
        doc.add_heading(text(_("Annex: roll calls")), level=1)
        for motion, vote in roll_calls:
            doc.add_heading(text(t.roll_call(motion)), level=2)
            doc.add_paragraph(text(vote.words))
            table(
                doc,
                t.by_region_head,
                [[r.name, r.yes, r.no, r.abstain] for r in vote.by_region],
                (40, 20, 20, 20),
                numeric=frozenset({1, 2, 3}),
            )
            table(
                doc,
                t.by_seat_head,
                [
                    [
                        v.seat.name,
                        v.region_name or "",
                        v.voter.name + (f" ({v.via_words})" if v.via_words else ""),
                        v.choice_words,
                    ]
                    for v in vote.roll_call
                ],
                (30, 25, 30, 15),
            )
    doc.add_heading(text(t.annex), level=1)
    doc.add_paragraph(text(minutes.journal.words))
    doc.add_paragraph(text(minutes.journal.how_to_check))
    command = doc.add_paragraph().add_run(text(minutes.journal.check_command))
    command.font.name, command.font.size = "DejaVu Sans Mono", Pt(7.5)
    table(doc, t.sources_head, [[s.path, s.sha256] for s in minutes.journal.sources], (35, 65))
    for words in [c.words for c in minutes.journal.circulated] + [minutes.approval.record_words or ""]:
        if words:
            doc.add_paragraph(text(words))
    if minutes.journal.withdrawn:
        doc.add_paragraph(text(t.withdrawn))
        _entries(doc, minutes.journal.withdrawn)

    props = doc.core_properties
    props.title = text(h.title_words)
    props.author = props.last_modified_by = text(h.secretary.name)
    props.subject = text(h.title)
    props.language = minutes.language
    props.revision = 1
    moment = datetime.fromisoformat(h.date).replace(tzinfo=UTC)
    props.created = props.modified = props.last_printed = moment
    props.keywords = text(minutes.journal.last_entry_sha256)
    return _saved(doc)


class _FixedDates:
    """python-docx's physical package writer (`write`, `close`), with every zip entry dated
    alike: the same journal gives the same bytes, compressed once."""

    def __init__(self, file: io.BytesIO) -> None:
        self._zip = zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=_ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._zip.writestr(info, blob)

    def close(self) -> None:
        self._zip.close()


def _saved(doc: DocumentObject) -> bytes:
    """What `doc.save` writes (python-docx 1.2.0's PackageWriter, step by step), through `_FixedDates`."""
    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    buffer = io.BytesIO()
    writer = _FixedDates(buffer)
    PackageWriter._write_content_types_stream(writer, package.parts)  # type: ignore[no-untyped-call]
    PackageWriter._write_pkg_rels(writer, package.rels)  # type: ignore[no-untyped-call]
    PackageWriter._write_parts(writer, package.parts)  # type: ignore[arg-type]
    writer.close()
    return buffer.getvalue()
