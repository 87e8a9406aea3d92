import { http, type HttpHandler } from 'msw';
import { DEFAULT_ENDPOINT } from '../core/stream.js';
import { createScenarioResponder } from './responders.js';
import type { ChatScenarioName, ScenarioOptions } from './scenarios.js';

/**
 * An MSW request handler that answers `POST options.endpoint` (default `"/api/v2/chat/completions/"`, the
 * client's default) with the scenario `name`. Each call creates a fresh responder, so request counters start
 * at zero: create the handler per story or test.
 *
 * @example
 * // Storybook (msw-storybook-addon)
 * beforeEach({ msw }) { msw.use(chatScenarioHandler('cut-with-ids')); }
 * // Vitest, Node
 * const server = setupServer(chatScenarioHandler('streaming', { deterministic: true, endpoint: 'http://chat.test/api' }));
 */
export function chatScenarioHandler(name: ChatScenarioName, options: ScenarioOptions = {}): HttpHandler {
  const respond = createScenarioResponder(name, options);
  return http.post(options.endpoint ?? DEFAULT_ENDPOINT, ({ request }) => respond(request));
}
