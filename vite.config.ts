import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const externalPackages = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];

// Every dependency and peer stays external, subpaths included: inlining them would
// drop their `sideEffects: false` and leave unused components in consumers' bundles.
function isExternal(id: string): boolean {
  return externalPackages.some((name) => id === name || id.startsWith(`${name}/`));
}

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    lib: {
      entry: { index: 'src/index.ts', testing: 'src/testing.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      external: isExternal,
      output: {
        // One file per module, so that `sideEffects` lets a consumer's bundler drop whole
        // modules a page does not use, module-level schema definitions included.
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        // Next.js App Router needs the directive on component modules; the testing helpers run in Node.
        banner: (chunk) => (/^testing(\/|$)/.test(chunk.name) ? '' : "'use client';"),
      },
    },
  },
});
