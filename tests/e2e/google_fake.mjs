// The local fake of Google's sign-in for the browser tests: a test key set the server is given
// (--google-jwks), ID tokens signed with it as Google would issue them, and a stand-in for
// Google's client script (the same API, a plain DOM button that hands over a credential).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const CLIENT_ID = "test-client.apps.googleusercontent.com";
export const GSI_URL = "https://accounts.google.com/gsi/client";
const KID = "test-key-1";

export class FakeGoogle {
  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "rc-jwks-"));
    const pair = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    const jwk = { ...pair.publicKey.export({ format: "jwk" }), kid: KID, alg: "RS256", use: "sig" };
    this.jwks = path.join(this.dir, "jwks.json");
    fs.writeFileSync(this.jwks, JSON.stringify({ keys: [jwk] }));
  }

  // serve.py's arguments that make it trust this key set for this client id.
  serverArgs() { return ["--google-client-id", CLIENT_ID, "--google-jwks", this.jwks]; }

  // An ID token for `email`, signed with the test key.
  credential(email, claims = {}) {
    const b64 = (v) => (Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v))).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const head = b64({ alg: "RS256", kid: KID, typ: "JWT" });
    const body = b64({ iss: "https://accounts.google.com", aud: CLIENT_ID, azp: CLIENT_ID,
      sub: "1" + crypto.createHash("sha256").update(email).digest("hex").slice(0, 20).replace(/\D/g, "7"),
      email, email_verified: true, iat: now, exp: now + 3600, ...claims });
    const signature = crypto.sign("sha256", Buffer.from(head + "." + body), this.privateKey);
    return head + "." + body + "." + b64(signature);
  }

  cleanUp() { fs.rmSync(this.dir, { recursive: true, force: true }); }
}

// Stands in for Google's client script: the same API, a plain DOM button that hands over
// `credential` when clicked, and a record of the calls for the test to check.
export function fakeGoogleScript(credential) {
  return `(function () {
  var config = null;
  var record = window.__fakeGoogle = { clientId: null, renders: [], disableAutoSelect: 0, prompts: 0 };
  window.google = { accounts: { id: {
    initialize: function (c) { config = c; record.clientId = c.client_id; },
    renderButton: function (parent, options) {
      record.renders.push(options);
      var b = document.createElement("button");
      b.id = "fake-google-button";
      b.type = "button";
      b.textContent = "Sign in with Google (test)";
      // Roughly Google's outline button, so screenshots read as the real thing.
      b.style.cssText = "width:" + options.width + "px;height:40px;background:#fff;color:#3c4043;" +
        "border:1px solid #dadce0;border-radius:4px;font:500 14px Roboto,Arial,sans-serif;cursor:pointer";
      b.addEventListener("click", function () {
        config.callback({ credential: ${JSON.stringify(credential)}, select_by: "btn" });
      });
      parent.appendChild(b);
    },
    disableAutoSelect: function () { record.disableAutoSelect++; },
    prompt: function () { record.prompts++; }
  } } };
})();`;
}

// A context's setup step (openConsoleAt's `setup`) that serves the fake for Google's script.
export function serveFakeGoogle(credential) {
  return async (context) => {
    await context.route(GSI_URL, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fakeGoogleScript(credential) }));
  };
}
