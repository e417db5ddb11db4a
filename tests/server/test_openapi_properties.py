"""Property-based check (standard library only): the OpenAPI document the server serves states
every rule it enforces. Values are generated from each documented constraint (type, enum,
minimum/maximum, minLength/maxLength, pattern, not-pattern, x-normalize, required, unknown
fields, the Idempotency-Key header, query parameters); the document decides whether each is
valid, and the server must agree. A seeded generator keeps every run the same; set
OPENAPI_CASES to try more."""
import json
import os
import random
import re
import unicodedata
import unittest
import urllib.parse

from support import ServerTestCase

CASES = int(os.environ.get("OPENAPI_CASES", "60"))
CONTROL = "zz_control"  # an unknown field: every body is refused, so nothing is ever written

# Characters that tend to break rules: letters of many scripts, marks, joiners, invisible and
# control characters, bidi controls, separators, domain and email punctuation.
ALPHABET = ("abcxyzABCXYZ0123456789 .-_@'+/=?^`{|}~!#$%&*" "äöüßéñçøå" "Ωαβγ" "Жжщ" "אב" "عرب" "中文字"
            "カナ" "한글" "\u0301\u0308\u200b\u200c\u200d\u2060\ufeff\u3164\u00ad" "\u202a\u202e\u2066\u2069"
            "\x00\x07\t\n\r\x1b\x7f\x85\u2028\u2029\u00a0\u2003")
DOMAIN_ALPHABET = "abcdexyz0123456789-.ABC_ ä/:@"


def normalize(value, how):
    steps = how or ""
    if "separators removed" in steps:  # identifiers: spaces, dots, hyphens and slashes as people type them
        value = re.sub(r"[\s.\-/]", "", value)
    if "upper case" in steps:
        value = value.upper()
    if "GR prefix as EL" in steps and value.startswith("GR"):
        value = "EL" + value[2:]
    if "trim" in steps:
        value = value.strip()
    if "NFC" in steps:
        value = unicodedata.normalize("NFC", value)
    if "lower" in steps:
        value = value.lower()
    if "trailing dots" in steps:
        value = value.rstrip(".")
    return value


def matches(pattern, value):
    # JSON Schema patterns are ECMA regexes; a final $ must not accept a trailing newline.
    return re.search(pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern, value) is not None


def iban_ok(value):
    """ISO 13616 check digits (the document's x-check "iban"): an independent reading of the rule."""
    digits = "".join(str(int(ch, 36)) for ch in value[4:] + value[:4])
    return int(digits) % 97 == 1


def inline(schema, schemas):
    """The schema with every $ref replaced by what it names (siblings such as nullable kept)."""
    if isinstance(schema, list):
        return [inline(item, schemas) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        named = schemas[schema["$ref"].rsplit("/", 1)[1]]
        return inline({**named, **{k: v for k, v in schema.items() if k != "$ref"}}, schemas)
    return {key: inline(value, schemas) for key, value in schema.items()}


def allowed(schema, value):
    """What the document says about a value: True if every stated rule holds."""
    if value is None:
        return bool(schema.get("nullable"))
    kind = schema.get("type")
    if kind == "object" and "properties" in schema:
        if not isinstance(value, dict):
            return False
        if set(value) - set(schema["properties"]) or set(schema.get("required", [])) - set(value):
            return False
        return all(allowed(schema["properties"][key], item) for key, item in value.items())
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        if not isinstance(value, list) or not schema.get("minItems", 0) <= len(value) <= schema.get("maxItems", 10 ** 9):
            return False
        if schema.get("uniqueItems") and len({json.dumps(item) for item in value}) != len(value):
            return False
        return all(item is not None and allowed(schema["items"], item) for item in value)
    if kind == "integer":
        if type(value) is not int:
            return False
        return schema.get("minimum", -2 ** 63) <= value <= schema.get("maximum", 2 ** 63 - 1)
    if kind == "string":
        if not isinstance(value, str):
            return False
        value = normalize(value, schema.get("x-normalize"))
        if "enum" in schema and value not in schema["enum"]:
            return False
        if not schema.get("minLength", 0) <= len(value) <= schema.get("maxLength", 10 ** 9):
            return False
        if "pattern" in schema and not matches(schema["pattern"], value):
            return False
        if "not" in schema and "pattern" in schema["not"] and matches(schema["not"]["pattern"], value):
            return False
        if schema.get("x-check") == "iban" and not iban_ok(value):
            return False
        return True
    return True


def generate(schema, rng):
    """A value near the edges of what the schema allows, valid or not."""
    kind = schema.get("type")
    if kind == "object" and "properties" in schema:
        return generate_object(schema, rng)
    if "example" in schema and rng.random() < 0.3:
        return near(schema["example"], rng)
    roll = rng.random()
    if roll < 0.08:
        return rng.choice([None, True, 3.5, [], {}, "12"] if kind == "integer" else [None, True, 7, [], {}])
    if kind == "boolean":
        return rng.choice([True, False, "true", 1, 0])
    if kind == "array":
        size = rng.choice([0, 1, 2, 3, schema.get("maxItems", 5), schema.get("maxItems", 5) + 1])
        items = [generate(schema["items"], rng) for _ in range(size)]
        if items and rng.random() < 0.2:
            items.append(items[0])  # the same item twice
        return items
    if kind == "integer":
        low, high = schema.get("minimum", -1000), schema.get("maximum", 10 ** 6)
        return rng.choice([low - 1, low, low + 1, high - 1, high, high + 1, rng.randint(low, high), 2 ** 70, -(2 ** 70)])
    if "enum" in schema:
        return rng.choice(schema["enum"] + ["", schema["enum"][0].upper(), schema["enum"][0] + " ", "none"])
    if "example" in schema and rng.random() < 0.6:
        return mutate_example(schema["example"], rng)
    limit = schema.get("maxLength", 40)
    if "@" in schema.get("pattern", "") or "[A-Za-z0-9](?:" in schema.get("pattern", ""):
        return generate_address(schema, rng, limit)
    length = max(0, rng.choice([0, 1, 2, 5, 12, limit - 1, limit, limit + 1, limit + 2]))
    # Plain letters of several scripts (valid unless too long or too short) ...
    text = "".join(rng.choice("abcdefgh äöüΩЖ中אعカ한") for _ in range(length))
    roll = rng.random()
    if roll < 0.35 and text:  # ... with one troublesome character somewhere
        at = rng.randrange(len(text))
        text = text[:at] + rng.choice(ALPHABET) + text[at + 1:]
    elif roll < 0.5:  # ... or made only of them
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.choice([1, 2, 3, length])))
    return text


def near(example, rng):
    """The documented example, or it with one character changed, added or removed (an IBAN with
    one wrong digit, a VAT ID one digit short, a code in lower case)."""
    if not isinstance(example, str) or rng.random() < 0.3:
        return example
    at = rng.randrange(len(example) + 1)
    edit = rng.choice(["change", "add", "remove", "lower", "spaces"])
    if edit == "lower":
        return example.lower()
    if edit == "spaces":
        return " ".join(example[i:i + 4] for i in range(0, len(example), 4))
    if edit == "remove":
        return example[:at] + example[at + 1:]
    return example[:at] + rng.choice("0123456789AZaz -/.") + example[at + (edit == "change"):]


def generate_object(schema, rng):
    """An object of the schema's properties: mostly valid ones, one generated near its edges, now
    and then one missing, one unknown, or no object at all."""
    roll = rng.random()
    if roll < 0.08:
        return rng.choice([None, "x", 7, [], True])
    props = schema["properties"]
    value = {name: valid_example(field, rng) for name, field in props.items()
             if name in schema.get("required", []) or rng.random() < 0.6}
    if props and rng.random() < 0.7:
        name = rng.choice(sorted(props))
        value[name] = generate(props[name], rng)
    if rng.random() < 0.08 and value:
        del value[rng.choice(sorted(value))]
    if rng.random() < 0.05:
        value["unknown"] = 1
    return value


def valid_example(schema, rng):
    """A value the schema allows: its example, or one generated until allowed."""
    if "example" in schema and allowed(schema, schema["example"]):
        return schema["example"]
    if schema.get("type") == "object" and "properties" in schema:
        return {name: valid_example(field, rng) for name, field in schema["properties"].items()
                if name in schema.get("required", [])}
    for _ in range(500):
        value = generate(schema, rng)
        if allowed(schema, value) and value is not None:
            return value
    raise AssertionError(f"no valid value found for {schema}")


def mutate_example(example, rng):
    """A documented example (a transfer token) as people type it, or broken a little."""
    how = rng.randrange(8)
    if how == 0:
        return example.lower()
    if how == 1:
        return example.replace("-", rng.choice(["", " ", "  ", "--"]))
    if how == 2:
        return " " + example + " "
    if how == 3:  # a letter too many or too few
        return example + rng.choice("AZ09") if rng.random() < 0.5 else example[:-1]
    if how == 4:  # a character the alphabet does not have, or that is no letter at all
        at = rng.randrange(len(example))
        return example[:at] + rng.choice("UuÄ_/.\u00a0\t中") + example[at + 1:]
    if how == 5:
        return example.replace("0", "O").replace("1", "l")
    return example


def generate_address(schema, rng, limit):
    labels = ["".join(rng.choice(DOMAIN_ALPHABET) if rng.random() < 0.2 else rng.choice("abcxyz019-")
                      for _ in range(rng.choice([1, 2, 5, 63, 64]))) for _ in range(rng.randint(1, 4))]
    domain = ".".join(labels) + rng.choice([".de", ".com", ".c", ".123", ".xn--p1ai", ".", "", ". "])
    if rng.random() < 0.5:
        domain = domain.strip(" .-_/:@") or "a"
        domain = re.sub(r"[^a-z0-9.-]", "x", domain)
        domain = ".".join(label.strip("-") or "x" for label in domain.split(".") if label) + ".de"
    if "@" not in schema.get("pattern", ""):
        return rng.choice(["", " ", "https://"]) + domain + rng.choice(["", ".", "  ", "/x"]) \
            if rng.random() < 0.3 else domain
    local = "".join(rng.choice("abc.+_-'ä @") if rng.random() < 0.2 else rng.choice("abcxyz019")
                    for _ in range(rng.choice([1, 3, 12])))
    return rng.choice(["", " "]) + local + rng.choice(["@", "@@", ""]) + domain


class DocumentedRulesHold(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        reply_token = cls.sign_in_class()
        cls.token = reply_token

    @classmethod
    def sign_in_class(cls):
        from support import request
        return request(cls.port, "POST", "/api/v1/auth/demo", {"email": "properties@example.com"}).json["token"]

    def setUp(self):
        self.spec = self.ok("GET", "/api/v1/openapi.json")
        self.schemas = self.spec["components"]["schemas"]
        customer = self.active_customer(self.token, getattr(type(self), "n", 0), licenses=12)
        type(self).n = getattr(type(self), "n", 0) + 1
        self.customer_id = customer["id"]

    def resolve(self, schema):
        return inline(schema, self.schemas)

    def body_operations(self):
        for path, item in self.spec["paths"].items():
            for method, operation in item.items():
                body = operation.get("requestBody")
                # x-checked-by: a body whose fields depend on each other (a bulk job's on its action),
                # which one schema per field cannot state: the named tests check it.
                if body and operation.get("security") != [] and "x-checked-by" not in operation:
                    yield method.upper(), path, self.resolve(body["content"]["application/json"]["schema"])

    @staticmethod
    def valid_value(schema, rng):
        return valid_example(schema, rng)

    def send(self, method, path, body, headers=None):
        path = path.replace("{id}", str(self.customer_id))
        return self.call(method, "/api/v1" + path, body, self.token, headers=headers)

    def test_every_body_field_is_checked_as_documented(self):
        rng = random.Random(20261127)
        checked = 0
        for method, path, schema in self.body_operations():
            props = schema["properties"]
            base = {name: self.valid_value(props[name], rng) for name in schema.get("required", [])}
            for name, field in props.items():
                for _ in range(CASES):
                    value = generate(field, rng)
                    body = {**base, name: value, CONTROL: True}
                    reply = self.send(method, path, body)
                    with self.subTest(method=method, path=path, field=name, value=ascii(value)[:80]):
                        self.assertEqual(reply.status, 422, reply)
                        fields = reply.json["error"]["fields"]
                        self.assertIn(CONTROL, fields)
                        # A problem inside an object is named "field.part".
                        named = {key: text for key, text in fields.items()
                                 if key == name or key.startswith(name + ".")}
                        if allowed(field, value):
                            self.assertFalse(named, f"documented as valid, refused: {named}")
                        else:
                            self.assertTrue(named, "documented as invalid, accepted")
                    checked += 1
                for required in schema.get("required", []):
                    body = {k: v for k, v in {**base, CONTROL: True}.items() if k != required}
                    self.assertIn(required, self.send(method, path, body).json["error"]["fields"])
        self.assertGreater(checked, 500)

    def test_the_idempotency_key_is_checked_as_documented(self):
        rng = random.Random(7)
        schema = self.spec["components"]["parameters"]["IdempotencyKey"]["schema"]
        for _ in range(CASES):
            length = rng.choice([1, 2, 40, 254, 255, 256, 300])
            key = "".join(rng.choice("abcXYZ019-_.:!~" + "äé") for _ in range(length))
            reply = self.send("POST", "/customers", {CONTROL: True}, headers={"Idempotency-Key": key})
            with self.subTest(key=key[:40], length=length):
                self.assertEqual(reply.status, 422)
                fields = reply.json["error"]["fields"]
                self.assertEqual("Idempotency-Key" not in fields, allowed(schema, key), fields)

    def test_query_parameters_are_checked_as_documented(self):
        rng = random.Random(11)
        for path, item in self.spec["paths"].items():
            operation = item.get("get")
            if not operation or "{" in path or operation.get("security") == [] or path.endswith(".csv"):
                continue
            for parameter in operation.get("parameters", []):
                if parameter.get("in") != "query" or parameter["name"] in ("cursor", "q"):
                    continue
                schema = self.resolve(parameter["schema"])
                for _ in range(CASES // 3):
                    value = generate(schema, rng)
                    if schema.get("format") == "date":
                        value = rng.choice(["2026-01-31", "2026-02-30", "31.01.2026", "", "2026-1-1", "x"])
                    if value is None or isinstance(value, (list, dict, bool, float)):
                        continue
                    text = str(value)
                    reply = self.call("GET", f"/api/v1{path}?{parameter['name']}={urllib.parse.quote(text)}",
                                      token=self.token)
                    expected = text == "" or self.query_allowed(schema, text)
                    with self.subTest(path=path, parameter=parameter["name"], value=text):
                        if expected:
                            self.assertIn(reply.status, (200, 404), reply)  # 404: an unknown customer_id
                        else:
                            self.assertEqual(reply.status, 422, reply)
                            self.assertIn(parameter["name"], reply.json["error"]["fields"])

    @staticmethod
    def query_allowed(schema, text):
        if schema.get("type") == "integer":
            return re.fullmatch(r"-?[0-9]+", text) is not None and allowed(schema, int(text))
        if schema.get("format") == "date":
            import datetime as dt
            try:
                dt.date.fromisoformat(text)
                return re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) is not None
            except ValueError:
                return False
        return allowed(schema, text)

    def test_the_served_document_is_the_one_in_the_repository(self):
        from support import ROOT
        on_disk = json.loads((ROOT / "src" / "partner_api" / "openapi.json").read_text(encoding="utf-8"))
        self.assertEqual(self.spec, on_disk)
        reply = self.call("GET", "/api/v1/openapi.json")
        self.assertEqual(reply.header("Content-Type"), "application/json; charset=utf-8")


if __name__ == "__main__":
    unittest.main()
