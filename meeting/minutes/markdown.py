"""`minutes.md`: the minutes to read, laid out from the Minutes model (nothing is computed here).

`md()` is the one place where text from the record is made safe for Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from meeting.domain.text import visible
from meeting.i18n import _, pgettext
from meeting.minutes import model as m
from meeting.minutes.html import Words
from meeting.words import colon, labelled

# ~~ strikes through; & only where it would start an entity or character reference (&amp;,
# &#123;, &#x1F;, as CommonMark reads them): a plain "Asia & Pacific" keeps its bare & for who
# reads the file as text.
_SPECIAL = re.compile(r"([\\`*_\[\]<|~]|&(?=#?[A-Za-z0-9]+;))")
# Line breaks and runs of spaces: not the no-break spaces French sets before ":" and ";"
# (str.split() would take those too).
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def md(text: str) -> str:
    """Text as Markdown shows it literally inside a line: control characters visible, special
    characters escaped, one line."""
    return _SPECIAL.sub(r"\\\1", _SPACES.sub(" ", visible(text)).strip())


def paragraph(text: str) -> str:
    """Text that starts a line: what would make it a heading, a quote or a list escaped too."""
    text = md(text)
    return "\\" + text if text[:1] in ("#", "+", "-", ">") or re.match(r"\d+[.)] ", text) else text


def person(p: m.Person) -> str:
    return md(f"{p.name} ({p.about})" if p.about else p.name)


def table(header: list[str], rows: list[list[str]]) -> Iterator[str]:
    yield "| " + " | ".join(header) + " |"
    yield "|" + "|".join("---" for _h in header) + "|"
    for row in rows:
        yield "| " + " | ".join(cell or " " for cell in row) + " |"


def _header(minutes: m.Minutes) -> Iterator[str]:
    h = minutes.header
    if h.marks:
        yield "**" + md(" · ".join(h.marks)) + "**"
        yield ""
    yield f"# {md(h.title_words)}"
    yield ""
    rows = [[_("Meeting"), md(h.title)], [_("Date"), md(h.date_words)], [_("Time"), md(h.time_words)]]
    if h.place:
        rows.append([_("Place"), md(h.place)])
    if h.link:
        rows.append([_("Link"), md(h.link)])
    rows += [[_("Chair"), person(h.chair)], [_("Secretary"), person(h.secretary)]]
    yield from table([_("Meeting details"), ""], rows)


def _attendance_rows(rows: list[m.AttendanceRow], with_role: bool) -> list[list[str]]:
    return [[md(cell) for cell in row.cells(with_role)] for row in rows]


def _sitting(sitting: m.Sitting, several: bool) -> Iterator[str]:
    yield ""
    yield "## " + (_("Sitting {number}").format(number=sitting.number) if several else _("The sitting"))
    yield ""
    yield paragraph(sitting.summary)
    yield ""
    yield "### " + _("Attendance")
    head = [_("Name"), _("Organisation"), _("Attendance"), _("Arrived"), _("Left")]
    for region in sitting.attendance.regions:
        yield ""
        yield "#### " + _("{region} ({seats} seats)").format(region=md(region.name), seats=region.seats)
        yield ""
        yield from table(head, _attendance_rows(region.rows, with_role=False))
    attendance = sitting.attendance
    if attendance.others:
        yield ""
        yield "#### " + _("Also in attendance (no vote)")
        yield ""
        yield from table([_("Name"), _("Role"), *head[1:]], _attendance_rows(attendance.others, with_role=True))
    yield ""
    proxies = md(_("; ").join(p.words for p in attendance.proxies))
    yield _labelled(_("Proxies"), proxies or pgettext("proxies", "none"))
    yield ""
    apologies = _(", ").join(person(p) for p in attendance.apologies)
    yield _labelled(_("Apologies"), apologies or pgettext("apologies", "none"))
    yield ""
    yield _labelled(_("Absent"), _(", ").join(person(p) for p in attendance.absent) or pgettext("absent", "none"))
    yield ""
    yield "### " + _("Quorum")
    yield ""
    yield _("Rule: {rule}.").format(rule=md(sitting.quorum_rule))
    if sitting.quorum:
        yield ""
        yield from table(
            [_("Time"), _("When"), _("Count"), _("Quorum")],
            [[q.at, md(q.change_words), md(q.words), _("yes") if q.met else _("no")] for q in sitting.quorum],
        )
    if sitting.timetable:
        yield ""
        yield "### " + _("Timetable")
        yield ""
        yield from table(
            [_("From"), _("To"), _("Minutes"), _("Business")],
            [[t.start, t.end or "", str(t.minutes), md(t.words)] for t in sitting.timetable],
        )


def _entries(entries: list[m.Entry]) -> Iterator[str]:
    for entry in entries:
        yield f"- **{entry.at}** {md(entry.text)}"


def _roll_call(motion: m.MotionRecord, vote: m.VoteRecord) -> Iterator[str]:
    yield ""
    yield "#### " + md(Words.roll_call(motion))
    yield ""
    yield paragraph(vote.words)
    yield ""
    yield from table(
        [_("Region"), _("In favour"), _("Against"), _("Abstentions")],
        [[md(r.name), str(r.yes), str(r.no), str(r.abstain)] for r in vote.by_region],
    )
    yield ""
    rows = []
    for v in vote.roll_call:
        rows.append([md(v.region_name or ""), md(v.seat.name), md(v.voted_by), md(v.choice_words)])
    yield from table([_("Region"), _("Seat"), _("Voted by"), _("Vote")], rows)


def _election(t: Words, e: m.ElectionRecord) -> Iterator[str]:
    yield ""
    yield "#### " + md(t.election_title(e))
    yield ""
    yield "*" + " · ".join(md(f) for f in t.election_facts(e)) + "*"
    if e.composition_words:
        yield ""
        yield paragraph(e.composition_words)
    if e.nominations:
        yield ""
        yield paragraph(t.nominations(e))
    if e.candidates:
        yield ""
        yield paragraph(t.candidates(e))
    for r in e.rounds:
        yield ""
        yield "##### " + md(t.round_title(r))
        yield ""
        yield from table([md(h) for h in t.report_head], [[md(c) for c in row] for row in t.report_rows(r)])
        if (file := t.file_words(r)) is not None:
            yield ""
            yield paragraph(file)
        if r.count is not None:
            yield ""
            yield paragraph(t.sheet_caption(r) + ". " + r.count.words)
            yield ""
            yield from (
                f"{n}. {md(words.split('. ', 1)[1])}" for n, words in enumerate(t.sheet_stages(r.count), start=1)
            )
            for head, rows in t.sheet_tables(r.count):
                yield ""
                yield from table([md(h) for h in head], [[md(c) for c in row] for row in rows])
        if r.explanations:
            yield ""
            yield from (f"- {md(line)}" for line in r.explanations)
        yield ""
        yield paragraph(r.words)
    yield ""
    yield "**" + md(t.elected(e)) + "** " + md(e.words)


def _item(minutes: m.Minutes, item: m.ItemRecord) -> Iterator[str]:
    yield ""
    yield f"### {md(item.heading)}"
    yield ""
    facts = [md(item.kind_words), md(item.timing)]
    if item.presenter:
        facts.append(_("presented by {name}").format(name=person(item.presenter)))
    if item.closed:
        facts.append(_("closed session"))
    if item.added:
        facts.append(_("added during the meeting"))
    if item.status not in ("done", "open"):
        facts.append(md(item.status_words))
    yield "*" + " · ".join(facts) + "*"
    if item.documents:
        yield ""
        yield _("Documents: {documents}.").format(documents=_("; ").join(md(d) for d in item.documents))
    if item.proceedings:
        yield ""
        yield from _entries(item.proceedings)
    if item.speakers:
        yield ""
        yield _("Speakers: {speakers}.").format(
            speakers=_(", ").join(f"{md(s.member.name)} ({s.at})" for s in item.speakers)
        )
    for election in minutes.elections:
        if election.item == item.id:
            yield from _election(Words(minutes), election)
    for number in item.motions:
        motion = minutes.motion(number)
        for vote in motion.votes:
            if vote.roll_call:
                yield from _roll_call(motion, vote)


def _decisions(minutes: m.Minutes) -> Iterator[str]:
    rows = []
    for row in minutes.decisions():
        item = minutes.item(row.item)
        number = str(item.number) if item else ""
        if isinstance(row, m.OtherDecision):
            rows.append([number, md(row.what), md(row.decision)])
            continue
        what = labelled(md(row.label), md(row.text) if row.text else None)
        if row.original_text:
            what += " " + _("(as amended; moved as: {text})").format(text=md(row.original_text))
        if row.translation:
            what += " " + _("(translation: {text})").format(text=f"*{md(row.translation)}*")
        rows.append([number, what, md(row.summary)])
    yield from table([_("Item"), _("Question"), _("Decision")], rows)


def _signatures(minutes: m.Minutes) -> Iterator[str]:
    yield ""
    yield "## " + _("Approval and signatures")
    yield ""
    yield paragraph(minutes.approval.words)
    yield ""
    for signature in minutes.signatures:
        yield labelled(md(signature.role), md(signature.name))
        yield ""
        yield _("Signature: ______________________  Date: ______________")
        yield ""
    yield _("Journal SHA-256: {hash}").format(hash=f"`{minutes.journal.last_entry_sha256}`")


def render(minutes: m.Minutes) -> str:
    lines: list[str] = list(_header(minutes))
    t = Words(minutes)
    several = len(minutes.sittings) > 1
    for sitting in minutes.sittings:
        lines += _sitting(sitting, several)
    lines += ["", "## " + _("Proceedings")]
    if minutes.other_proceedings:
        lines += ["", "### " + _("Outside the agenda items"), ""]
        lines += _entries(minutes.other_proceedings)
    for item in minutes.items:
        lines += _item(minutes, item)
    lines += ["", "## " + _("Decisions"), ""]
    lines += _decisions(minutes) if minutes.decisions() else [t.no_decisions]
    lines += ["", "## " + _("Action items"), ""]
    if minutes.actions:
        lines += table(
            [_("Action"), _("Owner"), _("Due"), _("Item")],
            [[md(a.what), person(a.owner), a.due_words or "", str(a.item_number or "")] for a in minutes.actions],
        )
    else:
        lines.append(t.no_actions)
    lines += ["", "## " + _("Unfinished business"), ""]
    lines += [f"- {md(u)}" for u in minutes.unfinished] or [t.no_unfinished]
    if minutes.corrections:
        lines += ["", "## " + _("Corrections"), ""]
        lines += [f"- **{md(c.at_words)}**{colon()}{md(c.words)}" for c in minutes.corrections]
    lines += _signatures(minutes)
    lines += ["", "## " + _("Annex: the record these minutes come from"), "", paragraph(minutes.journal.words), ""]
    lines += [paragraph(minutes.journal.how_to_check), "", f"    {visible(minutes.journal.check_command)}", ""]
    lines += table([_("Source file"), _("SHA-256")], [[md(s.path), f"`{s.sha256}`"] for s in minutes.journal.sources])
    for words in [c.words for c in minutes.journal.circulated] + [minutes.approval.record_words or ""]:
        lines += ["", paragraph(words)] if words else []
    if minutes.journal.withdrawn:
        lines += ["", t.withdrawn, ""]
        lines += [f"- **{w.at}** {md(w.text)}" for w in minutes.journal.withdrawn]
    return "\n".join(lines).rstrip("\n") + "\n"


def _labelled(label: str, text: str) -> str:
    """ "**Proxies:** none", "**Procurations :** aucune": the label in bold with its colon."""
    return "**" + label + colon().rstrip() + "** " + text
