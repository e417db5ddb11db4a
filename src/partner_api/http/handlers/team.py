"""The team: its members, adding one, changing a member's role, removing one."""
from ...domain.roles import ROLES
from ...validation import Fields
from .. import representation as rep
from ..messages import json_response, no_content


def list_members(api, request):
    return json_response(200, {"items": [rep.team_member_json(row)
                                         for row in api.domain.team.members(request.reseller)]})


def add_member(api, request):
    fields = Fields(request.json(), {"email", "name", "role"})
    email, name, role = fields.email("email"), fields.name("name"), fields.choice("role", ROLES)
    fields.check()
    member = api.domain.team.add(request.reseller, email, name, role, api.actor(request))
    return json_response(201, rep.team_member_json(member),
                         {"Location": f"/api/v1/team/members/{member['id']}"})


def change_role(api, request):
    fields = Fields(request.json(), {"role"})
    role = fields.choice("role", ROLES)
    fields.check()
    member = api.domain.team.change_role(request.reseller, request.params["id"], role, api.actor(request))
    return json_response(200, rep.team_member_json(member))


def remove_member(api, request):
    api.domain.team.remove(request.reseller, request.params["id"], api.actor(request))
    return no_content()
