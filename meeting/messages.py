"""The text of every diagnostic code, rendered through `_()` in the reader's language.

The domain and the loader speak in codes with parameters; this is the one place they
become sentences. TOML keys and values the user wrote are quoted verbatim: they are the
file's syntax, not prose.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from meeting.i18n import N_, _

MESSAGES: dict[str, str] = {
    # Reading files
    "file.missing": N_("no such file"),
    "file.is-directory": N_("is a directory, not a file"),
    "file.unreadable": N_("cannot read the file: {reason}"),
    "file.too-large": N_("file is {size} bytes; files larger than {limit} bytes (4 MiB) are refused"),
    "file.empty": N_("file is empty"),
    "file.not-utf8": N_("the file is not UTF-8 text: invalid byte 0x{byte} here"),
    "file.not-toml": N_("council file '{file}' must be a TOML file ending in .toml"),
    "file.unknown-kind": N_(
        "cannot tell what this file describes: a council file has [[members]], an agenda has [[items]]"
    ),
    # TOML syntax
    "toml.syntax": N_("invalid TOML"),
    "toml.too-deep": N_("invalid TOML: arrays or tables nested too deeply"),
    "toml.expected-newline": N_("invalid TOML: expected a new line after this statement"),
    "toml.invalid-value": N_("invalid TOML: not a valid value (strings need quotes)"),
    "toml.overwrite": N_("invalid TOML: this key already has a value"),
    "toml.expected-equals": N_("invalid TOML: expected '=' after the key"),
    "toml.invalid-key": N_("invalid TOML: a key cannot start here"),
    "toml.bad-escape": N_("invalid TOML: unknown escape after '\\' in a string"),
    "toml.invalid-statement": N_("invalid TOML: expected a key, a [table] or a comment"),
    "toml.unclosed-table-header": N_("invalid TOML: expected ']' to close the table header"),
    "toml.unclosed-array-header": N_("invalid TOML: expected ']]' to close the array of tables header"),
    "toml.bad-hex": N_("invalid TOML: bad hexadecimal digits in an escape"),
    "toml.bad-codepoint": N_("invalid TOML: the escape is not a Unicode character"),
    "toml.illegal-character": N_("invalid TOML: character {char} is not allowed here"),
    "toml.unclosed-array": N_("invalid TOML: the array is not closed with ']'"),
    "toml.unclosed-inline-table": N_("invalid TOML: the inline table is not closed with '}}'"),
    "toml.unterminated-string": N_("invalid TOML: the string is not closed"),
    "toml.bad-datetime": N_("invalid TOML: not a valid date or time"),
    "toml.duplicate-table": N_("invalid TOML: table [{key}] is defined twice"),
    "toml.duplicate-key": N_("invalid TOML: key '{key}' appears twice in the inline table"),
    "toml.immutable": N_("invalid TOML: '{key}' is an inline table or array and cannot be extended"),
    "toml.redefine": N_("invalid TOML: '{key}' is already defined and cannot be redefined"),
    "toml.expected": N_("invalid TOML: expected {what}"),
    # Schema: the shape of the data
    "schema.missing-key": N_("missing required key '{key}'"),
    "schema.unknown-key": N_("unknown key '{key}'"),
    "schema.unknown-key-suggest": N_("unknown key '{key}'; did you mean '{suggestion}'?"),
    "schema.expected-string": N_("'{key}' must be a string"),
    "schema.expected-integer": N_("'{key}' must be an integer"),
    "schema.expected-boolean": N_("'{key}' must be true or false"),
    "schema.expected-number": N_("'{key}' must be a number"),
    "schema.expected-table": N_("'{key}' must be a table"),
    "schema.expected-array": N_("'{key}' must be an array"),
    "schema.expected-datetime": N_("'{key}' must be a local date and time such as 2026-12-10T12:00:00"),
    "schema.expected-date": N_("'{key}' must be a date such as 2026-11-04"),
    "schema.not-allowed": N_("'{key}' cannot be '{value}'; use one of: {allowed}"),
    "schema.too-small": N_("'{key}' must be at least {limit}"),
    "schema.key-not-allowed": N_("'{value}' is not allowed here; use one of: {allowed}"),
    "schema.too-few": N_("'{key}' has too few entries: at least {limit} needed"),
    "schema.invalid": N_("'{key}' has an invalid value"),
    "id.invalid": N_("'{value}' is not a valid id: use letters, digits, '-', '_' or '.', without spaces"),
    "text.empty": N_("must not be empty"),
    "language.invalid": N_("'{value}' is not a language code such as 'en', 'fr', 'sw' or 'pt-BR'"),
    "zone.unknown": N_("unknown time zone '{value}': use an IANA name such as 'Africa/Nairobi' or 'UTC'"),
    "share.not-a-fraction": N_("'{value}' is not a fraction: write it as a string with a slash, such as \"2/3\" or \"1/1\""),
    "share.zero-denominator": N_("'{value}' divides by zero"),
    "share.out-of-range": N_("{value} is more than 1: a share must be between 0 and 1"),
    "count.negative": N_("{value} is negative: a count must be 0 or more"),
    "amount.wrong-type": N_("must be a count (an integer such as 11) or a fraction in quotes such as \"1/2\""),
    "threshold.one-bound": N_("give exactly one of 'at_least' and 'more_than'"),
    "council.wrong-type": N_("'council' must be the path of the council file or an inline [council] table"),
    "agenda.start-has-offset": N_(
        "write 'start' as local time without an offset (2026-12-09T12:00:00) and give 'time_zone'"
    ),
    # Cross-references
    "id.duplicate": N_("id '{id}' is already used by {first}; ids must differ, ignoring case"),
    "member.same-name": N_("'{id}' has the same name as '{other}': give each a distinct name"),
    "region.unknown": N_("unknown region '{id}'"),
    "member.unknown": N_("unknown member '{id}'"),
    "member.seat-without-region": N_("member '{id}' holds a seat and needs a 'region'"),
    "member.observer-votes": N_("observer '{id}' cannot hold a voting seat"),
    "alternate.self": N_("member '{id}' cannot be their own alternate"),
    "alternate.holds-seat": N_("alternate '{id}' ({name}) holds a seat of their own"),
    "alternate.no-seat": N_("member '{id}' holds no seat, so cannot have an alternate"),
    "alternate.shared": N_("'{id}' is already the alternate of '{other}'"),
    "alternate.other-region": N_("alternate '{id}' ({name}) is from another region"),
    "region.no-seats": N_("region '{id}' has no voting seats"),
    "council.no-seats": N_("the council has no voting seats"),
    "quorum.unreachable": N_("quorum needs {needed} voting seats but the council has only {seats}"),
    "quorum.regions-unreachable": N_("quorum needs {needed} regions but only {regions} have seats"),
    "class.unreachable": N_("decision class '{id}' needs {needed} yes votes but the council has only {seats} seats"),
    "class.unknown": N_("unknown decision class '{id}'"),
    "chair.unknown": N_("the chair '{id}' is not on the council's roster"),
    "chair.not-a-member": N_("'{id}' cannot chair the meeting: listed with role '{role}'"),
    "agenda.empty": N_("the agenda has no items"),
    "notice.missing": N_("item '{item}' needs {days} days' notice, but no 'notice_given' date is recorded"),
    "notice.short": N_("item '{item}': notice given {days} days before the meeting; the rules require {required}"),
    "notice.untranslated": N_("item '{item}': the notice has no translation into {languages}"),
    "agenda.over-time": N_("the items take {planned} minutes, more than the meeting's {duration}"),
    "agenda.language-not-working": N_("'{language}' is not one of the council's working languages ({languages})"),
}


def _param_text(value: Any) -> str:
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, list | tuple):
        return _(", ").join(_param_text(v) for v in value)
    return str(value)


def render(code: str, params: Mapping[str, Any]) -> str:
    template = MESSAGES.get(code)
    if template is None:
        # A code without text is a bug; still tell the reader something they can report.
        return code
    return _(template).format_map({k: _param_text(v) for k, v in params.items()})
