"""The SKP page and its editor: columns, rows, the Qt model, the tree, commands and the page."""
