/** The example prompts the stories and the demo offer in an empty chat (the library has none of its own). */
export const examplePrompts = [
  'Explain Server-Sent Events in two sentences.',
  'Write a retry function with exponential backoff in TypeScript.',
  'What makes a chat interface accessible?',
];
