"""Plotly figures in one calm style, with the sentence behind each bar in its hover."""

import html

import plotly.graph_objects as go

from dashboard.components.text import hover_text

FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'
COLORS = ["#1f4e79", "#c0504d", "#4f81bd", "#9bbb59", "#8064a2", "#f79646", "#7f7f7f"]
STATUS_COLORS = {
    "approved": "#4f81bd",
    "under_construction": "#1f4e79",
    "landed": "#9bbb59",
    "advancing": "#f79646",
    "planned": "#a6a6a6",
}


class FinishedFigure(go.Figure):
    """A figure built once, shared by every session that shows it and never changed: the dict
    that Streamlit asks of a figure on every page run (some 2 ms a chart) is made once."""

    def to_dict(self) -> dict:
        made = self.__dict__.get("_as_dict")
        if made is None:
            made = super().to_dict()
            self._as_dict = made
        return made


def finished(figure: go.Figure | None) -> FinishedFigure | None:
    """`figure` as a FinishedFigure (a copy), for a cache to hold."""
    if figure is None or isinstance(figure, FinishedFigure):
        return figure
    return FinishedFigure(figure)


def heading(title: str, unit: str, lang: str) -> str:
    """A chart title with its unit in brackets, or the bare title when the unit is empty."""
    if not unit:
        return title
    return f"{title}（{unit}）" if lang == "zh" else f"{title} ({unit})"


def unit_on_top(figure: go.Figure, unit: str) -> None:
    """The value axis's unit written level above the axis: a rotated "个" reads as an arrow."""
    if unit:
        figure.add_annotation(
            text=unit,
            xref="paper",
            yref="paper",
            x=0,
            y=1,
            xanchor="right",
            yanchor="bottom",
            showarrow=False,
            font={"size": 12, "color": "#555555"},
        )
        # room on the left for the whole unit: "亿立方米/年" is wider than the tick labels
        figure.update_layout(margin={"l": max(40, 13 * len(unit) + 12)})


def _with_room_for_legend(figure: go.Figure) -> go.Figure:
    """A taller top margin, so the legend row sits between the title and the plot, not on the
    title, even on a phone."""
    figure.update_layout(margin={"t": 80}, title={"y": 0.97, "yanchor": "top"})
    return figure


def _style(figure: go.Figure, title: str, height: int) -> go.Figure:
    figure.update_layout(
        # left, where the chart's toolbar (top right) does not cover it
        title={"text": title, "font": {"size": 16}, "x": 0, "xanchor": "left"},
        font={"family": FONT, "size": 13},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        plot_bgcolor="#ffffff",
        hoverlabel={"font": {"family": FONT}, "align": "left"},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
    )
    # whole numbers on the axes (50000), never "50k"
    figure.update_xaxes(gridcolor="#e6e6e6", zerolinecolor="#bfbfbf", exponentformat="none")
    figure.update_yaxes(gridcolor="#e6e6e6", automargin=True, exponentformat="none")
    return figure


def hbar(
    labels: list[str],
    values: list[float],
    texts: list[str],
    quotes: list[str],
    title: str,
    axis_title: str,
    colors: list[str] | None = None,
) -> go.Figure:
    """Horizontal bars, one per label, each with its value text and its sentence on hover."""
    figure = go.Figure(
        go.Bar(
            y=labels,
            x=values,
            orientation="h",
            text=texts,
            textposition="auto",
            marker_color=colors or COLORS[0],
            customdata=[hover_text(quote) for quote in quotes],
            hovertemplate="<b>%{y}</b>: %{text}<br><br>%{customdata}<extra></extra>",
        )
    )
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(title_text=axis_title)
    return _style(figure, title, height=max(220, 70 + 48 * len(labels)))


def grouped_bars(
    series: list[dict], title: str, axis_title: str, stacked: bool = False
) -> go.Figure:
    """Vertical bars in groups; each series: name, x, y, text, quotes, color."""
    figure = go.Figure()
    for index, item in enumerate(series):
        figure.add_bar(
            name=item["name"],
            x=item["x"],
            y=item["y"],
            text=item["text"],
            textposition="auto",
            marker_color=item.get("color") or COLORS[index % len(COLORS)],
            showlegend=True,
            customdata=[hover_text(quote) for quote in item["quotes"]],
            hovertemplate="<b>%{x}</b> · "
            + item["name"]
            + ": %{text}<br><br>%{customdata}<extra></extra>",
        )
    figure.update_layout(barmode="stack" if stacked else "group")
    figure.update_xaxes(type="category")  # report months and names, never a time axis
    _with_room_for_legend(_style(figure, title, height=380))
    unit_on_top(figure, axis_title)
    return figure


def progress_bars(
    labels: list[str],
    progress: list[float],
    texts: list[str],
    hovers: list[str],
    title: str,
    axis_title: str,
) -> go.Figure:
    """Progress towards targets as bars against a 100% line."""
    figure = go.Figure(
        go.Bar(
            y=labels,
            x=[value * 100 for value in progress],
            orientation="h",
            text=texts,
            textposition="auto",
            marker_color=[COLORS[0] if value >= 1 else COLORS[2] for value in progress],
            customdata=[hover_text(text) for text in hovers],
            hovertemplate="<b>%{y}</b><br>%{text}<br><br>%{customdata}<extra></extra>",
        )
    )
    figure.add_vline(x=100, line_dash="dash", line_color="#c0504d")
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(title_text=axis_title, ticksuffix="%")
    return _style(figure, title, height=max(240, 70 + 44 * len(labels)))


def sankey_labels(nodes: list[str]) -> list[str]:
    """Node labels for Plotly: markup characters written as entities, line breaks as <br>."""
    return [html.escape(node, quote=False).replace("\n", "<br>") for node in nodes]


def sankey(
    nodes: list[str],
    links: list[tuple[int, int, float, str]],
    title: str,
    positions: list[tuple[float, float]] | None = None,
) -> go.Figure:
    """A flow diagram: links are (source index, target index, width, hover text); `positions`
    (x, y in 0-1) pin nodes where labels would otherwise collide. A label's lines ("\n") are
    drawn as lines, so that labels stay narrow enough for a phone."""
    node: dict = {"label": sankey_labels(nodes), "pad": 18, "thickness": 18, "color": COLORS[0]}
    if positions:
        node |= {"x": [x for x, _ in positions], "y": [y for _, y in positions]}
    figure = go.Figure(
        go.Sankey(
            arrangement="fixed" if positions else "snap",
            node=node,
            textfont={"color": "#1a1a1a", "size": 13, "family": FONT},
            link={
                "source": [link[0] for link in links],
                "target": [link[1] for link in links],
                "value": [link[2] for link in links],
                "customdata": [hover_text(link[3]) for link in links],
                "hovertemplate": "%{customdata}<extra></extra>",
                "color": "rgba(79, 129, 189, 0.35)",
            },
        )
    )
    return _style(figure, title, height=380)


def _text_positions(series: list[dict], item: dict) -> list[str]:
    """Where each value of a line is written: above its point when no other line is higher at
    that x, else below (two lines close together do not write over each other); the first and
    last values turned inward, so that the plot's edge does not cut them."""
    highest: dict[object, float] = {}
    for other in series:
        for x, y in zip(other["x"], other["y"], strict=True):
            highest[x] = max(highest.get(x, y), y)
    count = len(item["x"])
    positions = []
    for index, (x, y) in enumerate(zip(item["x"], item["y"], strict=True)):
        vertical = "top" if y >= highest[x] else "bottom"
        side = "right" if index == 0 and count > 1 else "left" if index == count - 1 else "center"
        positions.append(f"{vertical} {side}" if count > 1 else f"{vertical} center")
    return positions


def lines(series: list[dict], title: str, axis_title: str) -> go.Figure:
    """One line per series over report dates or years; each: name, x, y, text, quotes."""
    figure = go.Figure()
    for index, item in enumerate(series):
        figure.add_scatter(
            name=item["name"],
            x=item["x"],
            y=item["y"],
            text=item["text"],
            mode="lines+markers+text",
            textposition=_text_positions(series, item),
            cliponaxis=False,
            line={"color": COLORS[index % len(COLORS)], "width": 2.5},
            showlegend=True,
            customdata=[hover_text(quote) for quote in item["quotes"]],
            hovertemplate="<b>%{x}</b> · "
            + item["name"]
            + ": %{text}<br><br>%{customdata}<extra></extra>",
        )
    figure.update_xaxes(type="category")
    highest = max((y for item in series for y in item["y"]), default=0)
    if highest > 0:  # room above the highest point for its value, on two lines when marked
        figure.update_yaxes(range=[0, highest * 1.3])
    else:
        figure.update_yaxes(rangemode="tozero")
    _with_room_for_legend(_style(figure, title, height=340))
    unit_on_top(figure, axis_title)
    return figure
