"""meeting: run council meetings from the terminal."""

__version__ = "0.1.0"
