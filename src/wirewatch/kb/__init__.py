"""The knowledge base: every lexicon, table and ontology as validated data from `kb/data/`.

Code reads these files; it does not contain them. Each row names its source.
"""

from wirewatch.kb.loader import KnowledgeBase, KnowledgeBaseError, load_kb

__all__ = ["KnowledgeBase", "KnowledgeBaseError", "load_kb"]
