"""Which topic each table belongs to: the one place a new table is given its topic.

``tests/data/test_database_changes.py`` fails when a mapped table has no topic here, so a
change to a new table cannot silently leave the screens showing it stale.
"""

from __future__ import annotations

from collections.abc import Iterable

from kinerja_desktop.domain.changes import Topic

TABLE_TOPICS: dict[str, Topic] = {
    # the staff register
    "units": Topic.STAFF,
    "employees": Topic.STAFF,
    "employment_events": Topic.STAFF,
    "acting_assignments": Topic.STAFF,
    "external_officials": Topic.STAFF,
    "appraisal_years": Topic.STAFF,
    # SKP
    "skps": Topic.SKP,
    "rhks": Topic.SKP,
    "ikis": Topic.SKP,
    "skp_lampiran": Topic.SKP,
    "skp_expectations": Topic.SKP,
    "skp_versions": Topic.SKP,
    "rencana_aksi": Topic.SKP,
    "period_targets": Topic.SKP,
    "target_scales": Topic.SKP,
    # evaluation: results, behaviour, predikat, dialogue, seals
    "realisations": Topic.EVALUATION,
    "evidence": Topic.EVALUATION,
    # a server's evidence file content, written with the record that names it (any topic)
    "evidence_contents": Topic.EVALUATION,
    "rhk_feedback": Topic.EVALUATION,
    "result_ratings": Topic.EVALUATION,
    "behaviour_feedback": Topic.EVALUATION,
    "behaviour_ratings": Topic.EVALUATION,
    "predikat_decisions": Topic.EVALUATION,
    "org_predikats": Topic.EVALUATION,
    "dialogues": Topic.EVALUATION,
    "evaluation_notes": Topic.EVALUATION,
    "evaluation_seals": Topic.EVALUATION,
    # the seal chain is written with what it records; sealing is its main writer
    "audit_log": Topic.EVALUATION,
    # the behaviour journal
    "observations": Topic.JOURNAL,
    # competence and development
    "job_standards": Topic.DEVELOPMENT,
    "technical_competences": Topic.DEVELOPMENT,
    "competence_ratings": Topic.DEVELOPMENT,
    "development_items": Topic.DEVELOPMENT,
    "dismissed_proposals": Topic.DEVELOPMENT,
    # supervision
    "public_feedback": Topic.SUPERVISION,
    "surveys": Topic.SUPERVISION,
    "survey_responses": Topic.SUPERVISION,
    "survey_action_plans": Topic.SUPERVISION,
    "audit_findings": Topic.SUPERVISION,
    "audit_follow_ups": Topic.SUPERVISION,
    "audit_links": Topic.SUPERVISION,
    # the daily progress log and the working-day calendar it is counted against
    "progress_entries": Topic.PROGRESS,
    "office_days_off": Topic.PROGRESS,
    "leave_days": Topic.PROGRESS,
    # office settings
    "accounts": Topic.SETTINGS,
    # the hand-over ledgers: numbered packages sent, packages received
    "handover_sent_scopes": Topic.SETTINGS,
    "handover_sent_records": Topic.SETTINGS,
    "handover_received": Topic.SETTINGS,
    # printing
    "printed_documents": Topic.PRINTING,
    "signatories": Topic.PRINTING,
}


def topics_of(tables: Iterable[str]) -> frozenset[Topic]:
    """The topics of the written ``tables``; a table without a topic is left out."""
    return frozenset(TABLE_TOPICS[table] for table in tables if table in TABLE_TOPICS)
