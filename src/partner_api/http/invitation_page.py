"""The page a customer opens from the invitation link, in English and German. The Accept
button calls POST /api/v1/invitations/{token}/accept through /invite.js (no inline script,
so the page keeps the strict Content-Security-Policy)."""
import html
import re
import urllib.parse

TEXT = {
    "en": {
        "title": "Invitation",
        "heading": "{reseller} invites {organization}",
        "intro": "Accept to start a 30-day trial of the add-on for {domain}.",
        "expires": "This link is valid until {expires}.",
        "accept": "Accept invitation",
        "working": "Accepting…",
        "done": "Welcome! The invitation is accepted and your trial has started.",
        "failed": "The invitation could not be accepted: ",
        "gone": "This invitation link is no longer valid",
        "missing": "This invitation link does not exist",
        "ask": "Please ask your reseller for a new link.",
        "other": "Deutsch",
        "back": "Back to the Reseller Console",
    },
    "de": {
        "title": "Einladung",
        "heading": "{reseller} lädt {organization} ein",
        "intro": "Nehmen Sie an, um eine 30-tägige Testphase des Add-ons für {domain} zu starten.",
        "expires": "Dieser Link ist gültig bis {expires}.",
        "accept": "Einladung annehmen",
        "working": "Wird angenommen…",
        "done": "Willkommen! Die Einladung ist angenommen und Ihre Testphase hat begonnen.",
        "failed": "Die Einladung konnte nicht angenommen werden: ",
        "gone": "Dieser Einladungslink ist nicht mehr gültig",
        "missing": "Diesen Einladungslink gibt es nicht",
        "ask": "Bitte fragen Sie Ihren Reseller nach einem neuen Link.",
        "other": "English",
        "back": "Zurück zur Reseller-Konsole",
    },
}

STYLE = """body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f5f7fb;
color:#1f2937;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.08);padding:40px;max-width:480px}
h1{font-size:22px;margin:0 0 16px}p{line-height:1.5}button{background:#2563eb;color:#fff;border:0;
border-radius:8px;padding:12px 20px;font-size:16px;cursor:pointer}button:disabled{opacity:.6}
.note{color:#6b7280;font-size:14px}a{color:#2563eb}
.back{display:inline-block;margin-bottom:20px;padding:12px 0;min-height:20px;text-decoration:none}
.note a{display:inline-block;padding:12px 0}"""

SCRIPT = """(function () {
  var button = document.getElementById('accept');
  if (!button) return;
  var status = document.getElementById('status');
  button.addEventListener('click', function () {
    button.disabled = true;
    status.textContent = button.dataset.working;
    fetch(button.dataset.api, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}'})
      .then(function (response) {
        return response.json().then(function (body) { return {ok: response.ok, body: body}; });
      })
      .then(function (result) {
        if (result.ok) { status.textContent = button.dataset.done; button.hidden = true; }
        else { status.textContent = button.dataset.failed + result.body.error.message; button.disabled = false; }
      })
      .catch(function (error) { status.textContent = button.dataset.failed + error; button.disabled = false; });
  });
})();
"""


def language(query, accept_language):
    if query.get("lang") in TEXT:
        return query["lang"]
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in TEXT:
            return code
    return "en"


# Where a kiosk's "Back" goes: the console on this origin, at one of its own #/ addresses.
BACK_RE = re.compile(r"^#/[A-Za-z0-9/_?=&%.\-]{0,200}$")


def back_target(query):
    """The console address the kiosk opened this page from (?back=#/customers/7), else its start."""
    back = query.get("back") or ""
    return back if BACK_RE.match(back) else "#/"


def _back_link(lang, back):
    if back is None:
        return ""
    return f"<a class=\"back\" href=\"/{html.escape(back)}\">\u2190 {html.escape(TEXT[lang]['back'])}</a>"


def _page(lang, title, body):
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">'
            f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
            f"<body><main>{body}</main><script src=\"/invite.js\"></script></body></html>").encode("utf-8")


def invitation_html(lang, token, info, back=None):
    """`back`: in kiosk mode, the console address to return to (a link above the heading)."""
    t = TEXT[lang]
    esc = html.escape
    other = "de" if lang == "en" else "en"
    other_query = f"?lang={other}" + (f"&back={urllib.parse.quote(back, safe='')}" if back is not None else "")
    body = (
        _back_link(lang, back) +
        f"<h1>{esc(t['heading'].format(reseller=info['reseller_name'], organization=info['organization']))}</h1>"
        f"<p>{esc(t['intro'].format(domain=info['google_domain']))}</p>"
        f"<p class=\"note\">{esc(t['expires'].format(expires=info['expires_at'][:10]))}</p>"
        f"<p><button id=\"accept\" data-api=\"/api/v1/invitations/{esc(token)}/accept\""
        f" data-working=\"{esc(t['working'])}\" data-done=\"{esc(t['done'])}\""
        f" data-failed=\"{esc(t['failed'])}\">{esc(t['accept'])}</button></p>"
        f"<p id=\"status\" role=\"status\"></p>"
        f"<p class=\"note\"><a href=\"{esc(other_query)}\">{esc(t['other'])}</a></p>")
    return _page(lang, t["title"], body)


def dead_link_html(lang, gone, message, back=None):
    t = TEXT[lang]
    heading = t["gone"] if gone else t["missing"]
    body = (_back_link(lang, back) + f"<h1>{html.escape(heading)}</h1><p>{html.escape(message)}</p>"
            f"<p class=\"note\">{html.escape(t['ask'])}</p>")
    return _page(lang, t["title"], body)


NOT_BUILT_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Reseller Console: not built</title></head><body style="font-family:system-ui,sans-serif;max-width:640px;margin:48px auto;line-height:1.5">
<h1>The console is not built</h1>
<p>This server is answering the partner API under <code>/api/v1</code>, but the web console
has not been built into the static folder yet.</p>
<p>Build and serve it with <code>python3 serve.py</code> (without <code>--skip-build</code>),
or point <code>--static DIR</code> at a folder that holds a built <code>index.html</code>.</p>
</body></html>
""".encode("utf-8")
