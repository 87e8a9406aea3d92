import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import storybook from 'eslint-plugin-storybook';
import tseslint from 'typescript-eslint';

/**
 * Layers import only the ones above them (DESIGN.md): core → react → components → msw. Each pattern is
 * `{ group, message }`, with `allowTypeImports` where a type may cross (typescript-eslint's form of the rule).
 */
const layerRules = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
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
    rules: layerRules({
      group: ['react', 'react-dom', 'react/*', '**/react/**', '**/components/**', '**/msw/**', 'msw', 'msw/*'],
      message: 'src/core is framework-agnostic: no React, no UI, no mocks.',
    }),
  },
  {
    files: ['src/server/**'],
    rules: layerRules({
      group: ['react', 'react-dom', 'react/*', '**/react/**', '**/components/**', '**/msw/**', 'msw', 'msw/*'],
      message: 'src/server is the relay: it imports src/core only, and no React, UI or mocks.',
    }),
  },
  {
    files: ['src/react/**'],
    rules: layerRules({
      group: ['**/components/**', '**/msw/**', 'msw', 'msw/*'],
      message: 'src/react binds the core; it knows nothing of components or mocks.',
    }),
  },
  {
    files: ['src/components/**'],
    rules: layerRules(
      {
        group: ['**/msw/**', 'msw', 'msw/*', '**/core/stream*', '**/core/service*'],
        message: 'Components take a chat by props or context; they never import the transport.',
      },
      {
        // The pure helpers of one message, file or error may run here; the chat's state is read through src/react's hooks.
        // The transport is left out: a type import this group allows would pass the group above as well.
        group: [
          '**/core/*',
          '!**/core/messages.js',
          '!**/core/attachments.js',
          '!**/core/errors.js',
          '!**/core/stream*',
          '!**/core/service*',
        ],
        allowTypeImports: true,
        message:
          'Components read the chat through src/react (useChatSelector, useMessage, ...); from src/core they take types, and the helpers of messages.js, attachments.js and errors.js.',
      },
    ),
  },
);
