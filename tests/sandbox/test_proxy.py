#!/usr/bin/python3
"""The fault proxy (proxy.py) in front of the sandbox: each of its behaviours, seen from a
client (raw sockets where the exact end of a connection matters) and from the sandbox's log."""
import errno
import json
import os
import socket
import subprocess
import sys
import time
import unittest

sys.dont_write_bytecode = True
import requests  # noqa: E402

from harness import HERE, Proxy, Sandbox, TestCase, check, token  # noqa: E402

sandbox = proxy = None


def setUpModule():
    global sandbox, proxy
    sandbox = Sandbox()
    try:
        proxy = Proxy(sandbox.base)
    except Exception:
        sandbox.stop()
        raise


def tearDownModule():
    proxy.stop()
    sandbox.stop()


class Connection:
    """One client connection, kept alive across requests, read byte by byte where it matters."""

    def __init__(self, base):
        host, port = base.split("//")[1].rstrip("/").split(":")
        self.host = f"{host}:{port}"
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        self.buffer = b""

    def close(self):
        self.sock.close()

    def send(self, method, path, body=None, headers=()):
        data = json.dumps(body).encode() if body is not None else b""
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}", *headers]
        if body is not None:
            lines += ["Content-Type: application/json", f"Content-Length: {len(data)}"]
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + data)

    def receive(self):
        """(status, headers, JSON body) of one answer; raises what the socket raises."""
        while b"\r\n\r\n" not in self.buffer:
            self.fill()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
        length = int(headers.get("content-length", "0"))
        while len(self.buffer) < length:
            self.fill()
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return int(lines[0].split()[1]), headers, json.loads(body) if body else None

    def fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise EOFError("the connection was closed (FIN)")
        self.buffer += chunk

    def request(self, method, path, body=None, headers=()):
        self.send(method, path, body, headers)
        return self.receive()


class ProxyTest(TestCase):
    def setUp(self):
        sandbox.reset()
        proxy.reset()
        self.root = proxy.base + "api/"
        self.token = token(self.root)
        self.auth = f"Authorization: Token {self.token}"
        s = self.session(self.root)
        self.competition = check(s.post(self.root + "competitions/", timeout=60, json={
            "slug": "proxied", "full_name": "Proxied", "country": "GBR", "date": "2026-06-10",
            "finish_date": "2026-06-10"}), 201).json()["id"]
        proxy.reset()
        requests.delete(sandbox.base + "sandbox/log/", timeout=60)

    def connect(self):
        connection = Connection(proxy.base)
        self.addCleanup(connection.close)
        return connection

    def competitors(self):
        r = requests.get(f"{sandbox.root}competitors/?competition={self.competition}",
                         headers={"Authorization": "Token " + self.token}, timeout=60)
        return [c["competitor_id"] for c in check(r, 200).json()["results"]]

    def sandbox_posts(self, path):
        return [e for e in sandbox.log() if e["method"] == "POST" and e["path"] == path]


class Forwarding(ProxyTest):
    def test_keeps_the_connection_alive_and_the_host(self):
        c = self.connect()
        status, headers, root = c.request("GET", "/api/")
        self.assertEqual((status, headers["connection"]), (200, "keep-alive"))
        self.assertTrue(root["competitors"].startswith(proxy.base))  # links lead back through the proxy
        status, _, body = c.request("POST", "/api/teams/", {"competition": self.competition, "team_id": "A"},
                                    [self.auth])
        self.assertEqual(status, 201)
        self.assertTrue(body["url"].startswith(proxy.base))
        log = proxy.log()
        self.assertEqual([(e["connection"], e["index"], e["action"], e["status"]) for e in log],
                         [(log[0]["connection"], 1, "forward", 200), (log[0]["connection"], 2, "forward", 201)])
        self.assertEqual([e["authorization"] for e in log], [False, True])

    def test_a_rule_can_exempt_a_path(self):
        proxy.rule(path="/api/hello/", action="forward", always=True)
        proxy.rule(path="/api/", action="unauthorized", always=True)
        check(requests.get(self.root + "hello/", headers={"Authorization": "Token " + self.token}, timeout=60),
              200)
        check(requests.get(self.root + "teams/", headers={"Authorization": "Token " + self.token}, timeout=60),
              401)


class Resets(ProxyTest):
    def test_reset_after_forward_on_a_kept_alive_connection(self):
        proxy.rule(method="POST", path="/api/competitors/", reused=True, action="reset-after-forward")
        c = self.connect()
        self.assertEqual(c.request("GET", "/api/")[0], 200)
        c.send("POST", "/api/competitors/", [{"competition": self.competition, "competitor_id": "41"}], [self.auth])
        with self.assertRaises(ConnectionResetError) as raised:
            c.receive()
        self.assertEqual(raised.exception.errno, errno.ECONNRESET)
        self.assertEqual(c.buffer, b"")  # not one byte of the answer
        self.assertEqual(self.competitors(), ["41"])  # and yet the server stored it
        self.assertEqual([e["status"] for e in self.sandbox_posts("/api/competitors/")], [201])
        entry = [e for e in proxy.log() if e["method"] == "POST"][0]
        self.assertEqual((entry["index"], entry["action"], entry["forwarded"], entry["status"]),
                         (2, "reset-after-forward", True, 201))

    def test_reused_matches_only_a_kept_alive_connection(self):
        proxy.rule(method="POST", path="/api/competitors/", reused=True, action="reset-after-forward")
        fresh = self.connect()
        status, _, _ = fresh.request("POST", "/api/competitors/",
                                     [{"competition": self.competition, "competitor_id": "42"}], [self.auth])
        self.assertEqual(status, 201)  # first request on its connection: the rule waits
        self.assertEqual(len(proxy.log()), 1)
        c = self.connect()
        c.request("GET", "/api/")
        c.send("POST", "/api/competitors/", [{"competition": self.competition, "competitor_id": "43"}], [self.auth])
        self.assertRaises(ConnectionResetError, c.receive)
        self.assertEqual(self.competitors(), ["42", "43"])

    def test_reset_without_forwarding(self):
        proxy.rule(method="POST", path="/api/teams/", action="reset")
        c = self.connect()
        c.send("POST", "/api/teams/", {"competition": self.competition, "team_id": "B"}, [self.auth])
        self.assertRaises(ConnectionResetError, c.receive)
        self.assertEqual(self.sandbox_posts("/api/teams/"), [])
        self.assertEqual(proxy.log()[0]["forwarded"], False)


class Stalls(ProxyTest):
    def test_stall_then_close(self):
        proxy.rule(method="GET", path="/api/hello/", action="stall", seconds=2)
        c = self.connect()
        c.sock.settimeout(1)
        c.send("GET", "/api/hello/", headers=[self.auth])
        self.assertRaises(socket.timeout, c.receive)
        c.sock.settimeout(10)
        self.assertRaises(EOFError, c.receive)  # then closed, without an answer
        self.assertEqual([e["path"] for e in sandbox.log()], [])
        self.assertEqual(proxy.log()[0]["action"], "stall")

    def test_stall_then_forward(self):
        proxy.rule(method="GET", path="/api/hello/", action="stall", seconds=1, then="forward")
        started = time.monotonic()
        check(requests.get(self.root + "hello/", headers={"Authorization": "Token " + self.token}, timeout=60),
              200)
        self.assertGreaterEqual(time.monotonic() - started, 1.0)
        self.assertEqual([e["path"] for e in sandbox.log()], ["/api/hello/"])

    def test_latency(self):
        proxy.rule(path="/api/", action="latency", ms=300, always=True)
        proxy.rule(method="GET", path="/api/hello/", action="unauthorized")  # still decides after it
        started = time.monotonic()
        check(requests.get(self.root + "hello/", timeout=60), 401)
        check(requests.get(self.root, timeout=60), 200)
        self.assertGreaterEqual(time.monotonic() - started, 0.6)


class Unauthorized(ProxyTest):
    def test_persistent_401(self):
        proxy.rule(method="POST", path="/api/get-auth-token/", action="forward", always=True)
        proxy.rule(path="/api/", action="unauthorized", always=True)
        for _ in range(3):
            fresh = token(self.root)
            r = requests.get(self.root + "hello/", headers={"Authorization": "Token " + fresh}, timeout=60)
            check(r, 401)
            self.assertEqual(r.json(), {"detail": "Invalid token."})
            self.assertEqual(r.headers["WWW-Authenticate"], "Token")
        self.assertEqual([e["path"] for e in sandbox.log()], ["/api/get-auth-token/"] * 3)


class Redirects(ProxyTest):
    def test_redirect_to_the_other_host(self):
        proxy.rule(method="POST", path="/api/teams/", action="redirect", status=307)
        r = requests.post(self.root + "teams/?x=1", json={"competition": self.competition, "team_id": "C"},
                          headers={"Authorization": "Token " + self.token}, allow_redirects=False, timeout=60)
        check(r, 307)
        self.assertEqual(r.headers["Location"], proxy.other + "api/teams/?x=1")
        self.assertEqual(proxy.log()[0]["location"], proxy.other + "api/teams/?x=1")
        self.assertEqual(self.sandbox_posts("/api/teams/"), [])

    def test_the_other_host_records_what_reaches_it(self):
        for status in (301, 302, 303, 307, 308):
            proxy.rule(method="POST", path="/api/teams/", action="redirect", status=status)
            r = requests.post(self.root + "teams/", json={"team_id": "D"},
                              headers={"Authorization": "Token " + self.token}, timeout=60)
            check(r, 404)  # python-requests follows to the other host, which has nothing
        seen = proxy.other_log()
        self.assertEqual([e["method"] for e in seen], ["GET", "GET", "GET", "POST", "POST"])
        self.assertFalse([e for e in seen if "Authorization" in e["headers"]])  # requests drops it
        self.assertEqual(json.loads(seen[-1]["body"]), {"team_id": "D"})
        # What the other host would show had the token gone along:
        requests.get(proxy.other + "api/", headers={"Authorization": "Token leaked"}, timeout=60)
        self.assertEqual(proxy.other_log()[-1]["headers"]["Authorization"], "Token leaked")

    def test_redirect_to_a_given_location(self):
        proxy.rule(method="GET", path="/api/", action="redirect", status=301, location=sandbox.root)
        r = requests.get(self.root, allow_redirects=False, timeout=60)
        self.assertEqual((r.status_code, r.headers["Location"]), (301, sandbox.root))


class Control(ProxyTest):
    def test_bad_rules_are_refused(self):
        for rule in ({"action": "explode"}, {"action": "redirect", "status": 200}, {"action": "reset", "count": 0},
                     [1]):
            check(requests.post(proxy.control + "rules", json=rule, timeout=60), 400)
        self.assertEqual(check(requests.get(proxy.control + "rules", timeout=60), 200).json()["rules"], [])

    def test_count(self):
        proxy.rule(method="GET", path="/api/", action="unauthorized", count=2)
        self.assertEqual([requests.get(self.root, timeout=60).status_code for _ in range(3)], [401, 401, 200])

    def test_only_loopback_upstreams(self):
        r = subprocess.run([sys.executable, os.path.join(HERE, "proxy.py"), "--upstream", "http://192.0.2.1:80"],
                           capture_output=True, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"loopback", r.stderr)


if __name__ == "__main__":
    unittest.main()
