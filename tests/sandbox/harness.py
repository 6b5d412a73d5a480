"""What the sandbox's own Python tests share: starting run.py and proxy.py, logging in, and
reading the request logs. Run the tests with /usr/bin/python3 (python3-requests from Debian)."""
import os
import select
import subprocess
import sys
import time
import unittest

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # keep the source tree clean
START_SECONDS = 60


class Service:
    """One script started as a child process; its first line of output is what it offers."""

    def __init__(self, *args):
        self.process = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE,
                                        env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
        deadline = time.monotonic() + START_SECONDS
        line = b""
        while not line.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"{args[0]} did not start (exit {self.process.returncode})")
            ready, _, _ = select.select([self.process.stdout], [], [], left)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 1)
                if not chunk:
                    continue
                line += chunk
        self.line = line.decode().strip()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()


class Sandbox(Service):
    """run.py with the given profile; root is the API root URL, base the server's."""

    def __init__(self, profile="full"):
        super().__init__(os.path.join(HERE, "run.py"), "--profile", profile)
        self.root = self.line
        self.base = self.root[: -len("api/")]

    def reset(self):
        check(requests.post(self.base + "sandbox/reset/", json={}, timeout=60), 200)

    def log(self):
        return check(requests.get(self.base + "sandbox/log/", timeout=60), 200).json()["requests"]

    def fault(self, **spec):
        check(requests.post(self.base + "sandbox/faults/", json=spec, timeout=60), 201)


class Proxy(Service):
    """proxy.py in front of an upstream base URL."""

    def __init__(self, upstream, *extra):
        super().__init__(os.path.join(HERE, "proxy.py"), "--upstream", upstream, *extra)
        self.base, self.control, self.other = self.line.split()

    def rule(self, **spec):
        check(requests.post(self.control + "rules", json=spec, timeout=60), 201)

    def log(self):
        return check(requests.get(self.control + "log", timeout=60), 200).json()["requests"]

    def other_log(self):
        return check(requests.get(self.control + "other/", timeout=60), 200).json()["requests"]

    def reset(self):
        check(requests.post(self.control + "reset", json={}, timeout=60), 200)


def check(response, status):
    """The response, if it has the status expected; otherwise an AssertionError that shows it."""
    if response.status_code != status:
        raise AssertionError(f"{response.request.method} {response.url}: expected {status}, "
                             f"got {response.status_code}: {response.text[:500]}")
    return response


def token(root, user="federation", password="federation-pass"):
    return check(requests.post(root + "get-auth-token/", data={"username": user, "password": password},
                               timeout=60), 200).json()["token"]


class TestCase(unittest.TestCase):
    def session(self, root, user="federation", password="federation-pass"):
        """A requests session logged in as OpenTrack's examples do it (Token header and Referer),
        closed when the test ends."""
        s = requests.Session()
        self.addCleanup(s.close)
        s.headers.update({"Authorization": "Token " + token(root, user, password), "Referer": root})
        return s
