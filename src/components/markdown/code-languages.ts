/**
 * The grammars the highlighter chunk holds, each with the other names a fence may give it (`grammar:alias,alias`).
 * In the main bundle, as one short string, so that a block in an unknown language, or in none, never loads the chunk.
 */
const TABLE =
  'javascript:js,mjs,cjs;jsx;typescript:ts,mts,cts;tsx;json:jsonc,json5;bash:sh,shell,zsh,console;python:py;' +
  'markup:html,htm,xml,svg;css;sql;go:golang;rust:rs;java;c:h;cpp:c++,cc,cxx,hpp;yaml:yml;markdown:md;diff:patch';

const GRAMMARS = new Map<string, string>();
for (const entry of TABLE.split(';')) {
  const [grammar, aliases = ''] = entry.split(':') as [string, string?];
  for (const name of [grammar, ...aliases.split(',')]) if (name) GRAMMARS.set(name, grammar);
}

/** The grammar that highlights a fence's language (`"ts"`, `"Python"`), or `null` when there is none. */
export function grammarFor(language: string): string | null {
  return GRAMMARS.get(language.toLowerCase()) ?? null;
}

/** Every grammar name, for a test to check that the chunk registers each. */
export function grammarNames(): string[] {
  return [...new Set(GRAMMARS.values())];
}
