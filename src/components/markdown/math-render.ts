/**
 * TeX to MathML with Temml: loaded on the first formula of an answer (its own chunk), never in the initial bundle.
 * MathML is drawn by the browser itself, so no stylesheet or font file comes with it.
 */
import temml from 'temml';

const OPTIONS = {
  // A parse error throws, and the view shows the TeX source instead of Temml's red message.
  throwOnError: true,
  // Untrusted TeX: no \href, \url, \includegraphics, \class, \style, \data.
  trust: false,
  // Macros that expand without end stop here ("Too many expansions").
  maxExpand: 1000,
  // \rule, \kern and the like are capped (in em): a formula cannot paint over the chat.
  maxSize: [20, 5] as [number, number],
};

/** A rendered formula, reused when the same one mounts again (a streaming block becoming final). */
const cache = new Map<string, Element[] | null>();
const CACHE_ENTRIES = 200;

/**
 * Temml's `wrap: "tex"` gives an inline formula's top-level rows, between which TeX would break a line. One `<math>`
 * cannot break; a formula per row does, between rows like words (keeping trailing punctuation with the last one).
 */
function lines(math: Element): Element[] {
  if (math.childElementCount < 2) return [math];
  return [...math.children].map((row) => {
    const piece = document.createElementNS(math.namespaceURI, 'math');
    piece.append(row);
    return piece;
  });
}

/**
 * Renders `tex` into `into` (replacing what it holds) as MathML built node by node, never from markup. Returns false,
 * leaving `into` empty, when the TeX does not parse.
 */
export function renderMath(tex: string, display: boolean, into: HTMLElement): boolean {
  const key = `${display ? 'display' : 'inline'}\n${tex}`;
  let nodes = cache.get(key);
  if (nodes === undefined) {
    const holder = document.createElement('span');
    try {
      temml.render(tex, holder, { ...OPTIONS, displayMode: display, wrap: display ? 'none' : 'tex' });
      const math = holder.firstElementChild;
      nodes = math ? (display ? [math] : lines(math)) : null;
    } catch {
      nodes = null;
    }
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  } else {
    cache.delete(key); // most recently used last
  }
  cache.set(key, nodes);
  into.replaceChildren(...(nodes ?? []).map((node) => node.cloneNode(true)));
  return nodes !== null;
}
