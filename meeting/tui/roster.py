"""The roll call's list of members: a scroll view that renders only the lines in sight and
redraws only the lines that change, so a 1,000-delegate assembly stays quick to mark."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from meeting.domain.text import plain_letters

# Column widths: id, name, attending; the seat takes the rest.
WIDTHS = (9, 30, 14)


@dataclass(frozen=True, slots=True)
class Row:
    member: str | None  # None for a region's heading
    cells: tuple[str, ...]


def found(typed: str, *texts: str) -> bool:
    """Whether letters typed find a member by any part of these words (id, name, country,
    region), accents and case aside: the attendance's filter and the roll call's find."""
    wanted = plain_letters(typed)
    return not wanted or wanted in plain_letters(" ".join(texts))


def widest(rows: Iterable[Row], column: int) -> int:
    """The width a column needs: its longest cell (headings included), and a space after it."""
    return max((cell_len(row.cells[column]) for row in rows if row.member), default=0) + 1


def fitted(text: str, cells: int) -> str:
    """`text` in exactly `cells` terminal cells: padded, or cut and ended with "…". Counted in
    cells, not characters: a combining accent (the "ọ̀" of Adébáyọ̀) takes none, a wide letter two."""
    if cell_len(text) <= cells:
        return set_cell_size(text, cells)
    return set_cell_size(set_cell_size(text, cells - 1).rstrip() + "…", cells)


def row_text(row: Row, widths: tuple[int, ...] = WIDTHS, room: int | None = None) -> Text:
    """A member's row in columns of `widths` (0 leaves a column out), the last cell after them
    in what is left of `room` cells. A cell cut ends with "…": the screen says it whole elsewhere."""
    if row.member is None:
        return Text(" " + row.cells[0], style="bold")
    line = " " + "".join(fitted(cell, width - 1) + " " for cell, width in zip(row.cells, widths, strict=False) if width)
    last = row.cells[len(widths)] if len(row.cells) > len(widths) else ""
    left = room - cell_len(line) if room is not None else cell_len(last)
    return Text(line + (fitted(last, left) if 0 < left < cell_len(last) else last))


class RosterList(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    RosterList { height: 1fr; }
    """
    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("pageup", "move(-20)", show=False),
        Binding("pagedown", "move(20)", show=False),
        Binding("home", "move(-1000000)", show=False),
        Binding("end", "move(1000000)", show=False),
    ]

    cursor = reactive(0)

    class Highlighted(Message):
        """The cursor is on another row (None: the list is empty)."""

        def __init__(self, row: Row | None) -> None:
            super().__init__()
            self.row = row

    def __init__(self, widths: tuple[int, ...] = WIDTHS, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.widths = widths
        self.rows: list[Row] = []
        self._strips: dict[int, Strip] = {}

    def show(self, rows: list[Row]) -> None:
        self.rows = rows
        self._strips.clear()
        self.virtual_size = Size(0, len(rows))  # cut at the width, never scrolled sideways
        self.cursor = self._member_row(min(self.cursor, max(len(rows) - 1, 0)), 1)
        self.post_message(self.Highlighted(rows[self.cursor] if rows else None))
        self.refresh()

    def set_widths(self, widths: tuple[int, ...]) -> None:
        self.widths = widths
        self._strips.clear()
        self.refresh()

    def change(self, index: int, row: Row) -> None:
        self.rows[index] = row
        if index == self.cursor:
            self.post_message(self.Highlighted(row))
        self._strips.pop(index, None)
        self.refresh_line(index)

    @property
    def member(self) -> str | None:
        return self.rows[self.cursor].member if self.rows else None

    def action_move(self, step: int) -> None:
        if self.rows:
            self.cursor = self._member_row(max(0, min(len(self.rows) - 1, self.cursor + step)), step)

    def _member_row(self, index: int, step: int) -> int:
        """The member's row nearest `index` going the way of `step`, else the other way: the
        cursor never rests on a region's heading, so every key that marks marks a member."""
        ahead, behind = range(index, len(self.rows)), range(min(index, len(self.rows) - 1), -1, -1)
        for rows in (ahead, behind) if step > 0 else (behind, ahead):
            found = next((i for i in rows if self.rows[i].member is not None), None)
            if found is not None:
                return found
        return index

    def watch_cursor(self, old: int, new: int) -> None:
        self.post_message(self.Highlighted(self.rows[new] if new < len(self.rows) else None))
        self.refresh_line(old)
        self.refresh_line(new)
        self._keep_cursor_in_sight()

    def on_resize(self) -> None:
        # The line under the list may grow to two lines for the member just highlighted: the
        # list shrinks after it scrolled, and its cursor must stay in sight. The rows' last cells
        # are cut to the new width.
        self._strips.clear()
        self._keep_cursor_in_sight()

    def _keep_cursor_in_sight(self) -> None:
        # A region's first member brings its heading into sight with it.
        at = self.cursor
        top = at - 1 if 0 < at < len(self.rows) and self.rows[at - 1].member is None else at
        self.scroll_to_region(Region(0, top, 1, at - top + 1), animate=False, force=True)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.size.width
        if index >= len(self.rows):
            return Strip.blank(width)
        strip = self._strips.get(index)
        if strip is None:
            room = self.scrollable_content_region.width
            strip = Strip(row_text(self.rows[index], self.widths, room).render(self.app.console))
            self._strips[index] = strip
        strip = strip.crop_extend(self.scroll_offset.x, self.scroll_offset.x + width, None)
        if index == self.cursor:
            style = self.get_component_rich_style("roster--cursor") if self.has_focus else Style(reverse=True)
            return strip.apply_style(style)
        return strip

    COMPONENT_CLASSES = {"roster--cursor"}
