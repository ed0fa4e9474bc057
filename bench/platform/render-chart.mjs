// Renders a Vega-Lite specification (JSON file) to SVG: `node render-chart.mjs <spec.json> <out.svg>`.
// An ES module on purpose: Vega and Vega-Lite ship as ES modules with top-level await, which the benchmark's
// CommonJS (SWC) code cannot require.
import { readFileSync, writeFileSync } from 'node:fs';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

const [specFile, svgFile] = process.argv.slice(2);
const { spec } = vegaLite.compile(JSON.parse(readFileSync(specFile, 'utf8')));
const view = new vega.View(vega.parse(spec), { renderer: 'none' });
writeFileSync(svgFile, await view.toSVG());
await view.finalize();
