"""``casusbeeld serve --workers 2 --users FILE`` on gunicorn: everyone logs in, a login holds in both workers,
and each save is recorded with who made it."""

from __future__ import annotations

import http.client
import json
import shutil
import urllib.parse
from pathlib import Path

import pytest

from app.audit import saves
from app.auth import set_password
from app.cli import BUNDLED_CASES
from tests.dash_calls import find_callback, payload
from tests.test_auth import opened_store
from tests.test_server import children, serving

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "wachtwoord-van-het-team"


def fetch(port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None
         ) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)  # a new connection each time
    try:
        connection.request(method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cases")
    shutil.copy(BUNDLED_CASES / "minimal.json", folder / "minimal.json")
    accounts = tmp_path_factory.mktemp("admin") / "accounts.txt"
    set_password(accounts, "anna", PASSWORD)
    with serving([str(folder), "--workers", "2", "--users", str(accounts)],
                 lambda port: fetch(port, "GET", "/login")[0] == 200) as (port, process):
        yield port, folder, process


def login(port: int, password: str = PASSWORD) -> tuple[int, str | None]:
    form = urllib.parse.urlencode({"name": "anna", "password": password, "next": "/"}).encode()
    status, headers, _ = fetch(port, "POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded"})
    cookie = headers.get("set-cookie", "").split(";", 1)[0] or None
    return status, cookie


def test_nothing_is_served_before_login(server):
    port, _, process = server
    assert len(children(process.pid)) == 2
    status, headers, _ = fetch(port, "GET", "/")
    assert status == 302 and headers["location"].startswith("/login")
    for path in ("/_dash-layout", "/_dash-dependencies", "/sjabloon.xlsx"):
        assert fetch(port, "GET", path)[0] == 401, path
    status, _, body = fetch(port, "GET", "/login")
    assert status == 200 and "Wachtwoord" in body.decode()
    assert "frame-ancestors 'none'" in fetch(port, "GET", "/login")[1]["content-security-policy"]  # guard still on


def test_wrong_password_is_refused(server):
    port, _, _ = server
    status, cookie = login(port, "geraden")
    assert status == 401 and cookie is None


def test_a_login_holds_in_every_worker_and_logout_ends_it(server):
    port, _, _ = server
    status, cookie = login(port)
    assert status == 302 and cookie
    # twenty new connections are spread over both workers; each accepts the cookie the other signed
    answers = [fetch(port, "GET", "/_dash-layout", headers={"Cookie": cookie}) for _ in range(20)]
    assert all(status == 200 and b"Ingelogd als anna" in body for status, _, body in answers)
    status, headers, _ = fetch(port, "GET", "/logout", headers={"Cookie": cookie})
    assert status == 302 and "casusbeeld_session=;" in headers.get("set-cookie", "")


def test_a_save_through_gunicorn_records_who_saved(server):
    port, folder, _ = server
    _, cookie = login(port)
    headers = {"Cookie": cookie or "", "Content-Type": "application/json"}
    status, _, body = fetch(port, "GET", "/_dash-dependencies", headers=headers)
    spec = find_callback(json.loads(body), "edit-save", "n_clicks")
    request = payload(spec, "edit-save.n_clicks", {"edit-save.n_clicks": 1, "lang.value": "nl",
                                                   "case-store.data": opened_store(folder, "Door Anna opgeslagen")})
    status, _, body = fetch(port, "POST", "/_dash-update-component", json.dumps(request).encode(), headers)
    assert status == 200 and "Opgeslagen in minimal.json" in body.decode()
    assert [(entry["user"], entry["file"]) for entry in saves(folder)] == [("anna", "minimal.json")]
