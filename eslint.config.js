import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import storybook from 'eslint-plugin-storybook';
import tseslint from 'typescript-eslint';

/** Layers import only the ones above them (DESIGN.md): core → react → components → msw. */
const layerRules = (forbidden, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
});

export default tseslint.config(
  { ignores: ['dist', 'storybook-static', 'node_modules', '.storybook/public', 'coverage'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  storybook.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Model text is untrusted: never inject raw HTML.',
        },
      ],
    },
  },
  {
    files: ['scripts/**', '*.config.{js,ts}', 'test/**', 'demo/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/core/**'],
    rules: layerRules(
      ['react', 'react-dom', 'react/*', '**/react/**', '**/components/**', '**/msw/**', 'msw', 'msw/*'],
      'src/core is framework-agnostic: no React, no UI, no mocks.',
    ),
  },
  {
    files: ['src/react/**'],
    rules: layerRules(
      ['**/components/**', '**/msw/**', 'msw', 'msw/*'],
      'src/react binds the core; it knows nothing of components or mocks.',
    ),
  },
  {
    files: ['src/components/**'],
    rules: layerRules(
      ['**/msw/**', 'msw', 'msw/*', '**/core/stream*', '**/core/service*'],
      'Components take a chat by props or context; they never import the transport.',
    ),
  },
);
