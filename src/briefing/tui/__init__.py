"""The Textual app. It uses the headless core; the core never uses it."""
