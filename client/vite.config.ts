import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The client is built into client/dist and served by the Express server at `/`. During development
// `npm run dev:client` serves it with hot reload and forwards /api to the running server.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // sigma 4 and graphology are most of the ~530 kB (140 kB gzipped) and load in one go with the map;
    // splitting them would add a round trip without showing anything sooner.
    chunkSizeWarningLimit: 700,
  },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` } },
});
