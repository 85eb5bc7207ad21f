"""The `meeting` command line: one program, one subcommand per task."""
