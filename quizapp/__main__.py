"""``python -m quizapp``: the ``quizapp`` command."""

from quizapp.cli import main

main()
