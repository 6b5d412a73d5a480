"""Sandbox-only: a log of every request, and faults injected on demand (POST /sandbox/faults/).

State lives in this process; run.py starts gunicorn with one worker (and threads), so every
request sees it.
"""
import json
import socket
import threading
import time

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


class FaultMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/sandbox/"):
            return self.get_response(request)
        fault = _take_fault(request.method, request.path)
        response = self._fault_response(request, fault) if fault else None
        if response is None:
            response = self.get_response(request)
        with _lock:
            _log.append({
                "method": request.method,
                "path": request.path,
                "query": request.META.get("QUERY_STRING", ""),
                "status": response.status_code,
                "fault": fault["kind"] if fault else None,
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
