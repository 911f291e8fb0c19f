"""The ``casusbeeld`` command line: validate, schema, serve."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from models import DEFAULT_MAX_BYTES, check_source
from models.schema import case_json_schema_text

BUNDLED_CASES = Path(__file__).resolve().parent.parent / "sample_cases"


def _cmd_validate(args: argparse.Namespace) -> int:
    lang = args.lang
    all_valid = True
    for name in args.files:
        problems = check_source(Path(name), max_bytes=args.max_mb * 1_048_576)
        if not problems:
            print(f"✓ {name}: " + ("geldig" if lang == "nl" else "valid"))
            continue
        all_valid = False
        count = len(problems)
        if lang == "nl":
            head = f"{count} probleem" if count == 1 else f"{count} problemen"
        else:
            head = f"{count} problem" if count == 1 else f"{count} problems"
        print(f"✗ {name}: {head}")
        for problem in problems:
            print(f"    {problem.render(lang)}")
    return 0 if all_valid else 1


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
                 debug=args.debug, lang=args.lang)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casusbeeld",
        description="Timeline and geno-sociogram of one pseudonymised youth-care case.")
    sub = parser.add_subparsers(dest="command", required=True)

    validate = sub.add_parser("validate", help="check case files and report every problem")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("--lang", choices=["nl", "en"], default="nl", help="language of the report (default nl)")
    validate.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1_048_576,
                          help="largest file accepted, in MB (default 20)")
    validate.set_defaults(func=_cmd_validate)

    schema = sub.add_parser("schema", help="print the JSON Schema of the case format")
    schema.add_argument("-o", "--output", help="write to this file instead of standard output")
    schema.set_defaults(func=_cmd_schema)

    serve = sub.add_parser("serve", help="start the app in the browser (http://127.0.0.1:8050)")
    serve.add_argument("path", nargs="?", metavar="FILE|DIR",
                       help="a case file or a folder of cases (default: the bundled sample cases)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this computer only)")
    serve.add_argument("--port", type=int, default=8050)
    serve.add_argument("--lang", choices=["nl", "en"], default="nl", help="interface language (default nl)")
    serve.add_argument("--debug", action="store_true", help="Dash debug mode (development only)")
    serve.set_defaults(func=_cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
