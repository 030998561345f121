// Projects Natural Earth's country polygons (npm world-atlas 2.0.2, public domain; topojson-client and
// d3-geo, ISC) once into the SVG paths of ctkg's TIP tier map, in the Equal Earth projection (equal-area,
// so no country looks larger than it is), fitted to WIDTH; Antarctica (no government to assess) is left out:
//   npm ci && npm run paths        (writes ../src/main/resources/ctkg/views/world-paths.tsv)
// One line per country, tab-separated: key, Natural Earth's name, shape, data.
//   key    the ISO 3166-1 numeric code (world-atlas's id), or for a country without one, the path of its
//          ctkg IRI (Kosovo: id/country/kosovo); empty for a territory ctkg has no country for
//          (N. Cyprus, Somaliland), drawn in the no-data colour without a link
//   shape  "path": data is the path's d attribute, from the 1:110m countries;
//          "dot": data is "x y", the centroid of the 1:50m polygon, for the small countries the 1:110m
//          file leaves out (Malta, Singapore, Bahrain, island states): drawn as a dot
// The first line is "#size WIDTH HEIGHT". Coordinates are rounded to tenths of a pixel.
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import { geoEqualEarth, geoPath } from 'd3-geo';

const WIDTH = 960;
const NO_ISO_CODE = { Kosovo: 'id/country/kosovo' };
const atlas = name => JSON.parse(readFileSync(new URL(`node_modules/world-atlas/${name}`, import.meta.url)));
const countries = topology => feature(topology, topology.objects.countries).features;

const ANTARCTICA = '010';
const small = countries(atlas('countries-110m.json')).filter(f => f.id !== ANTARCTICA);
const medium = countries(atlas('countries-50m.json')).filter(f => f.id !== ANTARCTICA);
const projection = geoEqualEarth().fitWidth(WIDTH, { type: 'FeatureCollection', features: small });
const path = geoPath(projection).digits(1);
const HEIGHT = Math.ceil(path.bounds({ type: 'FeatureCollection', features: small })[1][1]);
const key = f => f.id ?? NO_ISO_CODE[f.properties.name] ?? '';

const lines = [`#size\t${WIDTH}\t${HEIGHT}`];
const drawn = new Set();
for (const f of small) {
  lines.push([key(f), f.properties.name, 'path', path(f)].join('\t'));
  drawn.add(key(f));
}
for (const f of medium) {
  if (key(f) === '' || drawn.has(key(f)))
    continue;
  const [x, y] = path.centroid(f).map(v => v.toFixed(1));
  lines.push([key(f), f.properties.name, 'dot', `${x} ${y}`].join('\t'));
}
process.stdout.write(lines.join('\n') + '\n');
