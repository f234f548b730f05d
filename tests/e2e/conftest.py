"""End-to-end tests: the real window over a real catalogue on a temporary SQLite file."""
