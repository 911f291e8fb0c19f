"""The ``casusbeeld`` command line: validate, schema, serve, export, report, import, template, workbook,
pseudonymise."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from app.users_cli import add_user_commands
from models import DEFAULT_MAX_BYTES, check_source
from models.problems import report_lines
from models.schema import case_json_schema_text

BUNDLED_CASES = Path(__file__).resolve().parent.parent / "sample_cases"


def _cmd_validate(args: argparse.Namespace) -> int:
    lang = args.lang
    all_valid = True
    for name in args.files:
        problems = check_source(Path(name), max_bytes=args.max_mb)
        if not problems and args.strict:
            problems = _privacy_problems(Path(name))
        if not problems:
            print(f"✓ {name}: " + ("geldig" if lang == "nl" else "valid"))
            continue
        all_valid = False
        print(f"✗ {name}: {_problem_count(len(problems), lang)}")
        for line in report_lines(problems, lang):
            print(f"    {line}")
    return 0 if all_valid else 1


def _privacy_problems(path: Path) -> list:
    """What the privacy guard finds in a valid case file."""
    from models import load_case
    from models.privacy_guard import privacy_findings

    return privacy_findings(load_case(path))


def _cmd_pseudonymise(args: argparse.Namespace) -> int:
    import json

    from models import CaseError, validate_case_data
    from models.privacy_guard import privacy_findings
    from models.pseudonymise import pseudonymise
    from models.saving import case_bytes, case_document

    lang = args.lang
    source, output, mapping = (Path(args.case).resolve(), Path(args.output).resolve(), Path(args.mapping).resolve())
    if len({source, output, mapping}) < 3:
        print("✗ invoer, uitvoer en sleutelbestand moeten drie verschillende bestanden zijn / input, output and "
              "mapping must be three different files", file=sys.stderr)
        return 2
    case = _load_for_output(args.case, lang)
    if case is None:
        return 1
    data, replacements = pseudonymise(case_document(case))
    try:
        new_case = validate_case_data(data)
    except CaseError as error:  # e.g. a new label longer than allowed: write nothing
        for line in report_lines(error.problems, lang):
            print(f"✗ {line}", file=sys.stderr)
        return 1
    key = {"warning": "Dit bestand herleidt de casus tot personen: bewaar het apart en beveiligd. / This file "
                      "re-identifies the case: keep it apart and secured.",
           "case": args.case, "output": args.output, "replacements": [r.to_dict() for r in replacements]}
    if _write_output(json.dumps(key, ensure_ascii=False, indent=2).encode("utf-8") + b"\n", args.mapping, lang) or \
            _write_output(case_bytes(new_case), args.output, lang):
        return 1
    print(f"{len(replacements)} " + ("vervangingen" if lang == "nl" else "replacements"))
    remaining = privacy_findings(new_case)
    for line in report_lines(remaining, lang):
        print(("  nog te doen: " if lang == "nl" else "  still to do: ") + line)
    return 1 if remaining else 0


def _cmd_schema(args: argparse.Namespace) -> int:
    text = case_json_schema_text()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from app.server import serve

    return serve(Path(args.path) if args.path else BUNDLED_CASES, host=args.host, port=args.port,
                 debug=args.debug, lang=args.lang, behind_proxy=args.behind_proxy, allowed_hosts=args.allow_host,
                 workers=args.workers, users_file=Path(args.users) if args.users else None,
                 user_header=args.trust_user_header)


def _problem_count(count: int, lang: str) -> str:
    if lang == "nl":
        return f"{count} probleem" if count == 1 else f"{count} problemen"
    return f"{count} problem" if count == 1 else f"{count} problems"


MAX_MB_CEILING = 1024


def _megabytes(text: str) -> int:
    """A ``--max-mb`` value: a positive number of megabytes (at most 1024), as bytes."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value <= MAX_MB_CEILING:  # also false for nan and inf
        raise argparse.ArgumentTypeError(
            f"kies een aantal MB tussen 0 en {MAX_MB_CEILING} / choose a number of MB between 0 and {MAX_MB_CEILING}")
    return int(value * 1_048_576)


def _workers(text: str) -> int:
    """A ``--workers`` value: 1 to 32 processes."""
    if not text.isdigit() or not 1 <= int(text) <= 32:
        raise argparse.ArgumentTypeError("kies 1 tot 32 / choose 1 to 32")
    return int(text)


def _iso_date(text: str) -> dt.date:
    """An ``--as-of`` value: a calendar date written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen geldige datum; schrijf JJJJ-MM-DD / not a valid date; write YYYY-MM-DD") from None


def _load_for_output(name: str, lang: str) -> object | None:
    """The case in ``name``, or None after printing every problem (to stderr)."""
    from models import CaseError, load_case

    try:
        return load_case(Path(name))
    except CaseError as error:
        print(f"✗ {name}: {_problem_count(len(error.problems), lang)}", file=sys.stderr)
        for line in report_lines(error.problems, lang):
            print(f"    {line}", file=sys.stderr)
        return None


def _write_output(data: bytes, target: str, lang: str) -> int:
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        Path(target).write_bytes(data)
    except OSError as exc:
        print(("✗ kan niet schrijven: " if lang == "nl" else "✗ cannot write: ") + f"{target}: {exc.strerror}",
              file=sys.stderr)
        return 1
    print(f"✓ {target} ({max(1, round(len(data) / 1024))} KB)")
    return 0


def _output_format(args: argparse.Namespace, allowed: Sequence[str], default: str) -> str:
    """``--format``, else the suffix of ``-o``, else ``default``."""
    if args.format:
        return args.format
    suffix = Path(args.output).suffix.lstrip(".").lower() if args.output and args.output != "-" else ""
    return suffix if suffix in allowed else default


def _cmd_export(args: argparse.Namespace) -> int:
    from app.export import FORMATS, ExportError, default_filename, export_view_bytes

    lang = args.lang
    case = _load_for_output(args.case, lang)
    if case is None:
        return 1
    fmt = _output_format(args, FORMATS, "pdf")
    try:
        data, _, _ = export_view_bytes(case, args.view, fmt, args.size, lang, args.as_of)
    except ExportError as error:
        print(f"✗ {error}", file=sys.stderr)
        return 1
    target = args.output or default_filename(case.id, args.view, args.size, fmt)
    return _write_output(data, target, lang)


def _cmd_report(args: argparse.Namespace) -> int:
    from app.export import ExportError
    from app.report import report_bytes

    lang = args.lang
    case = _load_for_output(args.case, lang)
    if case is None:
        return 1
    fmt = _output_format(args, ("html", "pdf"), "html")
    try:
        data, filename, _ = report_bytes(case, fmt, lang)
    except ExportError as error:
        print(f"✗ {error}", file=sys.stderr)
        return 1
    return _write_output(data, args.output or filename, lang)


def _cmd_import(args: argparse.Namespace) -> int:
    from models import CaseError
    from models.saving import case_bytes
    from models.spreadsheet import import_files

    lang = args.lang
    files = []
    for name in args.files:
        try:
            files.append((Path(name).name, Path(name).read_bytes()))
        except OSError as exc:
            print(("✗ kan niet lezen: " if lang == "nl" else "✗ cannot read: ") + f"{name}: {exc.strerror}",
                  file=sys.stderr)
            return 1
    try:
        case = import_files(files)
    except CaseError as error:
        print(f"✗ {args.files[0]}: {_problem_count(len(error.problems), lang)}", file=sys.stderr)
        for line in report_lines(error.problems, lang):
            print(f"    {line}", file=sys.stderr)
        print("    (niets geïmporteerd)" if lang == "nl" else "    (nothing imported)", file=sys.stderr)
        return 1
    written = _write_output(case_bytes(case), args.output or f"{case.id}.json", lang)
    _warn_privacy(case, lang)
    return written


def _warn_privacy(case: object, lang: str) -> None:
    """Print what the privacy guard finds (a warning: ``validate --strict`` and ``pseudonymise`` act on it)."""
    from models.privacy_guard import privacy_findings

    findings = privacy_findings(case)
    if findings:
        print(("⚠ niet gepseudonimiseerd: " if lang == "nl" else "⚠ not pseudonymised: ")
              + _problem_count(len(findings), lang), file=sys.stderr)
        for line in report_lines(findings, lang):
            print(f"    {line}", file=sys.stderr)


def _cmd_template(args: argparse.Namespace) -> int:
    from models.spreadsheet import template_bytes

    return _write_output(template_bytes(), args.output, args.lang)


def _cmd_workbook(args: argparse.Namespace) -> int:
    from models.spreadsheet import case_workbook_bytes

    case = _load_for_output(args.case, args.lang)
    if case is None:
        return 1
    return _write_output(case_workbook_bytes(case), args.output or f"{case.id}.xlsx", args.lang)


def _add_spreadsheet_commands(sub: argparse._SubParsersAction) -> None:
    imports = sub.add_parser("import", help="read a case from a spreadsheet (.xlsx, or .csv files) into a case file")
    imports.add_argument("files", nargs="+", metavar="FILE",
                         help="one .xlsx workbook, or CSV files named after their sheet (personen.csv, …); "
                              "a single other CSV is read as the events")
    imports.add_argument("-o", "--output", metavar="FILE", help="case file to write ('-': standard output); "
                                                                "default <case id>.json")
    imports.add_argument("--lang", choices=["nl", "en"], default="nl", help="language of the report (default nl)")
    imports.set_defaults(func=_cmd_import)

    template = sub.add_parser("template", help="write the empty spreadsheet template (.xlsx) to fill in")
    template.add_argument("-o", "--output", metavar="FILE", default="sjabloon.xlsx",
                          help="file to write (default sjabloon.xlsx)")
    template.add_argument("--lang", choices=["nl", "en"], default="nl", help="language of messages (default nl)")
    template.set_defaults(func=_cmd_template)

    workbook = sub.add_parser("workbook", help="write a case as a spreadsheet of the import's shape (.xlsx)")
    workbook.add_argument("case", metavar="CASE", help="a case file")
    workbook.add_argument("-o", "--output", metavar="FILE", help="file to write; default <case id>.xlsx")
    workbook.add_argument("--lang", choices=["nl", "en"], default="nl", help="language of messages (default nl)")
    workbook.set_defaults(func=_cmd_workbook)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casusbeeld",
        description="Timeline and geno-sociogram of one pseudonymised youth-care case.")
    sub = parser.add_subparsers(dest="command", required=True)

    validate = sub.add_parser("validate", help="check case files and report every problem")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("--lang", choices=["nl", "en"], default="nl", help="language of the report (default nl)")
    validate.add_argument("--max-mb", type=_megabytes, default=DEFAULT_MAX_BYTES,
                          help="largest file accepted, in MB (default 20)")
    validate.add_argument("--strict", action="store_true",
                          help="also fail on what a pseudonymised file must not hold (BSN, e-mail, phone, IBAN, "
                               "address, full dates of birth, full names)")
    validate.set_defaults(func=_cmd_validate)

    pseudo = sub.add_parser("pseudonymise", help="replace names, dates of birth and numbers the --strict check "
                                                 "finds; write the mapping to a separate file")
    pseudo.add_argument("case", metavar="CASE", help="a case file (left unchanged)")
    pseudo.add_argument("-o", "--output", metavar="FILE", required=True, help="the new case file")
    pseudo.add_argument("--mapping", metavar="FILE", required=True,
                        help="where to write what was replaced (keep it apart: it re-identifies the case)")
    pseudo.add_argument("--lang", choices=["nl", "en"], default="nl", help="language of the report (default nl)")
    pseudo.set_defaults(func=_cmd_pseudonymise)

    schema = sub.add_parser("schema", help="print the JSON Schema of the case format")
    schema.add_argument("-o", "--output", help="write to this file instead of standard output")
    schema.set_defaults(func=_cmd_schema)

    serve = sub.add_parser("serve", help="start the app in the browser (http://127.0.0.1:8050)")
    serve.add_argument("path", nargs="?", metavar="FILE|DIR",
                       help="a case file or a folder of cases (default: the bundled sample cases)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this computer only)")
    serve.add_argument("--port", type=int, default=8050)
    serve.add_argument("--behind-proxy", action="store_true",
                       help="a reverse proxy with TLS is in front: allows a --host beyond this computer, asks for "
                            "a login (--users or --trust-user-header) and sends the session cookie over HTTPS only")
    serve.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                       help="a host name the app answers to besides 127.0.0.1/localhost (repeatable)")
    serve.add_argument("--lang", choices=["nl", "en"], default="nl", help="interface language (default nl)")
    serve.add_argument("--workers", type=_workers, default=1, metavar="N",
                       help="worker processes serving the folder (default 1; e.g. 2-4 for a team)")
    serve.add_argument("--users", metavar="FILE",
                       help="accounts file (see 'casusbeeld users'): everyone logs in, also on this computer")
    serve.add_argument("--trust-user-header", metavar="HEADER",
                       help="with --behind-proxy: the proxy logs people in and names them in this header "
                            "(e.g. X-Remote-User)")
    serve.add_argument("--debug", action="store_true",
                       help="Dash's development server in debug mode (development only; ignores --workers)")
    serve.set_defaults(func=_cmd_serve)

    export = sub.add_parser("export", help="write a view as a poster or image (PNG, SVG, PDF)")
    export.add_argument("case", metavar="CASE", help="a case file")
    export.add_argument("--view", choices=["timeline", "genosociogram"], default="timeline",
                        help="which view (default timeline)")
    export.add_argument("--format", choices=["png", "svg", "pdf"],
                        help="file format (default: from the -o suffix, else pdf)")
    export.add_argument("--size", choices=["A3", "A1", "A0", "screen"], default="A3",
                        help="landscape paper size, or screen (1920 × 1080); default A3")
    export.add_argument("--lang", choices=["nl", "en"], default="nl", help="language (default nl)")
    export.add_argument("--as-of", type=_iso_date, metavar="YYYY-MM-DD",
                        help="the day to show: marked on the timeline, the network on that day")
    export.add_argument("-o", "--output", metavar="FILE",
                        help="output file ('-' for standard output); default <case id>_<view>_<size>.<format>")
    export.set_defaults(func=_cmd_export)

    report = sub.add_parser("report", help="write the case report (HTML or PDF)")
    report.add_argument("case", metavar="CASE", help="a case file")
    report.add_argument("--format", choices=["html", "pdf"],
                        help="file format (default: from the -o suffix, else html)")
    report.add_argument("--lang", choices=["nl", "en"], default="nl", help="language (default nl)")
    report.add_argument("-o", "--output", metavar="FILE",
                        help="output file ('-' for standard output); default <case id>_report_<lang>.<format>")
    report.set_defaults(func=_cmd_report)
    _add_spreadsheet_commands(sub)
    add_user_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
