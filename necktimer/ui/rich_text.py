"""Plain text put into Qt's rich text (tips, tooltips) safely."""


def escape(text: str) -> str:
    """Text made safe inside an element of Qt's rich text. (Not `html.escape`: the `html`
    module builds its table of 2,000 named entities on import, 0.3 MiB at start-up.)"""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wrapped(text: str) -> str:
    """Text as rich text, which Qt wraps in a tooltip (plain text stays one long line)."""
    return f"<p>{escape(text)}</p>"
