import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { chatEndpoint } from './server/chat-endpoint.js';

const PAGE = '/chat/sse-demo';

/**
 * Mounts the chat endpoint (with its relay: a memory store, or Redis when `REDIS_URL` is set) on the dev server, and
 * serves the page with or without its trailing slash.
 */
function demoServer(): Plugin {
  return {
    name: 'promptcraft-demo-server',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const [path = '', query] = (req.url ?? '').split('?');
        if (path === '/') {
          res.writeHead(302, { Location: PAGE });
          res.end();
          return;
        }
        // Vite only finds a folder's index.html with the slash; absolute asset URLs make both forms work.
        if (path === PAGE) req.url = `${PAGE}/${query === undefined ? '' : `?${query}`}`;
        next();
      });
      const endpoint = chatEndpoint();
      server.middlewares.use(endpoint);
      server.httpServer?.once('close', () => {
        endpoint.close().catch((error: unknown) => console.error('[demo] closing the relay failed:', error));
      });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Its own cache, so the demo and Storybook/Vitest do not invalidate each other's pre-bundled deps.
  cacheDir: fileURLToPath(new URL('../node_modules/.vite/demo', import.meta.url)),
  appType: 'mpa',
  plugins: [react(), tailwindcss(), demoServer()],
  server: { port: 3000, strictPort: true },
});
