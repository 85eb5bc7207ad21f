"""The loader's fixed pipeline: read, parse, validate against the models, cross-check.

It returns values, never raises for bad input: the models it could build and every
diagnostic it found, each located at the offending key of the file that holds it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from meeting.diagnostics import Diagnostic, error, has_errors, sorted_diagnostics
from meeting.domain import events as ev
from meeting.domain.agenda import Agenda, Meeting
from meeting.domain.checks import agenda_findings, council_findings, meeting_findings, rules_findings
from meeting.domain.council import Council
from meeting.domain.findings import Finding, KeyPath
from meeting.domain.rules import merge_rules
from meeting.loader.circulated import circulated_minutes
from meeting.loader.read import Source, read_source
from meeting.loader.schema import Repairs, validate
from meeting.loader.syntax import parse_toml

Kind = Literal["council", "agenda"]


@dataclass(frozen=True)
class Place:
    """Where a document's keys are written: a source file, under a table prefix."""

    source: Source
    prefix: KeyPath = ()

    def diagnostic(self, finding: Finding, path: KeyPath) -> Diagnostic:
        position = self.source.locate(self.prefix + path)
        return Diagnostic(self.source.path, position.line, position.col, finding.severity, finding.code, finding.params)


@dataclass
class Loaded:
    """What the pipeline produced: models where they could be built, and every diagnostic."""

    kind: Kind | None = None
    council: Council | None = None
    meeting: Meeting | None = None
    sources: list[Source] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # The earlier minutes the agenda's items approve, as found in their folders.
    circulated: list[ev.CirculatedMinutes] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def _parse(path: Path, shown: str, loaded: Loaded) -> tuple[Source, dict[str, Any]] | None:
    source, problems = read_source(path, shown)
    loaded.diagnostics += problems
    if source is None:
        return None
    loaded.sources.append(source)
    data, problems = parse_toml(source)
    loaded.diagnostics += problems
    return None if data is None else (source, data)


def _depth_in(data: Any, path: KeyPath) -> int:
    """How many leading keys of `path` exist in `data` (a parsed TOML table)."""
    depth = 0
    for key in path:
        if isinstance(data, Mapping):
            present = key in data
        else:
            present = isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data)
        if not present:
            break
        data = data[key]
        depth += 1
    return depth


@dataclass(frozen=True)
class _Places:
    """Resolves a finding's root to the file and table that hold its key."""

    agenda: Place | None
    council: Place | None
    rules_override: Mapping[str, Any] | None  # the agenda's own [rules] table, if any
    council_rules: Mapping[str, Any] | None

    def diagnostic(self, finding: Finding) -> Diagnostic:
        if finding.root == "rules":
            in_agenda = _depth_in(self.rules_override, finding.path) if self.rules_override else -1
            in_council = _depth_in(self.council_rules, finding.path)
            place = self.agenda if in_agenda >= in_council and self.agenda else self.council
            return self._at(place, finding, ("rules", *finding.path))
        place = self.agenda if finding.root == "agenda" else self.council
        return self._at(place, finding, finding.path)

    def _at(self, place: Place | None, finding: Finding, path: KeyPath) -> Diagnostic:
        assert place is not None, "a finding about a document that was never read"
        return place.diagnostic(finding, path)


def _as_table(value: Any) -> Mapping[str, Any] | None:
    return value if isinstance(value, Mapping) else None


def kind_of(data: Mapping[str, Any]) -> Kind | None:
    if "items" in data or "council" in data:
        return "agenda"
    if "members" in data or "regions" in data:
        return "council"
    return None


def _restored(findings: list[Finding], council: Repairs, agenda: Repairs | None = None) -> list[Finding]:
    """Cross-check findings on repaired documents, put back at the file's own indices.

    Nothing is reported about a part that was taken out for its schema errors, nor
    computed from a collection that lost entries: the schema errors already say it.
    """
    agenda = agenda or Repairs()
    by_root = {"council": council, "agenda": agenda}
    restored = []
    for f in findings:
        if f.depends_on and (council.touches(*f.depends_on) or agenda.touches(*f.depends_on)):
            continue
        if f.root == "rules":
            path = ("rules", *f.path)
            if council.covers(path) or agenda.covers(path):
                continue
            restored.append(f)
            continue
        path = by_root[f.root].original(f.path)
        if not by_root[f.root].covers(path):
            restored.append(replace(f, path=path))
    return restored


def _council_checks(council: Council) -> list[Finding]:
    return council_findings(council) + rules_findings(council.rules, council)


def _load_council(source: Source, data: dict[str, Any], loaded: Loaded) -> None:
    council, findings, repairs = validate(Council, data, "council")
    if council is not None:
        findings += _restored(_council_checks(council), repairs)
    places = _Places(None, Place(source), None, _as_table(data.get("rules")))
    loaded.council = council
    loaded.diagnostics += [places.diagnostic(f) for f in findings]


def _council_file(agenda: Source, agenda_path: Path, name: str, loaded: Loaded) -> tuple[Place, dict[str, Any]] | None:
    shown = os.path.normpath(os.path.join(os.path.dirname(agenda.path), name))
    if not name.endswith(".toml"):
        position = agenda.locate(("council",))
        loaded.diagnostics.append(error(agenda.path, "file.not-toml", position.line, position.col, file=name))
        return None
    parsed = _parse(agenda_path.parent / name, shown, loaded)
    if parsed is None:
        return None
    source, data = parsed
    return Place(source), data


def _load_agenda(source: Source, path: Path, data: dict[str, Any], loaded: Loaded) -> None:
    reference = data.get("council")
    council_place: Place | None = None
    council_data: Mapping[str, Any] | None = None
    if isinstance(reference, str):
        found = _council_file(source, path, reference, loaded)
        if found is not None:
            council_place, council_data = found
    elif isinstance(reference, Mapping):
        council_place, council_data = Place(source, ("council",)), reference

    council_rules = _as_table(council_data.get("rules")) if council_data else None
    override = _as_table(data.get("rules"))
    findings: list[Finding] = []
    council = None
    council_repairs = Repairs()
    if council_data is not None:
        council, findings, council_repairs = validate(Council, council_data, "council")

    agenda_data = dict(data)
    if override is not None:
        # Over the council's rules as validated, defaults included, when they could be read.
        base = council.rules.model_dump(exclude_none=True) if council is not None else council_rules or {}
        agenda_data["rules"] = merge_rules(base, override)
    if isinstance(reference, Mapping) and council is not None:
        agenda_data["council"] = council
    agenda, agenda_schema, agenda_repairs = validate(Agenda, agenda_data, "agenda")
    for finding in agenda_schema:
        head = finding.path[:1]
        if head == ("council",) and isinstance(reference, Mapping):
            continue  # already reported when the inline council was validated on its own
        if head == ("rules",):
            finding = Finding(finding.code, "rules", finding.path[1:], finding.params, finding.severity)
        findings.append(finding)

    if council is not None and agenda is not None:
        meeting = Meeting.of(agenda, council)
        findings += _restored(meeting_findings(meeting), council_repairs, agenda_repairs)
        loaded.meeting = meeting
    elif council is not None:
        findings += _restored(_council_checks(council), council_repairs)
    elif agenda is not None:
        findings += _restored(agenda_findings(agenda), council_repairs, agenda_repairs)
    loaded.council = council
    places = _Places(Place(source), council_place, override, council_rules)
    loaded.diagnostics += [places.diagnostic(f) for f in findings]


def load(path: Path, expect: Kind | None = None) -> Loaded:
    """Load a council or an agenda file (`expect` it, or tell from what it holds)."""
    loaded = Loaded()
    parsed = _parse(path, str(path), loaded)
    if parsed is not None:
        source, data = parsed
        loaded.kind = expect or kind_of(data)
        if loaded.kind == "council":
            _load_council(source, data, loaded)
        elif loaded.kind == "agenda":
            _load_agenda(source, path, data, loaded)
            if loaded.meeting is not None and loaded.ok:
                loaded.circulated, problems = circulated_minutes(loaded.meeting, source, path)
                loaded.diagnostics += problems
        else:
            loaded.diagnostics.append(error(source.path, "file.unknown-kind"))
    loaded.diagnostics = sorted_diagnostics(loaded.diagnostics)
    if not loaded.ok:
        # Models repaired to find more problems are never for running a meeting.
        loaded.council = loaded.meeting = None
    return loaded
