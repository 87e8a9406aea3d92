import type { Token, Tokens } from 'marked';
import type { ReactNode } from 'react';
import { CodeBlock } from './CodeBlock.js';
import { safeUrl } from './safe-url.js';

/**
 * Turns marked tokens into React elements. Safe by construction: raw HTML is shown as text, URLs pass
 * {@link safeUrl}, and nothing is ever injected as markup.
 */
export function renderBlocks(tokens: readonly Token[], keyPrefix = ''): ReactNode[] {
  return tokens.map((token, i) => renderBlock(token, `${keyPrefix}${i}`));
}

const prose = 'pc:my-2 pc:first:mt-0 pc:last:mb-0';

function renderBlock(token: Token, key: string): ReactNode {
  const t = token as Tokens.Generic;
  switch (token.type) {
    case 'paragraph':
      return (
        <p key={key} className={prose}>
          {renderInline((t as Tokens.Paragraph).tokens)}
        </p>
      );
    case 'heading': {
      const heading = t as Tokens.Heading;
      // Below the page's own headings, and never skipping a level: # to ### become h3, deeper ones h4.
      const Tag = heading.depth <= 3 ? 'h3' : 'h4';
      return (
        <Tag key={key} className={`${prose} pc:text-base pc:font-semibold`}>
          {renderInline(heading.tokens)}
        </Tag>
      );
    }
    case 'code': {
      const code = t as Tokens.Code;
      return <CodeBlock key={key} code={code.text} language={code.lang?.split(/\s/)[0] ?? ''} />;
    }
    case 'blockquote':
      return (
        <blockquote key={key} className={`${prose} pc:border-s-4 pc:border-border pc:ps-3 pc:text-muted-foreground`}>
          {renderBlocks((t as Tokens.Blockquote).tokens, `${key}.`)}
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
          {renderBlocks(item.tokens, `${key}.${i}.`)}
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
                    {renderInline(c.tokens)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, i) => (
                    <td key={i} className={`${cell} ${align(i)}`}>
                      {renderInline(c.tokens)}
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
      return <span key={key}>{text.tokens ? renderInline(text.tokens) : text.text}</span>;
    }
    default:
      // `html` and anything unknown: shown as the text the model wrote, never as markup.
      return (
        <p key={key} className={`${prose} pc:whitespace-pre-wrap`}>
          {t.raw}
        </p>
      );
  }
}

function renderInline(tokens: readonly Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((token, i) => renderInlineToken(token, i));
}

function renderInlineToken(token: Token, key: number): ReactNode {
  const t = token as Tokens.Generic;
  switch (token.type) {
    case 'text':
    case 'escape': {
      const text = t as Tokens.Text;
      return text.tokens ? <span key={key}>{renderInline(text.tokens)}</span> : text.text;
    }
    case 'strong':
      return <strong key={key}>{renderInline((t as Tokens.Strong).tokens)}</strong>;
    case 'em':
      return <em key={key}>{renderInline((t as Tokens.Em).tokens)}</em>;
    case 'del':
      return <del key={key}>{renderInline((t as Tokens.Del).tokens)}</del>;
    case 'codespan':
      return (
        <code key={key} className="pc:rounded pc:bg-muted pc:px-1 pc:py-0.5 pc:font-mono pc:text-[0.9em]">
          {(t as Tokens.Codespan).text}
        </code>
      );
    case 'br':
      return <br key={key} />;
    case 'link': {
      const link = t as Tokens.Link;
      const href = safeUrl(link.href);
      const children = renderInline(link.tokens);
      if (!href) return <span key={key}>{children}</span>;
      return (
        <a
          key={key}
          href={href}
          title={link.title ?? undefined}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="pc:text-accent pc:underline pc:underline-offset-2 pc:focus-visible:outline-2 pc:focus-visible:outline-ring"
        >
          {children}
        </a>
      );
    }
    case 'image': {
      const image = t as Tokens.Image;
      const src = safeUrl(image.href);
      // Only web images: a data: or script URL never becomes a source.
      if (!src || !/^https?:/i.test(src)) return image.text;
      return (
        <img
          key={key}
          src={src}
          alt={image.text}
          title={image.title ?? undefined}
          loading="lazy"
          referrerPolicy="no-referrer"
          className="pc:inline-block pc:max-w-full pc:rounded"
        />
      );
    }
    default:
      // Inline `html` and anything unknown: its text, never markup.
      return t.raw;
  }
}
