"""Trainer notes decided on the parsed tree: whatever Python-Markdown parses as an admonition of
class ``trainer`` (any spelling, any nesting) is a trainer note, and the audience decides whether
it stays, goes, or is all that stays."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Final, Literal

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.admonition import AdmonitionProcessor
from markdown.treeprocessors import Treeprocessor

from courseware_app.core.syntax import is_trainer_kind

Audience = Literal["trainee", "trainer", "notes"]
"""trainee: no trainer notes; trainer: everything; notes: the trainer notes alone."""


def is_trainer_note(el: etree.Element) -> bool:
    """True for the element Python-Markdown made of a trainer note."""
    return el.tag == "div" and is_trainer_kind(el.get("class", ""))


class NoteAdmonitions(AdmonitionProcessor):
    """Python-Markdown's admonitions, except that for trainees a trainer note's body is never
    parsed: its footnotes and references cannot surface elsewhere on the page."""

    def __init__(self, md: Markdown, ext: TrainerNotes):
        super().__init__(md.parser)
        self.ext = ext

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        if self.ext.audience != "trainee" or not self._skip_note(parent, blocks):
            super().run(parent, blocks)

    def get_class_and_title(self, match: re.Match[str]) -> tuple[str, str | None]:
        """As Python-Markdown, but "the notes" alone carry only titles an editor wrote."""
        kinds, title = super().get_class_and_title(match)
        if self.ext.audience == "notes" and match.group(2) is None and is_trainer_kind(kinds):
            title = None
        return kinds, title

    def _skip_note(self, parent: etree.Element, blocks: list[str]) -> bool:
        """Consume a trainer note's opener or continuation without parsing its body."""
        block = blocks[0]
        m = self.RE.search(block)
        if m is None:
            sibling = self.current_sibling
            if sibling is None or not is_trainer_note(sibling):
                return False
            _sibling, _body, rest = self.parse_content(parent, blocks.pop(0))
        else:
            kinds, _title = self.get_class_and_title(m)
            if not is_trainer_kind(kinds):
                return False
            blocks.pop(0)
            if m.start() > 0:
                self.parser.parseBlocks(parent, [block[: m.start()]])
            _body, rest = self.detab(block[m.end() :])
            etree.SubElement(parent, "div", {"class": f"{self.CLASSNAME} {kinds}"})
        if rest:
            blocks.insert(0, rest)
        return True


def _outermost_notes(root: etree.Element) -> list[etree.Element]:
    found: list[etree.Element] = []
    for child in root:
        found.extend([child] if is_trainer_note(child) else _outermost_notes(child))
    return found


class NotesTreeprocessor(Treeprocessor):
    """Removes trainer notes at any depth (trainee), or everything else (notes)."""

    def __init__(self, md: Markdown, ext: TrainerNotes):
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        if self.ext.audience == "trainee":
            for parent in list(root.iter()):
                for child in [c for c in parent if is_trainer_note(c)]:
                    parent.remove(child)  # an admonition has no tail text to keep
        elif self.ext.audience == "notes":
            notes = _outermost_notes(root)
            for child in list(root):
                root.remove(child)
            root.extend(notes)


class TrainerNotes(Extension):
    """Registered after ``admonition``: replaces its block processor; the audience is set per
    document."""

    def __init__(self, **kwargs: object) -> None:
        self.audience: Audience = "trainee"
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        md.parser.blockprocessors.register(NoteAdmonitions(md, self), "admonition", 105)
        md.treeprocessors.register(NotesTreeprocessor(md, self), "courseware_trainer_notes", 30)


# ---------------------------------------------------------------- exposed notes (for validate)

LEAD_RE: Final = re.compile(r"^[ \t>]*")
PROBE: Final = "cwprobe{}x"


def _lead_length(line: str) -> int:
    m = LEAD_RE.match(line)
    return len(m[0]) if m else 0


def _lead(line: str) -> int:
    """Width of a line's indentation and quote markers, tabs expanded."""
    return _lead_length(line.expandtabs(4))


def note_body_lines(lines: list[str], start: int) -> list[int]:
    """Indexes of the lines that belong, as written, to the note opened at ``start``: what
    follows it directly, then blank lines and lines indented deeper than the opener."""
    found, j = [], start + 1
    while j < len(lines) and (
        not lines[j].strip() or _lead(lines[j]) > _lead(lines[start]) or j == start + 1
    ):
        found.append(j)
        j += 1
    return found


def _with_token(line: str, token: str) -> str:
    lead = _lead_length(line)
    return f"{line[:lead]}{token} {line[lead:]}"


def exposed_trainer_notes(source: str, openers: list[int]) -> list[int]:
    """Which opener lines (0-based) begin text meant as a trainer note that a trainee would
    see: each note's title and first body line carry a token, and the trainee page, rendered
    by the renderer itself, is searched for the tokens."""
    from courseware_app.core.render import markdown_to_html

    lines = source.split("\n")
    probed = list(lines)
    for i in openers:
        token = PROBE.format(i)
        probed[i] = probed[i].replace('"', f'"{token} ', 1)
        body = [j for j in note_body_lines(lines, i) if lines[j].strip() and j not in openers]
        if body:
            probed[body[0]] = _with_token(probed[body[0]], token)
    html = markdown_to_html("\n".join(probed))[0]
    return [i for i in openers if PROBE.format(i) in html]
