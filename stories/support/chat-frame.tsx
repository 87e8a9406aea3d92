import type { Decorator } from '@storybook/react-vite';

/** The box a host would give the chat: a fixed height, a readable width, centred. */
export const chatFrame: Decorator = (Story) => (
  <div style={{ height: '640px', maxWidth: '760px', margin: '0 auto' }}>
    <Story />
  </div>
);
