from django.urls import include, path
from rest_framework.routers import DefaultRouter

from opentrack import views
from opentrack.profiles import active

router = DefaultRouter()
router.register("competitions", views.CompetitionViewSet, basename="competition")
router.register("competitors", views.CompetitorViewSet, basename="competitor")
router.register("teams", views.TeamViewSet, basename="team")
router.register("events", views.EventViewSet, basename="event")
if not active("no-relay-teams"):
    router.register("relay-teams", views.RelayTeamViewSet, basename="relayteam")

urlpatterns = [
    path("api/", views.api_root, name="api-root"),
    path("api/get-auth-token/", views.obtain_token, name="get-auth-token"),
    path("api/hello/", views.hello, name="hello"),
    path("api/my-competitions/", views.my_competitions, name="my-competitions"),
    path("api/units/<int:pk>/", views.UnitDetail.as_view(), name="unit-detail"),
    path("api/v1/auth/token", views.v1_token, name="v1-token"),
    path("api/v1/competitions/", views.v1_competitions, name="v1-competitions"),
    path("api/", include(router.urls)),
    path("sandbox/log/", views.sandbox_log, name="sandbox-log"),
    path("sandbox/faults/", views.sandbox_faults, name="sandbox-faults"),
    path("sandbox/reset/", views.sandbox_reset, name="sandbox-reset"),
]
