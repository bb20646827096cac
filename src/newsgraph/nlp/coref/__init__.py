"""Coreference for the people and bodies an article names: pronouns, descriptions, titles."""
