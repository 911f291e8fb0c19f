"""Login: the accounts file, the login page, the trusted proxy header, and who saved and wrote what."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from app.audit import AUDIT_FILE, saves
from app.auth import AuthConfig, read_accounts, set_password
from app.cli import BUNDLED_CASES, main
from app.edit_store import data_bytes
from app.factory import create_app
from app.server import serve
from app.state import pack, unpack
from models.saving import fingerprint
from tests.dash_calls import find_callback, payload

PASSWORD = "lang-genoeg-wachtwoord"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    cases = tmp_path / "cases"
    cases.mkdir()
    shutil.copy(BUNDLED_CASES / "minimal.json", cases / "minimal.json")
    return cases


@pytest.fixture()
def accounts(tmp_path: Path) -> Path:
    path = tmp_path / "accounts.txt"
    set_password(path, "anna", PASSWORD)
    set_password(path, "bram", PASSWORD + "-b")
    return path


def logged_in(app, name: str = "anna", password: str = PASSWORD):
    client = app.server.test_client()
    response = client.post("/login", data={"name": name, "password": password, "next": "/"})
    assert response.status_code == 302, response.data
    return client


def call(client, component: str, prop: str, values: dict, output: str | None = None,
         trigger: str | None = None) -> dict:
    dependencies = json.loads(client.get("/_dash-dependencies").data)
    body = payload(find_callback(dependencies, component, prop, output), trigger or f"{component}.{prop}", values)
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data
    return json.loads(response.data)["response"]


def opened_store(folder: Path, title: str) -> dict:
    original = (folder / "minimal.json").read_bytes()
    data = json.loads(original)
    data["title"] = title
    return {"blob": pack(data_bytes(data)), "name": "minimal.json", "source": "file", "base": fingerprint(original),
            "revision": 1, "clean": "opened", "dirty": True}


def test_accounts_file_holds_hashes_not_passwords(accounts: Path) -> None:
    text = accounts.read_text()
    assert PASSWORD not in text and text.count("scrypt:") == 2
    assert set(read_accounts(accounts)) == {"anna", "bram"}
    assert accounts.stat().st_mode & 0o077 == 0  # readable by its owner only


def test_login_page_wrong_password_and_logout(folder: Path, accounts: Path) -> None:
    app = create_app(folder, auth=AuthConfig(users_file=accounts))
    client = app.server.test_client()
    first = client.get("/?case=minimal.json")
    assert first.status_code == 302 and first.headers["Location"].startswith("/login?next=")
    assert client.get("/_dash-layout").status_code == 401
    page = client.get("/login").data.decode()
    assert "Wachtwoord" in page and 'type="password"' in page and "<script" not in page
    assert "Password" in client.get("/login?lang=en").data.decode()
    wrong = client.post("/login", data={"name": "anna", "password": "fout"})
    assert wrong.status_code == 401 and "verkeerd wachtwoord" in wrong.data.decode()
    assert client.post("/login", data={"name": "nobody", "password": PASSWORD}).status_code == 401
    good = client.post("/login", data={"name": "anna", "password": PASSWORD, "next": "/?case=minimal.json"})
    assert good.headers["Location"] == "/?case=minimal.json"
    cookie = good.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Secure" not in cookie
    layout = client.get("/_dash-layout").data.decode()
    assert "Ingelogd als anna" in layout and "Uitloggen" in layout
    assert client.post("/logout").status_code == 302
    assert client.get("/_dash-layout").status_code == 401


def test_login_never_redirects_to_another_site(folder: Path, accounts: Path) -> None:
    client = create_app(folder, auth=AuthConfig(users_file=accounts)).server.test_client()
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = client.post("/login", data={"name": "anna", "password": PASSWORD, "next": target})
        assert response.headers["Location"] == "/"


def test_removing_an_account_ends_its_sessions(folder: Path, accounts: Path) -> None:
    client = logged_in(create_app(folder, auth=AuthConfig(users_file=accounts)))
    assert client.get("/_dash-layout").status_code == 200
    lines = [line for line in accounts.read_text().splitlines() if not line.startswith("anna:")]
    accounts.write_text("\n".join(lines) + "\n")
    assert client.get("/_dash-layout").status_code == 401


def test_secure_cookie_behind_a_tls_proxy(folder: Path, accounts: Path) -> None:
    client = create_app(folder, auth=AuthConfig(users_file=accounts, secure_cookie=True)).server.test_client()
    response = client.post("/login", data={"name": "anna", "password": PASSWORD})
    assert "Secure" in response.headers["Set-Cookie"]


def test_trusted_header_names_the_user(folder: Path) -> None:
    app = create_app(folder, auth=AuthConfig(user_header="X-Remote-User"))
    client = app.server.test_client()
    refused = client.get("/_dash-layout")
    assert refused.status_code == 401 and "proxy" in refused.data.decode()
    layout = client.get("/_dash-layout", headers={"X-Remote-User": "piet"}).data.decode()
    assert "Ingelogd als piet" in layout and "Uitloggen" not in layout
    assert client.get("/login").status_code == 401  # no login page: the proxy logs people in


def test_loopback_stays_login_free(folder: Path) -> None:
    client = create_app(folder).server.test_client()
    layout = client.get("/_dash-layout")
    assert layout.status_code == 200 and "Ingelogd" not in layout.data.decode()
    assert 'type="password"' not in client.get("/login").data.decode()  # the app's page: no login form


def test_serve_refuses_without_a_login_or_with_a_header_and_no_proxy(tmp_path: Path, folder: Path, capsys) -> None:
    assert serve(folder, host="0.0.0.0", port=1, behind_proxy=True) == 2
    assert "--users" in capsys.readouterr().out
    assert serve(folder, port=1, user_header="X-Remote-User") == 2
    assert "alleen samen met --behind-proxy" in capsys.readouterr().out
    assert serve(folder, port=1, users_file=tmp_path / "none.txt") == 2
    assert "casusbeeld users add" in capsys.readouterr().out


def test_users_command_adds_changes_and_removes(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "team.txt"
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["users", "add", "chris", "--file", str(path), "--password-stdin"]) == 0
    first = read_accounts(path)["chris"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("kort\n"))
    assert main(["users", "add", "chris", "--file", str(path), "--password-stdin"]) == 1
    assert "minstens" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "-nieuw\n"))
    assert main(["users", "add", "chris", "--file", str(path), "--password-stdin"]) == 0
    assert read_accounts(path)["chris"] != first
    assert main(["users", "add", "bad:name", "--file", str(path), "--password-stdin"]) == 2
    assert main(["users", "remove", "chris", "--file", str(path)]) == 0
    assert read_accounts(path) == {}


def test_a_save_records_who_saved_and_a_conflict_names_them(folder: Path, accounts: Path) -> None:
    app = create_app(folder, auth=AuthConfig(users_file=accounts))
    anna, bram = logged_in(app), logged_in(app, "bram", PASSWORD + "-b")
    before = (folder / "minimal.json").read_bytes()
    stores = [opened_store(folder, "Versie van Anna"), opened_store(folder, "Versie van Bram")]
    answer = call(anna, "edit-save", "n_clicks", {"edit-save.n_clicks": 1, "case-store.data": stores[0],
                                                   "lang.value": "nl"})
    assert "Opgeslagen in minimal.json" in json.dumps(answer)
    [entry] = saves(folder)
    assert entry["user"] == "anna" and entry["file"] == "minimal.json"
    assert entry["version"] == fingerprint((folder / "minimal.json").read_bytes()) != fingerprint(before)
    refused = call(bram, "edit-save", "n_clicks", {"edit-save.n_clicks": 1, "case-store.data": stores[1],
                                                    "lang.value": "nl"})
    assert "anna heeft minimal.json opgeslagen" in json.dumps(refused)
    assert len(saves(folder)) == 1


def test_no_audit_file_without_login(folder: Path) -> None:
    client = create_app(folder).server.test_client()
    answer = call(client, "edit-save", "n_clicks", {"edit-save.n_clicks": 1, "lang.value": "nl",
                                                     "case-store.data": opened_store(folder, "Alleen")})
    assert "Opgeslagen" in json.dumps(answer)
    assert not (folder / AUDIT_FILE).exists()


def test_annotations_and_reflections_take_the_author_from_the_login(folder: Path, accounts: Path) -> None:
    client = logged_in(create_app(folder, auth=AuthConfig(users_file=accounts)))
    store = opened_store(folder, "Met notities")
    fields = {"tag": "question", "text": "Wie wist hiervan?", "target.persons": ["kind"], "target.events": ["e1"]}
    answer = call(client, "edit-submit", "n_clicks", {
        "edit-submit.n_clicks": 1, "case-store.data": store, "history-store.data": {"undo": [], "redo": []},
        "edit-form-store.data": {"collection": "annotations", "id": None},
        "edit-field.value": [{"id": {"type": "edit-field", "field": name}, "property": "value", "value": value}
                             for name, value in fields.items()]})
    data = json.loads(unpack(answer["case-store"]["data"]["blob"]))
    assert [(note["text"], note["author"]) for note in data["annotations"]] == [("Wie wist hiervan?", "anna")]
    box = {"type": "reflection", "card": 3, "key": "card3_q1"}
    answer = call(client, "reflection", "value", {
        "case-store.data": store, "history-store.data": {"undo": [], "redo": []}, "edit-mode.value": True,
        "reflection.value": [{"id": box, "property": "value", "value": "We zien een patroon."}]},
        output="case-store", trigger=json.dumps(box, sort_keys=True, separators=(",", ":")) + ".value")
    data = json.loads(unpack(answer["case-store"]["data"]["blob"]))
    assert [(note["text"], note["author"]) for note in data["reflections"]] == [("We zien een patroon.", "anna")]


def test_workshop_participants_join_without_an_account(folder: Path, accounts: Path) -> None:
    """A participant has a workshop code, not an account: the join page is open, the facilitator's page is not."""
    client = create_app(folder, auth=AuthConfig(users_file=accounts)).server.test_client()
    assert client.get("/").status_code == 302
    page = client.get("/meedoen/?code=ABCD")
    assert page.status_code == 200
    assert b"casusbeeld" in page.data
    assert client.get("/_dash-layout").status_code == 401
