import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

// Built into dist/, which every node serves at /. In development (`npm run dev -w @plexus/web`) the API
// of a node on localhost:7700 is proxied, so the page and the API share an origin as in production.
export default defineConfig({
  plugins: [react(), precompress()],
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:7700', '/auth': 'http://localhost:7700' } },
});
