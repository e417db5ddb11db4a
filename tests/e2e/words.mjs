// The console's texts (src/core/texts/*.h: English and German of each) and the server's English
// sentences (its errors and field messages in src/partner_api), for tests that check a German
// screen holds no English: a drawn label must not be, nor hold, one of these English texts
// unless its German is the same (names: Shared Contacts for Gmail, Basic, Status...).
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./harness.mjs";

// A C string literal's contents (the tables use \xNN only for a few symbols, and \").
function unescapeC(s) {
  return s.replace(/\\x([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\"/g, '"').replace(/\\\\/g, "\\");
}

export function consoleTexts() {
  const dir = path.join(ROOT, "src", "core", "texts");
  const out = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".h"))) {
    const source = fs.readFileSync(path.join(dir, file), "utf8");
    for (const m of source.matchAll(/X\((\w+),\s*"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"\)/g))
      out.push({ id: m[1], en: unescapeC(m[2]), de: unescapeC(m[3]), file });
  }
  return out;
}

function pythonFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return pythonFiles(p);
    return e.name.endsWith(".py") ? [p] : [];
  });
}

// Sentences of three or more words that the server may put into an error's message or a
// field's problem: every double-quoted literal that starts with a capital and ends with a full stop.
export function serverSentences() {
  const out = new Set();
  for (const file of pythonFiles(path.join(ROOT, "src", "partner_api"))) {
    if (file.includes(`${path.sep}documents${path.sep}`)) continue;  // invoices' own texts, not on screen
    // The demo data: what resellers typed (a cancellation's reason), not the server's words.
    if (path.basename(file) === "seed.py") continue;
    const source = fs.readFileSync(file, "utf8");
    for (const m of source.matchAll(/f?"([A-Z][^"{}\n]*?[.!?])"/g)) {
      if (m[1].split(/\s+/).length >= 3) out.add(m[1]);
    }
  }
  return [...out];
}

// A text with "{}" slots as a pattern of its fixed parts, or null when too little is fixed to
// say anything (a slot alone, "{} / {}").
function pattern(text) {
  const parts = text.split(/\{\d?\}/);
  if (parts.join("").replace(/[^A-Za-z]/g, "").length < 8) return null;
  return new RegExp(parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+"));
}

// The English texts that must not appear on a German screen: those whose German differs.
export function englishOnly() {
  const texts = consoleTexts();
  const german = new Set(texts.map((t) => t.de));
  const english = texts.filter((t) => t.en !== t.de && !german.has(t.en)).map((t) => t.en);
  for (const s of serverSentences()) if (!german.has(s)) english.push(s);
  return [...new Set(english)].map((en) => ({ en, re: pattern(en) }));
}

// The drawn labels that are, or hold, an English text: [{label, en}].
export function englishOn(drawn, english = englishOnly()) {
  const found = [];
  for (const it of drawn) {
    const label = it.label.replace(/^[\uf000-\uf8ff]\s*/, "");  // an icon before the words
    for (const { en, re } of english) {
      if (label === en || (re && re.test(label))) { found.push({ label: it.label, kind: it.kind, en }); break; }
    }
  }
  return found;
}
