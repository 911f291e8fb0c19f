"""``casusbeeld users``: the accounts file an admin keeps for ``casusbeeld serve --users FILE``."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

DEFAULT_FILE = "casusbeeld-accounts.txt"


def _password(args: argparse.Namespace) -> str | None:
    """The new password: one line from standard input with ``--password-stdin``, else asked twice."""
    from app.auth import MIN_PASSWORD_LENGTH

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Wachtwoord / password: ")
        if getpass.getpass("Nog eens / again: ") != password:
            print("✗ de wachtwoorden verschillen / the passwords differ", file=sys.stderr)
            return None
    if len(password) < MIN_PASSWORD_LENGTH:
        print(f"✗ kies minstens {MIN_PASSWORD_LENGTH} tekens / choose at least {MIN_PASSWORD_LENGTH} characters",
              file=sys.stderr)
        return None
    return password


def _cmd_users(args: argparse.Namespace) -> int:
    from app.auth import NAME_PATTERN, read_accounts, remove_account, set_password

    path = Path(args.file)
    if args.action == "list":
        for name in sorted(read_accounts(path)):
            print(name)
        return 0
    if not args.name or not NAME_PATTERN.match(args.name):
        print("✗ een naam van letters, cijfers en . @ + - _ (hoogstens 60) / a name of letters, digits and "
              ". @ + - _ (at most 60)", file=sys.stderr)
        return 2
    if args.action == "remove":
        if not remove_account(path, args.name):
            print(f"✗ {args.name}: geen account / no such account", file=sys.stderr)
            return 1
        print(f"✓ {args.name} verwijderd / removed")
        return 0
    password = _password(args)
    if password is None:
        return 1
    try:
        new = set_password(path, args.name, password)
    except OSError as exc:
        print(f"✗ {path}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"✓ {args.name} " + ("toegevoegd / added" if new else "nieuw wachtwoord / password changed") + f": {path}")
    return 0


def add_user_commands(sub: argparse._SubParsersAction) -> None:
    users = sub.add_parser("users", help="add, change, remove or list the accounts for 'serve --users FILE'")
    users.add_argument("action", choices=["add", "remove", "list"],
                       help="add (or change the password of) an account, remove one, or list the names")
    users.add_argument("name", nargs="?", metavar="NAME", help="the account name (for add and remove)")
    users.add_argument("--file", default=DEFAULT_FILE, metavar="FILE",
                       help=f"the accounts file (default {DEFAULT_FILE}; written readable by its owner only)")
    users.add_argument("--password-stdin", action="store_true",
                       help="read the password from one line of standard input instead of asking")
    users.set_defaults(func=_cmd_users)
