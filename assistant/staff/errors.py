"""The staff database's error, apart from the database module: the CLI catches it on every command
without importing SQLAlchemy (0.23 s of an `ask`'s cold start)."""


class DatabaseError(RuntimeError):
    """The database named in the settings cannot be used (the message is for the operator, in Chinese)."""
