"""From newspaper pages about the Zhundong zone to traced figures and curated tables.

Stages, one module each: `load` (decode), `clean` (undo PDF layout damage), `segment` (articles),
`figures` (every quantity with its sentence), `curate` (catalog-selected tables), `build` (atomic
write), `check` (validation of built tables).
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
SEEDS_DIR = PROJECT_DIR / "seeds"
CURATED_DIR = PROJECT_DIR / "data" / "curated"
