"""Reading the hub's charts as people who cannot see them do: from their tables."""

import re

ROW = re.compile(
    r'<tr><th scope="row">(?:<a href="[^"]*">)?([^<]*)(?:</a>)?</th>'
    r'<td class="number">(\d+)</td></tr>'
)


def chart_rows(page: str, caption: str) -> list[tuple[str, str]]:
    """(label, value) for each row of the table under the chart captioned `caption`."""
    figure = page.split(f">{caption}</figcaption>", 1)[1].split("</figure>", 1)[0]
    return ROW.findall(figure)
