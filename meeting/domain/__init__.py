"""The council's rulebook: pure Python, no I/O, no user interface.

Everything here takes values and returns values. Refusals and problems are codes with
parameters (`Finding`), never sentences: the edges render them in the reader's language.
"""
