"""The chair's console: a Textual app that shows the state and sends commands to the engine."""
