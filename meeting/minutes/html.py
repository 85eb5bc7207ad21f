"""`minutes.html`: the minutes for print (A4) and for a phone, in one self-contained file.

Inline CSS, no script, no external resource; semantic tables with captions; laid out from the
Minutes model (nothing is computed here).
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from meeting.i18n import _
from meeting.minutes import model as m

CSS = """\
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; --band: #f3f3f0; --accent: #1d4e89; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 54rem; padding: 1.5rem 1.25rem 3rem; color: var(--ink); background: #fff;
  font: 1rem/1.5 "Noto Serif", "DejaVu Serif", Georgia, serif; overflow-wrap: break-word; }
h1, h2, h3, h4 { font-family: "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; line-height: 1.25;
  break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; color: var(--accent); }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.08rem; margin: 1.5rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
p { margin: .4rem 0; }
.lead { color: var(--muted); margin-bottom: 1rem; }
.facts { color: var(--muted); font-style: italic; break-after: avoid; page-break-after: avoid; }
.keep { break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
th, td { border: 1px solid var(--rule); padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: var(--band); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.t, th.t, th[scope="row"] { white-space: nowrap; }
td time { color: inherit; }
tr { break-inside: avoid; page-break-inside: avoid; }
ol.proceedings { list-style: none; padding: 0; margin: .5rem 0; }
ol.proceedings li { display: grid; grid-template-columns: 3.4rem 1fr; gap: .5rem; padding: .15rem 0; }
time { font-variant-numeric: tabular-nums; color: var(--muted); }
.result { font-weight: 600; }
code { font-size: .8rem; word-break: break-all; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; margin-top: 2rem; }
.signature { border-top: 1px solid var(--ink); padding-top: .4rem; min-height: 5rem; }
.table-wrap { overflow-x: auto; }
@media (max-width: 40rem) {
  body { padding: 1rem .75rem 2rem; font-size: .97rem; }
  h1 { font-size: 1.35rem; }
  table { font-size: .85rem; }
  .signatures { grid-template-columns: 1fr; }
  table.stack caption { display: block; width: 100%; }
  table.stack thead { position: absolute; left: -9999px; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack tr { border: 1px solid var(--rule); margin: 0 0 .5rem; padding: .25rem .4rem; }
  table.stack td { border: 0; padding: .1rem 0; }
  table.stack td[data-label]:not(:empty)::before { content: attr(data-label) ": "; color: var(--muted); font-size: .8rem; }
  table.stack td:first-child { font-weight: 600; }
}
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-before: auto; }
  a { color: inherit; text-decoration: none; }
  .table-wrap { overflow: visible; }
  .signatures { break-inside: avoid; page-break-inside: avoid; }
}
"""


def _cls(index: int, numeric: frozenset[int], times: frozenset[int]) -> str:
    return ' class="n"' if index in numeric else ' class="t"' if index in times else ""


def e(text: str | int | None) -> str:
    return escape("" if text is None else str(text), quote=True)


def person(p: m.Person) -> str:
    return e(f"{p.name} ({p.about})" if p.about else p.name)


def table(
    caption: str,
    header: list[str],
    rows: list[list[str]],
    numeric: frozenset[int] = frozenset(),
    stack: bool = True,
    times: frozenset[int] = frozenset(),
) -> Iterator[str]:
    """A table whose cells are already HTML; on a phone, `stack` lays each row out as a card; a
    table that does not stack is short, and is kept on one page when printed."""
    yield '<div class="table-wrap">' if stack else '<div class="table-wrap keep">'
    yield '<table class="stack">' if stack else "<table>"
    yield f"<caption>{caption}</caption>"
    heads = "".join(f'<th scope="col"{_cls(i, numeric, times)}>{h}</th>' for i, h in enumerate(header))
    yield f"<thead><tr>{heads}</tr></thead>"
    yield "<tbody>"
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            cls = _cls(i, numeric, times)
            cells.append(f'<td{cls} data-label="{header[i]}">{cell}</td>')
        yield "<tr>" + "".join(cells) + "</tr>"
    yield "</tbody>"
    yield "</table>"
    yield "</div>"


def _header(minutes: m.Minutes) -> Iterator[str]:
    h = minutes.header
    yield "<header>"
    yield f"<h1>{e(h.title)}</h1>"
    yield f'<p class="lead">{e(h.council)} ({e(h.council_short)}) · {e(h.kind_words)} · {e(h.date_words)}</p>'
    when = _("scheduled {start} ({zone}), {minutes} minutes").format(
        start=h.scheduled_start, zone=h.time_zone, minutes=h.duration_minutes
    )
    if h.called_to_order:
        when = (
            _("called to order {start}").format(start=h.called_to_order)
            + (", " + _("adjourned {end}").format(end=h.adjourned) if h.adjourned else "")
            + "; "
            + when
        )
    rows = [
        [e(_("Meeting")), f"{e(h.title)} (<code>{e(h.meeting)}</code>)"],
        [e(_("Date")), f'<time datetime="{e(h.date)}">{e(h.date_words)}</time>'],
        [e(_("Time")), e(when)],
    ]
    if h.place:
        rows.append([e(_("Place")), e(h.place)])
    if h.link:
        rows.append([e(_("Link")), f'<a href="{e(h.link)}">{e(h.link)}</a>'])
    rows += [
        [e(_("Chair")), person(h.chair)],
        [e(_("Secretary")), person(h.secretary)],
        [e(_("Language")), e(h.meeting_language)],
        [e(_("Status")), e(h.status_words)],
    ]
    yield "<table>"
    yield f"<caption>{e(_('Meeting details'))}</caption>"
    yield "<tbody>"
    for label, value in rows:
        yield f'<tr><th scope="row">{label}</th><td>{value}</td></tr>'
    yield "</tbody></table>"
    yield "</header>"


def _attendance_rows(rows: list[m.AttendanceRow], with_role: bool) -> list[list[str]]:
    return [[e(cell) for cell in row.cells(with_role)] for row in rows]


def _sitting(sitting: m.Sitting, several: bool) -> Iterator[str]:
    title = _("Sitting {number}").format(number=sitting.number) if several else _("The sitting")
    yield f'<section id="sitting-{sitting.number}">'
    yield f"<h2>{e(title)}</h2>"
    yield f"<p>{e(sitting.summary)}</p>"
    yield f"<h3>{e(_('Attendance'))}</h3>"
    head = [e(_("Name")), e(_("Organisation")), e(_("Attendance")), e(_("Arrived")), e(_("Left"))]
    for region in sitting.attendance.regions:
        caption = e(_("{region} ({seats} seats)").format(region=region.name, seats=region.seats))
        yield from table(caption, head, _attendance_rows(region.rows, with_role=False), times=frozenset({3}))
    attendance = sitting.attendance
    if attendance.others:
        yield from table(
            e(_("Also in attendance (no vote)")),
            [head[0], e(_("Role")), *head[1:]],
            _attendance_rows(attendance.others, with_role=True),
            times=frozenset({4}),
        )
    proxies = _("; ").join(p.words for p in attendance.proxies) or _("none")
    yield f"<p><strong>{e(_('Proxies'))}:</strong> {e(proxies)}</p>"
    apologies = _(", ").join(f"{p.name} ({p.about})" if p.about else p.name for p in attendance.apologies) or _("none")
    yield f"<p><strong>{e(_('Apologies'))}:</strong> {e(apologies)}</p>"
    absent = _(", ").join(f"{p.name} ({p.about})" if p.about else p.name for p in attendance.absent) or _("none")
    yield f"<p><strong>{e(_('Absent'))}:</strong> {e(absent)}</p>"
    yield f"<h3>{e(_('Quorum'))}</h3>"
    yield f"<p>{e(_('Rule: {rule}.').format(rule=sitting.quorum_rule))}</p>"
    if sitting.quorum:
        yield from table(
            e(_("Quorum at the call to order and at each change")),
            [e(_("Time")), e(_("When")), e(_("Count"))],
            [[f"<time>{e(q.at)}</time>", e(q.change_words), e(q.words)] for q in sitting.quorum],
            times=frozenset({0}),
        )
    yield "</section>"


def _entries(entries: list[m.Entry]) -> Iterator[str]:
    yield '<ol class="proceedings">'
    for entry in entries:
        yield f"<li><time>{e(entry.at)}</time><span>{e(entry.text)}</span></li>"
    yield "</ol>"


def _roll_call(motion: m.MotionRecord, vote: m.VoteRecord) -> Iterator[str]:
    yield f'<p class="result">{e(vote.words)}</p>'
    yield from table(
        e(_("Roll call on motion #{number}, by region").format(number=motion.number)),
        [e(_("Region")), e(_("Yes")), e(_("No")), e(_("Abstain"))],
        [[e(r.name), e(r.yes), e(r.no), e(r.abstain)] for r in vote.by_region],
        numeric=frozenset({1, 2, 3}),
        stack=False,
    )
    rows = []
    for v in vote.roll_call:
        voter = e(v.voter.name) + (f" ({e(v.via_words)})" if v.via_words else "")
        rows.append([e(v.seat.name), e(v.region_name), voter, e(v.choice_words)])
    yield from table(
        e(_("Roll call on motion #{number}, seat by seat").format(number=motion.number)),
        [e(_("Seat")), e(_("Region")), e(_("Voted by")), e(_("Vote"))],
        rows,
    )


def _item(minutes: m.Minutes, item: m.ItemRecord) -> Iterator[str]:
    yield f'<section id="item-{e(item.id)}">'
    yield f"<h3>{item.number}. {e(item.title)}</h3>"
    facts = [e(item.kind_words), e(item.timing)]
    if item.presenter:
        facts.append(e(_("presented by {name}").format(name=f"{item.presenter.name}")))
    if item.added:
        facts.append(e(_("added during the meeting")))
    if item.status not in ("done", "open"):
        facts.append(e(item.status_words))
    yield f'<p class="facts">{" · ".join(facts)}</p>'
    if item.documents:
        yield f"<p>{e(_('Documents: {documents}.').format(documents=_('; ').join(item.documents)))}</p>"
    if item.recusals:
        members = _("; ").join(
            (f"{r.member.name} ({r.member.about})" if r.member.about else r.member.name)
            + (f" — {r.reason}" if r.reason else "")
            for r in item.recusals
        )
        yield f"<p>{e(_('Recused from the votes: {members}.').format(members=members))}</p>"
    if item.proceedings:
        yield from _entries(item.proceedings)
    if item.speakers:
        speakers = _(", ").join(f"{s.member.name} ({s.at})" for s in item.speakers)
        yield f"<p>{e(_('Speakers: {speakers}.').format(speakers=speakers))}</p>"
    for number in item.motions:
        motion = minutes.motion(number)
        for vote in [x.vote for x in motion.earlier if x.vote] + ([motion.vote] if motion.vote else []):
            if vote.roll_call:
                yield from _roll_call(motion, vote)
    yield "</section>"


def _decisions(minutes: m.Minutes) -> Iterator[str]:
    rows = []
    for motion in minutes.motions:
        item = next((str(i.number) for i in minutes.items if i.id == motion.item), "")
        what = e(motion.label) + (f": {e(motion.text)}" if motion.text else "")
        if motion.original_text:
            what += " " + e(_("(as amended; moved as: {text})").format(text=motion.original_text))
        if motion.translation:
            what += f' <i lang="{e(minutes.language)}">{e(motion.translation)}</i>'
        rows.append([item, what, e(motion.summary)])
    yield from table(
        e(_("Every motion and how it was decided")), [e(_("Item")), e(_("Motion")), e(_("Decision"))], rows
    )


def render(minutes: m.Minutes) -> str:
    h = minutes.header
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{e(minutes.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(_('Minutes: {title}').format(title=h.title))}</title>",
        f"<style>\n{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
    ]
    out += _header(minutes)
    several = len(minutes.sittings) > 1
    for sitting in minutes.sittings:
        out += _sitting(sitting, several)
    out += ['<section id="interests">', f"<h2>{e(_('Declarations of interest'))}</h2>"]
    out += (
        _entries([m.Entry(at=i.at, text=i.words) for i in minutes.interests])
        if minutes.interests
        else [f"<p>{e(_('None.'))}</p>"]
    )
    out += ["</section>", '<section id="proceedings">', f"<h2>{e(_('Proceedings'))}</h2>"]
    if minutes.other_proceedings:
        out += [f"<h3>{e(_('Outside the agenda items'))}</h3>"]
        out += _entries(minutes.other_proceedings)
    for item in minutes.items:
        out += _item(minutes, item)
    out += ["</section>", '<section id="decisions">', f"<h2>{e(_('Decisions'))}</h2>"]
    out += _decisions(minutes) if minutes.motions else [f"<p>{e(_('None.'))}</p>"]
    out += ["</section>", '<section id="actions">', f"<h2>{e(_('Action items'))}</h2>"]
    if minutes.actions:
        out += table(
            e(_("Action items")),
            [e(_("Action")), e(_("Owner")), e(_("Due")), e(_("Item"))],
            [[e(a.what), person(a.owner), e(a.due), e(a.item_number)] for a in minutes.actions],
            times=frozenset({2}),
        )
    else:
        out.append(f"<p>{e(_('None.'))}</p>")
    out += ["</section>", '<section id="unfinished">', f"<h2>{e(_('Unfinished business'))}</h2>"]
    out += (
        (["<ul>"] + [f"<li>{e(u)}</li>" for u in minutes.unfinished] + ["</ul>"])
        if minutes.unfinished
        else [f"<p>{e(_('None.'))}</p>"]
    )
    out += ["</section>", '<section id="corrections">', f"<h2>{e(_('Corrections to the record'))}</h2>"]
    out += (
        _entries([m.Entry(at=c.at, text=c.text) for c in minutes.corrections])
        if minutes.corrections
        else [f"<p>{e(_('None.'))}</p>"]
    )
    out += [
        "</section>",
        '<section id="record">',
        f"<h2>{e(_('The record'))}</h2>",
        f"<p>{e(minutes.journal.words)}</p>",
    ]
    out += table(
        e(_("Source files")),
        [e(_("Source file")), e(_("SHA-256"))],
        [[e(s.path), f"<code>{e(s.sha256)}</code>"] for s in minutes.journal.sources],
        stack=False,
    )
    out += ["</section>", '<section id="signatures">', f"<h2>{e(_('Signatures'))}</h2>", '<div class="signatures">']
    for signature in minutes.signatures:
        out.append(
            f'<div class="signature"><strong>{e(signature.role)}</strong><br>{e(signature.name)}<br>'
            f"{e(_('Date:'))}</div>"
        )
    out += ["</div>", "</section>", "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
