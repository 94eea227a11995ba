"""import-gift: convert a Moodle GIFT question file into our Markdown quiz syntax."""

from __future__ import annotations

import sys
from pathlib import Path

from courseware_app.commands.common import fail, write_output
from courseware_app.core.course import ID_RE, Severity
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.limits import MAX_GIFT_BYTES

COMMAND = "import-gift"


def register(sub, common) -> None:
    from courseware_app.core.languages import LANGUAGES

    p = sub.add_parser(
        "import-gift",
        parents=[common],
        help=_("convert a Moodle GIFT file into the Markdown quiz syntax"),
    )
    p.add_argument("file", metavar="FILE.gift", help=_("the GIFT file to read"))
    p.add_argument(
        "--lang", required=True, choices=LANGUAGES, help=_("the language of the questions")
    )
    p.add_argument(
        "--quiz-id",
        metavar="ID",
        help=_("id of the quiz block (default: from the output folder or the file name)"),
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE.md",
        help=_("write a complete module file instead of printing the quiz block"),
    )
    p.add_argument(
        "--encoding",
        metavar="ENC",
        help=_("encoding of the GIFT file (default: UTF-8, else Windows-1251)"),
    )
    p.add_argument("--force", action="store_true", help=_("overwrite an existing output file"))
    p.set_defaults(func=run)


def _say(message: str) -> None:
    fail(COMMAND, message)


def default_quiz_id(source: Path, output: Path | None) -> str:
    """'<module folder>-quiz' when writing into a module folder, else from the file name."""
    from courseware_app.core.gift import slugify
    from courseware_app.core.languages import LANGUAGES

    candidates = []
    if output is not None:
        candidates.append(output.resolve().parent.name)
    if source.stem in LANGUAGES:
        candidates.append(source.resolve().parent.name)
    candidates.append(source.stem)
    for name in candidates:
        slug = slugify(name)
        if slug and ID_RE.match(slug):
            return slug if slug.endswith("quiz") else f"{slug}-quiz"
    return "quiz"


def _module_id(output: Path, quiz_id: str) -> str:
    folder = output.resolve().parent.name
    return folder if ID_RE.match(folder) else quiz_id


def _title(source: Path, found: str) -> str:
    if found:
        return found
    words = source.stem.replace("_", " ").replace("-", " ").strip()
    return (words[:1].upper() + words[1:]) if words else source.name


def run(args) -> int:
    from courseware_app.core.gift import (
        GiftError,
        check_encoding,
        check_quiz_markdown,
        import_gift,
        module_markdown,
    )
    from courseware_app.core.validate import validate_path

    source = Path(args.file)
    output = Path(args.output) if args.output else None
    if args.encoding:
        try:
            check_encoding(args.encoding)
        except GiftError as exc:
            _say(exc.message)
            return 2
    if args.quiz_id and not ID_RE.match(args.quiz_id):
        _say(
            _("quiz id '{id}' must be lower-case letters, digits and hyphens").format(
                id=args.quiz_id
            )
        )
        return 2
    if output is not None:
        if output.is_dir():
            _say(_("{path} is a folder; give a file name such as en.md").format(path=output))
            return 2
        if output.exists() and not args.force:
            _say(_("{path} already exists; use --force to overwrite it").format(path=output))
            return 1
    try:
        with source.open("rb") as f:
            data = f.read(MAX_GIFT_BYTES + 1)  # enough to refuse a bigger file, no more
    except OSError as exc:
        _say(_("cannot read {path}: {reason}").format(path=source, reason=exc.strerror or exc))
        return 1

    quiz_id = args.quiz_id or default_quiz_id(source, output)
    try:
        result = import_gift(data, args.lang, quiz_id, encoding=args.encoding)
    except GiftError as exc:
        print(f"{source}:{exc.line}: error: {exc.message}", file=sys.stderr)
        return 1
    for w in result.warnings:
        print(f"{source}:{w.line}: warning: {w.message}", file=sys.stderr)
    if not result.markdown:
        return 1
    problems = [d for d in check_quiz_markdown(result.markdown) if d.severity == Severity.ERROR]
    if problems:  # a converter bug: never hand out a quiz our own parser rejects
        for d in problems:
            _say(d.format())
        _say(_("the converted quiz is not valid; nothing was written"))
        return 1

    if output is None:
        sys.stdout.write(result.markdown)
        return 0

    text = module_markdown(
        result.markdown,
        module_id=_module_id(output, quiz_id),
        lang=args.lang,
        title=_title(source, result.title),
        source_name=source.name,
        questions=result.questions,
    )
    written = write_output(COMMAND, output, text, parents=True)
    if written:
        return written
    diags = validate_path(output)
    for d in diags:
        print(d.format(), file=sys.stderr)
    errors = sum(d.severity == Severity.ERROR for d in diags)
    summary = ngettext(
        "wrote {path}: {count} question (errors: {errors}, warnings: {warnings})",
        "wrote {path}: {count} questions (errors: {errors}, warnings: {warnings})",
        result.questions,
    )
    _say(
        summary.format(
            path=output, count=result.questions, errors=errors, warnings=len(diags) - errors
        )
    )
    return 1 if errors else 0
