"""What a page offers people who cannot see it: its headings, and a name for every control."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

FIELDS = {"input", "textarea", "select"}
UNSEEN_INPUTS = {"hidden"}  # nothing to label: a person never meets it


@dataclass
class _Control:
    tag: str
    attrs: dict[str, str]
    in_label: bool
    text: list[str] = field(default_factory=list)

    def describe(self) -> str:
        named = " ".join(f'{k}="{self.attrs[k]}"' for k in ("name", "id", "class", "type")
                         if k in self.attrs)
        return f"<{self.tag} {named}>"


class PageAudit(HTMLParser):
    """Reads a page once; then ``h1s`` and ``unnamed_controls()`` say what it lacks."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.h1s: list[str] = []
        self.icons: list[str] = []  # the hrefs of <link rel="icon">
        self.scripts: list[str] = []
        self._in_h1 = False
        self._labels_open = 0
        self._labelled_ids: set[str] = set()
        self._fields: list[_Control] = []
        self._buttons: list[_Control] = []
        self._button: _Control | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "h1":
            self._in_h1 = True
            self.h1s.append("")
        elif tag == "label":
            self._labels_open += 1
            if "for" in found:
                self._labelled_ids.add(found["for"])
        elif tag in FIELDS and found.get("type") not in UNSEEN_INPUTS:
            self._fields.append(_Control(tag, found, self._labels_open > 0))
        elif tag == "button":
            self._button = _Control(tag, found, self._labels_open > 0)
            self._buttons.append(self._button)
        elif tag == "img" and self._button is not None:
            self._button.text.append(found.get("alt", ""))
        elif tag == "link" and "icon" in found.get("rel", "").split():
            self.icons.append(found.get("href", ""))
        elif tag == "script" and "src" in found:
            self.scripts.append(found["src"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False
        elif tag == "label":
            self._labels_open = max(self._labels_open - 1, 0)
        elif tag == "button":
            self._button = None

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1s[-1] += data
        if self._button is not None:
            self._button.text.append(data)

    def unnamed_controls(self) -> list[str]:
        """Fields with no label and buttons that show only a symbol, without a name."""
        missing = []
        for control in self._fields:
            attrs = control.attrs
            if not (control.in_label or attrs.get("aria-label", "").strip()
                    or attrs.get("aria-labelledby") or attrs.get("id") in self._labelled_ids):
                missing.append(control.describe())
        for button in self._buttons:
            words = "".join(button.text)
            # "♥ 3" or "🔇" says nothing to a screen reader: a button needs a word
            if not (any(c.isalpha() for c in words) or button.attrs.get("aria-label", "").strip()
                    or button.attrs.get("aria-labelledby")):
                missing.append(f"{button.describe()} showing {words.strip()!r}")
        return missing
