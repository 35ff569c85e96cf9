"""quizapp: the Flask web app built on question_bank.

The app itself is the next piece of work (issue #3); this package holds its place so
the layout already shows the one-way dependency quizapp -> question_bank.
"""
