"""Serving safely: Host allow-list, size limits, security headers and forged callbacks, over real HTTP."""

from __future__ import annotations

import base64
import http.client
import json
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from app.factory import create_app
from app.guard import host_name
from app.server import serve
from app.state import case_view, unpack
from models.limits import MAX_FILE_BYTES, MAX_REQUEST_BYTES

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    server = make_server("127.0.0.1", 0, create_app(SAMPLES).server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()


def request(port: int, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, data


def test_security_headers_on_page_and_assets(port: int) -> None:
    for path in ("/", "/assets/casusbeeld.css", "/_dash-layout"):
        status, headers, _ = request(port, "GET", path)
        assert status == 200, path
        csp = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "unsafe-eval" not in csp and "script-src 'self'" in csp
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_foreign_host_is_refused(port: int) -> None:
    status, _, body = request(port, "GET", "/_dash-layout", headers={"Host": "evil.example:8050"})
    assert status == 421
    assert "Onbekend adres" in body.decode() and "Unknown address" in body.decode()
    assert b"Sem" not in body


@pytest.mark.parametrize("host", ["127.0.0.1:8050", "localhost", "[::1]:8050"])
def test_loopback_hosts_are_answered(port: int, host: str) -> None:
    assert request(port, "GET", "/_dash-layout", headers={"Host": host})[0] == 200


def test_host_name_parts() -> None:
    assert host_name("[::1]:8050") == "::1"
    assert host_name("Example.org:80") == "example.org"
    assert host_name("localhost") == "localhost"


def test_huge_body_is_refused_before_it_is_read(port: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.putrequest("POST", "/_dash-update-component")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", str(64 * 1_048_576))
    conn.endheaders()
    conn.send(b"{" * 1024)  # the rest is never sent: the server must answer without waiting for it
    response = conn.getresponse()
    assert response.status == 413
    assert "Te groot" in response.read().decode()
    conn.close()
    assert MAX_REQUEST_BYTES < 64 * 1_048_576


def test_forged_callback_gets_400_not_500(port: int) -> None:
    for body in (b'{"output": "nonsense"}', b"[1, 2, 3]", b'{"output": "timeline-graph.figure", "inputs": 7}'):
        status, _, data = request(port, "POST", "/_dash-update-component", body=body,
                                  headers={"Content-Type": "application/json"})
        assert 400 <= status < 500, (body, status)
        assert b"Traceback" not in data


def test_decompression_bomb_is_not_inflated() -> None:
    bomb = base64.b64encode(zlib.compress(b" " * (MAX_FILE_BYTES * 4), 9)).decode("ascii")
    assert len(bomb) < 200_000
    with pytest.raises(ValueError):
        unpack(bomb)
    assert case_view({"blob": bomb}) is None


def test_bomb_sent_to_a_callback_is_refused(port: int) -> None:
    bomb = base64.b64encode(zlib.compress(b" " * (MAX_FILE_BYTES * 4), 9)).decode("ascii")
    payload = {"output": "..filter-persons.options...filter-organisations.options...filter-types.options..",
               "outputs": [{"id": "filter-persons", "property": "options"},
                           {"id": "filter-organisations", "property": "options"},
                           {"id": "filter-types", "property": "options"}],
               "inputs": [{"id": "case-store", "property": "data", "value": {"blob": bomb}},
                          {"id": "lang", "property": "value", "value": "nl"}],
               "changedPropIds": ["case-store.data"], "state": []}
    status, _, data = request(port, "POST", "/_dash-update-component", body=json.dumps(payload).encode(),
                              headers={"Content-Type": "application/json"})
    assert status in (200, 204, 400)
    assert b"Traceback" not in data


def test_beyond_loopback_refuses_to_start_without_a_proxy(capsys: pytest.CaptureFixture[str]) -> None:
    assert serve(SAMPLES, host="0.0.0.0", port=1) == 2
    out = capsys.readouterr().out
    assert "--behind-proxy" in out and "TLS" in out and "onversleuteld" in out and "unencrypted" in out
