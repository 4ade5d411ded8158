"""Files a staff member uploaded, and nothing else: a file input's value names a path, and a client
can name any path on the server. Only files inside Gradio's upload folder (where it stores what a
browser sent) are taken; anything else is refused with one message, which does not say whether the
path exists."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from gradio.utils import get_upload_folder

REFUSED = "文件未经本页面上传，已拒绝。请用“上传”选择文件。"


class UploadRefused(ValueError):
    pass


def received(value: Any) -> list[Path]:
    """The paths of the uploaded files a file input's value holds; UploadRefused if any is not one."""
    items = value if isinstance(value, list) else [value]
    folder = Path(get_upload_folder()).resolve()  # Gradio's own answer (GRADIO_TEMP_DIR, else temp/gradio)
    paths = []
    for item in items:
        name = item if isinstance(item, str) else getattr(item, "name", None) or getattr(item, "path", None)
        if not isinstance(name, str) or not name:
            raise UploadRefused(REFUSED)
        path = Path(os.path.abspath(name))
        # resolve() follows links: a link placed in the folder must not lead out of it.
        if not path.resolve().is_relative_to(folder) or not path.is_relative_to(folder):
            raise UploadRefused(REFUSED)
        paths.append(path)
    return paths
