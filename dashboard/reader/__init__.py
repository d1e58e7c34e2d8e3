"""Reading documents: propose a document's figures, and a plan's goals, from their own text (records layer)."""
