"""The SKP page and its editor, its dialogs, the Lampiran, the tools and the cascade view.

The editor: columns, rows, the Qt model, the tree and commands; the tools save time (last
year's SKP, a colleague's, XLSX); the cascade view is the unit's pohon kinerja.
"""
