"""`meeting schema council|agenda`: the JSON Schema of a file format, for editor completion."""

from __future__ import annotations

import argparse
import json
from typing import Any

from meeting.i18n import _

FORMATS = ("agenda", "council", "minutes")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "schema",
        parents=[common],
        help=_("print the JSON Schema of a file format"),
        description=_("Print the JSON Schema of a file format, for completion and checks in editors."),
    )
    parser.add_argument("format", choices=FORMATS, help=_("which file format"))
    parser.set_defaults(run=run)


def json_schema(name: str) -> dict[str, Any]:
    from pydantic import BaseModel

    from meeting.domain.agenda import Agenda
    from meeting.domain.council import Council
    from meeting.minutes.model import Minutes

    models: dict[str, type[BaseModel]] = {"agenda": Agenda, "council": Council, "minutes": Minutes}
    model = models[name]
    schema = model.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"meeting-{name}.json", **schema}


def run(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(args.format), ensure_ascii=False, indent=2))
    return 0
