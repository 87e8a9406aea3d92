/**
 * The syntax highlighter: loaded on the first code block in a known language (its own chunk), never in the initial
 * bundle. Prism's grammars through refractor, which returns a syntax tree instead of HTML: tokens become React
 * elements, so code from a model is never parsed as markup.
 */
import { Fragment, type ReactNode } from 'react';
import { refractor } from 'refractor/core';
import bash from 'refractor/bash';
import c from 'refractor/c';
import cpp from 'refractor/cpp';
import css from 'refractor/css';
import diff from 'refractor/diff';
import go from 'refractor/go';
import java from 'refractor/java';
import javascript from 'refractor/javascript';
import json from 'refractor/json';
import jsx from 'refractor/jsx';
import markdown from 'refractor/markdown';
import markup from 'refractor/markup';
import python from 'refractor/python';
import rust from 'refractor/rust';
import sql from 'refractor/sql';
import tsx from 'refractor/tsx';
import typescript from 'refractor/typescript';
import yaml from 'refractor/yaml';

for (const grammar of [
  bash,
  c,
  cpp,
  css,
  diff,
  go,
  java,
  javascript,
  json,
  jsx,
  markdown,
  markup,
  python,
  rust,
  sql,
  tsx,
  typescript,
  yaml,
]) {
  refractor.register(grammar);
}

/** Prism's token types, by the colour token that shows them; the others keep the text colour. */
const COLOURS: Record<string, string> = {
  comment: 'pc:text-code-comment',
  prolog: 'pc:text-code-comment',
  doctype: 'pc:text-code-comment',
  cdata: 'pc:text-code-comment',
  shebang: 'pc:text-code-comment',
  keyword: 'pc:text-code-keyword',
  atrule: 'pc:text-code-keyword',
  important: 'pc:text-code-keyword',
  rule: 'pc:text-code-keyword',
  coord: 'pc:text-code-keyword',
  title: 'pc:text-code-keyword',
  string: 'pc:text-code-string',
  char: 'pc:text-code-string',
  'attr-value': 'pc:text-code-string',
  regex: 'pc:text-code-string',
  url: 'pc:text-code-string',
  code: 'pc:text-code-string',
  number: 'pc:text-code-number',
  boolean: 'pc:text-code-number',
  constant: 'pc:text-code-number',
  symbol: 'pc:text-code-number',
  entity: 'pc:text-code-number',
  function: 'pc:text-code-function',
  'function-variable': 'pc:text-code-function',
  method: 'pc:text-code-function',
  decorator: 'pc:text-code-function',
  annotation: 'pc:text-code-function',
  macro: 'pc:text-code-function',
  'class-name': 'pc:text-code-type',
  builtin: 'pc:text-code-type',
  namespace: 'pc:text-code-type',
  tag: 'pc:text-code-tag',
  selector: 'pc:text-code-tag',
  'attr-name': 'pc:text-code-attribute',
  property: 'pc:text-code-attribute',
  key: 'pc:text-code-attribute',
  variable: 'pc:text-code-attribute',
  inserted: 'pc:text-code-inserted',
  deleted: 'pc:text-code-deleted',
};

type Nodes = ReturnType<typeof refractor.highlight>['children'];

function colourOf(className: unknown): string | undefined {
  if (!Array.isArray(className)) return undefined;
  for (const name of className) if (typeof name === 'string' && Object.hasOwn(COLOURS, name)) return COLOURS[name];
  return undefined;
}

function toElements(nodes: Nodes): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === 'text') return node.value;
    if (node.type !== 'element') return null;
    const children = toElements(node.children);
    const className = colourOf(node.properties.className);
    return className ? (
      <span key={i} className={className}>
        {children}
      </span>
    ) : (
      <Fragment key={i}>{children}</Fragment>
    );
  });
}

/**
 * Finished blocks remount (a streaming block becoming final, a branch shown again): each is highlighted once. Bounded,
 * so a long chat does not keep every block's elements.
 */
const cache = new Map<string, ReactNode[]>();
const CACHE_ENTRIES = 200;

/** `code` as coloured React elements, in a grammar that `grammarFor` (code-languages.ts) named. */
export function highlight(code: string, grammar: string): ReactNode[] {
  const key = `${grammar}\n${code}`;
  let elements = cache.get(key);
  if (elements) {
    // Most recently used last, so the oldest entry is the one dropped.
    cache.delete(key);
  } else {
    elements = toElements(refractor.highlight(code, grammar).children);
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, elements);
  return elements;
}
