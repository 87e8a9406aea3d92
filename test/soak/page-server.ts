import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { createServer } from 'vite';

/**
 * Serves the soak's page (test/soak/page) from a Vite dev server on 127.0.0.1: the library's sources as they are,
 * with React's development build, which is where React reports its warnings as console errors.
 */
export async function servePage(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await createServer({
    root: fileURLToPath(new URL('./page', import.meta.url)),
    configFile: false,
    // Its own cache, so the soak and the other Vite servers do not invalidate each other's pre-bundled deps.
    cacheDir: fileURLToPath(new URL('../../node_modules/.vite/soak', import.meta.url)),
    plugins: [react(), tailwindcss()],
    server: { host: '127.0.0.1', port: 0 },
    logLevel: 'warn',
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The soak page server did not report its URL.');
  return { url, close: () => server.close() };
}
