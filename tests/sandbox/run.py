#!/usr/bin/python3
"""Starts the OpenTrack-compatible sandbox on a free loopback port and prints its API root URL
on the first line of standard output once it answers. Data lives in a temporary folder that
is removed when the server stops (Ctrl+C, SIGTERM).

    /usr/bin/python3 tests/sandbox/run.py [--profile PROFILE[,PROFILE...]] [--port N]

Profiles (opentrack/profiles.py): full (the default), no-relay-teams, no-unique-keys.

Users: federation / federation-pass (may create competitions), director / director-pass
(manages "sandbox-director-meet"). Sandbox-only endpoints: /sandbox/log/, /sandbox/faults/,
/sandbox/reset/ (see README.md beside this file).
"""
import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, HERE)
from opentrack import profiles  # noqa: E402 (needs HERE on the path)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", default="full", help="comma-separated: " + ", ".join(profiles.PROFILES))
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    try:
        profiles.parse(args.profile)
    except ValueError as error:
        parser.error(str(error))

    folder = tempfile.mkdtemp(prefix="meetdesk-sandbox-")
    env = dict(os.environ, SANDBOX_DB=os.path.join(folder, "db.sqlite3"), SANDBOX_PROFILE=args.profile,
               DJANGO_SETTINGS_MODULE="sandbox.settings", PYTHONPATH=HERE,
               PYTHONDONTWRITEBYTECODE="1")
    os.environ.update(env)
    import django
    from django.core.management import call_command
    django.setup()
    call_command("migrate", run_syncdb=True, verbosity=0)
    from opentrack.views import seed
    seed()

    port = args.port or free_port()
    server = subprocess.Popen(
        ["gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--worker-class", "gthread",
         "--threads", "8", "--timeout", "300", "--graceful-timeout", "2", "--log-level", "warning",
         "--chdir", HERE, "sandbox.wsgi:application"],
        env=env)

    def stop(*_):
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(folder, ignore_errors=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            shutil.rmtree(folder, ignore_errors=True)
            sys.exit(f"the sandbox server stopped at start (exit {server.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    print(f"http://127.0.0.1:{port}/api/", flush=True)
    server.wait()
    stop()


if __name__ == "__main__":
    main()
