import { registerHooks } from 'node:module';

/*
 * src/ imports its siblings as `./x.js` (what tsc emits); Node's type stripping only runs `.ts` files as named.
 * This hook resolves a relative `.js` import to its `.ts` source when no `.js` file exists, so the benchmark
 * runs the library's real sources with no build step. Import it before anything from src/.
 */
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!/^\.{1,2}\/.*\.js$/.test(specifier)) throw error;
      return nextResolve(specifier.replace(/\.js$/, '.ts'), context);
    }
  },
});
