from rest_framework.authentication import TokenAuthentication


class BearerAuthentication(TokenAuthentication):
    """The v1 API's "Authorization: Bearer T" with the same tokens."""

    keyword = "Bearer"
