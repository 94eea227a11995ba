"""Limits on what the app reads, far above anything a real module needs: beyond them a file is
refused with a diagnostic instead of taking minutes or gigabytes (docs/security.md).

Each limit is checked where the input is read (loader, renderer, image loading, GIFT import,
results files) and reported by ``courseware validate`` with file and line.
"""

from __future__ import annotations

from typing import Final

# Markdown module files (the real modules: under 60 KB, lines under 2,000 characters, lists
# nested 3 deep, a handful of footnotes, tables of at most 6 columns)
MAX_MODULE_BYTES: Final = 2_000_000
MAX_LINE_CHARS: Final = 20_000
MAX_NESTING: Final = 20  # nested lists, block quotes, callouts
MAX_INLINE_NESTING: Final = 50  # nested emphasis and links within one paragraph
MAX_FOOTNOTES: Final = 500
MAX_TABLE_COLUMNS: Final = 50

# Front matter and course.yaml
MAX_YAML_BYTES: Final = 200_000
MAX_GLOSSARY_BYTES: Final = 2_000_000  # content/glossary.yaml (120+ entries in three languages)
MAX_DURATION_MINUTES: Final = 1_440  # a module's planned duration: at most a day
MAX_COUNT: Final = 100_000  # people behind one option of a classroom question
SLIDE_POINTS: Final = (3, 6)  # a slide's bullet points: at least, at most
MAX_SLIDE_POINT_WORDS: Final = 16  # a bullet point longer than this is reading text

# Images the app rasterises (SVG diagrams, raster pictures)
MAX_IMAGE_SIDE: Final = 8_000  # pixels on a side
MAX_IMAGE_PIXELS: Final = 40_000_000  # width x height
MAX_IMAGE_BYTES: Final = 20_000_000

# Files brought in by people: GIFT quizzes, results exports
MAX_GIFT_BYTES: Final = 5_000_000
MAX_RESULTS_FIELD_CHARS: Final = 100_000
MAX_RESULTS_FILE_BYTES: Final = 100_000_000
MAX_JSON_DEPTH: Final = 20

# Search queries (typed by anyone at the laptop): words and phrases taken from one query (the
# rest is ignored), words in one quoted phrase, characters of one word
MAX_TERMS: Final = 32
MAX_PHRASE_WORDS: Final = 16
MAX_WORD_CHARS: Final = 64

# Profile names (typed by anyone at the laptop; they end up in results files)
MAX_NAME_LENGTH: Final = 60

# Content packs (FILE.cwpack from a USB stick that has been through many machines): a pack
# beyond these is refused before anything is extracted (docs/updates.md). The bundled course
# is about 2 MB in 80 files; its text compresses about 4:1.
MAX_PACK_FILES: Final = 5_000  # entries in the zip
MAX_PACK_BYTES: Final = 500_000_000  # all files uncompressed
MAX_PACK_RATIO: Final = 200  # uncompressed / compressed, of the pack and of each large entry
PACK_RATIO_FROM: Final = 1_000_000  # an entry is checked for its ratio from this size up
MAX_PACK_MANIFEST_BYTES: Final = 5_000_000
