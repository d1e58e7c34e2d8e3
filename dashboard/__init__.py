"""Plan tracker: the Karamay District 11th five-year plan (2006–2010) held to account."""

__version__ = "0.1.0"
