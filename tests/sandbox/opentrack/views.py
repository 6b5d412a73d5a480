import datetime
import uuid

from django.contrib.auth.models import User
from django.db import transaction
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from rest_framework import filters, generics, permissions, status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse

from . import faults
from .models import Competition, Competitor, Event, RelayTeam, Team, Unit
from .profiles import active
from .serializers import (CompetitionSerializer, CompetitorSerializer, EventSerializer, RelayTeamSerializer,
                          TeamSerializer, UnitSerializer)


def manages(user, competition):
    return user.is_staff or competition.directors.filter(pk=user.pk).exists()


@api_view(["GET"])
@permission_classes([permissions.AllowAny])
def api_root(request):
    names = ["competitions", "competitors", "teams", "events"]
    if not active("no-relay-teams"):
        names.append("relay-teams")
    basenames = {"competitions": "competition", "competitors": "competitor", "teams": "team",
                 "events": "event", "relay-teams": "relayteam"}
    root = {name: reverse(f"{basenames[name]}-list", request=request) for name in names}
    root["hello"] = reverse("hello", request=request)
    root["my-competitions"] = reverse("my-competitions", request=request)
    root["get-auth-token"] = reverse("get-auth-token", request=request)
    return Response(root)


def _login(request):
    serializer = AuthTokenSerializer(data=request.data, context={"request": request})
    serializer.is_valid(raise_exception=True)
    token, _ = Token.objects.get_or_create(user=serializer.validated_data["user"])
    return token.key


@api_view(["POST"])
@authentication_classes([])
@permission_classes([permissions.AllowAny])
def obtain_token(request):
    return Response({"token": _login(request)})


@api_view(["POST"])
@authentication_classes([])
@permission_classes([permissions.AllowAny])
def v1_token(request):
    return Response({"access_token": _login(request), "token_type": "bearer"})


@api_view(["GET"])
def hello(request):
    """As docs.opentrack.run/api/authentication shows it: {"message": "Hello, Name <email>!"}."""
    user = request.user
    return Response({"message": f"Hello, {user.get_full_name() or user.username} <{user.email}>!"})


@api_view(["GET"])
def my_competitions(request):
    mine = Competition.objects.all() if request.user.is_staff else request.user.directed.all()
    return Response({"competitions": [
        {"id": str(c.id), "name": c.full_name, "slug": c.slug, "date": c.date.isoformat(),
         "url": reverse("competition-detail", args=[c.id], request=request)}
        for c in mine.order_by("date", "slug")]})


def parse_date(params, name, errors):
    value = params.get(name)
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        errors[name] = ["Enter a valid date."]
        return None


class CompetitionViewSet(viewsets.ModelViewSet):
    """The filters OpenTrack documents for competitions/ (country, date_from, date_to, when,
    ordering, type, search) and no others: an unknown one, such as slug, is ignored and the whole
    list comes back, as Django REST framework does."""

    serializer_class = CompetitionSerializer
    filter_backends = [filters.SearchFilter, filters.OrderingFilter]
    search_fields = ["full_name", "short_name", "name_local", "address"]
    ordering_fields = ["date", "created", "full_name"]
    ordering = ["date", "slug"]

    def get_queryset(self):
        queryset = Competition.objects.all()
        if self.action != "list":
            return queryset
        params = self.request.query_params
        errors = {}
        if params.get("country"):
            queryset = queryset.filter(country__iexact=params["country"])
        date_from = parse_date(params, "date_from", errors)
        if date_from:
            queryset = queryset.filter(date__gte=date_from)
        date_to = parse_date(params, "date_to", errors)
        if date_to:
            queryset = queryset.filter(date__lte=date_to)
        when = params.get("when")
        if when == "past":
            queryset = queryset.filter(finish_date__lt=timezone.localdate())
        elif when == "future":
            queryset = queryset.filter(finish_date__gte=timezone.localdate())
        elif when:
            errors["when"] = [f"Select a valid choice. {when} is not one of the available choices."]
        if params.get("type") and params["type"] != "TRACK":
            queryset = queryset.none()  # every sandbox competition is a track meeting
        if errors:
            raise ValidationError(errors)
        return queryset

    def create(self, request, *args, **kwargs):
        if not request.user.is_staff:  # before validation, as a real permission check is
            raise PermissionDenied("Creating competitions needs federation rights.")
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        competition = serializer.save()
        competition.directors.add(self.request.user)

    def perform_update(self, serializer):
        if not manages(self.request.user, serializer.instance):
            raise PermissionDenied()
        serializer.save()

    def perform_destroy(self, instance):
        if not manages(self.request.user, instance):
            raise PermissionDenied()
        instance.delete()


class ChildViewSet(viewsets.ModelViewSet):
    """Records of a competition: filtered with ?competition=<id>; competitors and teams take a
    JSON list in one POST."""

    model = None
    bulk = False

    def get_queryset(self):
        queryset = self.model.objects.all().order_by("id")
        competition = self.request.query_params.get("competition")
        if not competition or self.action != "list":
            return queryset
        try:
            uuid.UUID(competition)
        except ValueError:
            raise ValidationError({"competition": [
                "Select a valid choice. That choice is not one of the available choices."]})
        return queryset.filter(competition_id=competition)

    def create(self, request, *args, **kwargs):
        many = isinstance(request.data, list)
        if many and not self.bulk:
            return Response({"non_field_errors": ["Expected an object, not a list."]},
                            status=status.HTTP_400_BAD_REQUEST)
        serializer = self.get_serializer(data=request.data, many=many)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            serializer.save()
        return Response(serializer.data, status=status.HTTP_201_CREATED)

    def perform_update(self, serializer):
        if not manages(self.request.user, serializer.instance.competition):
            raise PermissionDenied()
        serializer.save()

    def perform_destroy(self, instance):
        if not manages(self.request.user, instance.competition):
            raise PermissionDenied()
        instance.delete()


class CompetitorViewSet(ChildViewSet):
    model = Competitor
    bulk = True
    serializer_class = CompetitorSerializer
    lookup_field = "uid"  # the string id the scripts join into URLs


class TeamViewSet(ChildViewSet):
    model = Team
    bulk = True
    serializer_class = TeamSerializer


class RelayTeamViewSet(ChildViewSet):
    model = RelayTeam
    serializer_class = RelayTeamSerializer


class EventViewSet(ChildViewSet):
    model = Event
    serializer_class = EventSerializer

    def get_queryset(self):
        return super().get_queryset().prefetch_related("units")


class UnitDetail(generics.RetrieveUpdateAPIView):
    """Units are reached through the URLs events give; PATCH changes status, results_status,
    heights, results and trials."""

    queryset = Unit.objects.all()
    serializer_class = UnitSerializer

    def perform_update(self, serializer):
        if not manages(self.request.user, serializer.instance.event.competition):
            raise PermissionDenied()
        serializer.save()


V1_NAMES = {"country_id": "country", "organiser_id": "organiser", "wa_rankings_category_id": "wa_rankings_category"}


@api_view(["POST"])
def v1_competitions(request):
    """The v1 API: one nested competition document in one POST."""
    if not request.user.is_staff:
        raise PermissionDenied("Creating competitions needs federation rights.")
    data = request.data
    if not isinstance(data, dict):
        return Response({"non_field_errors": ["Expected a competition object."]}, status=400)
    top = {V1_NAMES.get(k, k): v for k, v in data.items()
           if k not in ("competitors", "teams", "relay_teams", "events")}
    context = {"request": request}
    with transaction.atomic():
        competition_serializer = CompetitionSerializer(data=top, context=context)
        competition_serializer.is_valid(raise_exception=True)
        competition = competition_serializer.save()
        competition.directors.add(request.user)

        def children(key, serializer_class, shape=lambda item: item):
            items = [dict(shape(dict(item)), competition=competition.pk) for item in data.get(key, [])]
            serializer = serializer_class(data=items, many=True, context=context)
            serializer.is_valid(raise_exception=True)
            return serializer.save()

        children("teams", TeamSerializer)
        children("competitors", CompetitorSerializer)
        if not active("no-relay-teams"):
            children("relay_teams", RelayTeamSerializer)

        def event_shape(item):
            groups = item.get("age_groups")
            if isinstance(groups, list):
                item["age_groups"] = ",".join(groups)
            item.pop("units", None)
            return item

        events = children("events", EventSerializer, event_shape)
        for event, source in zip(events, data.get("events", [])):
            for unit_data in source.get("units", []):
                unit, _ = Unit.objects.get_or_create(event=event, round=unit_data.get("round", 1),
                                                     heat=unit_data.get("heat", 1))
                fields = UnitSerializer(unit, data=unit_data, partial=True, context=context)
                fields.is_valid(raise_exception=True)
                fields.save()
    return Response({"id": str(competition.id), "slug": competition.slug,
                     "url": reverse("competition-detail", args=[competition.id], request=request)},
                    status=status.HTTP_201_CREATED)


@csrf_exempt
def sandbox_log(request):
    if request.method == "DELETE":
        faults.clear()
        return JsonResponse({}, status=204)
    return JsonResponse({"requests": faults.log_entries()})


@csrf_exempt
def sandbox_faults(request):
    if request.method != "POST":
        return JsonResponse({"detail": "POST a fault."}, status=405)
    spec = faults.parse_body(request)
    if not isinstance(spec, dict):
        return JsonResponse({"detail": "Expected a JSON object."}, status=400)
    try:
        return JsonResponse(faults.add_fault(spec), status=201)
    except (ValueError, TypeError) as error:
        return JsonResponse({"detail": str(error)}, status=400)


@csrf_exempt
def sandbox_reset(request):
    if request.method != "POST":
        return JsonResponse({"detail": "POST to reset."}, status=405)
    faults.clear()
    with transaction.atomic():
        Competition.objects.all().delete()
        seed()
    return JsonResponse({"reset": True})


def seed():
    """The users and the one competition a director manages."""
    federation, _ = User.objects.get_or_create(username="federation", defaults={"is_staff": True})
    federation.is_staff = True
    federation.first_name, federation.last_name = "Sandbox", "Federation"
    federation.email = "federation@sandbox.invalid"
    federation.set_password("federation-pass")
    federation.save()
    director, _ = User.objects.get_or_create(username="director")
    director.first_name, director.last_name = "Meeting", "Director"
    director.email = "director@sandbox.invalid"
    director.set_password("director-pass")
    director.save()
    meet, _ = Competition.objects.get_or_create(
        slug="sandbox-director-meet",
        defaults={"full_name": "Sandbox Director Meet", "country": "GBR", "date": "2026-07-01",
                  "finish_date": "2026-07-01"})
    meet.directors.add(director)
