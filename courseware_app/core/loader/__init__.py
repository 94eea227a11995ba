"""Content tree -> Course, with every problem reported as a Diagnostic (file, line, code)."""

from __future__ import annotations

from courseware_app.core.loader.course_tree import (
    TRACK_IDS,
    load_course,
    load_module,
)
from courseware_app.core.loader.files import (
    Report,
    YAMLError,
    YamlMapping,
    display_path,
    key_lines,
    parse_yaml,
    read_text,
)
from courseware_app.core.loader.manifest import Manifest, TrackSpec, load_manifest
from courseware_app.core.loader.module_file import (
    REQUIRED_FIELDS,
    BodyScan,
    check_front_matter,
    load_for_checks,
    load_translation,
    scan_body,
    split_front_matter,
)

__all__ = [
    "REQUIRED_FIELDS",
    "TRACK_IDS",
    "BodyScan",
    "Manifest",
    "Report",
    "TrackSpec",
    "YAMLError",
    "YamlMapping",
    "check_front_matter",
    "display_path",
    "key_lines",
    "load_course",
    "load_for_checks",
    "load_manifest",
    "load_module",
    "load_translation",
    "parse_yaml",
    "read_text",
    "scan_body",
    "split_front_matter",
]
