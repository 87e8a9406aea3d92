import type { Token, Tokens } from 'marked';
import type { ReactNode } from 'react';
import { CodeBlock } from './CodeBlock.js';
import { ExternalImage } from './ExternalImage.js';
import type { MathToken } from './math-syntax.js';
import { MathView } from './MathView.js';
import type { PlainBlockToken } from './safe-lex.js';
import { webUrl } from './safe-url.js';

/** What the model's text may load, and how much work its rendering may cost. */
export interface RenderPolicy {
  /** Origins (`https://images.example.com`) whose images load by themselves; others wait for the user. */
  allowedImageOrigins: readonly string[];
  /** The blocks are the live one of a streaming answer: its code stays plain until it is finished (`CodeBlock`). */
  streaming?: boolean;
}

/**
 * Blocks nested deeper than this render as the text the model wrote: no answer needs more, and React and the DOM
 * would pay for each level (the parser's own limit, in safe-lex, keeps most such text from getting here).
 */
const MAX_DEPTH = 24;

/**
 * Turns marked tokens into React elements. Safe by construction: raw HTML is shown as text, links are http(s) only,
 * remote images load only from allowed origins, and nothing is ever injected as markup.
 */
export function renderBlocks(tokens: readonly Token[], policy: RenderPolicy, keyPrefix = '', depth = 0): ReactNode[] {
  return tokens.map((token, i) => renderBlock(token, `${keyPrefix}${i}`, policy, depth));
}

const prose = 'pc:my-2 pc:first:mt-0 pc:last:mb-0';

const asText = (key: string, text: string): ReactNode => (
  <p key={key} className={`${prose} pc:whitespace-pre-wrap`}>
    {text}
  </p>
);

function renderBlock(token: Token, key: string, policy: RenderPolicy, depth: number): ReactNode {
  const t = token as Tokens.Generic;
  if (depth > MAX_DEPTH) return asText(key, t.raw);
  const inline = (tokens: readonly Token[] | undefined) => renderInline(tokens, policy);
  switch (token.type) {
    case 'plain-block':
      return asText(key, (token as unknown as PlainBlockToken).text);
    case 'paragraph':
      return (
        <p key={key} className={prose}>
          {inline((t as Tokens.Paragraph).tokens)}
        </p>
      );
    case 'heading': {
      const heading = t as Tokens.Heading;
      // Below the page's own headings, and never skipping a level: # to ### become h3, deeper ones h4.
      const Tag = heading.depth <= 3 ? 'h3' : 'h4';
      return (
        <Tag key={key} className={`${prose} pc:text-base pc:font-semibold`}>
          {inline(heading.tokens)}
        </Tag>
      );
    }
    case 'code': {
      const code = t as Tokens.Code;
      return (
        <CodeBlock
          key={key}
          code={code.text}
          language={code.lang?.split(/\s/)[0] ?? ''}
          highlight={!policy.streaming}
        />
      );
    }
    case 'math': {
      const math = token as unknown as MathToken;
      return <MathView key={key} tex={math.text} display={math.display} />;
    }
    case 'blockquote':
      return (
        // No preflight: the browser's 40 px blockquote indent must be taken off here, or quotes sit far in.
        <blockquote
          key={key}
          className={`${prose} pc:mx-0 pc:border-s-4 pc:border-border pc:ps-3 pc:text-muted-foreground`}
        >
          {renderBlocks((t as Tokens.Blockquote).tokens, policy, `${key}.`, depth + 1)}
        </blockquote>
      );
    case 'list': {
      const list = t as Tokens.List;
      const items = list.items.map((item, i) => (
        <li key={i} className="pc:my-1">
          {item.task && (
            <input
              type="checkbox"
              checked={item.checked ?? false}
              disabled
              readOnly
              className="pc:me-1.5 pc:align-middle"
            />
          )}
          {renderBlocks(item.tokens, policy, `${key}.${i}.`, depth + 1)}
        </li>
      ));
      return list.ordered ? (
        <ol
          key={key}
          start={typeof list.start === 'number' ? list.start : undefined}
          className={`${prose} pc:list-decimal pc:ps-6`}
        >
          {items}
        </ol>
      ) : (
        <ul key={key} className={`${prose} pc:list-disc pc:ps-6`}>
          {items}
        </ul>
      );
    }
    case 'table': {
      const table = t as Tokens.Table;
      const align = (i: number) => {
        const a = table.align[i];
        return a === 'center' ? 'pc:text-center' : a === 'right' ? 'pc:text-end' : 'pc:text-start';
      };
      const cell = 'pc:border pc:border-border pc:px-2 pc:py-1';
      return (
        // Focusable so a keyboard can scroll a table wider than the bubble.
        <div
          key={key}
          tabIndex={0}
          className={`${prose} pc:overflow-x-auto pc:focus-visible:outline-2 pc:focus-visible:outline-ring`}
        >
          <table className="pc:border-collapse pc:text-sm">
            <thead>
              <tr>
                {table.header.map((c, i) => (
                  <th key={i} className={`${cell} ${align(i)} pc:bg-muted pc:font-semibold`}>
                    {inline(c.tokens)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, i) => (
                    <td key={i} className={`${cell} ${align(i)}`}>
                      {inline(c.tokens)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'hr':
      return <hr key={key} className="pc:my-3 pc:border-0 pc:border-t pc:border-border" />;
    case 'space':
    case 'def':
      return null;
    case 'text': {
      const text = t as Tokens.Text;
      return <span key={key}>{text.tokens ? inline(text.tokens) : text.text}</span>;
    }
    default:
      // `html` and anything unknown: shown as the text the model wrote, never as markup.
      return asText(key, t.raw);
  }
}

function renderInline(tokens: readonly Token[] | undefined, policy: RenderPolicy, depth = 0): ReactNode[] {
  return (tokens ?? []).map((token, i) => renderInlineToken(token, i, policy, depth));
}

function renderInlineToken(token: Token, key: number, policy: RenderPolicy, depth: number): ReactNode {
  const t = token as Tokens.Generic;
  if (depth > MAX_DEPTH) return t.raw;
  const inner = (tokens: readonly Token[] | undefined) => renderInline(tokens, policy, depth + 1);
  switch (token.type) {
    case 'text':
    case 'escape': {
      const text = t as Tokens.Text;
      return text.tokens ? <span key={key}>{inner(text.tokens)}</span> : text.text;
    }
    case 'strong':
      return <strong key={key}>{inner((t as Tokens.Strong).tokens)}</strong>;
    case 'em':
      return <em key={key}>{inner((t as Tokens.Em).tokens)}</em>;
    case 'del':
      return <del key={key}>{inner((t as Tokens.Del).tokens)}</del>;
    case 'codespan':
      return (
        <code key={key} className="pc:rounded pc:bg-muted pc:px-1 pc:py-0.5 pc:font-mono pc:text-[0.9em]">
          {(t as Tokens.Codespan).text}
        </code>
      );
    case 'br':
      return <br key={key} />;
    case 'math': {
      const math = token as unknown as MathToken;
      return <MathView key={key} tex={math.text} display={math.display} />;
    }
    case 'link': {
      const link = t as Tokens.Link;
      const url = webUrl(link.href);
      const children = inner(link.tokens);
      if (!url) return <span key={key}>{children}</span>;
      return (
        <a
          key={key}
          href={url.href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="pc:group/link pc:relative pc:text-accent pc:underline pc:underline-offset-2 pc:focus-visible:outline-2 pc:focus-visible:outline-ring"
        >
          {children}
          {/* Where the link really goes, whatever its text says: shown on hover and focus, read after the text. */}
          <span
            data-slot="link-host"
            className="pc:pointer-events-none pc:absolute pc:bottom-full pc:start-0 pc:z-10 pc:mb-1 pc:hidden pc:whitespace-nowrap pc:rounded pc:bg-foreground pc:px-1.5 pc:py-0.5 pc:text-xs pc:text-background pc:no-underline pc:group-hover/link:block pc:group-focus-visible/link:block"
            aria-hidden="true"
          >
            {url.host}
          </span>
          <span className="pc:sr-only"> ({url.host})</span>
        </a>
      );
    }
    case 'image': {
      const image = t as Tokens.Image;
      const url = webUrl(image.href);
      // Only web images: a data: or script URL never becomes a source.
      if (!url) return image.text;
      return (
        <ExternalImage
          key={key}
          src={url.href}
          host={url.host}
          alt={image.text}
          allowed={policy.allowedImageOrigins.includes(url.origin)}
        />
      );
    }
    default:
      // Inline `html` and anything unknown: its text, never markup.
      return t.raw;
  }
}
