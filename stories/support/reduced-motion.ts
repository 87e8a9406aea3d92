import { expect } from 'storybook/test';

/** The media condition of Tailwind's `motion-safe:`: motion only for readers who have not asked for less. */
const NO_PREFERENCE = '(prefers-reduced-motion: no-preference)';

/** Whether a declaration block starts an animation (`animation: none` and a bare `animation-delay` do not). */
function animates(style: CSSStyleDeclaration): boolean {
  const value = style.getPropertyValue('animation-name') || style.getPropertyValue('animation');
  return value !== '' && !/^none\b/.test(value);
}

function matches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false; // a nested rule's relative selector (`&:hover`) is not a selector on its own
  }
}

/**
 * The media conditions of every rule in the page's stylesheets that animates `element`, one entry per rule (`''` for a
 * rule that applies always). Read from the rules, not from the running animation: under automation the preview stops
 * every animation (`.storybook/preview.css`).
 */
function animationConditions(element: Element): string[] {
  const found: string[] = [];
  const visit = (rules: CSSRuleList, conditions: readonly string[]): void => {
    for (const rule of rules) {
      if (rule instanceof CSSMediaRule) {
        visit(rule.cssRules, [...conditions, rule.conditionText]);
        continue;
      }
      if (rule instanceof CSSStyleRule && animates(rule.style) && matches(element, rule.selectorText))
        found.push(conditions.join(' and '));
      if (rule instanceof CSSGroupingRule) visit(rule.cssRules, conditions); // @layer, @supports, nested rules
    }
  };
  for (const sheet of document.styleSheets) visit(sheet.cssRules, []);
  return found;
}

/**
 * `root` and what it holds move in exactly `parts` elements, and every animation of theirs applies only while the
 * reader has not asked for reduced motion: with `prefers-reduced-motion: reduce`, it all stands still.
 */
export async function expectStillUnderReducedMotion(root: Element, parts: number): Promise<void> {
  const moving = [root, ...root.querySelectorAll('*')]
    .map(animationConditions)
    .filter((conditions) => conditions.length > 0);
  await expect(moving).toEqual(Array.from({ length: parts }, () => [NO_PREFERENCE]));
}
