"""Plan tracker: a government plan's quantified goals held to account against what later documents report."""

__version__ = "0.1.0"
