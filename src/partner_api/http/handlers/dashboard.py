"""The dashboard's figures."""
from ..messages import json_response


def dashboard(api, request):
    return json_response(200, api.domain.dashboard.figures(request.reseller))
