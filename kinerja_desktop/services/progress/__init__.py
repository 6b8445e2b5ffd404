"""Progres Harian: the daily progress log, its review, completeness and the working-day calendar.

``service.ProgressService`` writes, reviews and reads entries; ``calendar.CalendarService``
keeps the office's days off and people's leave; ``holidays_id`` reads the national holidays.
"""
