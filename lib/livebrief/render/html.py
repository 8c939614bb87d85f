"""Export an executed notebook to self-contained HTML with the house template.

Everything a reader should not see is removed through nbconvert's own configuration: code and
prompts (``exclude_input``, ``exclude_*_prompt``) and whole cells by tag
(``TagRemovePreprocessor``: the parameters, papermill's injected parameters, notes for
analysts). The template ``livebrief`` (``notebooks/templates/livebrief``) extends ``lab``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from livebrief.render.execute import avoid_slow_imports

TEMPLATE = "livebrief"
#: Cells with these tags are dropped from the HTML and PDF (they stay in the executed notebook).
HIDDEN_TAGS = frozenset({"parameters", "injected-parameters", "remove-in-report"})


def exporter_config(template_dir: Path) -> Any:
    """Return the nbconvert configuration of a briefing's HTML (a ``traitlets`` Config)."""
    from traitlets.config import Config

    config = Config()
    config.HTMLExporter.template_name = TEMPLATE
    config.HTMLExporter.extra_template_basedirs = [str(template_dir)]
    config.HTMLExporter.exclude_input = True
    config.HTMLExporter.exclude_input_prompt = True
    config.HTMLExporter.exclude_output_prompt = True
    config.HTMLExporter.embed_images = True
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = set(HIDDEN_TAGS)
    return config


def make_exporter(template_dir: Path) -> Any:
    """Return an ``HTMLExporter`` configured for briefings (see :func:`exporter_config`)."""
    avoid_slow_imports()
    from nbconvert import HTMLExporter

    return HTMLExporter(config=exporter_config(template_dir))  # type: ignore[no-untyped-call]


def warm_exporter(template_dir: Path) -> Any:
    """Return an exporter that has converted a small notebook once.

    The first conversion compiles the templates and imports the filters (about 0.8 s); done
    while the kernel runs, the real export then takes a fraction of that.
    """
    import nbformat

    v4: Any = nbformat.v4
    cell = v4.new_code_cell("x")
    cell.outputs = [
        v4.new_output("display_data", data={"text/html": "<p>x</p>", "text/plain": "x"}),
        v4.new_output(
            "display_data",
            data={"image/png": "iVBORw0KGgo=", "text/plain": "x"},
            metadata={"image/png": {"alt": "x", "width": 1}},
        ),
    ]
    nb = v4.new_notebook(cells=[v4.new_markdown_cell("# x\n\n*x*"), cell])
    exporter = make_exporter(template_dir)
    exporter.from_notebook_node(nb, resources={"metadata": {"name": "warm"}})
    return exporter


def export_html(nb: Any, template_dir: Path, name: str = "briefing", exporter: Any = None) -> str:
    """Export an executed notebook to HTML.

    Parameters
    ----------
    nb
        The executed notebook (``nbformat.NotebookNode``); ``nb.metadata.title`` becomes the
        page's ``<title>``.
    template_dir
        The folder holding the ``livebrief`` template (``notebooks/templates``).
    name
        The notebook's name, shown in the footer.
    exporter
        An exporter from :func:`make_exporter` or :func:`warm_exporter` to reuse.
    """
    exporter = exporter or make_exporter(template_dir)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": name}})
    return str(body)
