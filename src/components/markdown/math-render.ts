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
const cache = new Map<string, Element | null>();
const CACHE_ENTRIES = 200;

/**
 * Renders `tex` into `into` (replacing what it holds) as a `<math>` element built node by node, never from markup.
 * Returns false, leaving `into` empty, when the TeX does not parse.
 */
export function renderMath(tex: string, display: boolean, into: HTMLElement): boolean {
  const key = `${display ? 'display' : 'inline'}\n${tex}`;
  let math = cache.get(key);
  if (math === undefined) {
    const holder = document.createElement('span');
    try {
      temml.render(tex, holder, { ...OPTIONS, displayMode: display, wrap: display ? 'none' : 'tex' });
      math = holder.firstElementChild;
    } catch {
      math = null;
    }
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  } else {
    cache.delete(key); // most recently used last
  }
  cache.set(key, math);
  into.replaceChildren(...(math ? [math.cloneNode(true)] : []));
  return math !== null;
}
