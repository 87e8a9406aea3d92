/*
 * Deterministic text for every benchmark: the same words in every run, so runs compare. Mostly English,
 * with some Arabic and emoji, as real transcripts have (multi-byte UTF-8 split across chunks included).
 */

const WORDS = [
  'the',
  'stream',
  'answer',
  'token',
  'server',
  'client',
  'event',
  'frame',
  'render',
  'message',
  'model',
  'reader',
  'buffer',
  'retry',
  'resume',
  'network',
  'chunk',
  'parser',
  'history',
  'bubble',
  'مرحبا',
  'بالعالم',
  'النموذج',
  'يكتب',
  '🚀',
  '✨',
  '👍🏽',
  'quickly',
  'safely',
  'once',
  'again',
  'because',
  'while',
  'every',
  'new',
  'line',
] as const;

/** A small fast generator (mulberry32): the same seed gives the same text everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` model tokens that together read as markdown: sentences of words (some **bold** or `code`),
 * a paragraph break every ~60 tokens and a short list every ~200.
 */
export function answerTokens(count: number, seed = 1): string[] {
  const next = random(seed);
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const word = WORDS[Math.floor(next() * WORDS.length)] ?? 'word';
    const roll = next();
    if (i > 0 && i % 200 === 0) tokens.push('\n\n- item one\n- item two\n\n');
    else if (i > 0 && i % 60 === 0) tokens.push('.\n\n');
    else if (roll < 0.03) tokens.push(` **${word}**`);
    else if (roll < 0.06) tokens.push(` \`${word}\``);
    else tokens.push(i % 12 === 11 ? `. ${word}` : ` ${word}`);
  }
  return tokens;
}

/** One "paragraph" of a long answer: prose, and every few paragraphs a list or a code block. */
export function markdownParagraph(index: number): string {
  const words = answerTokens(45, index + 100)
    .join('')
    .trim();
  const parts = [`${words}.`];
  if (index % 2 === 1) parts.push(`- first point ${index}\n- second point with \`code\`\n- third point`);
  if (index % 5 === 4) parts.push('```ts\nconst answer = await stream(request);\nconsole.log(answer.length);\n```');
  return parts.join('\n\n');
}

/** An answer already `paragraphs` paragraphs long (markdown with lists and code). */
export function markdownAnswer(paragraphs: number): string {
  return Array.from({ length: paragraphs }, (_, i) => markdownParagraph(i)).join('\n\n');
}

/** The text of finished message `index` of a history: short questions, longer markdown answers. */
export function historyText(index: number): string {
  return index % 2 === 0 ? `Question ${index}: ${answerTokens(12, index).join('').trim()}?` : markdownParagraph(index);
}

/** One OpenAI-style `chat.completion.chunk` SSE event. */
export function chunkEvent(content: string, finishReason: string | null = null): string {
  const chunk = {
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    model: 'deepseek-chat',
    choices: [{ index: 0, delta: { content }, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** The SSE events that end an answer: a finish reason, usage, `[DONE]`. */
export function endEvents(completionTokens: number): string {
  const usage = { prompt_tokens: 12, completion_tokens: completionTokens, total_tokens: completionTokens + 12 };
  return `${chunkEvent('', 'stop')}data: ${JSON.stringify({ choices: [], usage })}\n\ndata: [DONE]\n\n`;
}
