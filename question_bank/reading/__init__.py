"""Reading an article in stages, one job each: document, people, titles, coreference,
modality and time. :class:`question_bank.analysis.Analysis` runs them in order."""
