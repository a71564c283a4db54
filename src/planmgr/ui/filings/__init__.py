"""The filings area of the GUI."""
