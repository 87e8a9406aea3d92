import type { AIInsight, AISuggestion } from '../core/types.js';

/*
 * The fixed texts the scenarios stream. No randomness and no clock: the same scenario always sends
 * the same words, so stories, tests and visual snapshots are stable.
 */

const LONG_TOPICS = [
  'Opening the stream',
  'Framing events',
  'Keeping the connection alive',
  'Backpressure',
  'Idle timeouts',
  'Dropped connections',
  'Resuming with event ids',
  'Rate limits',
  'Server errors',
  'Falling back to one request',
  'Rendering tokens',
  'Accessibility',
] as const;

const LONG_SENTENCES = [
  'A streaming answer starts as soon as the model has its first token, so the reader sees progress instead of a spinner.',
  'Every event ends with a blank line, and the client dispatches it only then, never halfway through a line.',
  'Comment lines that start with a colon carry no data, yet they prove that the connection is still alive.',
  'When the network slows down, the server writes less often, and the client simply waits for the next read.',
  'If no byte arrives for too long, the client gives up on the request and reports a timeout it can retry.',
  'A connection that drops in the middle of an answer keeps the text that already arrived on the screen.',
  'With an id on every event, the client asks for the rest of the answer and the server continues where it stopped.',
  'A server that is busy answers with a status of four hundred twenty nine and says how long to wait.',
  'Transient failures are retried with a growing, randomised delay, so many clients do not return at once.',
  'When streaming keeps failing, one plain request can still bring the whole answer back in a single reply.',
  'Tokens are batched into one update per frame, so a fast model never makes the page stutter.',
  'Screen readers hear the finished answer once, instead of a new announcement for every token.',
] as const;

/** Splits text into the tokens a scenario streams: each word with the whitespace after it. Joined, they give the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Builds the answer of the `long` scenario: sections of fixed sentences, at least `minTokens` tokens. */
function buildLongAnswer(minTokens: number): string {
  const sections: string[] = [];
  let tokens = 0;
  for (let n = 0; tokens < minTokens; n += 1) {
    const topic = LONG_TOPICS[n % LONG_TOPICS.length] ?? '';
    const paragraphs = [0, 1].map((p) =>
      [0, 1, 2, 3].map((s) => LONG_SENTENCES[(n * 5 + p * 4 + s) % LONG_SENTENCES.length]).join(' '),
    );
    const section = `## ${n + 1}. ${topic}\n\n${paragraphs.join('\n\n')}`;
    sections.push(section);
    tokens += tokenize(section).length;
  }
  return sections.join('\n\n');
}

/** A tool call a scenario makes: the tool's name and its arguments as JSON text. */
export interface ScenarioToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

// The larger parts of `chatScenarioContent` (documented there), typed here.

const insights: readonly AIInsight[] = [
  {
    id: 'insight-1',
    kind: 'tip',
    title: 'Ask for an example',
    description: 'A minimal server makes the event format concrete.',
    confidence: 0.82,
    suggestedPrompt: 'Show me a minimal SSE endpoint in Node.js.',
  },
  {
    id: 'insight-2',
    kind: 'optimization',
    title: 'Watch out for buffering',
    description: 'Compression and buffering proxies can hold events back; flush after each event.',
    confidence: 0.67,
  },
];

const suggestions: readonly AISuggestion[] = [
  {
    id: 'suggestion-1',
    title: 'Compare with WebSockets',
    content: 'How do Server-Sent Events compare with WebSockets for a chat?',
    category: 'follow-up',
    confidence: 0.9,
  },
  {
    id: 'suggestion-2',
    title: 'Handle reconnects',
    content: 'How should a client resume a stream after the network drops?',
    category: 'follow-up',
    confidence: 0.75,
  },
];

const tools = {
  get_weather: {
    description: 'The current weather in a city.',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string', description: 'The city, e.g. "Paris".' } },
      required: ['city'],
    },
  },
  get_time: {
    description: 'The current local time in an IANA time zone.',
    parameters: {
      type: 'object',
      properties: { zone: { type: 'string', description: 'The time zone, e.g. "Europe/Paris".' } },
      required: ['zone'],
    },
  },
  send_email: {
    description: 'Sends an email on the user’s behalf. Needs the user’s approval.',
    parameters: {
      type: 'object',
      properties: { to: { type: 'string' }, subject: { type: 'string' }, body: { type: 'string' } },
      required: ['to', 'subject', 'body'],
    },
  },
} as const;

const toolSteps = {
  'tool-call': {
    preamble: 'Let me check the weather in Paris.',
    calls: [{ id: 'call_weather_1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
    answer: 'It is **18 °C** and partly cloudy in Paris right now — a light jacket will do.',
  },
  'parallel-tools': {
    preamble: '',
    calls: [
      { id: 'call_weather_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { id: 'call_time_1', name: 'get_time', arguments: '{"zone":"Europe/Paris"}' },
    ],
    answer: 'In Paris it is 18 °C and partly cloudy, and the local time is 14:05.',
  },
  'tool-error': {
    preamble: 'Let me look that up.',
    calls: [{ id: 'call_weather_1', name: 'get_weather', arguments: '{"city":"Atlantis"}' }],
    answer: 'I could not get the weather for Atlantis: the weather service does not know that city. Try a real one?',
  },
  'tool-approval': {
    preamble: 'I have drafted the email; it goes out once you approve it.',
    calls: [
      {
        id: 'call_email_1',
        name: 'send_email',
        arguments: '{"to":"ana@example.com","subject":"Lunch on Friday","body":"Hi Ana, are we still on for Friday?"}',
      },
    ],
    answer: 'Done: the email to Ana is on its way.',
  },
} as const satisfies Record<string, { preamble: string; calls: readonly ScenarioToolCall[]; answer: string }>;

const sources = [
  { url: 'https://html.spec.whatwg.org/multipage/server-sent-events.html', title: 'HTML Standard: Server-sent events' },
  { url: 'https://developer.mozilla.org/en-US/docs/Web/API/Server-sent_events', title: 'Server-sent events - MDN' },
] as const;

// Frozen below, not here: `Object.freeze` on the literal itself would type each text as its literal string.
const content = {
  /** The answer most scenarios stream: one paragraph, about sixty tokens. */
  answer:
    'Server-Sent Events keep one HTTP response open and let the server write events as they happen. ' +
    'Each event is a few `data:` lines followed by a blank line, so a chat model can stream its answer ' +
    'token by token over plain HTTP. Proxies pass it through, and after a dropped connection the client ' +
    'can resume from the id of the last event it received, so nothing is lost and nothing is repeated.',
  /** The reasoning ("thinking") text of the `reasoning` scenario, streamed before its answer. */
  reasoning:
    'The user wants to know how streaming works. I should explain the event format first, then why it ' +
    'suits a chat: one request, tokens as soon as they exist, and delivery that can resume. ' +
    'A short, concrete answer is best; no code is needed.',
  /** The answer of the `markdown` scenario: headings, emphasis, a link, lists, a table, a code block and a quote. */
  markdown: `# Streaming chat over SSE

Server-Sent Events give a chat UI **incremental** answers over *plain* HTTP. The
[WHATWG specification](https://html.spec.whatwg.org/multipage/server-sent-events.html) defines the format.

## Why it works well

- One long-lived \`POST\` response per answer
- Resumes with \`Last-Event-ID\` after a dropped connection
- Passes through most proxies
  - as long as they do not buffer the body

## Reading a stream

1. Send the request with \`Accept: text/event-stream\`.
2. Read the body as it arrives and split it into events.
3. Stop at \`data: [DONE]\`.

| Transport | Direction | Reconnects |
| --- | --- | --- |
| SSE | server to client | built in |
| WebSocket | both ways | by hand |
| Long polling | server to client | by hand |

\`\`\`ts
const response = await fetch('/api/v2/chat/completions/', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
  body: JSON.stringify({ model: 'deepseek-chat', messages, stream: true }),
});
\`\`\`

> Flush after every event, or a buffering proxy will hold the answer back.`,
  /** The answer of the `long` scenario: numbered sections of fixed prose, at least 2,000 tokens. */
  longAnswer: buildLongAnswer(2_000),
  /** The insights the `insights` scenario sends as `event: insight`. */
  insights,
  /** The follow-ups the `insights` scenario sends as `event: suggestion`. */
  suggestions,
  /**
   * The tools the tool scenarios call, as a host would declare them (names, descriptions and JSON Schemas); a story
   * or the demo adds `execute` to the ones it runs. `send_email` has none: it waits for the user's approval.
   */
  tools,
  /** What the model of each tool scenario writes before its calls, the calls, and its answer with their results. */
  toolSteps,
  /** The answer of `tool-approval` when the user denied the email. */
  toolDeniedAnswer: 'Understood: I did not send the email.',
  /** The sources the `sources` scenario cites (OpenAI `url_citation` annotations). */
  sources,
  /** The answer of the `sources` scenario. */
  sourcesAnswer:
    'Server-sent events are defined by the WHATWG HTML Standard, and MDN has a practical guide to using them.',
};

/**
 * What the scenarios send, for a story or a test to expect: the same scenario always sends the same words.
 * `chatScenarioAnswer(name)` picks the answer of one scenario.
 */
export const chatScenarioContent = Object.freeze(content);
