import { StrictMode, useEffect, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { EnhancedChatInterface } from '../src/components/EnhancedChatInterface.js';
import type { UseSSEChatOptions } from '../src/react/useSSEChat.js';
import { chatScenarios } from '../src/msw/scenarios.js';
import type { DemoConfig } from './server/chat-endpoint.js';
import { RELAY_SCENARIO, relayScenario } from './server/relay-scenario.js';
import '../src/styles/index.css';
import './demo.css';
import { examplePrompts } from '../stories/support/example-prompts.js';
import { scenarioTools } from '../stories/support/scenario-tools.js';
import type { ChatTools } from '../src/core/tools.js';
import type { ChatMessage } from '../src/core/messages.js';

const UPSTREAM = 'upstream';

/*
 * The page keeps its chat and its scenario in session storage, so a reload shows the same conversation; an answer
 * that streamed through the relay when the page went away is read again from the relay and finished.
 */
const CHAT_KEY = 'promptcraft-demo:chat';
const SCENARIO_KEY = 'promptcraft-demo:scenario';

interface SavedChat {
  messages: ChatMessage[];
  headId: string | null;
}

function loadChat(): SavedChat | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(CHAT_KEY) ?? 'null') as SavedChat | null;
    return saved && Array.isArray(saved.messages) ? saved : null;
  } catch {
    return null;
  }
}

function save(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // Full or unavailable (large attachments, private mode): the chat goes on without surviving a reload.
  }
}

const saveChat = (messages: readonly ChatMessage[], headId: string | null): void =>
  save(CHAT_KEY, JSON.stringify({ messages, headId }));

/** The tools of the scenarios, each taking a moment, so that a call is seen running. */
const demoScenarioTools = scenarioTools(700);

/** One real tool for a real model: ask it what time it is to see a call end to end. */
const upstreamTools: ChatTools = {
  get_current_time: {
    description: 'The current date and time, and the user’s time zone. Use it whenever the user asks about the time.',
    parameters: { type: 'object', properties: {} },
    execute: () => ({
      now: new Date().toISOString(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    }),
  },
};

/** Backticked words of a scenario description as code. */
function describe(text: string): ReactNode[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

function Demo(): ReactElement {
  const [scenario, setScenario] = useState(() => sessionStorage.getItem(SCENARIO_KEY) ?? 'streaming');
  const [config, setConfig] = useState<DemoConfig>({ upstream: false });
  const [saved] = useState(loadChat);

  useEffect(() => {
    fetch('/api/demo/config')
      .then((response) => (response.ok ? (response.json() as Promise<DemoConfig>) : null))
      .then((value) => {
        if (!value) return;
        setConfig(value);
        // A saved choice of an upstream this server no longer has.
        if (!value.upstream) setScenario((current) => (current === UPSTREAM ? 'streaming' : current));
      })
      .catch(() => undefined);
  }, []);

  useEffect(() => save(SCENARIO_KEY, scenario), [scenario]);

  const chatOptions = useMemo<UseSSEChatOptions>(
    () => ({
      endpoint: '/api/v2/chat/completions/',
      headers: { 'X-Demo-Scenario': scenario },
      tools: scenario === UPSTREAM ? upstreamTools : demoScenarioTools,
      // Read once, when the chat is created: the conversation the page had before a reload.
      ...(saved && { initialMessages: saved.messages, initialHeadId: saved.headId }),
      onMessagesChange: saveChat,
      // The upstream's key is added by the server; the scenarios get a stand-in session whose token the
      // auth scenarios reject, so `auth-refresh` shows its 401 and refresh on every question.
      ...(scenario !== UPSTREAM && {
        getToken: () => 'demo-token',
        refreshToken: () => 'refreshed-token',
        // A stalled scenario gives up in seconds rather than the default 30.
        idleTimeoutMs: 10_000,
      }),
    }),
    [scenario, saved],
  );

  const store = config.store === 'redis' ? 'Redis' : 'memory';
  const description =
    scenario === UPSTREAM
      ? [
          `Your OpenAI-compatible upstream (${config.model ?? 'model'}), through the local server's chat relay (${store} store): the key stays on the server, and a reload mid-answer finishes the answer.`,
        ]
      : scenario === RELAY_SCENARIO
        ? [...describe(relayScenario.description), ` Answers are kept in ${store}.`]
        : describe(chatScenarios.find((s) => s.name === scenario)?.description ?? '');

  return (
    <main className="demo">
      <header className="demo-bar">
        <h1>SSE chat demo</h1>
        <div className="demo-picker">
          <label htmlFor="scenario">Scenario</label>
          <select id="scenario" value={scenario} onChange={(event) => setScenario(event.target.value)}>
            {chatScenarios.map((s) => (
              <option key={s.name} value={s.name}>
                {s.title}
              </option>
            ))}
            <option value={RELAY_SCENARIO}>{relayScenario.title}</option>
            {config.upstream && <option value={UPSTREAM}>Upstream: {config.model}</option>}
          </select>
        </div>
      </header>
      <p className="demo-description">{description}</p>
      <EnhancedChatInterface className="demo-chat" chatOptions={chatOptions} examplePrompts={examplePrompts} />
    </main>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Demo />
    </StrictMode>,
  );
