"""The minutes of a meeting: a structured record built from the journal alone (`model`), and the
files it is written as (`structured`, `markdown`, `html`, `csv`)."""
