#!/usr/bin/python3
"""A fault-injecting HTTP/1.1 proxy for tests: it sits between a client and an upstream server
(the sandbox, or anything else on this machine) and, where its rules say so, fails the way
networks and servers fail. Loopback only.

    /usr/bin/python3 tests/sandbox/proxy.py --upstream http://127.0.0.1:PORT [--latency-ms N]

prints one line once it listens: "PROXY CONTROL OTHER", three base URLs (e.g.
http://127.0.0.1:40001/ http://127.0.0.1:40002/ http://127.0.0.1:40003/), and runs until
stopped (Ctrl+C, SIGTERM).

PROXY forwards every request to the upstream with the client's own Host header, so absolute
URLs the upstream writes into its answers lead back through the proxy. Connections stay open
between requests (HTTP/1.1 keep-alive) as long as the client keeps them; each request goes
upstream on a new connection, so the proxy itself never repeats one.

CONTROL takes JSON: POST /rules (one rule or a list), GET /rules, DELETE /rules; GET /log and
DELETE /log (what the proxy did with each request); GET /other/ and DELETE /other/ (what the
other host received); POST /reset (all of it). A rule:

    {"method": "POST" | "*", "path": "/api/competitors/" (a prefix), "count": 1, "always": false,
     "reused": false, "action": ACTION, ...}

Rules are tried in order; the first that matches decides, and a rule that is not "always" is
used "count" times. "reused": true matches only a request on a connection that has already
carried one (a kept-alive connection). Actions:

    forward                 pass it on (to exempt a path from a later rule)
    reset-after-forward     pass it on, read the whole answer (the server has acted), then
                            reset the client's connection (RST) before any byte of the answer
    reset                   reset the client's connection without passing the request on
    stall                   answer nothing for "seconds" (30), then "then": "close" (default)
                            or "forward"
    unauthorized            answer 401 {"detail": "Invalid token."} without passing it on
    redirect                answer "status" (302; 301, 302, 303, 307 or 308) with a Location on
                            "location" (default: the other host, same path and query)
    latency                 wait "ms" milliseconds, then go on to the next matching rule (also
                            --latency-ms N for every request)

OTHER is "another host": it answers every request with 404 {"detail": "Not found."} and
records its method, path, headers and body, so a test can check that no Authorization or
password reached it.
"""
import argparse
import http.client
import ipaddress
import json
import signal
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding",
              "upgrade", "proxy-authorization", "proxy-authenticate"}
ACTIONS = {"forward", "reset-after-forward", "reset", "stall", "unauthorized", "redirect", "latency"}
REDIRECTS = {301, 302, 303, 307, 308}
IDLE_SECONDS = 300


class Bad(Exception):
    """A malformed request: answered with 400 and the connection closed."""


class State:
    """Rules, the proxy's log and the other host's log, shared by every thread."""

    def __init__(self, latency_ms):
        self.lock = threading.Lock()
        self.rules = []
        self.log = []
        self.other = []
        self.latency_ms = latency_ms
        self.connections = 0

    def add_rule(self, spec):
        if not isinstance(spec, dict):
            raise ValueError("a rule is a JSON object")
        action = spec.get("action")
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {sorted(ACTIONS)}")
        rule = {
            "method": str(spec.get("method", "*")).upper(),
            "path": str(spec.get("path", "/")),
            "count": int(spec.get("count", 1)),
            "always": bool(spec.get("always", False)),
            "reused": bool(spec.get("reused", False)),
            "action": action,
            "seconds": float(spec.get("seconds", 30)),
            "then": str(spec.get("then", "close")),
            "status": int(spec.get("status", 302)),
            "location": spec.get("location"),
            "ms": float(spec.get("ms", 0)),
        }
        if rule["action"] == "redirect" and rule["status"] not in REDIRECTS:
            raise ValueError(f"a redirect's status is one of {sorted(REDIRECTS)}")
        if rule["then"] not in ("close", "forward"):
            raise ValueError('"then" is "close" or "forward"')
        if rule["count"] < 1 and not rule["always"]:
            raise ValueError('"count" is at least 1 (or give "always": true)')
        with self.lock:
            self.rules.append(rule)
        return rule

    def decide(self, method, path, reused):
        """The latency to add and the deciding rule (None: forward)."""
        delay = self.latency_ms / 1000.0
        with self.lock:
            for rule in list(self.rules):
                if rule["method"] not in ("*", method) or not path.startswith(rule["path"]):
                    continue
                if rule["reused"] and not reused:
                    continue
                if not rule["always"]:
                    rule["count"] -= 1
                if rule["action"] == "latency":
                    delay += rule["ms"] / 1000.0
                    decided = None
                else:
                    decided = dict(rule)
                if not rule["always"] and rule["count"] <= 0:
                    self.rules.remove(rule)
                if decided:
                    return delay, decided
        return delay, None

    def record(self, entry):
        with self.lock:
            entry["id"] = len(self.log) + 1
            self.log.append(entry)

    def next_connection(self):
        with self.lock:
            self.connections += 1
            return self.connections


def read_line(stream):
    line = stream.readline(65537)
    if len(line) > 65536:
        raise Bad("request line or header too long")
    return line


def read_request(stream):
    """(method, target, version, headers as a list of pairs, body) or None at a clean end."""
    line = read_line(stream)
    while line in (b"\r\n", b"\n"):  # tolerated between requests, as servers do
        line = read_line(stream)
    if not line:
        return None
    parts = line.decode("latin-1").rstrip("\r\n").split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        raise Bad("not an HTTP/1.x request line")
    method, target, version = parts
    headers = []
    while True:
        line = read_line(stream)
        if line in (b"\r\n", b"\n", b""):
            break
        name, sep, value = line.decode("latin-1").partition(":")
        if not sep:
            raise Bad("a header without a colon")
        headers.append((name.strip(), value.strip()))
    lookup = {k.lower(): v for k, v in headers}
    if "chunked" in lookup.get("transfer-encoding", "").lower():
        body = b""
        while True:
            size = int(read_line(stream).split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while read_line(stream) not in (b"\r\n", b"\n", b""):
                    pass
                break
            body += stream.read(size)
            stream.read(2)
    else:
        length = int(lookup.get("content-length", "0") or "0")
        body = stream.read(length) if length else b""
        if len(body) != length:
            raise Bad("the body ended early")
    return method, target, version, headers, body


def keeps_alive(version, headers):
    connection = next((v.lower() for k, v in headers if k.lower() == "connection"), "")
    if version == "HTTP/1.0":
        return "keep-alive" in connection
    return "close" not in connection


KEEP, CLOSE, RESET = "keep", "close", "reset"  # what becomes of a connection after an answer


def reset(sock):
    """Closes with RST: SO_LINGER on with a zero timeout, and no FIN before it. The socket's
    file objects must be closed first, or the descriptor outlives this close."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    sock.close()


def write_response(wfile, status, reason, headers, body, keep, head=False):
    lines = [f"HTTP/1.1 {status} {reason}"]
    for name, value in headers:
        # A HEAD answer keeps the length the body would have had.
        if name.lower() not in HOP_BY_HOP and (head or name.lower() != "content-length"):
            lines.append(f"{name}: {value}")
    if not head and status not in (204, 304) and not (100 <= status < 200):
        lines.append(f"Content-Length: {len(body)}")
    lines.append("Connection: keep-alive" if keep else "Connection: close")
    wfile.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
    if not head and status not in (204, 304):
        wfile.write(body)
    wfile.flush()


def json_answer(wfile, status, reason, value, keep, extra=()):
    body = json.dumps(value).encode()
    write_response(wfile, status, reason, [("Content-Type", "application/json"), *extra], body, keep)


class Proxy:
    def __init__(self, upstream, state, other_base):
        self.upstream = upstream  # (host, port)
        self.state = state
        self.other_base = other_base

    def forward(self, method, target, headers, body):
        """Sends one request upstream on a fresh connection; returns (status, reason, headers, body)."""
        conn = http.client.HTTPConnection(*self.upstream, timeout=600)
        try:
            conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
            for name, value in headers:
                if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                    conn.putheader(name, value)
            if body or method in ("POST", "PUT", "PATCH"):
                conn.putheader("Content-Length", str(len(body)))
            conn.putheader("Connection", "close")
            conn.endheaders(body or None)
            answer = conn.getresponse()
            data = answer.read()
            return answer.status, answer.reason, answer.getheaders(), data
        finally:
            conn.close()

    def serve(self, sock):
        number = self.state.next_connection()
        sock.settimeout(IDLE_SECONDS)
        rfile = sock.makefile("rb")
        wfile = sock.makefile("wb")
        index = 0
        after = CLOSE
        try:
            while True:
                try:
                    request = read_request(rfile)
                except Bad as error:
                    json_answer(wfile, 400, "Bad Request", {"detail": str(error)}, False)
                    break
                if request is None:
                    break
                index += 1
                after = self.handle(wfile, request, number, index)
                if after != KEEP:
                    break
        except (OSError, ValueError):
            pass  # the client went away
        finally:
            for stream in (rfile, wfile):
                try:
                    stream.close()
                except OSError:
                    pass
            if after == RESET:
                reset(sock)
            else:
                sock.close()

    def handle(self, wfile, request, number, index):
        """Answers one request; says what becomes of the connection."""
        method, target, version, headers, body = request
        path = urlsplit(target).path if not target.startswith("/") else target.split("?", 1)[0]
        keep = KEEP if keeps_alive(version, headers) else CLOSE
        delay, rule = self.state.decide(method, path, index > 1)
        action = rule["action"] if rule else "forward"
        entry = {"connection": number, "index": index, "method": method, "path": path,
                 "target": target, "action": action, "forwarded": False, "status": None,
                 "location": None, "error": None,
                 "authorization": any(k.lower() == "authorization" for k, _ in headers)}
        if delay:
            time.sleep(delay)
        if action == "reset":
            self.state.record(entry)
            return RESET
        if action == "stall":
            self.state.record(entry)  # now: a test may look while it stalls
            time.sleep(rule["seconds"])
            if rule["then"] == "close":
                return CLOSE
        if action == "unauthorized":
            entry["status"] = 401
            self.state.record(entry)
            json_answer(wfile, 401, "Unauthorized", {"detail": "Invalid token."}, keep == KEEP,
                        [("WWW-Authenticate", "Token")])
            return keep
        if action == "redirect":
            location = rule["location"] or self.other_base.rstrip("/") + target
            entry.update(status=rule["status"], location=location)
            self.state.record(entry)
            json_answer(wfile, rule["status"], "Redirect", {"detail": "Moved."}, keep == KEEP,
                        [("Location", location)])
            return keep
        try:
            status, reason, answer_headers, data = self.forward(method, target, headers, body)
        except OSError as error:
            entry.update(status=502, error=str(error))
            if action != "stall":
                self.state.record(entry)
            json_answer(wfile, 502, "Bad Gateway", {"detail": f"Upstream: {error}"}, False)
            return CLOSE
        entry.update(forwarded=True, status=status)
        if action != "stall":
            self.state.record(entry)
        if action == "reset-after-forward":
            return RESET  # the upstream has answered; the client gets not one byte of it
        write_response(wfile, status, reason, answer_headers, data, keep == KEEP, method == "HEAD")
        return keep


class OtherHost(BaseHTTPRequestHandler):
    """The "other host" a redirect leads to: records what came, answers 404."""

    protocol_version = "HTTP/1.1"
    state = None

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        with self.state.lock:
            self.state.other.append({"method": self.command, "path": self.path,
                                     "headers": dict(self.headers.items()), "body": body})
        data = json.dumps({"detail": "Not found."}).encode()
        self.send_response(404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = answer

    def log_message(self, *args):
        pass


class Control(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None

    def reply(self, status, value):
        data = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(length) or b"null")

    def do_GET(self):
        state = self.state
        with state.lock:
            found = {"/rules": ("rules", state.rules), "/log": ("requests", state.log),
                     "/other/": ("requests", state.other)}.get(self.path)
            value = {found[0]: json.loads(json.dumps(found[1]))} if found else None
        if value is None:
            return self.reply(404, {"detail": "Not found."})
        self.reply(200, value)

    def do_POST(self):
        try:
            spec = self.body()
        except ValueError:
            return self.reply(400, {"detail": "Expected JSON."})
        if self.path == "/rules":
            try:
                rules = [self.state.add_rule(s) for s in (spec if isinstance(spec, list) else [spec])]
            except (ValueError, TypeError) as error:
                return self.reply(400, {"detail": str(error)})
            return self.reply(201, {"rules": rules})
        if self.path == "/reset":
            with self.state.lock:
                self.state.rules.clear()
                self.state.log.clear()
                self.state.other.clear()
            return self.reply(200, {"reset": True})
        self.reply(404, {"detail": "Not found."})

    def do_DELETE(self):
        state = self.state
        with state.lock:
            target = {"/rules": state.rules, "/log": state.log, "/other/": state.other}.get(self.path)
            if target is None:
                return self.reply(404, {"detail": "Not found."})
            target.clear()
        self.reply(200, {})

    def log_message(self, *args):
        pass


def listener(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(128)
    return sock


def serve_http(handler, state, port):
    server = ThreadingHTTPServer(("127.0.0.1", port), type(handler.__name__, (handler,), {"state": state}))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--upstream", required=True, help="http://127.0.0.1:PORT (loopback only)")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--control-port", type=int, default=0)
    parser.add_argument("--other-port", type=int, default=0)
    parser.add_argument("--latency-ms", type=float, default=0, help="added to every request")
    args = parser.parse_args()
    upstream = urlsplit(args.upstream)
    try:
        loopback = upstream.scheme == "http" and ipaddress.ip_address(
            socket.gethostbyname(upstream.hostname or "")).is_loopback
    except (OSError, ValueError):
        loopback = False
    if not loopback:
        parser.error("the upstream must be http:// on this machine (loopback)")

    state = State(args.latency_ms)
    main_socket = listener(args.port)
    control = serve_http(Control, state, args.control_port)
    other = serve_http(OtherHost, state, args.other_port)
    base = f"http://127.0.0.1:{main_socket.getsockname()[1]}/"
    other_base = f"http://127.0.0.1:{other.server_address[1]}/"
    proxy = Proxy((upstream.hostname, upstream.port or 80), state, other_base)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(base, f"http://127.0.0.1:{control.server_address[1]}/", other_base, flush=True)
    # The signal may reach another thread: the main one must wake up now and then to act on it.
    main_socket.settimeout(0.2)
    try:
        while True:
            try:
                client, _ = main_socket.accept()
            except socket.timeout:
                continue
            client.settimeout(None)
            threading.Thread(target=proxy.serve, args=(client,), daemon=True).start()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
