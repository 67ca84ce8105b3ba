"""The knowledge base: every lexicon, table and ontology as validated data from `kb/data/`.

Code reads these files; it does not contain them. Each row names its source. `load_kb()`
validates a data folder into a typed `KnowledgeBase`; `default_kb()` is the package's own,
loaded once per process.
"""

from wirewatch.kb.loader import KnowledgeBase, KnowledgeBaseError, default_kb, load_kb

__all__ = ["KnowledgeBase", "KnowledgeBaseError", "default_kb", "load_kb"]
