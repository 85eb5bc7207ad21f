"""`minutes.html`: the minutes for print (A4) and for a phone, in one self-contained file,
from Jinja2 templates shipped with the package (templates/minutes.html and minutes.css).

A council restyles its minutes without code: `meeting minutes --templates DIR` takes a folder
whose minutes.html or minutes.css replace the packaged ones (docs/minutes.md). Autoescape is on,
and `visible()` runs on every value: the templates are the one place HTML is made safe.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from markupsafe import Markup

from meeting.diagnostics import error
from meeting.domain.text import visible
from meeting.formats import exact_figure
from meeting.i18n import _, ngettext, pgettext
from meeting.minutes import model as m
from meeting.minutes.files import TemplateFailed
from meeting.vocabulary import upper_first
from meeting.words import colon, labelled

TEMPLATES = Path(__file__).parent / "templates"


def _finalize(value: Any) -> Any:
    return visible(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def unescaping(folder: str) -> tuple[str, int] | None:
    """Where a template of a --templates folder would let text through unescaped ('|safe',
    '{% autoescape false %}'): the record's text (a name, a motion) is the members' own and must
    reach the page escaped. A template Jinja2 cannot read is said when it is filled."""
    for path in sorted(Path(folder).glob("*.html")):
        try:
            tree = environment(folder).parse(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
            continue
        for node in tree.find_all((nodes.Filter, nodes.EvalContextModifier)):
            if isinstance(node, nodes.Filter) and node.name == "safe":
                return str(path), node.lineno
            if isinstance(node, nodes.EvalContextModifier) and any(
                option.key == "autoescape"
                and not (isinstance(option.value, nodes.Const) and option.value.value is True)
                for option in node.options
            ):
                return str(path), node.lineno
    return None


@cache
def environment(folder: str | None = None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(TEMPLATES))]
    if folder is not None:
        loaders.insert(0, jinja2.FileSystemLoader(folder))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    env.filters.update(
        quorum_row=lambda q: [q.at, q.change_words, q.words, _("yes") if q.met else _("no")],
        slot_row=lambda t: [t.start, t.end or "", t.minutes, t.words],
        region_row=lambda r: [r.name, r.yes, r.no, r.abstain],
        seat_row=lambda v: [
            v.seat.name,
            v.region_name or "",
            v.voted_by,
            v.choice_words,
        ],
        action_row=lambda a: [a.what, _person(a.owner), a.due_words or "", a.item_number or ""],
        source_row=lambda s: [s.path, s.sha256],
    )
    env.globals.update(
        attendance_rows=lambda rows, with_role: [row.cells(with_role) for row in rows],
        css_string=css_string,
    )
    return env


_CSS_PLAIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;!?'()-")


def css_string(text: str) -> Markup:
    """A CSS string (the running marks, "Page"): every other character as a CSS escape, six
    digits and the space that ends it, so that no quote, backslash or `</style>` can end it."""
    shown = "".join(c if c in _CSS_PLAIN else f"\\{ord(c):06x} " for c in visible(text))
    return Markup(f'"{shown}"')


# Stages in one table of a count sheet: more would not fit across a printed page.
SHEET_STAGES = 4


def _cell(votes: str, moved: str) -> str:
    return f"{exact_figure(votes)} ({exact_figure(moved)})" if moved else exact_figure(votes)


def _person(p: m.Person) -> str:
    return f"{p.name} ({p.about})" if p.about else p.name


class Words:
    """The words the template shows around the record, in the minutes' language."""

    def __init__(self, minutes: m.Minutes) -> None:
        several = len(minutes.sittings) > 1
        self.page = _("Page")
        self.details = _("Meeting details")
        self.sitting_titles = [
            _("Sitting {number}").format(number=s.number) if several else _("The sitting") for s in minutes.sittings
        ]
        self.attendance = _("Attendance")
        self.attendance_head = [_("Name"), _("Organisation"), _("Attendance"), _("Arrived"), _("Left")]
        self.others = _("Also in attendance (no vote)")
        self.others_head = [_("Name"), _("Role"), *self.attendance_head[1:]]
        self.proxies, self.apologies, self.absent = _("Proxies"), _("Apologies"), _("Absent")
        # "none" agrees with what there is none of: "aucune" procuration, "aucun" absent.
        self.no_proxies, self.no_apologies = pgettext("proxies", "none"), pgettext("apologies", "none")
        self.nobody_absent = pgettext("absent", "none")
        self.colon = colon().rstrip()  # after a label in bold: "Proxies:", "Procurations :"
        self.quorum = _("Quorum")
        self.quorum_caption = _("Quorum at the call to order and at each change")
        self.quorum_head = [_("Time"), _("When"), _("Count"), _("Quorum")]
        self.timetable_caption = _("Timetable: every minute from the call to order to adjournment")
        self.timetable_head = [_("From"), _("To"), _("Minutes"), _("Business")]
        self.proceedings = _("Proceedings")
        self.outside = _("Outside the agenda items")
        self.by_region_head = [_("Region"), _("In favour"), _("Against"), _("Abstentions")]
        self.by_seat_head = [_("Seat"), _("Region"), _("Voted by"), _("Vote")]
        self.decisions = _("Decisions")
        self.decisions_caption = _("Every decision and how it was reached")
        self.decisions_head = [_("Item"), _("Question"), _("Decision")]
        self.actions = _("Action items")
        self.actions_head = [_("Action"), _("Owner"), _("Due"), _("Item")]
        self.unfinished = _("Unfinished business")
        # An empty section says so in words that agree with what it lists: "Ninguna" decisión or
        # tarea, "Ninguno" asunto pendiente.
        self.no_decisions = pgettext("decisions", "None.")
        self.no_actions = pgettext("action items", "None.")
        self.no_unfinished = pgettext("unfinished business", "None.")
        self.corrections = _("Corrections")
        self.approval = _("Approval and signatures")
        self.signature_date = _("Date:")
        self.journal_hash = _("Journal SHA-256:")
        self.annex = _("Annex: the record these minutes come from")
        self.sources = _("Source files")
        self.sources_head = [_("Source file"), _("SHA-256")]
        self.withdrawn = _("Entries the chair undid during the meeting:")
        self.report_head = [_("Tellers' report"), _("Votes")]

    # ── elections: the same layout in every format ──

    @staticmethod
    def election_title(e: m.ElectionRecord) -> str:
        title = _("Election: {office}").format(office=e.office)
        return f"{title} — {e.region_name}" if e.region_name else title

    @staticmethod
    def election_facts(e: m.ElectionRecord) -> list[str]:
        return [e.method_words, ngettext("{n} seat", "{n} seats", e.seats).format(n=e.seats)]

    @staticmethod
    def candidates(e: m.ElectionRecord) -> str:
        names = _("; ").join(_person(p) for p in e.candidates) or _("none")
        return _("Candidates on the first ballot: {names}.").format(names=names)

    @staticmethod
    def nominations(e: m.ElectionRecord) -> str:
        return _("Nominations: {list}.").format(list=_("; ").join(e.nominations))

    @staticmethod
    def round_title(r: m.RoundRecord) -> str:
        title = _("Ballot {number}: {kind}").format(number=r.number, kind=r.kind_words)
        return f"{title} ({r.declared})" if r.declared else title

    @staticmethod
    def report_rows(r: m.RoundRecord) -> list[list[str]]:
        """The tellers' report in RONR's order (§46:34): the votes cast, the majority, each
        candidate's votes, then the ballots that are not votes or not valid."""
        rows = [[_("Ballots that could be cast (members present who may vote, and proxies held)"), str(r.possible)]]
        if r.papers is not None:
            rows.append([_("Ranked ballot papers"), str(r.papers)])
        if r.count is not None:
            rows.append([_("Valid ballot papers"), str(r.count.valid)])
            if r.count.quota is not None:
                rows.append([_("Quota"), str(r.count.quota)])
        if r.votes_cast is not None:
            rows.append([_("Number of votes cast"), str(r.votes_cast)])
        if r.necessary is not None:
            rows.append([_("Necessary for election"), str(r.necessary)])
        for row in r.votes:
            if r.count is not None:  # ranked papers: the first preferences; the sheet gives the rest
                label = _("{name}: first preferences").format(name=row.candidate.name)
            else:
                label = _("{name} received").format(name=row.candidate.name)
            votes = exact_figure(row.votes)
            rows.append([label, f"{votes} — {row.outcome_words}" if row.outcome_words else votes])
        rows.append([_("Blank ballots (not votes cast)"), str(r.blank)])
        rows.append([_("Invalid ballots"), str(r.invalid)])
        return rows

    @staticmethod
    def sheet_caption(r: m.RoundRecord) -> str:
        return _("Count sheet of ballot {number}: each candidate's votes after each stage").format(number=r.number)

    @staticmethod
    def sheet_stages(count: m.CountSheet) -> list[str]:
        """What each stage of the count did, numbered as the sheet's columns."""
        return [f"{s.number}. {s.words}" for s in count.stages]

    @staticmethod
    def sheet_tables(count: m.CountSheet) -> list[tuple[list[str], list[list[str]]]]:
        """The count sheet as tables of at most SHEET_STAGES stages each, so that it prints on a
        page: a candidate a row, each cell the votes after the stage and, in brackets, what the
        stage moved; the non-transferable papers last."""
        tables = []
        for start in range(0, len(count.stages), SHEET_STAGES):
            stages = count.stages[start : start + SHEET_STAGES]
            head = [_("Candidate"), *(_("Stage {number}").format(number=s.number) for s in stages)]
            rows = [
                [person.name, *(_cell(s.votes[i], s.transfers[i]) for s in stages)]
                for i, person in enumerate(count.candidates)
            ]
            rows.append([_("Non-transferable"), *(_cell(s.non_transferable, s.non_transferable_added) for s in stages)])
            if count.lost != "0":
                rows.append(
                    [_("Fractions dropped (five decimal places)"), *(_cell(s.lost, s.lost_added) for s in stages)]
                )
            tables.append((head, rows))
        return tables

    @staticmethod
    def file_words(r: m.RoundRecord) -> str | None:
        if r.file is None:
            return None
        return _("The papers were read from {path} (SHA-256 {sha256}).").format(path=r.file.path, sha256=r.file.sha256)

    @staticmethod
    def elected(e: m.ElectionRecord) -> str:
        names = _(", ").join(_person(p) for p in e.elected) or _("nobody")
        return _("{Elected}: {names}.").format(Elected=upper_first(e.elected_words), names=names)

    @staticmethod
    def region_caption(region: m.RegionAttendance) -> str:
        return _("{region} ({seats} seats)").format(region=region.name, seats=region.seats)

    @staticmethod
    def rule(rule: str) -> str:
        return _("Rule: {rule}.").format(rule=rule)

    @staticmethod
    def facts(item: m.ItemRecord) -> list[str]:
        facts = [item.kind_words, item.timing]
        if item.presenter:
            facts.append(_("presented by {name}").format(name=_person(item.presenter)))
        if item.closed:
            facts.append(_("closed session"))
        if item.added:
            facts.append(_("added during the meeting"))
        if item.status not in ("done", "open"):
            facts.append(item.status_words)
        return facts

    @staticmethod
    def documents(documents: list[str]) -> str:
        return _("Documents: {documents}.").format(documents=_("; ").join(documents))

    @staticmethod
    def speakers(speakers: list[m.Speaker]) -> str:
        return _("Speakers: {speakers}.").format(speakers=_(", ").join(f"{s.member.name} ({s.at})" for s in speakers))

    @staticmethod
    def roll_by_region(motion: m.MotionRecord) -> str:
        return _("Roll call on {label}, by region").format(label=motion.label.lower())

    @staticmethod
    def roll_call(motion: m.MotionRecord) -> str:
        return _("Roll call on {label}").format(label=motion.label.lower())

    @staticmethod
    def roll_by_seat(motion: m.MotionRecord) -> str:
        return _("Roll call on {label}, seat by seat").format(label=motion.label.lower())


def _details(h: m.Header) -> list[tuple[str, str]]:
    rows = [(_("Meeting"), h.title), (_("Date"), h.date_words), (_("Time"), h.time_words)]
    if h.place:
        rows.append((_("Place"), h.place))
    if h.link:
        rows.append((_("Link"), h.link))
    rows += [(_("Chair"), _person(h.chair)), (_("Secretary"), _person(h.secretary))]
    return rows


def decision_row(minutes: m.Minutes, row: m.MotionRecord | m.OtherDecision) -> list[str]:
    """A row of the table of decisions, as the printable and the Word minutes show it."""
    item = minutes.item(row.item)
    number = str(item.number) if item else ""
    if isinstance(row, m.OtherDecision):
        return [number, row.what, row.decision]
    what = labelled(row.label, row.text)
    if row.original_text:
        what += " " + _("(as amended; moved as: {text})").format(text=row.original_text)
    if row.translation:
        what += " " + _("(translation: {text})").format(text=row.translation)
    return [number, what, row.summary]


def render(minutes: m.Minutes, templates: str | None = None) -> str:
    env = environment(templates)
    assert env.loader is not None
    env.filters["decision_row"] = lambda row: decision_row(minutes, row)
    try:
        css = env.loader.get_source(env, "minutes.css")[0]
        template = env.get_template("minutes.html")
        return template.render(m=minutes, t=Words(minutes), css=Markup(css), details=_details(minutes.header))
    except jinja2.TemplateSyntaxError as exc:
        place = exc.filename or str(Path(templates or TEMPLATES) / "minutes.html")
        raise TemplateFailed(error(place, "templates.failed", exc.lineno, reason=exc.message or "")) from None
    except jinja2.TemplateError as exc:
        place, line = _template_line(exc, Path(templates or TEMPLATES) / "minutes.html")
        raise TemplateFailed(error(place, "templates.failed", line, reason=str(exc))) from None


def _template_line(exc: Exception, template: Path) -> tuple[str, int]:
    """Where in a template filling it failed: Jinja2 gives its frames the template's file
    and line, the innermost one last."""
    place, line = str(template), 1
    frame = exc.__traceback__
    while frame is not None:
        if frame.tb_frame.f_code.co_filename.endswith(".html"):
            place, line = frame.tb_frame.f_code.co_filename, frame.tb_lineno
        frame = frame.tb_next
    return place, line
