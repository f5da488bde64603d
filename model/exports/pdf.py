"""PDF through LibreOffice (`soffice --headless --convert-to pdf`), with a private profile per call.

The private profile (-env:UserInstallation) lets conversions run side by side and keeps a user's own
LibreOffice settings out of the result. A missing LibreOffice is an AppError the screen and the command
line show as one clear sentence: the .pptx/.xlsx stays usable without it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from model.errors import AppError

PROGRAMS = ("soffice", "libreoffice")
TIMEOUT_S = 180


def soffice() -> str | None:
    """The LibreOffice program on PATH, or None."""
    for name in PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    return None


def available() -> bool:
    return soffice() is not None


def convert_to_pdf(data: bytes, suffix: str) -> bytes:
    """Convert a document (`suffix` like ".pptx" or ".xlsx") to PDF bytes."""
    program = soffice()
    if program is None:
        raise AppError("err.export.no_soffice")
    with tempfile.TemporaryDirectory(prefix="qf-soffice-") as tmp:
        work = Path(tmp)
        src = work / f"document{suffix}"
        src.write_bytes(data)
        profile = (work / "profile").as_uri()
        try:
            done = subprocess.run(
                [
                    program,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work),
                    str(src),
                ],
                capture_output=True,
                text=True,
                timeout=TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise AppError("err.export.pdf_failed", detail=f"timeout after {TIMEOUT_S} s") from exc
        out = work / "document.pdf"
        if done.returncode != 0 or not out.exists():
            detail = " ".join((done.stderr or done.stdout or f"exit {done.returncode}").split())[:300]
            raise AppError("err.export.pdf_failed", detail=detail)
        return out.read_bytes()
