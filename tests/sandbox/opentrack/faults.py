"""Sandbox-only: a log of every request, and faults injected on demand (POST /sandbox/faults/).
Also the one thing the sandbox does in front of Django: repeated slashes are merged.

State lives in this process; run.py starts gunicorn with one worker (and threads), so every
request sees it.
"""
import json
import re
import socket
import threading
import time
from urllib.parse import parse_qsl

from django.http import HttpResponse, JsonResponse

_lock = threading.Lock()
_log = []
_faults = []

KINDS = {"500", "502", "503", "504", "429", "html", "stall", "drop"}


def add_fault(spec):
    kind = str(spec.get("kind", "503"))
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {sorted(KINDS)}")
    fault = {
        "method": str(spec.get("method", "*")).upper(),
        "path": str(spec.get("path", "/api/")),
        "count": int(spec.get("count", 1)),
        "kind": kind,
        "retry_after": int(spec.get("retry_after", 1)),
        "seconds": float(spec.get("seconds", 30)),
        "status": int(spec.get("status", 403)),
    }
    with _lock:
        _faults.append(fault)
    return fault


def log_entries():
    with _lock:
        return list(_log)


def clear():
    with _lock:
        _log.clear()
        _faults.clear()


def _take_fault(method, path):
    with _lock:
        for fault in _faults:
            if fault["count"] > 0 and fault["method"] in ("*", method) and path.startswith(fault["path"]):
                fault["count"] -= 1
                if fault["count"] == 0:
                    _faults.remove(fault)
                return dict(fault)
    return None


class MergeSlashesMiddleware:
    """OpenTrack's create_competitor.py posts to BASE_URL + "/api/competitors/" with a BASE_URL
    that already ends in a slash, and the real host takes it. nginx, which usually stands in
    front of a Django site, merges repeated slashes by default (merge_slashes); so does this."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META["SANDBOX_RAW_PATH"] = request.path
        if "//" in request.path_info:
            request.path_info = re.sub("/{2,}", "/", request.path_info)
            request.path = re.sub("/{2,}", "/", request.path)
        return self.get_response(request)


def body_for_log(request):
    """The request body as the log shows it: JSON as its value, a form as its fields (with the
    password hidden), other text as text."""
    raw = request.body
    if not raw:
        return None
    kind = request.META.get("CONTENT_TYPE", "")
    text = raw.decode("utf-8", "replace")
    if "json" in kind:
        try:
            return json.loads(text)
        except ValueError:
            return text
    if "x-www-form-urlencoded" in kind:
        return {k: ("(hidden)" if k == "password" else v) for k, v in parse_qsl(text, keep_blank_values=True)}
    return text


class FaultMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/sandbox/"):
            return self.get_response(request)
        body = body_for_log(request)  # read before the view, which then reads the cached copy
        fault = _take_fault(request.method, request.path)
        response = self._fault_response(request, fault) if fault else None
        if response is None:
            response = self.get_response(request)
        with _lock:
            _log.append({
                "method": request.method,
                "path": request.path,
                "raw_path": request.META.get("SANDBOX_RAW_PATH", request.path),
                "query": request.META.get("QUERY_STRING", ""),
                "status": response.status_code,
                "fault": fault["kind"] if fault else None,
                "authorization": "HTTP_AUTHORIZATION" in request.META,
                "body": body,
            })
        return response

    @staticmethod
    def _fault_response(request, fault):
        kind = fault["kind"]
        if kind == "stall":
            time.sleep(fault["seconds"])
            return None  # then answer normally, too late for a client with a shorter timeout
        if kind == "drop":
            sock = request.META.get("gunicorn.socket")
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            return HttpResponse(status=500)
        if kind == "html":
            page = "<!DOCTYPE html><html><head><title>Just a moment...</title></head>" \
                   "<body>Checking your browser before accessing the site.</body></html>"
            return HttpResponse(page, status=fault["status"], content_type="text/html; charset=utf-8")
        if kind == "429":
            response = JsonResponse({"detail": "Request was throttled. Expected available in "
                                               f"{fault['retry_after']} seconds."}, status=429)
            response["Retry-After"] = str(fault["retry_after"])
            return response
        return JsonResponse({"detail": f"Injected fault {kind}."}, status=int(kind))


def parse_body(request):
    try:
        return json.loads(request.body or b"{}")
    except ValueError:
        return None
