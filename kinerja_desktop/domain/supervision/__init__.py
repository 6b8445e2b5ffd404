"""Supervision and the public's voice (reference §8).

The satisfaction survey (SKM/IKM), complaints and compliments, and internal audit findings with
their follow-up. Modules: :mod:`.ikm` (the index), :mod:`.answers` (typed and imported
answers), :mod:`.survey_period`, :mod:`.complaints`, :mod:`.findings`, :mod:`.deadlines`.
"""
