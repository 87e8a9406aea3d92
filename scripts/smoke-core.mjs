// Proves the built `@promptcraft/chat-ui/core` runs in plain Node (no React, no DOM) against a real
// local SSE server, and the built `@promptcraft/chat-ui/server` relay in front of it (web-standard
// Request/Response only, served here by a plain `http` listener). Run after `npm run build` with whatever
// `node` is first on the PATH.
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { createChatService, streamChatCompletion } from '../dist/core/index.js';
import { createChatRelay } from '../dist/server/index.js';

const server = createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.write('data: {"choices":[{"delta":{"content":"Hello from "}}]}\n\n');
  response.end('data: {"choices":[{"delta":{"content":"plain Node"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${server.address().port}/v1/chat/completions`;

let text = '';
for await (const event of streamChatCompletion(
  { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
  { endpoint },
)) {
  if (event.type === 'delta') text += event.content;
}
const service = createChatService({ endpoint });
service.send('hi');
await new Promise((resolve) => {
  const stop = service.subscribe(() => {
    if (!service.getSnapshot().isStreaming) resolve(stop());
  });
});

// The relay, with no adapter: a Node request becomes a web Request, the Response streams back as it comes.
const relay = createChatRelay({ upstream: { url: endpoint } });
const relayServer = createServer(async (incoming, outgoing) => {
  const body = await new Response(Readable.toWeb(incoming)).text();
  const response = await relay.handle(
    new Request(`http://127.0.0.1${incoming.url}`, { method: incoming.method, headers: incoming.headers, body }),
  );
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  for await (const piece of response.body ?? []) outgoing.write(piece);
  outgoing.end();
});
await new Promise((resolve) => relayServer.listen(0, '127.0.0.1', resolve));
let relayed = '';
let streamId = '';
for await (const event of streamChatCompletion(
  { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
  { endpoint: `http://127.0.0.1:${relayServer.address().port}/api/chat` },
)) {
  if (event.type === 'delta') relayed += event.content;
  if (event.type === 'stream') streamId = event.streamId;
}
relayServer.close();
await relay.close();
server.close();

const answer = service.getSnapshot().messages[1]?.content;
if (text !== 'Hello from plain Node' || answer !== text || relayed !== text || !streamId || 'React' in globalThis) {
  console.error('core smoke test failed:', { text, answer, relayed, streamId });
  process.exit(1);
}
console.log(`core and relay smoke test passed on Node ${process.versions.node}: "${text}", relayed as ${streamId}`);
