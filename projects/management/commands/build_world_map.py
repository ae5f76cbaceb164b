import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_countries import countries

from projects.worldmap_build import build_map

DEFAULT_SOURCE = "/tmp/world-atlas-src/countries-50m.json"
DEFAULT_OUTPUT = Path(__file__).resolve().parents[2] / "data" / "world_map.json"
# world-atlas has no numeric id for these; ISO 3166 has no code either, so they are mapped by name.
CODES_BY_NAME = {"Kosovo": "XK"}


def alpha2(geometry):
    numeric = geometry.get("id")
    if numeric and str(numeric).lstrip("-").isdigit() and int(numeric) > 0:
        return countries.alpha2(int(numeric)) or None
    return CODES_BY_NAME.get(geometry.get("properties", {}).get("name"))


class Command(BaseCommand):
    help = (
        "Build projects/data/world_map.json (SVG country outlines for the project map) from a world-atlas TopoJSON "
        "file. Get it with `npm pack world-atlas@2.0.2` and unpack the tarball; the npm file is not committed, "
        "the generated JSON is. Natural Earth data is public domain, world-atlas is ISC."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source",
            nargs="?",
            default=DEFAULT_SOURCE,
            help=f"world-atlas countries-*.json (default: {DEFAULT_SOURCE})",
        )
        parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="where to write the map JSON")
        parser.add_argument(
            "--tolerance",
            type=float,
            default=0.6,
            help="Douglas-Peucker tolerance in viewBox units (the map is 1000 wide)",
        )
        parser.add_argument(
            "--min-area", type=float, default=1.0, help="drop islands smaller than this many square viewBox units"
        )

    def handle(self, source, output, tolerance, min_area, **options):
        try:
            topology = json.loads(Path(source).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read TopoJSON from {source}: {error}") from error
        if "countries" not in topology.get("objects", {}):
            raise CommandError(f"{source} has no 'countries' object; is it a world-atlas countries-*.json file?")
        data = build_map(topology, alpha2, tolerance=tolerance, min_area=min_area)
        output = Path(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        # Compact separators: the file is read by code, and every byte ships with the repository.
        output.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        self.stdout.write(f"Wrote {len(data['countries'])} countries to {output} ({output.stat().st_size:,} bytes)")
