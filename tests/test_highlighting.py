"""Code highlighted on the server: JSON examples, Markdown fences, and the generated colours."""

import re
from pathlib import Path

from nexus_board import highlighting
from nexus_board.code_styles import AA, BACKGROUND, contrast, stylesheet
from nexus_board.highlighting import highlight
from nexus_board.limits import HIGHLIGHT_CODE_CHARS, HIGHLIGHT_JSON_CHARS, HIGHLIGHT_LINE_CHARS
from nexus_board.markdown import render_markdown

CSS = Path(__file__).resolve().parent.parent / "static" / "css"


def test_json_becomes_spans_with_classes_and_stays_escaped():
    html = highlight('{"name": "<b>Shoe</b>", "price": 9.9, "ok": true}')
    assert '<span class="nt">"name"</span>' in html
    assert '<span class="s2">"&lt;b&gt;Shoe&lt;/b&gt;"</span>' in html
    assert '<span class="mf">9.9</span>' in html and '<span class="kc">true</span>' in html
    assert "style=" not in html


def test_unknown_languages_and_text_past_the_limits_are_plain_escaped_text():
    assert highlight("<x>", "brainfuck") == "&lt;x&gt;"
    long_json = '"' + "a" * HIGHLIGHT_JSON_CHARS + '"'
    assert "<span" not in highlight(long_json, "json")
    assert "<span" not in highlight("x = 1\n" * (HIGHLIGHT_CODE_CHARS // 6 + 1), "python")
    assert "<span" not in highlight("x = " + "1" * HIGHLIGHT_LINE_CHARS, "python")
    assert "<span" in highlight("x = 1", "python")


def test_markdown_fences_are_highlighted_and_sanitized():
    html = render_markdown('```python\nclass A: pass\n```\n\n```json\n{"a": "<script>"}\n```')
    assert '<pre class="highlight"><code><span class="k">class</span>' in html
    assert '<span class="s2">"&lt;script&gt;"</span>' in html
    assert "lang=" not in html  # a language name is no natural language (axe: valid-lang)
    # A fence of an unknown language is plain; typed markup never becomes classes or spans.
    plain = render_markdown('```rust\nfn main() {}\n```\n\n<span class="k">x</span>')
    assert "<pre><code>fn main() {}" in plain and '<span class="k">' not in plain


def test_one_text_highlights_a_bounded_amount_of_code():
    block = "```python\n" + "\n".join(["x = 1"] * 400) + "\n```\n\n"
    html = render_markdown(block * 3)  # 3 × 2,400 characters: past the budget after the first
    assert html.count('<pre class="highlight">') == 1 and html.count("<pre><code>") == 2


def test_code_css_is_what_the_command_writes():
    tokens = (CSS / "tokens.css").read_text()
    assert (CSS / "code.css").read_text() == stylesheet(tokens), "run `flask nexus code-styles`"


def test_every_code_colour_reads_on_the_code_background_in_both_themes():
    light_bg, dark_bg = BACKGROUND.search((CSS / "tokens.css").read_text()).groups()
    pairs = re.findall(r"light-dark\((#[0-9a-f]{6}|currentcolor), (#[0-9a-f]{6}|currentcolor)\)",
                       (CSS / "code.css").read_text())  # fmt: skip
    assert len(pairs) > 30
    for light, dark in pairs:
        assert light == "currentcolor" or contrast(light, light_bg) >= AA, light
        assert dark == "currentcolor" or contrast(dark, dark_bg) >= AA, dark


def test_code_styles_command_writes_the_file(app, runner, tmp_path, monkeypatch):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "tokens.css").write_text((CSS / "tokens.css").read_text())
    monkeypatch.setattr(app, "static_folder", str(tmp_path))
    result = runner.invoke(args=["nexus", "code-styles"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "css" / "code.css").read_text() == (CSS / "code.css").read_text()


def test_a_text_is_highlighted_once_per_process_and_each_text_gets_its_own(monkeypatch):
    calls = []
    real = highlighting.pygments_highlight
    monkeypatch.setattr(highlighting, "pygments_highlight", lambda *a: calls.append(a) or real(*a))
    first = highlighting.highlight('{"kept": 1}')
    assert highlighting.highlight('{"kept": 1}') == first and len(calls) == 1
    other = highlighting.highlight('{"kept": 2}')
    assert other != first and len(calls) == 2
    assert highlighting.highlight('{"kept": 1}', "yaml") != first  # the language is in the key
