"""Tests of dimples.tooling.web_assets: what an offline page may load, and the exporter settings."""

from __future__ import annotations

import pytest

from dimples.tooling import web_assets


@pytest.mark.parametrize("page, n", [
    ('<script src="https://cdn.jsdelivr.net/npm/x.js"></script>', 1),
    ('<link rel="stylesheet" href="//fonts.example/x.css">', 1),
    ('<img alt="" src="http://example.org/a.png">', 1),
    ("<script type=module>import {a} from 'https://esm.sh/a';</script>", 1),
    ('<script src="_static/require.js"></script><a href="https://example.org">a link is not a load</a>', 0),
    ('<img alt="frame" src="data:image/png;base64,AAAA">', 0),
])
def test_external_loads_finds_what_leaves_the_page(page, n):
    assert len(web_assets.external_loads(page)) == n


def test_slides_need_the_page_packages_and_reveal():
    assert set(web_assets.PAGE_PACKAGES) <= set(web_assets.SLIDE_PACKAGES)
    assert "reveal.js" in web_assets.SLIDE_PACKAGES and web_assets.KINDS["html"] == web_assets.PAGE_PACKAGES
    assert set(web_assets.SLIDE_PACKAGES) <= set(web_assets.NPM_PACKAGES)
