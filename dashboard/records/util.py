"""Small helpers of the records layer that hold no records themselves."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
