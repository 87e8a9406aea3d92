import { randomFor, type Random } from './prng.js';

/*
 * The answers the soak's server streams: markdown as a model writes it (headings, emphasis, links, lists, quotes,
 * tables, fenced code) in several scripts — Latin with combining marks, Cyrillic, Greek, Arabic and Hebrew (right to
 * left), Devanagari, Thai, Chinese, Japanese, Korean, and emoji of one to seven code points — so that the UTF-8
 * bytes carry 1-, 2-, 3- and 4-byte characters for the chunker to split.
 */

const sentences: Record<string, readonly string[]> = {
  en: [
    'Server-Sent Events keep one HTTP response open and push each token as it is generated.',
    'A stream that is cut resumes from the last event the client received.',
    'Retries wait a little longer each time, with jitter, so clients do not retry together.',
    'Use <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy; raw HTML stays text.',
    'Escaped markers stay literal: \\*not emphasis\\* and \\_not either\\_.',
    'The café’s naïve façade — Zoë’s déjà vu, with e\u0301 and n\u0303 as combining marks.',
  ],
  ru: [
    'Сервер отправляет события по одному соединению, без повторных запросов.',
    'Если поток оборвался, клиент продолжит с последнего полученного события.',
    'Ёжик в тумане: «кавычки-ёлочки» и длинное тире — тоже символы.',
  ],
  el: ['Η ροή συνεχίζεται από το τελευταίο γεγονός που έλαβε ο πελάτης.', 'Καλημέρα· ο διακομιστής απαντά αμέσως.'],
  ar: [
    'يحافظ البث على اتصال واحد مفتوح ويرسل كل جزء من الإجابة فور توليده.',
    'إذا انقطع الاتصال، يستأنف العميل من آخر حدث استلمه دون تكرار أي نص.',
    'الأرقام ١٢٣ و 456 تظهر داخل النص العربي بشكل صحيح.',
  ],
  he: ['הזרם ממשיך מהאירוע האחרון שהלקוח קיבל.', 'שלום עולם, זו תשובה בעברית עם מספר 42.'],
  hi: ['सर्वर हर टोकन को बनते ही भेजता है।', 'कनेक्शन टूटने पर क्लाइंट आख़िरी घटना से आगे बढ़ता है।'],
  th: ['เซิร์ฟเวอร์ส่งข้อความทีละส่วนโดยไม่ต้องเชื่อมต่อใหม่', 'ภาษาไทยไม่มีช่องว่างระหว่างคำ'],
  zh: ['服务器在生成每个词元时立即推送。', '连接中断后，客户端会从最后收到的事件继续，不会重复文字。'],
  ja: ['サーバーはトークンを生成するたびに送信します。', '接続が切れても、最後に受け取ったイベントから再開します。'],
  ko: ['서버는 토큰이 생성될 때마다 즉시 보냅니다.', '연결이 끊겨도 마지막 이벤트부터 다시 시작합니다.'],
  emoji: [
    'Status: ✅ done, ⚠️ warning, 🚀 shipped.',
    'Family 👨‍👩‍👧‍👦, flags 🇪🇬 🇯🇵 🇧🇷, skin tones 👍🏽 👋🏿, and a rainbow flag 🏳️‍🌈.',
    'Math 𝔸𝔹ℂ and music 𝄞 sit outside the Basic Multilingual Plane.',
  ],
};

const scripts = Object.keys(sentences);
/** Scripts that separate words with spaces, so one word can be emphasised. */
const spaced = new Set(['en', 'ru', 'el', 'ar', 'he', 'hi', 'ko', 'emoji']);

const links = ['https://example.com/docs/streaming', 'https://developer.mozilla.org/en-US/docs/Web/API/EventSource'];

function sentence(r: Random): string {
  const script = r.pick(scripts);
  const text = r.pick(sentences[script] ?? []);
  if (!r.chance(0.4)) return text;
  const words = text.split(' ');
  if (!spaced.has(script) || words.length < 3) return `**${text}**`;
  const at = r.int(0, words.length - 2);
  const word = words[at] ?? '';
  words[at] = r.pick([`**${word}**`, `_${word}_`, `\`${word}\``, `~~${word}~~`, `[${word}](${r.pick(links)})`]);
  return words.join(' ');
}

const sentencesOf = (r: Random, min: number, max: number): string[] =>
  Array.from({ length: r.int(min, max) }, () => sentence(r));

const codeBlocks = [
  '```ts\nconst source = new EventSource("/stream");\nsource.onmessage = (e) => console.log(e.data); // «données»\n```',
  '```python\ndef greet(name: str) -> str:\n    return f"مرحبا {name} 👋"  # **not bold**\n```',
  '```json\n{ "delta": { "content": "你好" }, "finish_reason": null }\n```',
  '```\n<div class="raw">stays text</div>\n\tTabbed line with `backticks`\n```',
];

function block(r: Random): string {
  switch (r.pick(['paragraph', 'paragraph', 'heading', 'list', 'ordered', 'quote', 'code', 'table', 'rule'])) {
    case 'heading':
      return `${'#'.repeat(r.int(1, 3))} ${sentence(r).replace(/[.。।]$/u, '')}`;
    case 'list':
      return sentencesOf(r, 2, 4)
        .map((s, i) => (i > 0 && r.chance(0.2) ? `  - ${s}` : `- ${r.chance(0.15) ? '[x] ' : ''}${s}`))
        .join('\n');
    case 'ordered':
      // Models often leave a blank line between numbered steps (a loose list).
      return sentencesOf(r, 2, 4)
        .map((s, i) => `${i + 1}. ${s}`)
        .join(r.chance(0.3) ? '\n\n' : '\n');
    case 'quote':
      return sentencesOf(r, 1, 2)
        .map((s) => `> ${s}`)
        .join('\n>\n');
    case 'code':
      return r.pick(codeBlocks);
    case 'table': {
      const rows = sentencesOf(r, 2, 3).map((s, i) => `| ${i + 1} | ${s.replace(/\|/g, '\\|')} | \`ok\` |`);
      return ['| # | Text | State |', '|---:|:---|:---:|', ...rows].join('\n');
    }
    case 'rule':
      return '---';
    default:
      // Now and then a hard line break (two spaces before the newline).
      return sentencesOf(r, 1, 4).join(r.chance(0.2) ? '  \n' : ' ');
  }
}

/** The markdown of answer `index` (0-based) of a run: the same for a seed and index, whoever asks. */
export function soakAnswer(seed: number, index: number): string {
  const r = randomFor(seed, 'answer', index);
  const blocks = [`Answer ${index + 1}: ${sentence(r)}`, ...Array.from({ length: r.int(2, 7) }, () => block(r))];
  return blocks.join('\n\n');
}

/** The question that asks for answer `index`; the server reads the index back from it. */
export const soakQuestion = (index: number): string => `Question ${index + 1}: tell me about streaming.`;

/** The answer index a question asks for, or `undefined` when it is not a soak question. */
export function answerIndexOf(question: string): number | undefined {
  const match = /^Question (\d+):/.exec(question);
  return match ? Number(match[1]) - 1 : undefined;
}
