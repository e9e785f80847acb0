"""Reports built from the store: the JSON export now; Markdown, HTML, CSV and ClaimReview later."""
