"""The customer's data over time: retention, erasure, export, the legal hold."""
