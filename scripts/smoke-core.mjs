// Proves the built `@promptcraft/chat-ui/core` runs in plain Node (no React, no DOM) against a real
// local SSE server. Run after `npm run build` with whatever `node` is first on the PATH.
import { createServer } from 'node:http';
import { createChatService, streamChatCompletion } from '../dist/core/index.js';

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
server.close();

const answer = service.getSnapshot().messages[1]?.content;
if (text !== 'Hello from plain Node' || answer !== text || 'React' in globalThis) {
  console.error('core smoke test failed:', { text, answer });
  process.exit(1);
}
console.log(`core smoke test passed on Node ${process.versions.node}: "${text}"`);
