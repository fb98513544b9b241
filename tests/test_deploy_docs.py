"""docs/deploy.md stays true: the CloudFront response headers policy it documents sends exactly the
headers netlify.toml gives every page, so S3 + CloudFront and Netlify serve the same policy."""

from __future__ import annotations

import json
import re
from pathlib import Path

from chinar.deploy.rules import load_rules

REPO = Path(__file__).resolve().parents[1]


def cloudfront_policy() -> dict:
    text = (REPO / "docs" / "deploy.md").read_text()
    blocks = [json.loads(b) for b in re.findall(r"```json\n(.*?)\n```", text, re.S)]
    (policy,) = [b for b in blocks if "SecurityHeadersConfig" in b]
    return policy


def headers_sent_by(policy: dict) -> dict[str, str]:
    """What CloudFront adds to each response for this policy (the headers it covers)."""
    sec = policy["SecurityHeadersConfig"]
    hsts = sec["StrictTransportSecurity"]
    sent = {
        "content-security-policy": sec["ContentSecurityPolicy"]["ContentSecurityPolicy"],
        "strict-transport-security": f"max-age={hsts['AccessControlMaxAgeSec']}"
        + ("; includeSubDomains" if hsts["IncludeSubdomains"] else "")
        + ("; preload" if hsts["Preload"] else ""),
        "x-content-type-options": "nosniff",
        "referrer-policy": sec["ReferrerPolicy"]["ReferrerPolicy"],
    }
    custom = policy["CustomHeadersConfig"]
    assert custom["Quantity"] == len(custom["Items"])
    sent.update({item["Header"].lower(): item["Value"] for item in custom["Items"]})
    return sent


def test_cloudfront_policy_in_the_docs_matches_netlify_toml():
    netlify = {k.lower(): v for k, v in load_rules(REPO / "netlify.toml").headers_for("/").items()}
    del netlify["cache-control"]  # from each object's metadata on S3, not from the policy
    assert headers_sent_by(cloudfront_policy()) == netlify


def test_every_header_netlify_sends_overrides_the_origin():
    """An S3 object's own metadata must not win over the policy for any header netlify.toml sets."""
    policy = cloudfront_policy()
    netlify = {k.lower() for k in load_rules(REPO / "netlify.toml").headers_for("/")} - {"cache-control"}
    names = {"ContentSecurityPolicy": "content-security-policy", "StrictTransportSecurity": "strict-transport-security",
             "ContentTypeOptions": "x-content-type-options", "ReferrerPolicy": "referrer-policy",
             "FrameOptions": "x-frame-options", "XSSProtection": "x-xss-protection"}
    overridden = {names[k] for k, v in policy["SecurityHeadersConfig"].items() if v["Override"]}
    overridden |= {i["Header"].lower() for i in policy["CustomHeadersConfig"]["Items"] if i["Override"]}
    assert netlify <= overridden
