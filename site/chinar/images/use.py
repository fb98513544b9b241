"""Which rendition files the output needs: every page's image requests and every search thumbnail, counted.

A rendition file stays in the output while something uses it. A build that lists every page counts
everything anew (``ImageUse.of``); an edit in place moves the counts of the pages it rendered and the
search documents it analysed again, so a file no page uses any more leaves the output and a new one is
linked in, in time proportional to the edit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping

Request = tuple[str, str, str]  # (kind, image as JSON, spec), as the renderer records it


class ImageUse:
    """``files_of(request)``: the output files (relative to the output folder) a request uses."""

    def __init__(self, files_of: Callable[[Request], tuple[str, ...]]) -> None:
        self.files_of = files_of
        self.requests: Counter = Counter()  # request -> pages making it
        self.thumbs: dict = {}  # search document -> its thumbnail file (or None)
        self.refs: Counter = Counter()  # file -> requests and thumbnails using it
        self.born: set[str] = set()  # files that got their first user since ``settle``
        self.dead: set[str] = set()  # files that lost their last user since ``settle``

    @classmethod
    def of(cls, files_of: Callable[[Request], tuple[str, ...]], page_requests: Iterable[frozenset],
           thumbs: Mapping) -> ImageUse:
        """Everything counted anew: each page's requests and each document's thumbnail."""
        use = cls(files_of)
        for requests in page_requests:
            use.requests.update(requests)
        for request in use.requests:
            use._hold(files_of(request))
        for ident, thumb in thumbs.items():
            use.thumb(ident, thumb)
        use.settle()
        return use

    def page(self, old: frozenset, new: frozenset) -> None:
        """A page rendered again: it made ``new`` requests instead of ``old``."""
        for request in old - new:
            self.requests[request] -= 1
            if not self.requests[request]:
                del self.requests[request]
                self._release(self.files_of(request))
        for request in new - old:
            self.requests[request] += 1
            if self.requests[request] == 1:
                self._hold(self.files_of(request))

    def thumb(self, ident: object, thumb: str | None) -> None:
        """A search document's thumbnail file is now ``thumb``."""
        old = self.thumbs.get(ident)
        if old == thumb:
            return
        if old:
            self._release((old,))
        if thumb:
            self._hold((thumb,))
        self.thumbs[ident] = thumb

    @property
    def files(self) -> set[str]:
        """Every file in use."""
        return set(self.refs)

    def settle(self) -> tuple[set[str], set[str]]:
        """(files that came into use, files that went out of use) since the last call."""
        born, dead = self.born - self.dead, self.dead - self.born
        self.born, self.dead = set(), set()
        return born, dead

    def _hold(self, files: Iterable[str]) -> None:
        for f in files:
            self.refs[f] += 1
            if self.refs[f] == 1:
                self.born.add(f)

    def _release(self, files: Iterable[str]) -> None:
        for f in files:
            self.refs[f] -= 1
            if self.refs[f] <= 0:
                del self.refs[f]
                self.dead.add(f)
