/*
 * The demo's own scenario, `relay`: a long, paced answer that goes through the chat relay. Shared by the server (which
 * plays it), the page (which offers it) and the e2e test (which expects its words exactly once).
 */

/** The name of the relay scenario, in `X-Demo-Scenario` and in the page's picker. */
export const RELAY_SCENARIO = 'relay';

export const relayScenario = {
  title: 'Through the relay: reload mid-answer',
  description:
    'A long, paced answer through the chat relay (`@promptcraft/chat-ui/server`): reload the page mid-answer and it finishes, once; Stop sends `DELETE`.',
} as const;

/** Between the relay scenario's tokens, in ms: about 12 s for the whole answer, time enough to reload. */
export const RELAY_CHUNK_DELAY_MS = 60;

/** The relay scenario's answer: every sentence different, so a repeated one would show. */
export const RELAY_ANSWER = [
  'This answer comes to you through the chat relay of `@promptcraft/chat-ui/server`, which sits between this page ' +
    'and the model. The relay asks the model once, writes every event it receives into a log, and streams that log ' +
    'to the page with an id on each event.',
  'Reload the page now, while these words are still arriving. The chat was saved in session storage with the ' +
    'stream id of this answer, so the page that loads asks the relay for that stream again instead of asking the ' +
    'model a second time.',
  'The relay replays its log from the first event and then follows the live ones: the text you had comes back, the ' +
    'rest keeps arriving, and no sentence shows up twice.',
  'Press Stop instead, and the page sends a `DELETE` that names the stream: the relay aborts its request to the ' +
    'model, and the answer ends where it was.',
  'With `REDIS_URL` set, the log lives in Redis, so any instance of the server could finish this answer, even one ' +
    'that did not start it.',
].join('\n\n');
