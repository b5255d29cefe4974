"""What reviews R8a and R8b left after their first fixes: the code closing a numbered heading in brackets
(a Word SOP's "2.1 Scanner cannot log in (E1017)").

Each test writes a small article of its own in the style and reads it with the real indexer, with a guard
for the nearest shape that must read as before.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A standard operating procedure saved from Word as Markdown: its sections numbered by the document's
# outline, each fault's heading closing with the code the handheld shows, a message quoting it below.
NUMBERED_SOP = """\
# SOP-LG-007 Label printer troubleshooting

## 2.1 Printer refuses the job: “Media out” (P2204)

The printer's display shows `P2204 Media out. Load labels and press FEED.`

1. Open the cover and load a new roll.
2. Press FEED once.

## 2.2 Labels print blank (T-300)

The labels come out white after the printer on the packing line was moved.

1. Turn the ribbon roll over.
2. Print a test label.
"""


def test_a_code_closing_a_numbered_heading_that_its_message_quotes_is_the_problem_s(
    tmp_path: Path,
) -> None:
    media, blank = read(tmp_path / "kb", "sop-lg-007.md", NUMBERED_SOP).problems
    assert media.title == "2.1 Printer refuses the job: “Media out” (P2204)"
    assert media.error_messages == ["P2204 Media out. Load labels and press FEED."]
    assert "P2204" in media.error_codes
    assert [s.text for s in media.steps] == ["Open the cover and load a new roll.", "Press FEED once."]
    # The nearest shape: a numbered heading closing with a model's name in brackets ("T-300"), which no message
    # quotes, stays no code.
    assert blank.title == "2.2 Labels print blank (T-300)"
    assert blank.error_codes == []
