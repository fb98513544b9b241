"""Validation of the content contract: schema, references, files and privacy.

Every problem names the file and the field (a JSON pointer) in plain words. Validation collects
all problems before failing so one run of ``chinar check`` shows everything to fix.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from .content import LOCALES, TYPES, Catalog, Record, default_schema_dir
from .errors import Problem
from .richtext import sanitise

# Fields that hold an artisan's personal data. They live only in the CMS registry and must never
# appear in the snapshot, whatever the record type. Checked by name anywhere in a record.
PERSONAL_FIELDS = frozenset({
    "phone", "mobile", "whatsapp", "email", "address", "street", "village", "pincode", "postcode",
    "aadhaar", "aadhar", "pan", "id_number", "national_id", "bank_account", "account_number", "ifsc",
    "upi", "upi_id", "gps", "latitude", "longitude", "lat", "lng", "coordinates", "date_of_birth",
})
RICH_TEXT_FIELDS = frozenset({"bio", "body", "history", "authenticity", "description"})
# First path segments the site itself uses; a generic page may not take them as its slug.
RESERVED_SLUGS = frozenset({"crafts", "artisans", "products", "districts", "collections", "stories",
                            "campaigns", "search", "static", "media", "images", "hi", "ur", "en",
                            "feeds", "page", "404", "sitemap", "robots"})
_FILE_NAME = re.compile(r"^(?P<key>[a-z0-9][a-z0-9-]{0,63})\.(?P<locale>[a-z]{2})\.json$")


@cache
def _validators(schema_dir: str) -> dict[str, Draft202012Validator]:
    folder = Path(schema_dir)
    resources = []
    schemas = {}
    for path in sorted(folder.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
        resources.append((path.name, Resource.from_contents(schema)))
        schemas[path.name.removesuffix(".schema.json")] = schema
    registry = Registry().with_resources(resources)
    return {t: Draft202012Validator(schemas[t], registry=registry, format_checker=FormatChecker())
            for t in TYPES}


def _bundle(schema: dict, common: dict) -> dict:
    """One self-contained draft-07 schema for fastjsonschema: shared defs inlined, $ref siblings kept.

    In draft-07 a keyword beside ``$ref`` is ignored, so ``{"$ref": X, "minItems": 1}`` becomes
    ``{"allOf": [{"$ref": X}], "minItems": 1}`` to keep the 2020-12 meaning.
    """

    def walk(node):
        if isinstance(node, dict):
            node = {k: walk(v) for k, v in node.items() if k not in ("$schema", "$id", "schema_version")}
            ref = node.get("$ref")
            if isinstance(ref, str):
                node["$ref"] = "#/definitions/" + ref.split("#/$defs/")[1]
                if len(node) > 1:
                    node = {**{k: v for k, v in node.items() if k != "$ref"}, "allOf": [{"$ref": node["$ref"]}]}
            return node
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    bundled = walk(copy.deepcopy(schema))
    bundled["definitions"] = {k: walk(v) for k, v in common["$defs"].items()}
    bundled["$schema"] = "http://json-schema.org/draft-07/schema#"
    return bundled


@cache
def _fast_validators(schema_dir: str) -> dict[str, Callable[[Any], Any]]:
    """Compiled validators: the fast path that accepts good records (most of them) in microseconds."""
    folder = Path(schema_dir)
    common = json.loads((folder / "common.schema.json").read_text(encoding="utf-8"))
    return {t: fastjsonschema.compile(_bundle(json.loads((folder / f"{t}.schema.json").read_text(encoding="utf-8")),
                                              common))
            for t in TYPES}


def _pointer(path) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def _message(err: ValidationError) -> tuple[str, str]:
    """A plain-words message for one schema error, and the pointer of the field it concerns."""
    where = _pointer(err.absolute_path)
    field = str(err.absolute_path[-1]) if err.absolute_path else ""
    v = err.validator
    if v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return f"{where}/{missing}", f"required field '{missing}' is missing"
    if v == "additionalProperties":
        extras = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        personal = [e for e in extras if e.lower() in PERSONAL_FIELDS]
        if personal:
            return f"{where}/{personal[0]}", (f"personal data field '{personal[0]}' must never be in the content "
                                              "snapshot (it stays in the CMS registry)")
        return f"{where}/{extras[0]}" if extras else where, f"unknown field '{', '.join(extras)}'"
    if v == "pattern":
        if field == "slug" or (len(err.absolute_path) >= 2 and err.absolute_path[-2] in ("old_slugs",)):
            return where, (f"slug {err.instance!r} may contain only lowercase letters, digits and hyphens "
                           "(no '/', '..' or spaces)")
        if field == "url":
            return where, f"URL {err.instance!r} must start with https://"
        if field == "src":
            return where, (f"image path {err.instance!r} must be a relative path under content/media/ "
                           "ending .jpg, .png or .webp")
        return where, f"{err.instance!r} is not in the expected form"
    if v == "enum":
        if field == "locale":
            return where, f"unknown locale {err.instance!r} (expected one of {', '.join(LOCALES)})"
        return where, f"{err.instance!r} is not one of {', '.join(map(repr, err.validator_value))}"
    if v == "const" and field == "type":
        return where, f"record type {err.instance!r} does not match its folder (expected {err.validator_value!r})"
    if v == "format":
        return where, f"{err.instance!r} is not a valid {err.validator_value}"
    if v == "minLength" and err.validator_value == 1:
        return where, "must not be empty"
    if v == "oneOf" and field == "" and isinstance(err.instance, dict) and "blocks" not in err.instance:
        return where, "a collection needs either 'items' (hand-picked) or a 'rule', not both or neither"
    if v == "oneOf" and isinstance(err.instance, dict) and "type" in err.instance:
        return where, f"block of type {err.instance.get('type')!r} is not valid (unknown type or wrong fields)"
    return where, err.message


def validate_record(data: Any, type_: str, rel: str, schema_dir: Path | None = None) -> list[Problem]:
    """Check one parsed record against its schema and its file name; sanitise its rich text in place."""
    if not isinstance(data, dict):
        return [Problem(rel, "", f"a record must be a JSON object, not {type(data).__name__}")]
    schema_dir = str(schema_dir or default_schema_dir())
    problems = []
    try:
        _fast_validators(schema_dir)[type_](data)
    except fastjsonschema.JsonSchemaException:
        # Slow path only for bad records: the full validator lists every error with its field.
        validator = _validators(schema_dir)[type_]
        for err in sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message)):
            pointer, message = _message(err)
            problems.append(Problem(rel, pointer, message))
    if _scan(data):  # rare: walk again to name every personal field with its JSON pointer
        problems.extend(_personal_fields(data, rel, ""))
    if problems:
        return sorted(set(problems))
    m = _FILE_NAME.match(rel.rpartition("/")[2])
    if not m or m["key"] != data["translation_key"] or m["locale"] != data["locale"]:
        problems.append(Problem(rel, "/translation_key", "file name must be "
                                f"'{data['translation_key']}.{data['locale']}.json' (translation_key.locale.json)"))
    if type_ == "page" and data["slug"] in RESERVED_SLUGS:
        problems.append(Problem(rel, "/slug", f"slug {data['slug']!r} is reserved for a section of the site"))
    if type_ == "campaign" and data["ends"] < data["starts"]:
        problems.append(Problem(rel, "/ends", "the campaign ends before it starts"))
    rule = data.get("rule") or {}
    if "price_min" in rule and "price_max" in rule and rule["price_min"] > rule["price_max"]:
        problems.append(Problem(rel, "/rule/price_max", "price_max is below price_min"))
    return problems


def _scan(value: Any) -> bool:
    """One pass over a record: sanitise its rich text in place; True if a personal field is anywhere.

    Every record of every build goes through this, so it builds no JSON pointers (``_personal_fields``
    does, only for a record that has something to report).
    """
    found = False
    if isinstance(value, dict):
        for k, v in value.items():
            if k in RICH_TEXT_FIELDS and isinstance(v, str):
                value[k] = sanitise(v)
                continue
            if k.lower() in PERSONAL_FIELDS:
                found = True
            if isinstance(v, (dict, list)) and _scan(v):
                found = True
    elif isinstance(value, list):
        for v in value:
            if isinstance(v, (dict, list)) and _scan(v):
                found = True
    return found


def _personal_fields(value: Any, rel: str, pointer: str) -> list[Problem]:
    """Catch personal data nested anywhere (the schema already rejects it at known places)."""
    found = []
    if isinstance(value, dict):
        for k, v in value.items():
            here = f"{pointer}/{k}"
            if k.lower() in PERSONAL_FIELDS:
                found.append(Problem(rel, here, f"personal data field '{k}' must never be in the content "
                                                "snapshot (it stays in the CMS registry)"))
            found.extend(_personal_fields(v, rel, here))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found.extend(_personal_fields(v, rel, f"{pointer}/{i}"))
    return found


# (record type, field) -> referenced type; a list field is a list of keys.
REFERENCES: dict[str, list[tuple[str, str]]] = {
    "craft": [("/districts", "district")],
    "artisan": [("/crafts", "craft"), ("/district", "district")],
    "product": [("/artisan", "artisan"), ("/craft", "craft")],
    "story": [("/artisans", "artisan"), ("/crafts", "craft")],
}


def references(record: Record) -> list[tuple[str, str, str]]:
    """Every (pointer, target type, target key) a record refers to."""
    out = []
    t = record["type"]
    for pointer, target in REFERENCES.get(t, []):
        value = record.get(pointer[1:])
        if isinstance(value, list):
            out.extend((f"{pointer}/{i}", target, k) for i, k in enumerate(value))
        elif value is not None:
            out.append((pointer, target, value))
    if t == "collection":
        for i, item in enumerate(record.get("items", [])):
            out.append((f"/items/{i}/ref", item["type"], item["ref"]))
        for name in ("craft", "district"):
            if name in record.get("rule", {}):
                out.append((f"/rule/{name}", name, record["rule"][name]))
    if t == "campaign":
        for i, block in enumerate(record["blocks"]):
            bt = block["type"]
            if bt == "featured_artisans":
                out.extend((f"/blocks/{i}/artisans/{j}", "artisan", k) for j, k in enumerate(block["artisans"]))
            elif bt == "featured_collection":
                out.append((f"/blocks/{i}/collection", "collection", block["collection"]))
            elif bt == "craft_trail":
                for j, stop in enumerate(block["stops"]):
                    out.append((f"/blocks/{i}/stops/{j}/district", "district", stop["district"]))
                    out.extend((f"/blocks/{i}/stops/{j}/crafts/{n}", "craft", k)
                               for n, k in enumerate(stop.get("crafts", [])))
    return out


def images(record: Record) -> list[tuple[str, dict]]:
    """Every (pointer, image object) in a record."""
    found: list[tuple[str, dict]] = []

    def walk(value: Any, pointer: str) -> None:
        if isinstance(value, dict):
            if "src" in value and "alt" in value:
                found.append((pointer, value))
                return
            for k, v in value.items():
                if not k.startswith("_"):
                    walk(v, f"{pointer}/{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{pointer}/{i}")

    walk(record, "")
    return found


def image_objects(value: Any, found: list[dict] | None = None) -> list[dict]:
    """Every image object in a record, in document order (``images`` without the pointers: faster)."""
    if found is None:
        found = []
    if isinstance(value, dict):
        if "src" in value and "alt" in value:
            found.append(value)
            return found
        for k, v in value.items():
            if isinstance(v, (dict, list)) and not k.startswith("_"):
                image_objects(v, found)
    elif isinstance(value, list):
        for v in value:
            if isinstance(v, (dict, list)):
                image_objects(v, found)
    return found


def validate_catalog(catalog: Catalog, *, check_media: bool = True) -> list[Problem]:
    """Cross-record checks: unique ids and slugs, references resolve, image files exist."""
    problems: list[Problem] = []
    ids: dict[str, str] = {}
    slugs: dict[tuple[str, str, str], str] = {}
    media_exists: dict[str, bool] = {}  # most images appear once, but a shared one is checked once
    for rec in catalog.iter_records():
        rel = rec["_file"]
        if rec["id"] in ids:
            problems.append(Problem(rel, "/id", f"id {rec['id']!r} is already used by {ids[rec['id']]}"))
        ids.setdefault(rec["id"], rel)
        # Generic pages share the URL root with each other, so their slugs must be unique together.
        for slug in [rec["slug"], *rec.get("old_slugs", [])]:
            skey = (rec["type"], rec["locale"], slug)
            if skey in slugs and slugs[skey] != rel:
                problems.append(Problem(rel, "/slug", f"slug {slug!r} is already used by {slugs[skey]}"))
            slugs.setdefault(skey, rel)
        for pointer, target, key in references(rec):
            if not catalog.versions(target, key) and (target, key) not in catalog.broken:
                problems.append(Problem(rel, pointer, f"refers to {target} {key!r}, which does not exist"))
        if check_media:
            missing = False
            for image in image_objects(rec):
                src = image["src"]
                if src not in media_exists:
                    media_exists[src] = catalog.media_path(src).is_file()
                missing = missing or not media_exists[src]
            if missing:
                for pointer, image in images(rec):
                    if not media_exists[image["src"]]:
                        problems.append(Problem(rel, pointer + "/src",
                                                f"image file media/{image['src']} does not exist"))
    return problems
