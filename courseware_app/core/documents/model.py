"""What a printed document is: the request that asks for one, the result, and its refusal."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

KINDS = ("handout", "trainer-guide", "quiz", "answer-key", "session-plan", "certificate")
TRAINEE_KINDS = ("handout", "quiz", "certificate")  # never a trainer note, answer or explanation
PAPERS = ("a4", "letter")


@dataclass(frozen=True)
class DocumentRequest:
    """One document to build: ``modules`` empty means the whole course, in its order."""

    kind: str
    modules: tuple[str, ...]
    lang: str
    profile: str | None = None  # the certificate's learner (a profile's name)
    paper: str = "a4"
    start: str = "09:00"  # the session plan's first slot, HH:MM
    breaks: bool = True  # the session plan's breaks


class DocumentError(Exception):
    """A document that cannot be built; the message is translated and says why."""


@dataclass(frozen=True)
class Document:
    """HTML ready for a page layout: each part starts on a new page.

    ``part_titles`` is the running header over each part's pages (``running_title`` where it
    has none); ``page_label`` is "Page {page} of {pages}" in the document's language;
    ``assets`` maps each image source used in the parts (``asset:MODULE/NAME``) to its file.
    """

    title: str
    lang: str
    running_title: str
    parts: tuple[str, ...]
    part_titles: tuple[str, ...] = ()
    style: str = ""  # the style sheet every part is laid out with
    page_label: str = "Page {page} of {pages}"
    assets: tuple[tuple[str, Path], ...] = ()

    def header(self, part: int) -> str:
        """The running header over the pages of part ``part``."""
        if 0 <= part < len(self.part_titles) and self.part_titles[part]:
            return self.part_titles[part]
        return self.running_title
