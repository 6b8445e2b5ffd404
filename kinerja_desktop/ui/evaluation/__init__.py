"""Parts of the Evaluasi page: the table model, the evidence dialog, the decision panel."""
