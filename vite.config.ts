import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { cachedUiFonts } from './scripts/fonts/uiFonts.mjs';

/** The UI's own fonts (issue 15): the subsets and their stylesheet emitted under fonts/, linked first. */
function uiFonts(): Plugin {
  return {
    name: 'dossier-ui-fonts',
    apply: 'build',
    async generateBundle() {
      for (const [fileName, source] of Object.entries(await cachedUiFonts(process.cwd()))) {
        this.emitFile({ type: 'asset', fileName, source });
      }
    },
    transformIndexHtml: () => [
      // The regular subset is wanted by the first paint: fetched at once rather than after the CSS is parsed.
      {
        tag: 'link',
        attrs: { rel: 'preload', href: './fonts/ui-regular.woff2', as: 'font', type: 'font/woff2', crossorigin: '' },
        injectTo: 'head-prepend',
      },
      { tag: 'link', attrs: { rel: 'stylesheet', href: './fonts/ui-fonts.css' }, injectTo: 'head' },
    ],
  };
}

// The renderer is built to dist/renderer and served by the Electron shell (app://) or the browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), uiFonts()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
