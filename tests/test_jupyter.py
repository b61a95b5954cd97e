"""Reports render themselves in Jupyter and flatten to a pandas DataFrame."""

from __future__ import annotations

import builtins

import pytest
from test_formats_data import SCRIPT, empty_report, synthetic_report

import dockerbench


def test_report_repr_html_lists_every_control_and_escapes():
    report = synthetic_report()
    html = report._repr_html_()
    for r in report.results:
        assert f">{r.id}<" in html
    assert SCRIPT not in html and "&lt;script&gt;" in html
    assert f"{report.score.percent:.1f}%" in html


def test_control_result_repr_html_shows_its_findings_escaped():
    result = synthetic_report().result("5.4")
    html = result._repr_html_()
    assert result.id in html and result.title in html
    assert SCRIPT not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert html.count("<tr>") == len(result.findings) + 1  # header + one row per finding


def test_empty_report_repr_html():
    assert "no controls" in empty_report()._repr_html_()


def test_to_pandas_has_one_row_per_finding():
    pd = pytest.importorskip("pandas")
    report = synthetic_report()
    frame = report.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == sum(max(1, len(r.findings)) for r in report.results)
    with_findings = frame[frame["finding_status"].notna()]
    assert len(with_findings) == len(report.findings)
    assert set(frame.loc[frame["control_id"] == "5.4", "resource_name"]) >= {SCRIPT, "web"}
    quiet = frame[frame["control_id"] == "1.2"].iloc[0]
    assert quiet["resource_kind"] is None and quiet["resource_id"] is None and quiet["status"] == "pass"
    assert frame["level"].dtype == "int64" and frame["scored"].dtype == bool


def test_to_pandas_of_an_empty_report_has_the_columns():
    pytest.importorskip("pandas")
    frame = empty_report().to_pandas()
    assert len(frame) == 0 and "control_id" in frame.columns


def test_to_pandas_without_pandas_says_how_to_install_it(monkeypatch):
    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(dockerbench.UsageError, match=r"pip install 'dockerbench\[pandas\]'"):
        synthetic_report().to_pandas()
