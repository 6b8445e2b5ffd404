"""The Pemda hub's views: the Rekap Pemda dialog (``recap_dialog``), opened from Sebaran."""
