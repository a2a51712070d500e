// Prints what importing one component costs a consumer's bundle, minified and
// gzipped, and fails when a figure exceeds its budget. Run after `npm run build`.
// The bundle is split as a consumer's bundler splits it (esbuild, `splitting: true`):
// each row's figure is the entry chunk, what the first paint loads; what the kit
// loads later through a dynamic import() is printed under it as its lazy chunks,
// with their own sizes, and is not counted in the first-paint figure.
// After the table it prints what the switch's bundles are made of, module by
// module, so the next cut is visible.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const entry = new URL('dist/index.js', root).pathname;
const dependencies = Object.keys(pkg.dependencies ?? {});
const peers = Object.keys(pkg.peerDependencies ?? {});
const asExternal = (names) => names.flatMap((name) => [name, `${name}/*`]);

/**
 * Budgets in bytes of gzip, of what the first paint loads (the entry chunk and what it imports statically;
 * lazy chunks are printed apart and have no budget). Stated in the README; raise one only on purpose.
 * RightsProvider carries the outbox, a small reader of it and the personalization slice, and loads the write
 * engine after the first paint (4.6 kB gzip, printed as the row's lazy chunk); other slices (tags) come with
 * the components that use them, and i18next with the first component that shows text. Each component brings
 * only its own strings.
 *
 * Each budget is the figure measured when it was last set plus about 0.1 kB. Set again in issue 16's size
 * round. Every row had grown by about 2 kB in the issue's first round (the engine in named parts, the slice
 * kit, the rights registry); the provider now loads the engine after the first paint, so each row is lowered
 * to its new figure, 2.4–2.7 kB below where it stood before this round.
 */
const budgets = {
  // Was 16.50 (16.43 at the issue's start, 18.30 before this round); measured 15.73: the engine loads later.
  'PersonalizationSwitch + RightsProvider, dependencies external': 15_800,
  // Was 39.10 (39.07, then 40.89); measured 38.51: the engine loads later.
  'PersonalizationSwitch + RightsProvider, dependencies bundled (React external)': 38_600,
  // Was 22.00 (24.33 before this round); measured 21.71: the engine loads later.
  'AlgorithmDisclosure + WhyRecommended + RightsProvider, dependencies external': 21_800,
  // Was 15.90 (17.76); measured 15.16: the engine loads later.
  'RecommendationModePicker + RightsProvider, dependencies external': 15_250,
  // Was 25.40 (27.40); measured 24.84: the engine loads later.
  // Then 24.99 once the entry files became one line per right: the same modules in another order, which gzip
  // packs 0.1–0.3 kB worse.
  'UserTagManager + RightsProvider, dependencies external': 25_100,
  // Was 18.91 (20.89); measured 18.26: the engine loads later.
  // Then 18.38: the same module order shift.
  'NotInterestedButton + RightsProvider, dependencies external': 18_500,
  // Raised from 73.90 (76.75 before this round); measured 74.38: the engine loads later, but the tag manager
  // on the slice kit and the engine's named parts had added more than the engine weighs at first paint.
  // Then 74.84: the same module order shift.
  'UserTagManager + RightsProvider, dependencies bundled (React external)': 74_950,
  // Was 13.10 (13.03, then 15.12); measured 12.75: the engine loads later. The issue's target is 10 kB; the rest
  // is personalization's slice with its writer (10.1 kB minified), the store and slice kit (4.5 kB) and valibot.
  'useRecommendationMode + RightsProvider, dependencies bundled (React external)': 12_850,
  // Was 24.60 (26.28); measured 23.59: the engine loads later.
  // Then 23.78: a refusal stays in effect in the tab that made it until its receipts show it (a fix the model
  // test found).
  'AgreementConsent + RightsProvider, dependencies external': 23_900,
  // Was 27.10 (29.07); measured 26.38: the engine loads later.
  // Then 26.56: the same fix.
  'AgreementConsent + SeparateConsent + ConsentSettings + RightsProvider, dependencies external': 26_700,
  // Was 27.40 (29.31); measured 26.71: the engine loads later.
  'ReportButton + RightsProvider, dependencies external': 26_800,
  // Was 28.10 (29.80); measured 27.09: the engine loads later.
  'ComplaintCenter + RightsProvider, dependencies external': 27_150,
  // Was 26.40 (28.26); measured 25.72: the engine loads later.
  // Then 25.79: minor mode's five fixes the model test found (another tab's waiting enter, an enter during the
  // first read, a failed re-read, a rolled-back exit, correlation ids).
  'MinorModeGate + RightsProvider, dependencies external': 25_900,
  // Was 28.10 (29.95); measured 27.41: the engine loads later.
  // Then 27.58: the same fixes.
  'MinorModeSettings + RightsProvider, dependencies external': 27_700,
};

const cases = [
  {
    name: 'PersonalizationSwitch + RightsProvider, dependencies external',
    contents: `export { RightsProvider, PersonalizationSwitch } from ${JSON.stringify(entry)};`,
    external: asExternal([...dependencies, ...peers]),
    // Each component brings only its own strings, and the provider no slice a page does not use.
    mustNotContain: ['用户标签', '使用者標籤', 'User tags', 'algorights:tags'],
    breakdown: true,
  },
  {
    name: 'PersonalizationSwitch + RightsProvider, dependencies bundled (React external)',
    contents: `export { RightsProvider, PersonalizationSwitch } from ${JSON.stringify(entry)};`,
    external: asExternal(peers),
    breakdown: true,
  },
  ...[
    ['AlgorithmDisclosure + WhyRecommended + RightsProvider', 'AlgorithmDisclosure, WhyRecommended'],
    ['RecommendationModePicker + RightsProvider', 'RecommendationModePicker'],
    ['UserTagManager + RightsProvider', 'UserTagManager'],
    ['NotInterestedButton + RightsProvider', 'NotInterestedButton'],
  ].map(([name, names]) => ({
    name: `${name}, dependencies external`,
    contents: `export { RightsProvider, ${names} } from ${JSON.stringify(entry)};`,
    external: asExternal([...dependencies, ...peers]),
  })),
  // The complaint entry brings its own slice and strings, and no other component's.
  ...['ReportButton', 'ComplaintCenter'].map((name) => ({
    name: `${name} + RightsProvider, dependencies external`,
    contents: `export { RightsProvider, ${name} } from ${JSON.stringify(entry)};`,
    external: asExternal([...dependencies, ...peers]),
    mustNotContain: ['用户标签', 'algorights:tags'],
  })),
  {
    name: 'UserTagManager + RightsProvider, dependencies bundled (React external)',
    contents: `export { RightsProvider, UserTagManager } from ${JSON.stringify(entry)};`,
    external: asExternal(peers),
  },
  {
    // A feed that only reads the user's choice: no component, so no i18next and no tags slice.
    name: 'useRecommendationMode + RightsProvider, dependencies bundled (React external)',
    contents: `export { RightsProvider, useRecommendationMode } from ${JSON.stringify(entry)};`,
    external: asExternal(peers),
    mustNotContain: ['i18next', 'algorights:tags', '用户标签'],
    breakdown: true,
  },
  {
    name: 'AgreementConsent + RightsProvider, dependencies external',
    contents: `export { RightsProvider, AgreementConsent } from ${JSON.stringify(entry)};`,
    external: asExternal([...dependencies, ...peers]),
    // Neither another component's strings nor its slice.
    mustNotContain: ['工作日', '用户标签', 'algorights:complaints', 'algorights:tags'],
  },
  {
    name: 'AgreementConsent + SeparateConsent + ConsentSettings + RightsProvider, dependencies external',
    contents: `export { RightsProvider, AgreementConsent, SeparateConsent, ConsentSettings } from ${JSON.stringify(entry)};`,
    external: asExternal([...dependencies, ...peers]),
  },
  // Minor mode brings its own slice and strings, and no other component's.
  ...['MinorModeGate', 'MinorModeSettings'].map((name) => ({
    name: `${name} + RightsProvider, dependencies external`,
    contents: `export { RightsProvider, ${name} } from ${JSON.stringify(entry)};`,
    external: asExternal([...dependencies, ...peers]),
    mustNotContain: ['工作日', '用户标签', 'algorights:tags', 'algorights:complaints'],
  })),
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

/**
 * Where a bundled module's bytes are counted: a package under node_modules by its name (the innermost
 * node_modules, so radix-ui's own @radix-ui/react-switch is counted apart), a file of the kit by its folder
 * under dist/ (dist/rights/personalization/core, dist/locales/zh-CN, …).
 */
function moduleGroup(path) {
  const packagePath = path.split('node_modules/').at(-1);
  if (packagePath !== path) {
    const [scope, name] = packagePath.split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const slash = path.lastIndexOf('/');
  return slash === -1 ? path : path.slice(0, slash);
}

/** Minified bytes each group of input modules contributes to the given outputs together, largest first. */
function breakdownOf(outputs) {
  const groups = new Map();
  for (const output of outputs) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      groups.set(moduleGroup(path), (groups.get(moduleGroup(path)) ?? 0) + bytesInOutput);
    }
  }
  const sorted = [...groups].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
  const counted = sorted.reduce((sum, [, bytes]) => sum + bytes, 0);
  return { total: outputs.reduce((sum, output) => sum + output.bytes, 0), sorted, counted };
}

const kilobytes = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const breakdowns = [];
let failed = false;
console.log('bundle size of a consumer importing…');
// esbuild writes split chunks to disk only; they go to a scratch folder and are read back from the result.
const outdir = mkdtempSync(join(tmpdir(), 'algorights-size-'));
for (const { name, contents, external, mustNotContain = [], breakdown = false } of cases) {
  const result = await build({
    stdin: { contents, resolveDir: new URL('.', root).pathname, loader: 'js', sourcefile: 'consumer.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    // As a consumer's bundler does: what the kit imports dynamically becomes a chunk of its own, loaded later.
    splitting: true,
    outdir,
    write: false,
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
    // Keep Chinese as written, so that `mustNotContain` can find it.
    charset: 'utf8',
    logLevel: 'error',
    metafile: true,
  });
  const outputs = Object.entries(result.metafile.outputs);
  const [entryPath] = outputs.find(([, output]) => output.entryPoint !== undefined);
  // The entry chunk and the chunks it imports statically load with the first paint; the rest loads later.
  const firstPaint = new Set([entryPath]);
  for (const path of firstPaint) {
    for (const imported of result.metafile.outputs[path].imports) {
      if (imported.kind === 'import-statement' && !imported.external) {
        firstPaint.add(imported.path);
      }
    }
  }
  const fileOf = (path) => result.outputFiles.find((file) => file.path.endsWith(path.split('/').at(-1)));
  const sizeOf = (paths) => {
    const files = paths.map(fileOf);
    const code = Buffer.concat(files.map((file) => file.contents));
    return { code, text: new TextDecoder().decode(code), gzip: files.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).length, 0) };
  };
  if (breakdown) {
    breakdowns.push({ name, ...breakdownOf([...firstPaint].map((path) => result.metafile.outputs[path])) });
  }
  const first = sizeOf([...firstPaint]);
  const lazy = outputs.map(([path]) => path).filter((path) => !firstPaint.has(path));
  for (const unwanted of mustNotContain) {
    if (first.text.includes(unwanted)) {
      failed = true;
      console.error(`  ${name}: contains "${unwanted}", which belongs to another component.`);
    }
  }
  const { gzip } = first;
  const budget = budgets[name];
  const verdict = budget === undefined ? '' : gzip <= budget ? `  (budget ${kilobytes(budget)}: ok)` : `  (budget ${kilobytes(budget)}: OVER)`;
  if (budget !== undefined && gzip > budget) {
    failed = true;
  }
  console.log(`  ${name}: ${kilobytes(first.code.length)} min, ${kilobytes(gzip)} gzip at first paint${verdict}`);
  for (const path of lazy) {
    const chunk = sizeOf([path]);
    const [input] = Object.keys(result.metafile.outputs[path].inputs).sort((a, b) => result.metafile.outputs[path].inputs[b].bytesInOutput - result.metafile.outputs[path].inputs[a].bytesInOutput);
    // A chunk with no input of its own only re-exports what the first paint loaded already (the whole kit imports the engine itself).
    const what = input ? `mostly ${moduleGroup(input)}` : 'a re-export of what the first paint has';
    console.log(`      + loaded later (dynamic import, ${what}): ${kilobytes(chunk.code.length)} min, ${kilobytes(chunk.gzip)} gzip`);
  }
}
rmSync(outdir, { recursive: true, force: true });
const shown = 20;
for (const { name, total, sorted, counted } of breakdowns) {
  const which = sorted.length > shown ? `the ${shown} largest of ${sorted.length} groups` : `all ${sorted.length} groups`;
  console.log(`\nwhat ${name} is made of at first paint (minified bytes of the chunks it loads, before gzip; ${which}):`);
  const width = Math.max(...sorted.slice(0, shown).map(([group]) => group.length));
  for (const [group, bytes] of sorted.slice(0, shown)) {
    console.log(`  ${group.padEnd(width)}  ${kilobytes(bytes).padStart(9)}  ${((bytes / total) * 100).toFixed(1).padStart(4)} %`);
  }
  const rest = sorted.slice(shown).reduce((sum, [, bytes]) => sum + bytes, 0);
  if (rest > 0) {
    console.log(`  ${`${sorted.length - shown} more`.padEnd(width)}  ${kilobytes(rest).padStart(9)}  ${((rest / total) * 100).toFixed(1).padStart(4)} %`);
  }
  // What no input accounts for: the bundler's own glue (module wrappers, the export list).
  console.log(`  ${'(bundler glue)'.padEnd(width)}  ${kilobytes(total - counted).padStart(9)}  ${(((total - counted) / total) * 100).toFixed(1).padStart(4)} %`);
}
if (failed) {
  console.error('A size budget was exceeded. Find what grew (npm run size), or raise the budget on purpose and say why.');
  process.exit(1);
}
