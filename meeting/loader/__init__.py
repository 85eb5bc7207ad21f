"""Reading the council's TOML files: read, parse, validate, cross-check; diagnostics as values."""
