"""`minutes.docx`: the minutes as a Word document a secretary edits, signs and sends, laid out
from the Minutes model (nothing is computed here).

Title, the details table, attendance by region, the proceedings under a heading per item, the
decisions, the roll-call annex, action items, the approval and signature block; page numbers
in the footer and the marks (DRAFT, CONFIDENTIAL) in the header. The body is written as its
XML in one piece (python-docx's call per row or paragraph costs too much at 1,000 delegates). The same
journal gives the same bytes: the zip entries carry a fixed date and the document's
properties come from the journal. `text()` is the one place record text is made safe for Word.
"""

from __future__ import annotations

import io
import math
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
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from meeting.domain.text import visible
from meeting.i18n import _
from meeting.minutes import model as m
from meeting.minutes.html import Words, decision_row
from meeting.words import colon, labelled

# The date every zip entry carries: the same bytes from the same journal.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_WIDTH_MM = 170  # A4 less the margins


# A bold header letter is up to about 2.9 mm wide (DejaVu Serif Bold, 11 pt); a cell's margins take 4 mm.
_LETTER_MM, _CELL_MM = 2.9, 4.0


def _fitting(head: Sequence[str], widths: Sequence[int]) -> list[int]:
    """The widths, each column wide enough for its header's longest word (a fixed layout broke
    "Kipengele" and "Mahudhurio" in two), the room taken from the column with the most to spare."""
    needed = [
        math.ceil(100 * (max((len(word) for word in h.split()), default=0) * _LETTER_MM + _CELL_MM) / _WIDTH_MM)
        for h in head
    ]
    fitted = list(widths)
    for column, need in enumerate(needed):
        if fitted[column] < need:
            roomiest = max(range(len(fitted)), key=lambda other: fitted[other] - needed[other])
            if fitted[roomiest] - needed[roomiest] >= need - fitted[column]:
                fitted[roomiest] -= need - fitted[column]
                fitted[column] = need
    return fitted


def _property(value: str) -> str:
    """A document property: Word's limit is 255 characters (a place named at length)."""
    words = text(value)
    return words if len(words) <= 255 else words[:254] + "…"


def text(value: str | int | None) -> str:
    """Record text as Word can hold it: control characters shown escaped (XML refuses them)."""
    return visible("" if value is None else str(value))


def _run(
    value: str | int | None, bold: bool = False, italic: bool = False, mono: bool = False, tab: bool = False
) -> str:
    """A run of text; its properties as Word writes them (bold, italic, a small monospaced font)."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if mono:
        props += '<w:rFonts w:ascii="DejaVu Sans Mono" w:hAnsi="DejaVu Sans Mono"/><w:sz w:val="15"/>'
    shown = escape(text(value))
    return (
        f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{shown}</w:t>'
        f"{'<w:tab/>' if tab else ''}</w:r>"
    )


def _cell(
    value: str | int | None,
    bold: bool = False,
    right: bool = False,
    keep: bool = False,
    mono: bool = False,
    span: int = 1,
) -> str:
    """A table cell; `keep`, its row on the page of the next (Word keeps a table together so);
    `mono`, in the small monospaced font (a SHA-256 on one line); `span`, across that many columns."""
    align = '<w:jc w:val="right"/>' if right else ""
    props = f'{"<w:keepNext/>" if keep else ""}<w:spacing w:before="20" w:after="20"/>{align}'
    spans = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    return f"<w:tc>{spans}<w:p><w:pPr>{props}</w:pPr>{_run(value, bold, mono=mono)}</w:p></w:tc>"


# Each paragraph and table of the body declares the namespace itself: moved into the document,
# it carries its names along at once (lxml otherwise re-resolves every node under it, seconds at
# 1,000 delegates); the document, written out, declares it once.
_W = nsdecls("w")


class Body:
    """The document's body as WordprocessingML, written in one piece and parsed once:
    python-docx's paragraph-by-paragraph and row-by-row calls cost too much at 1,000 delegates."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def paragraph(self, *runs: str, props: str = "") -> None:
        self.parts.append(f"<w:p {_W}>{f'<w:pPr>{props}</w:pPr>' if props else ''}{''.join(runs)}</w:p>")

    def words(self, value: str, italic: bool = False, keep: bool = False) -> None:
        """A paragraph; `keep`, on the page of the next (a heading's facts stay with its text)."""
        self.paragraph(_run(value, italic=italic), props="<w:keepNext/>" if keep else "")

    def heading(self, value: str, level: int) -> None:
        self.paragraph(_run(value), props=f'<w:pStyle w:val="Heading{level}"/>')

    def labelled(self, label: str, value: str) -> None:
        """ "Proxies: none", the label in bold."""
        self.paragraph(_run(label + colon(), bold=True), _run(value))

    def entries(self, entries: Sequence[m.Entry | m.Withdrawn]) -> None:
        """Each entry's time, then its text under a hanging indent of 14 mm."""
        for entry in entries:
            self.paragraph(
                _run(entry.at, bold=True, tab=True),
                _run(entry.text),
                props='<w:spacing w:after="60"/><w:ind w:left="794" w:hanging="794"/>',
            )

    def table(
        self,
        head: Sequence[str],
        rows: Sequence[Sequence[str | int | None]],
        widths: Sequence[int],
        numeric: frozenset[int] = frozenset(),
        together: bool = False,
        mono: frozenset[int] = frozenset(),
    ) -> None:
        """A table with a repeated header row and rows that never split across pages;
        `widths` in per cent of the text width; `together`, on one page (a short table: every
        row kept with the next); `mono`, the columns in the small monospaced font. A header
        with fewer cells than columns has its last cell span the rest (a title over the table:
        left beside an empty cell, it wrapped in the narrow first column)."""
        spanned = len(widths) - len(head) + 1
        fitted = _fitting([*head[:-1], *[""] * spanned] if spanned > 1 else head, widths)
        twips = [int(_WIDTH_MM * w / 100 * 56.7) for w in fitted]
        grid = "".join(f'<w:gridCol w:w="{t}"/>' for t in twips)
        keep = "<w:trPr><w:cantSplit/></w:trPr>"
        header = (
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            + "".join(
                _cell(
                    h,
                    bold=True,
                    right=i in numeric,
                    keep=together and bool(rows),
                    span=spanned if i == len(head) - 1 else 1,
                )
                for i, h in enumerate(head)
            )
            + "</w:tr>"
        )
        body = "".join(
            f"<w:tr>{keep}"
            + "".join(
                _cell(c, right=i in numeric, keep=together and n < len(rows) - 1, mono=i in mono)
                for i, c in enumerate(row)
            )
            + "</w:tr>"
            for n, row in enumerate(rows)
        )
        self.parts.append(
            f'<w:tbl {_W}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>'
            f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            f"{header}{body}</w:tbl>"
        )
        self.paragraph()

    def into(self, doc: DocumentObject) -> None:
        """Everything written, placed before the section's properties (which come last)."""
        section = doc.element.body[-1]
        for element in list(parse_xml(f"<body>{''.join(self.parts)}</body>")):
            section.addprevious(element)


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


def _person(p: m.Person) -> str:
    return f"{p.name} ({p.about})" if p.about else p.name


def _page(doc: DocumentObject, minutes: m.Minutes, t: Words) -> None:
    """A4 with 20 mm margins, the styles' fonts, the marks in the header, page numbers in the footer."""
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
    # Word spell-checks in the language the default run properties name (python-docx's template
    # says en-US whatever the minutes' language).
    for language in styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang"):
        language.set(qn("w:val"), _word_language(minutes.language))
    head = section.header.paragraphs[0]
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if minutes.header.marks:
        mark = head.add_run(text(" · ".join(minutes.header.marks)))
        mark.bold = True
        mark.font.color.rgb = RGBColor(0xAA, 0, 0)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run(text(t.page) + " ")
    _field(foot, "PAGE")
    foot._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> / </w:t></w:r>'))
    _field(foot, "NUMPAGES")


def _sittings(body: Body, minutes: m.Minutes, t: Words) -> None:
    for index, sitting in enumerate(minutes.sittings):
        body.heading(t.sitting_titles[index], 1)
        body.words(sitting.summary, keep=True)
        body.heading(t.attendance, 2)
        for region in sitting.attendance.regions:
            body.heading(t.region_caption(region), 3)
            body.table(t.attendance_head, [r.cells(False) for r in region.rows], (23, 24, 19, 14, 20))
        attendance = sitting.attendance
        if attendance.others:
            body.heading(t.others, 3)
            body.table(t.others_head, [r.cells(True) for r in attendance.others], (19, 15, 19, 15, 13, 19))
        body.labelled(t.proxies, _("; ").join(p.words for p in attendance.proxies) or t.no_proxies)
        body.labelled(t.apologies, _(", ").join(_person(p) for p in attendance.apologies) or t.no_apologies)
        body.labelled(t.absent, _(", ").join(_person(p) for p in attendance.absent) or t.nobody_absent)
        body.heading(t.quorum, 2)
        body.words(t.rule(sitting.quorum_rule), keep=True)
        body.table(
            t.quorum_head,
            [[q.at, q.change_words, q.words, _("yes") if q.met else _("no")] for q in sitting.quorum],
            (11, 20, 56, 13),
        )
        if sitting.timetable:
            body.heading(t.timetable_caption, 2)
            body.table(
                t.timetable_head,
                [[s.start, s.end or "", s.minutes, s.words] for s in sitting.timetable],
                (10, 10, 13, 67),
                numeric=frozenset({2}),
            )


def _roll_calls(body: Body, roll_calls: list[tuple[m.MotionRecord, m.VoteRecord]], t: Words) -> None:
    body.heading(_("Annex: roll calls"), 1)
    for motion, vote in roll_calls:
        body.heading(t.roll_call(motion), 2)
        body.paragraph(_run(vote.words), props="<w:keepNext/>")  # the counts stay with their table
        body.table(
            t.by_region_head,
            [[r.name, r.yes, r.no, r.abstain] for r in vote.by_region],
            (40, 20, 20, 20),
            numeric=frozenset({1, 2, 3}),
        )
        rows: list[list[str | int | None]] = [
            [
                v.seat.name,
                v.region_name or "",
                v.voted_by,
                v.choice_words,
            ]
            for v in vote.roll_call
        ]
        body.table(t.by_seat_head, rows, (30, 25, 30, 15))


def _election(body: Body, e: m.ElectionRecord, t: Words) -> None:
    body.heading(t.election_title(e), 3)
    body.words(" · ".join(t.election_facts(e)), italic=True, keep=True)
    if e.composition_words:
        body.words(e.composition_words)
    if e.nominations:
        body.words(t.nominations(e))
    if e.candidates:
        body.words(t.candidates(e))
    for r in e.rounds:
        body.heading(t.round_title(r), 4)
        body.table(t.report_head, t.report_rows(r), (70, 30), numeric=frozenset({1}), together=True)
        if (file := t.file_words(r)) is not None:
            body.words(file)
        if r.count is not None:
            body.paragraph(_run(t.sheet_caption(r) + ". " + r.count.words), props="<w:keepNext/>")
            for line in t.sheet_stages(r.count):
                body.paragraph(_run(line), props='<w:keepNext/><w:ind w:left="284"/>')
            for head, rows in t.sheet_tables(r.count):
                stages = len(head) - 1
                body.table(head, rows, (30, *((70 // stages,) * stages)), numeric=frozenset(range(1, stages + 1)))
        for line in r.explanations:
            body.words("– " + line)
        body.words(r.words)
    body.paragraph(_run(t.elected(e), bold=True), _run(" " + e.words))


# The catalogs' own spelling where it is not CLDR's likely one: British English ("organisation",
# "in favour") and European Portuguese ("registada", "ficheiro"); Word underlined them as wrong.
_CATALOG_VARIETY = {"en": "en-GB", "pt": "pt-PT"}


def _word_language(code: str) -> str:
    """The language tag Word proofs with: the catalog's variety, or a region the language is
    most written in when the code names none ("fr" is "fr-FR"), as CLDR's likely subtags give it."""
    from babel.core import get_global

    if code in _CATALOG_VARIETY:
        return _CATALOG_VARIETY[code]
    likely = get_global("likely_subtags").get(code.replace("-", "_"))
    if likely is None:
        return code
    language, _script, region = likely.split("_")[:3]
    return f"{language}-{region}"


def render(minutes: m.Minutes) -> bytes:
    doc = Document()
    # python-docx's template carries a thumbnail of some other document, which a file browser
    # would show as this one's preview.
    package = doc.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype.endswith("/thumbnail"):
            del package.rels[key]
    t = Words(minutes)
    h = minutes.header
    _page(doc, minutes, t)
    body = Body()
    body.paragraph(_run(h.title_words), props='<w:pStyle w:val="Title"/>')
    details = [
        (_("Meeting"), h.title),
        (_("Date"), h.date_words),
        (_("Time"), h.time_words),
        *([(_("Place"), h.place)] if h.place else []),
        *([(_("Link"), h.link)] if h.link else []),
        (_("Chair"), _person(h.chair)),
        (_("Secretary"), _person(h.secretary)),
    ]
    body.table([t.details], details, (25, 75))  # the title spans both columns
    _sittings(body, minutes, t)

    body.heading(t.proceedings, 1)
    if minutes.other_proceedings:
        body.heading(t.outside, 2)
        body.entries(minutes.other_proceedings)
    roll_calls: list[tuple[m.MotionRecord, m.VoteRecord]] = []
    for item in minutes.items:
        body.heading(item.heading, 2)
        body.words(" · ".join(t.facts(item)), italic=True, keep=True)
        if item.documents:  # with the heading and its facts, on the page of the proceedings
            body.words(t.documents(item.documents), keep=True)
        body.entries(item.proceedings)
        if item.speakers:
            body.words(t.speakers(item.speakers))
        for election in minutes.elections:
            if election.item == item.id:
                _election(body, election, t)
        for number in item.motions:
            motion = minutes.motion(number)
            roll_calls += [(motion, vote) for vote in motion.votes if vote.roll_call]

    body.heading(t.decisions, 1)
    rows: list[list[str | int | None]] = [list(decision_row(minutes, row)) for row in minutes.decisions()]
    if rows:
        body.table(t.decisions_head, rows, (9, 51, 40))
    else:
        body.words(t.no_decisions)
    body.heading(t.actions, 1)
    if minutes.actions:
        body.table(
            t.actions_head,
            [[a.what, _person(a.owner), a.due_words or "", a.item_number or ""] for a in minutes.actions],
            (45, 28, 18, 9),
        )
    else:
        body.words(t.no_actions)
    body.heading(t.unfinished, 1)
    for line in minutes.unfinished or [t.no_unfinished]:
        body.words(line)
    if minutes.corrections:
        body.heading(t.corrections, 1)
        for c in minutes.corrections:  # a whole date is too wide for the entries' column of times
            body.paragraph(
                _run(c.at_words, bold=True), _run(colon() + c.words), props='<w:keepLines/><w:spacing w:after="60"/>'
            )  # a correction is read whole: on one page

    body.heading(t.approval, 1)
    body.paragraph(_run(minutes.approval.words), props="<w:keepNext/>")  # on the page it is signed on
    # The signatures and the journal's hash they sign for, kept on one page.
    for signature in minutes.signatures:
        body.paragraph(
            _run(labelled(signature.role, signature.name), bold=True), props='<w:keepNext/><w:spacing w:before="360"/>'
        )
        body.paragraph(_run(_("Signature: ______________________  Date: ______________")), props="<w:keepNext/>")
    body.words(f"{t.journal_hash} {minutes.journal.last_entry_sha256}")
    if roll_calls:
        _roll_calls(body, roll_calls, t)

    body.heading(t.annex, 1)
    body.words(minutes.journal.words)
    body.words(minutes.journal.how_to_check)
    body.paragraph(_run(minutes.journal.check_command, mono=True))
    # A SHA-256 in the small monospaced font, on one line: 64 characters of 7.5 pt DejaVu Sans Mono
    # take 102 mm of the column's 110.
    body.table(t.sources_head, [[s.path, s.sha256] for s in minutes.journal.sources], (35, 65), mono=frozenset({1}))
    for words in [c.words for c in minutes.journal.circulated] + [minutes.approval.record_words or ""]:
        if words:
            body.words(words)
    if minutes.journal.withdrawn:
        body.words(t.withdrawn, keep=True)
        body.entries(minutes.journal.withdrawn)
    body.into(doc)

    props = doc.core_properties
    props.title = _property(h.title_words)
    props.author = props.last_modified_by = _property(h.secretary.name)
    props.subject = _property(h.title)
    props.comments = ""  # python-docx's template says "generated by python-docx"
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
