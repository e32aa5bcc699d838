"""The HTTP methods a read-only page or API endpoint answers: GET and HEAD alike (as Django's
`require_safe`: the server drops a HEAD response's body, so link checkers and monitors get the GET's
status and headers), OPTIONS with the methods allowed (as Django's class-based views do), and any
other method a 405 naming them."""

from functools import wraps

from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils.log import log_response

READ_METHODS = ("GET", "HEAD", "OPTIONS")
ALLOW = ", ".join(READ_METHODS)


def read_only(view=None, *, refuse=None):
    """Decorate a view that only reads. `refuse(request)` makes the 405 response (the API's is JSON);
    by default it is Django's. OPTIONS and 405 responses carry `Allow: GET, HEAD, OPTIONS`."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            if request.method == "OPTIONS":
                response = HttpResponse()
                response["Content-Length"] = "0"
            else:
                response = refuse(request) if refuse else HttpResponseNotAllowed(READ_METHODS)
                log_response("Method Not Allowed (%s): %s", request.method, request.path, response=response, request=request)
            response["Allow"] = ALLOW
            return response

        return wrapper

    return decorator(view) if view else decorator
