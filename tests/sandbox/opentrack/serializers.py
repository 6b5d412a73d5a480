from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.reverse import reverse

from .models import Competition, Competitor, Event, RelayTeam, Team, Unit

RESULT_KEYS = ("bib", "place", "performance", "points", "lane", "order", "catpos", "wind")
TRIAL_KEYS = ("bib", "round", "height", "result", "wind")
# "this block is exactly the structure we store on the server" (update_competitors_qp_sb_pb.py)
ENTRY_KEYS = ("event_id", "event_code", "pb", "sb", "qp")


def keep(items, keys, what, required="bib"):
    """Stores only the keys the sandbox knows, as the real server does: what is not echoed
    back was not stored, and the client must say so."""
    if not isinstance(items, list):
        raise serializers.ValidationError(f"Expected a list of {what}.")
    out = []
    for item in items:
        if not isinstance(item, dict) or required not in item:
            raise serializers.ValidationError(f"Each of the {what} needs a {required}.")
        out.append({k: item[k] for k in keys if k in item})
    return out


class CompetitionSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="competition-detail")

    class Meta:
        model = Competition
        exclude = ["directors", "created"]


class ChildSerializer(serializers.ModelSerializer):
    """A record that names its competition; only that competition's directors may write it."""

    def validate_competition(self, competition):
        user = self.context["request"].user
        if not (user.is_staff or competition.directors.filter(pk=user.pk).exists()):
            raise PermissionDenied()  # answered as OpenTrack does: see errors.py
        return competition


class TeamSerializer(ChildSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="team-detail")

    class Meta:
        model = Team
        fields = "__all__"


class CompetitorSerializer(ChildSerializer):
    id = serializers.UUIDField(source="uid", read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="competitor-detail", lookup_field="uid")

    class Meta:
        model = Competitor
        fields = ["id", "url"] + [f.name for f in Competitor._meta.fields if f.name not in ("id", "uid")]

    def validate_events_entered(self, value):
        return keep(value, ENTRY_KEYS, "events entered", required="event_id")


class RelayTeamSerializer(ChildSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="relayteam-detail")

    class Meta:
        model = RelayTeam
        fields = "__all__"


class UnitSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="unit-detail")
    event = serializers.HyperlinkedRelatedField(view_name="event-detail", read_only=True)
    # The example units carry their event's id and name; a unit keeps its event's, whatever is
    # sent, so a different value comes back changed (and the client must notice).
    event_id = serializers.CharField(source="event.event_id", read_only=True)
    event_name = serializers.CharField(source="event.name", read_only=True)

    class Meta:
        model = Unit
        fields = "__all__"
        read_only_fields = ["round", "heat"]

    def validate_results(self, value):
        return keep(value, RESULT_KEYS, "results")

    def validate_trials(self, value):
        return keep(value, TRIAL_KEYS, "trials")


def units_for(event):
    """The units that an event's rounds ("8,3,1") call for and it does not have yet."""
    parts = [p.strip() for p in (event.rounds or "").split(",") if p.strip()]
    for number, heats in enumerate(parts, start=1):
        if not heats.isdigit():
            continue
        count = int(heats)
        for heat in range(1, count + 1):
            final = number == len(parts) and count == 1
            name = "Final" if final else (f"Round {number}" if count == 1 else f"Round {number} heat {heat}")
            Unit.objects.get_or_create(event=event, round=number, heat=heat, defaults={"heat_name": name})


class EventSerializer(ChildSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="event-detail")
    units = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = "__all__"

    def validate_rounds(self, value):
        parts = [p.strip() for p in value.split(",")] if value else []
        if any(not p.isdigit() or int(p) < 1 for p in parts) or len(parts) > 10 or sum(map(int, parts or [0])) > 500:
            raise serializers.ValidationError('Heats per round, such as "8,3,1".')
        return value

    def validate_results(self, value):
        return keep(value, RESULT_KEYS, "results")

    def get_units(self, event):
        request = self.context.get("request")
        return [
            {
                "url": reverse("unit-detail", args=[u.pk], request=request),
                "id": u.pk,
                "round": u.round,
                "heat": u.heat,
                "heat_name": u.heat_name,
                "status": u.status,
            }
            for u in event.units.all()
        ]

    def create(self, validated_data):
        event = super().create(validated_data)
        units_for(event)
        return event

    def update(self, instance, validated_data):
        event = super().update(instance, validated_data)
        units_for(event)
        return event
