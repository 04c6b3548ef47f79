import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const gcdsFonts = path.join(here, 'node_modules/@cdssnc/gcds-fonts/fonts');

/**
 * GCDS's stylesheet loads its icon font from a CDN; the platform must work without the
 * internet, so point those URLs at the same font files from the @cdssnc/gcds-fonts package.
 */
function selfHostedGcdsIcons(): Plugin {
  const cdn = /https:\/\/cdn\.design-system\.alpha\.canada\.ca\/@cdssnc\/gcds-fonts@[\d.]+\//g;
  return {
    name: 'tp-self-hosted-gcds-icons',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('gcds') || !id.endsWith('.css') || !cdn.test(code)) return null;
      cdn.lastIndex = 0;
      return { code: code.replace(cdn, 'gcds-fonts/'), map: null };
    },
  };
}

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text asset of the build, compressed
 * once at the highest level, so the server sends them as they are (its static files are
 * `preCompressed`) instead of compressing on each request. Node's own zlib does it.
 */
function precompressedAssets(): Plugin {
  const compressible = /\.(js|css|html|svg|json|txt|ttf|map)$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
  return {
    name: 'tp-precompressed-assets',
    apply: 'build',
    closeBundle() {
      for (const file of walk(path.join(here, 'dist'))) {
        if (!compressible.test(file)) continue;
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [selfHostedGcdsIcons(), react(), precompressedAssets()],
  resolve: {
    alias: [{ find: /^gcds-fonts\//, replacement: `${gcdsFonts}/` }],
  },
  server: {
    proxy: {
      '/trpc': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // Each GCDS component module only defines its element when its React wrapper renders
      // (the wrappers are marked pure), so a page carries only the components it uses.
      treeshake: { moduleSideEffects: (id: string) => !/@cdssnc\/gcds-components\/dist\/components\//.test(id) },
    },
  },
});
