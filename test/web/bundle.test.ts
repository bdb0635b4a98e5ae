/**
 * The dashboard's JS shipped to the browser, gzipped, stays within 500 kB (ECharts is loaded by module,
 * not whole). Reads the build in dist/web/ that `npm test` makes first (pretest: npm run build).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const assets = join(import.meta.dirname, '..', '..', 'dist', 'web', 'assets');

describe('dashboard bundle', () => {
  it('ships at most 500 kB of gzipped JavaScript, index.html loads it', () => {
    const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    const gzipped = js.reduce(
      (sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length,
      0,
    );
    // the figure docs/metrics.md quotes; printed so that a change shows in the test log
    console.log(`dashboard JS: ${js.length} file(s), ${(gzipped / 1000).toFixed(1)} kB gzipped`);
    expect(gzipped).toBeLessThanOrEqual(500_000);
    // ECharts by module: the Sankey is in, charts the dashboard does not draw (graph, pictorial bar, radar) are not
    const text = js.map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
    const html = readFileSync(join(assets, '..', 'index.html'), 'utf8');
    for (const f of js) expect(html).toContain(`assets/${f}`);
    expect(text).toContain('sankey');
    for (const unused of ['forceLayout', 'symbolBoundingData', 'radarIndex'])
      expect(text).not.toContain(unused);
  });
});
