"""The members' view: a read-only window on a meeting's journal, live or after the meeting.

It never writes: no lock, no file created or changed. `meeting view` runs it in a terminal,
`meeting serve` in browsers.
"""
