"""Language data (word lists, patterns) for every stage, one module tree per language."""
