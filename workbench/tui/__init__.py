"""The review UI (Textual): `workbench review` opens `ReviewApp` on a database.

app.py holds the global keys and the store thread; screens/ has one screen a file (the review
screen, note, search, export, article, help); widgets/ one widget a file; workbench.tcss the styles.
"""
