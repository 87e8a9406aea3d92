import { expect } from 'storybook/test';

/**
 * Out of sight, still read: a box of at most one pixel that clips what it holds, yet neither `display: none` nor
 * `visibility: hidden`, which would hide it from screen readers too. Measured with the library's real CSS, as only a
 * browser can.
 */
export async function expectVisuallyHidden(element: Element): Promise<void> {
  const { width, height } = element.getBoundingClientRect();
  await expect(width * height).toBeLessThanOrEqual(1);
  await expect(getComputedStyle(element).overflow).toBe('hidden');
  await expect(element).toBeVisible();
}
