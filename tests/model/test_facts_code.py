"""Nothing in a code block is a fact: it is not said in the document's own voice."""

from __future__ import annotations

from pathlib import Path

from reader.model.document import ParagraphKind
from reader.model.facts.extract import extract_facts
from reader.model.opening import open_document

README = """# Tool

The tool is used by 40% of teams and runs on 3 machines.

```sh
git clone --depth 1 https://example.org/tool.git
tool --height 40% --width 80%
```

Since 2019 it has had 12 releases.
"""


def test_code_blocks_give_no_facts_and_no_mentions(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(README, encoding="utf-8")
    doc = open_document(path)
    code = [p for p in doc.paragraphs if p.kind is ParagraphKind.CODE]
    assert code, "the fenced block is a code paragraph"
    facts = extract_facts(doc)
    texts = {f.text for f in facts}
    # Said in prose: found. Said only in code: not a fact.
    assert {"40%", "3 machines", "12 releases"} <= texts
    assert "1 https" not in texts
    assert "80%" not in texts
    for fact in facts:
        for mention in fact.mentions:
            assert not any(p.start <= mention.start < p.end for p in code), fact
