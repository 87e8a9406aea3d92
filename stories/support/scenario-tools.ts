import type { ChatTools } from '../../src/core/tools.js';
import { chatScenarioContent } from '../../src/msw/content.js';

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/**
 * The tools the MSW tool scenarios call, as a host would run them: the weather knows only Paris (and throws for
 * anything else), the time is fixed, and `send_email` has no `execute`, so it waits for the user's approval.
 * @param delayMs how long each tool takes, to see it running (the stories use 0)
 */
export function scenarioTools(delayMs = 0): ChatTools {
  return {
    get_weather: {
      ...chatScenarioContent.tools.get_weather,
      async execute({ city }: { city: string }, { signal }) {
        await wait(delayMs, signal);
        if (city !== 'Paris') throw new Error(`The weather service does not know "${city}".`);
        return { city, celsius: 18, sky: 'partly cloudy' };
      },
    },
    get_time: {
      ...chatScenarioContent.tools.get_time,
      async execute({ zone }: { zone: string }, { signal }) {
        await wait(delayMs, signal);
        return { zone, time: '14:05' };
      },
    },
    send_email: chatScenarioContent.tools.send_email,
  };
}
