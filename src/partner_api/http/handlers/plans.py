"""The reseller's price list."""
from ...domain.plans import price_list
from ..messages import json_response


def plans(api, request):
    return json_response(200, price_list(request.reseller))
