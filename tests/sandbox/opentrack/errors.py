"""Errors as OpenTrack gives them.

OpenTrack's authentication page (docs.opentrack.run/api/authentication) says that a request
without the rights it needs "will normally get a 500: Permission Denied error". So a missing
login and a missing right both answer 500 with the text "Permission Denied", not Django REST
framework's 401/403 JSON. A token that is not valid still gets DRF's 401 {"detail": "Invalid
token."}: OpenTrack's get-auth-token/ and "Authorization: Token" are DRF's token
authentication. The v1 API (a different server at OpenTrack) keeps DRF's own answers.
"""
from django.http import HttpResponse
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler


def permission_denied():
    return HttpResponse("Permission Denied", status=500, content_type="text/plain; charset=utf-8")


def exception_handler(exc, context):
    request = context.get("request")
    v1 = request is not None and request.path.startswith("/api/v1/")
    if not v1 and isinstance(exc, (exceptions.NotAuthenticated, exceptions.PermissionDenied)):
        return permission_denied()
    return drf_exception_handler(exc, context)
