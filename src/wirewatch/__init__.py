"""wirewatch: turn dated news reports into evidence-backed events, movements and claims.

The public API is small on purpose: build `Document`s, call `analyze`, read the `Analysis`.
"""

from wirewatch.model import Analysis, Document

__version__ = "0.1.0"

__all__ = ["Analysis", "Document", "__version__"]
