// Prints what importing one component costs a consumer's bundle, minified and
// gzipped, and fails when a figure exceeds its budget. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const entry = new URL('dist/index.js', root).pathname;
const dependencies = Object.keys(pkg.dependencies ?? {});
const peers = Object.keys(pkg.peerDependencies ?? {});
const asExternal = (names) => names.flatMap((name) => [name, `${name}/*`]);

/** Budgets in bytes of gzip. Stated in the README; raise one only on purpose. */
const budgets = {
  'PersonalizationSwitch + RightsProvider, dependencies external': 7_000,
  'PersonalizationSwitch + RightsProvider, dependencies bundled (React external)': 32_000,
};

const cases = [
  {
    name: 'PersonalizationSwitch + RightsProvider, dependencies external',
    contents: `export { RightsProvider, PersonalizationSwitch } from ${JSON.stringify(entry)};`,
    external: asExternal([...dependencies, ...peers]),
  },
  {
    name: 'PersonalizationSwitch + RightsProvider, dependencies bundled (React external)',
    contents: `export { RightsProvider, PersonalizationSwitch } from ${JSON.stringify(entry)};`,
    external: asExternal(peers),
  },
  {
    name: 'useRecommendationMode alone, dependencies external',
    contents: `export { useRecommendationMode } from ${JSON.stringify(entry)};`,
    external: asExternal([...dependencies, ...peers]),
  },
  {
    name: 'the whole kit, dependencies external',
    contents: `export * from ${JSON.stringify(entry)};`,
    external: asExternal([...dependencies, ...peers]),
  },
];

const kilobytes = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
let failed = false;
console.log('bundle size of a consumer importing…');
for (const { name, contents, external } of cases) {
  const result = await build({
    stdin: { contents, resolveDir: new URL('.', root).pathname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  const budget = budgets[name];
  const verdict = budget === undefined ? '' : gzip <= budget ? `  (budget ${kilobytes(budget)}: ok)` : `  (budget ${kilobytes(budget)}: OVER)`;
  if (budget !== undefined && gzip > budget) {
    failed = true;
  }
  console.log(`  ${name}: ${kilobytes(code.length)} min, ${kilobytes(gzip)} gzip${verdict}`);
}
if (failed) {
  console.error('A size budget was exceeded. Find what grew (npm run size), or raise the budget on purpose and say why.');
  process.exit(1);
}
