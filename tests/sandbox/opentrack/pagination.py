from rest_framework.pagination import LimitOffsetPagination


class Pagination(LimitOffsetPagination):
    """{"count", "next", "previous", "results"} with limit (50 by default, 500 at most) and offset."""

    default_limit = 50
    max_limit = 500
