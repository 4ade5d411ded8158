"""Writing a file so that no reader ever sees half of it: written aside in the same folder, then swapped in."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_aside(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then replace `path` with it (an interrupted
    write leaves the old file, or none, never a half-written one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
