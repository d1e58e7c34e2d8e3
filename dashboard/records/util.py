"""Small helpers of the records layer that hold no records themselves."""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector while a load or an assessment builds its (acyclic) objects: with a million
    records alive, each automatic collection would walk them all again. Reference counting still frees
    everything that is let go; the collector resumes as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike, data: bytes | Callable[[Path], object], *, replace: bool = True) -> Path:
    """Write `path` so that no reader ever sees half a file: into a temporary file beside it, flushed to disk,
    then renamed into place. `data` is the bytes, or a function that writes the temporary file given its path
    (a Parquet writer). The file is as readable as any other the user makes (the umask, not mkstemp's 0600).
    With `replace=False` an existing file is never replaced (FileExistsError), even one that appeared while
    the data was written."""
    path = Path(path)
    if not replace and path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            if isinstance(data, bytes | bytearray | memoryview):
                f.write(data)
        if callable(data):
            data(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        if not replace and path.exists():
            raise FileExistsError(path)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
