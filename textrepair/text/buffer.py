"""A long text written piece by piece and read once: :class:`Utf8Buffer`.

The blocks of a very long document are repaired one after the other (see
:mod:`textrepair.pipeline`); their texts must become one string without holding the
text twice on the way.
"""

from __future__ import annotations

import codecs
import mmap


class Utf8Buffer:
    """A long text written block by block, held as UTF-8 in an anonymous memory map until
    it is read whole.

    Python grows a string in place only where the allocator can extend it, which
    depends on what else lies in memory: often the text would be copied while it grows,
    for a moment twice its size, and joining the blocks' texts always holds them and the
    whole. UTF-8 of Latin text takes half the memory of a string holding a character
    past U+00FF, the map grows without copying, and its memory goes back to the system
    as soon as the text is read. ``surrogatepass`` carries lone surrogates through
    unchanged, one by one.
    """

    def __init__(self, size: int) -> None:
        self._map = anonymous_map(size)
        self._size = 0

    def append(self, text: str) -> None:
        data = text.encode("utf-8", "surrogatepass")
        end = self._size + len(data)
        if end > len(self._map):
            self._grow(max(end, 2 * len(self._map)))
        self._map[self._size : end] = data
        self._size = end

    def _grow(self, size: int) -> None:
        try:
            self._map.resize(size)
        except (OSError, SystemError, ValueError):  # no mremap() (macOS): a new map, and a copy
            bigger = anonymous_map(size)
            with memoryview(self._map) as view, view[: self._size] as data:
                bigger[: self._size] = data
            self._map.close()
            self._map = bigger

    def text(self) -> str:
        """The text written so far; the buffer is closed."""
        with memoryview(self._map) as view, view[: self._size] as data:
            text = codecs.utf_8_decode(data, "surrogatepass", True)[0]
        self._map.close()
        return text


def anonymous_map(size: int) -> mmap.mmap:
    """Memory of ``size`` bytes (at least a page) whose pages cost nothing until written;
    private, so that Linux can grow it (a shared anonymous map grown is not backed)."""
    size = max(size, mmap.PAGESIZE)
    if hasattr(mmap, "MAP_PRIVATE"):
        return mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE)
    return mmap.mmap(-1, size)
