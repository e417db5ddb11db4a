"""The page a customer opens from the invitation link, in English and German (the browser's
Accept-Language, or the switch on the page), dates and money in that language's form. It names
the product, the reseller, the plan, the trial and the price after it. To answer, the visitor
signs in with Google (Google Identity Services' own button, as in the console) and accepts or
declines as that account; the server accepts only an account of the invited domain. On a demo
server without Google, a demo account's invitation offers a clearly labelled demo acceptance
instead. /invite.js does the rest (no inline script: the page keeps its strict CSP)."""
import html
import json
import re
import urllib.parse

TEXT = {
    "en": {
        "title": "Invitation to {product}",
        "product_line": "{product} · Google Workspace add-on",
        "heading": "{reseller} invites {organization}",
        "intro": "{reseller} invites you to try {product} for your Google Workspace domain {domain}.",
        "plan": "Plan", "plan_value": "{plan}, {licenses} licenses",
        "trial": "Trial", "trial_value": "{days} days, free of charge",
        "after": "After the trial", "after_value": "{total} a month ({licenses} licenses at {unit} each), billed "
                                                   "monthly by {reseller}; cancel any time before the trial ends",
        "valid": "Link valid until", "valid_value": "{date}",
        "sign_in": "To answer, sign in with your Google account of {domain}.",
        "signed_in": "Signed in as {email}.",
        "accept": "Accept invitation", "decline": "Decline",
        "confirm_decline": "Decline the invitation? {reseller} will see that you declined.",
        "yes_decline": "Yes, decline", "keep": "Keep the invitation",
        "demo_note": "Demo server: this invitation belongs to a demo account, so it can be answered here without "
                     "signing in with Google. A real reseller's invitation always needs your Google account of the "
                     "invited domain.",
        "demo_accept": "Accept (demo, without Google sign-in)", "demo_decline": "Decline (demo)",
        "no_google": "This server cannot check Google sign-ins, so the invitation cannot be answered here. Please "
                     "tell {reseller}.",
        "google_missing": "Google sign-in could not be loaded. Check your connection or browser settings, then "
                          "reload this page.",
        "working": "One moment…",
        "done": "Welcome! The invitation is accepted and your {days}-day trial has started. It runs until {date}.",
        "declined": "You declined the invitation. {reseller} can see that you did.",
        "failed": "That did not work: ",
        "offline": "That did not work: the server could not be reached. Check your connection and try again.",
        "gone": "This invitation link is no longer valid",
        "missing": "This invitation link does not exist",
        "ask": "Please ask your reseller for a new link.",
        # Why a link is dead, and what an answer's error means, in the page's language (the
        # server's own message is English; it shows only for a code not listed here).
        "gone_accepted": "This invitation was already accepted.",
        "gone_declined": "This invitation was declined.",
        "gone_replaced": "This link was revoked or replaced by a newer one.",
        "gone_expired": "This link has expired.",
        "missing_text": "Check that the link was copied whole.",
        "errors": {
            "invitation_gone": "This invitation link is no longer valid. Please ask your reseller for a new link.",
            "not_found": "This invitation link does not exist.",
            "wrong_domain": "This Google account is not an account of {domain}. Sign in with an account of {domain}.",
            "domain_taken": "This Google domain already belongs to another customer.",
            "invalid_credential": "Google could not confirm the sign-in. Please sign in again.",
            "credential_required": "Sign in with Google with an account of the invited domain to answer.",
            "google_sign_in_unavailable": "This server cannot check Google sign-ins. Please tell your reseller.",
            "rate_limited": "Too many attempts. Please wait a moment and try again.",
        },
        "other": "Deutsch",
        "back": "Back to the Reseller Console",
    },
    "de": {
        "title": "Einladung zu {product}",
        "product_line": "{product} · Add-on für Google Workspace",
        "heading": "{reseller} lädt {organization} ein",
        "intro": "{reseller} lädt Sie ein, {product} für Ihre Google-Workspace-Domain {domain} auszuprobieren.",
        "plan": "Tarif", "plan_value": "{plan}, {licenses} Lizenzen",
        "trial": "Testphase", "trial_value": "{days} Tage, kostenlos",
        "after": "Nach der Testphase", "after_value": "{total} im Monat ({licenses} Lizenzen zu je {unit}), monatlich "
                                                      "abgerechnet von {reseller}; jederzeit vor Ende der Testphase "
                                                      "kündbar",
        "valid": "Link gültig bis", "valid_value": "{date}",
        "sign_in": "Melden Sie sich zum Antworten mit Ihrem Google-Konto von {domain} an.",
        "signed_in": "Angemeldet als {email}.",
        "accept": "Einladung annehmen", "decline": "Ablehnen",
        "confirm_decline": "Einladung ablehnen? {reseller} sieht, dass Sie abgelehnt haben.",
        "yes_decline": "Ja, ablehnen", "keep": "Einladung behalten",
        "demo_note": "Demo-Server: Diese Einladung gehört zu einem Demo-Konto und kann hier ohne Google-Anmeldung "
                     "beantwortet werden. Die Einladung eines echten Resellers braucht immer Ihr Google-Konto der "
                     "eingeladenen Domain.",
        "demo_accept": "Annehmen (Demo, ohne Google-Anmeldung)", "demo_decline": "Ablehnen (Demo)",
        "no_google": "Dieser Server kann keine Google-Anmeldung prüfen, daher lässt sich die Einladung hier nicht "
                     "beantworten. Bitte sagen Sie {reseller} Bescheid.",
        "google_missing": "Die Google-Anmeldung ließ sich nicht laden. Prüfen Sie Ihre Verbindung oder die "
                          "Browsereinstellungen und laden Sie die Seite neu.",
        "working": "Einen Moment…",
        "done": "Willkommen! Die Einladung ist angenommen und Ihre {days}-tägige Testphase hat begonnen. Sie läuft "
                "bis {date}.",
        "declined": "Sie haben die Einladung abgelehnt. {reseller} sieht das.",
        "failed": "Das hat nicht geklappt: ",
        "offline": "Das hat nicht geklappt: Der Server war nicht erreichbar. Prüfen Sie Ihre Verbindung und "
                   "versuchen Sie es erneut.",
        "gone": "Dieser Einladungslink ist nicht mehr gültig",
        "missing": "Diesen Einladungslink gibt es nicht",
        "ask": "Bitte fragen Sie Ihren Reseller nach einem neuen Link.",
        "gone_accepted": "Diese Einladung wurde bereits angenommen.",
        "gone_declined": "Diese Einladung wurde abgelehnt.",
        "gone_replaced": "Dieser Link wurde widerrufen oder durch einen neueren ersetzt.",
        "gone_expired": "Dieser Link ist abgelaufen.",
        "missing_text": "Prüfen Sie, ob der Link vollständig kopiert wurde.",
        "errors": {
            "invitation_gone": "Dieser Einladungslink ist nicht mehr gültig. Bitte fragen Sie Ihren Reseller nach "
                               "einem neuen Link.",
            "not_found": "Diesen Einladungslink gibt es nicht.",
            "wrong_domain": "Dieses Google-Konto gehört nicht zu {domain}. Melden Sie sich mit einem Konto von {domain} "
                            "an.",
            "domain_taken": "Diese Google-Domain gehört bereits zu einem anderen Kunden.",
            "invalid_credential": "Google konnte die Anmeldung nicht bestätigen. Bitte melden Sie sich erneut an.",
            "credential_required": "Melden Sie sich zum Antworten mit einem Google-Konto der eingeladenen Domain an.",
            "google_sign_in_unavailable": "Dieser Server kann keine Google-Anmeldung prüfen. Bitte sagen Sie Ihrem "
                                          "Reseller Bescheid.",
            "rate_limited": "Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es erneut.",
        },
        "other": "English",
        "back": "Zurück zur Reseller-Konsole",
    },
}

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
ZERO_DECIMALS = ("JPY", "KRW")


def format_date(day, lang):
    """YYYY-MM-DD as the console writes it: 07.12.2026 in German, Dec 7, 2026 in English."""
    year, month, date = int(day[0:4]), int(day[5:7]), int(day[8:10])
    return f"{date:02d}.{month:02d}.{year}" if lang == "de" else f"{MONTHS[month - 1]} {date}, {year}"


def format_money(amount, currency, lang):
    """Minor units as the console writes them: 1.392,19 € in German, €1,392.19 in English."""
    digits = 0 if currency in ZERO_DECIMALS else 2
    whole, cents = divmod(abs(amount), 100) if digits else (abs(amount), 0)
    grouped = f"{whole:,}".replace(",", "." if lang == "de" else ",")
    number = grouped + ((("," if lang == "de" else ".") + f"{cents:02d}") if digits else "")
    sign = "-" if amount < 0 else ""
    symbol = SYMBOLS.get(currency)
    if lang == "de":
        return f"{sign}{number}\u00a0{symbol or currency}"
    return f"{sign}{symbol}{number}" if symbol else f"{sign}{number}\u00a0{currency}"


STYLE = """body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f5f7fb;
color:#1f2937;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.08);padding:40px;max-width:520px;
margin:16px;box-sizing:border-box;width:100%}
h1{font-size:22px;margin:0 0 12px}p{line-height:1.5}.product{color:#4b5563;font-size:14px;margin:0 0 8px;
font-weight:600;letter-spacing:.01em}dl{display:grid;grid-template-columns:max-content 1fr;gap:8px 16px;margin:20px 0;
padding:16px;background:#f8fafc;border-radius:8px}dt{color:#4b5563}dd{margin:0}
button{background:#2563eb;color:#fff;border:0;border-radius:8px;padding:12px 20px;font-size:16px;cursor:pointer;
min-height:44px;margin:0 8px 8px 0}button.secondary{background:#fff;color:#1f2937;border:1px solid #9ca3af}
button:disabled{opacity:.55;cursor:default}button:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.note{color:#4b5563;font-size:14px}.demo{background:#fff7ed;border:1px solid #fdba74;border-radius:8px;padding:12px;
color:#7c2d12;font-size:14px}#google{min-height:44px;margin:8px 0 16px}#status{font-weight:600}
#status.error{color:#b91c1c}a{color:#1d4ed8}
.back{display:inline-block;margin-bottom:20px;padding:12px 0;min-height:20px;text-decoration:none}
.note a{display:inline-block;padding:12px 0}@media (max-width:480px){main{padding:24px}dl{grid-template-columns:1fr;
gap:2px}dd{margin-bottom:8px}}"""

SCRIPT = """(function () {
  var main = document.querySelector('main[data-mode]');
  if (!main) return;
  var d = main.dataset;
  var status = document.getElementById('status');
  var accept = document.getElementById('accept');
  var decline = document.getElementById('decline');
  var confirmBox = document.getElementById('confirm');
  var credential = null;

  function say(text, error) {
    status.textContent = text;
    status.className = error ? 'error' : '';
  }
  function ready(on) {
    [accept, decline].forEach(function (b) { if (b) b.disabled = !on; });
  }
  // The account's email, to say who is signed in (the server checks the token itself).
  function emailOf(token) {
    try {
      var part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(part)))).email || '';
    } catch (e) { return ''; }
  }
  function answer(url, done) {
    ready(false);
    if (confirmBox) confirmBox.hidden = true;
    say(d.working, false);
    var body = d.mode === 'demo' ? {demo: true} : {credential: credential};
    fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)})
      .then(function (response) {
        return response.json().then(function (json) { return {ok: response.ok, body: json}; });
      })
      .then(function (result) {
        if (result.ok) {
          say(done(result.body), false);
          [accept, decline].forEach(function (b) { if (b) b.hidden = true; });
          // Answered: the sign-in and its prompt have nothing more to do.
          ['google', 'prompt'].forEach(function (id) {
            var element = document.getElementById(id);
            if (element) element.hidden = true;
          });
          return;
        }
        // Said in the page's language by the error's code; the server's (English) message only
        // for a code the page does not know.
        var error = (result.body && result.body.error) || {};
        var known = JSON.parse(d.errors || '{}')[error.code];
        say(d.failed + (known || error.message || ''), true);
        ready(d.mode === 'demo' || credential !== null);
      })
      .catch(function () { say(d.offline, true); ready(d.mode === 'demo' || credential !== null); });
  }

  // A date as the page's language writes it (as the console does): 07.12.2026, Dec 7, 2026.
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function day(iso) {
    var p = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso || '');
    if (!p) return iso || '';
    return document.documentElement.lang === 'de' ? p[3] + '.' + p[2] + '.' + p[1]
      : MONTHS[+p[2] - 1] + ' ' + (+p[3]) + ', ' + p[1];
  }
  if (accept) accept.addEventListener('click', function () {
    answer(d.acceptUrl, function (body) {
      return d.done.replace('{date}', day(body.subscription && body.subscription.trial_ends_on));
    });
  });
  if (decline) decline.addEventListener('click', function () {
    confirmBox.hidden = false;
    document.getElementById('yes-decline').focus();
  });
  var yes = document.getElementById('yes-decline');
  if (yes) yes.addEventListener('click', function () {
    answer(d.declineUrl, function () { return d.declined; });
  });
  var keep = document.getElementById('keep');
  if (keep) keep.addEventListener('click', function () { confirmBox.hidden = true; decline.focus(); });

  if (d.mode !== 'google') return;
  ready(false);
  function start() {
    var id = window.google && window.google.accounts && window.google.accounts.id;
    if (!id) { say(d.googleMissing, true); return; }
    id.initialize({client_id: d.clientId, auto_select: false, context: 'use', callback: function (response) {
      if (!response || !response.credential) return;
      credential = response.credential;
      document.getElementById('who').textContent = d.signedIn.replace('{email}', emailOf(credential));
      say('', false);
      ready(true);
    }});
    id.renderButton(document.getElementById('google'), {type: 'standard', theme: 'outline', size: 'large',
      text: 'continue_with', shape: 'rectangular', logo_alignment: 'left', locale: document.documentElement.lang});
  }
  var script = document.createElement('script');
  script.src = 'https://accounts.google.com/gsi/client';
  script.async = true;
  script.onload = start;
  script.onerror = function () { say(d.googleMissing, true); };
  document.head.appendChild(script);
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


def _page(lang, title, body, data=""):
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">'
            f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
            f"<body><main{data}>{body}</main><script src=\"/invite.js\"></script></body></html>").encode("utf-8")


def _answer_controls(t, mode, esc):
    """What the visitor answers with: Google's button then Accept and Decline, the demo's
    labelled buttons, or why it cannot be answered here."""
    confirm = (f"<div id=\"confirm\" hidden><p>{esc(t['confirm_decline'])}</p>"
               f"<button id=\"yes-decline\" type=\"button\">{esc(t['yes_decline'])}</button>"
               f"<button id=\"keep\" type=\"button\" class=\"secondary\">{esc(t['keep'])}</button></div>")
    if mode == "google":
        return (f"<p id=\"prompt\">{esc(t['sign_in'])}</p><div id=\"google\"></div><p id=\"who\" class=\"note\"></p>"
                f"<p><button id=\"accept\" type=\"button\" disabled>{esc(t['accept'])}</button>"
                f"<button id=\"decline\" type=\"button\" class=\"secondary\" disabled>{esc(t['decline'])}</button></p>"
                + confirm)
    if mode == "demo":
        return (f"<p class=\"demo\">{esc(t['demo_note'])}</p>"
                f"<p><button id=\"accept\" type=\"button\">{esc(t['demo_accept'])}</button>"
                f"<button id=\"decline\" type=\"button\" class=\"secondary\">{esc(t['demo_decline'])}</button></p>"
                + confirm)
    return f"<p class=\"demo\">{esc(t['no_google'])}</p>"


class _Slots(dict):
    """Format values; a slot the page fills in later (the email, the date) stays a slot."""

    def __missing__(self, key):
        return "{" + key + "}"


def invitation_html(lang, token, info, mode, client_id="", back=None):
    """`mode`: how the visitor answers (google, demo, or none: this server cannot check it).
    `back`: in kiosk mode, the console address to return to (a link above the heading)."""
    money = lambda amount: format_money(amount, info["currency"], lang)  # noqa: E731
    # One pass over each text with every value (a name holding braces stays as it is).
    values = _Slots(product=info["product"], reseller=info["reseller_name"], domain=info["google_domain"],
                    organization=info["organization"], days=info["trial_days"], plan=info["plan"],
                    licenses=info["licenses"], total=money(info["monthly_after_trial"]),
                    unit=money(info["unit_price"]))
    t = {key: value.format_map(values) for key, value in TEXT[lang].items() if isinstance(value, str)}
    t["valid_value"] = TEXT[lang]["valid_value"].format(date=format_date(info["expires_at"][:10], lang))
    esc = html.escape
    other = "de" if lang == "en" else "en"
    other_query = f"?lang={other}" + (f"&back={urllib.parse.quote(back, safe='')}" if back is not None else "")
    terms = [(t["plan"], t["plan_value"]), (t["trial"], t["trial_value"]), (t["after"], t["after_value"]),
             (t["valid"], t["valid_value"])]
    api = f"/api/v1/invitations/{token}"
    data = {"mode": mode, "client-id": client_id, "accept-url": f"{api}/accept", "decline-url": f"{api}/decline",
            "working": t["working"], "failed": t["failed"], "offline": t["offline"], "signed-in": t["signed_in"],
            "google-missing": t["google_missing"], "declined": t["declined"], "done": t["done"],
            "errors": json.dumps({code: text.format_map(values) for code, text in TEXT[lang]["errors"].items()},
                                 ensure_ascii=False)}
    attributes = "".join(f' data-{name}="{esc(str(value))}"' for name, value in data.items())
    body = (
        _back_link(lang, back) +
        f"<p class=\"product\">{esc(t['product_line'])}</p>"
        f"<h1>{esc(t['heading'])}</h1><p>{esc(t['intro'])}</p>"
        "<dl>" + "".join(f"<dt>{esc(term)}</dt><dd>{esc(value)}</dd>" for term, value in terms) + "</dl>"
        + _answer_controls(t, mode, esc) +
        "<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>"
        f"<p class=\"note\"><a href=\"{esc(other_query)}\" lang=\"{other}\">{esc(t['other'])}</a></p>")
    return _page(lang, t["title"], body, attributes)


def dead_link_html(lang, gone, reason=None, back=None):
    """The page for a dead link (410) or an unknown one (404), wholly in the page's language:
    why (`reason`, InvitationGone's), and what to do."""
    t = TEXT[lang]
    heading = t["gone"] if gone else t["missing"]
    why = t.get(f"gone_{reason}", "") if gone else t["missing_text"]
    body = (_back_link(lang, back) + f"<h1>{html.escape(heading)}</h1>" + (f"<p>{html.escape(why)}</p>" if why else "") +
            f"<p class=\"note\">{html.escape(t['ask'])}</p>")
    return _page(lang, t["title"].format(product="Shared Contacts for Gmail"), body)


NOT_BUILT_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Reseller Console: not built</title></head><body style="font-family:system-ui,sans-serif;max-width:640px;margin:48px auto;line-height:1.5">
<h1>The console is not built</h1>
<p>This server is answering the partner API under <code>/api/v1</code>, but the web console
has not been built into the static folder yet.</p>
<p>Build and serve it with <code>python3 serve.py</code> (without <code>--skip-build</code>),
or point <code>--static DIR</code> at a folder that holds a built <code>index.html</code>.</p>
</body></html>
""".encode("utf-8")
