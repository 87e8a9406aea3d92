import { render, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { Markdown } from '../../src/components/markdown/Markdown.js';

/**
 * Loads the parts the library fetches on first use (the code highlighter, the math renderer) as a reader's first
 * code block and formula do, and waits until they show. A test file that renders code or formulas calls it first
 * (`beforeAll`): its code is coloured and its formulas are MathML from their first render, and no load is still in
 * flight when the file ends. Vitest tears a file's environment down under such a load, which then fails
 * (EnvironmentTeardownError) and is logged as a part of the library that could not be loaded.
 */
export async function loadLazyParts(): Promise<void> {
  const { container, unmount } = render(<Markdown>{'```ts\nconst ready = true;\n```\n\nAnd $x$.'}</Markdown>);
  await waitFor(
    () => {
      expect(container.querySelector('[data-slot="code-block"]')).toHaveAttribute('data-state', 'highlighted');
      expect(container.querySelector('[data-slot="math"]')).toHaveAttribute('data-state', 'rendered');
    },
    { timeout: 5000 },
  );
  unmount();
}
