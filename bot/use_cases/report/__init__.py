"""The management report: the procedure's own promises, counted for any period.

`service.Reports` decides who reads it and has storage count the figures
(`figures.Report`, every key defined in docs/report.md); `export` writes them as
JSON and CSV, `pdf` as the annual report for the management review (with
`charts`), and `monthly` queues last month's card for the directie. The PDF and
the charts import their libraries only when a report is drawn.
"""
