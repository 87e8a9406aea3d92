import type { CDPSession } from 'playwright';

/**
 * A page's main-thread time so far, in ms, from Chromium's performance metrics: CPU time (ThreadTime), wall time
 * inside tasks (TaskDuration), and the time inside script, style recalculation and layout.
 */
export async function mainThread(
  cdp: CDPSession,
): Promise<Record<'cpu' | 'tasks' | 'script' | 'layout' | 'style', number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const read = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  return {
    cpu: read('ThreadTime'),
    tasks: read('TaskDuration'),
    script: read('ScriptDuration'),
    layout: read('LayoutDuration'),
    style: read('RecalcStyleDuration'),
  };
}
