/**
 * The common instructions' Markdown, turned into a plain tree of allowed elements and text: no
 * HTML string is ever produced nor injected. markdown-it runs with `html: false` (raw HTML stays
 * text), links are shown as text with their address (never followable), images as their alt text.
 */
import MarkdownIt from 'markdown-it';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

export const ALLOWED_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  's',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
] as const;
export type AllowedTag = (typeof ALLOWED_TAGS)[number];
export interface MdElement {
  tag: AllowedTag;
  /** A link's address, shown beside its text (the span carries class `md-link`). */
  href?: string;
  children: MdNode[];
}
export type MdNode = string | MdElement;

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const allowed = (tag: string): tag is AllowedTag => (ALLOWED_TAGS as readonly string[]).includes(tag);

/** Builds the tree from a flat token stream (block level, or an inline token's children). */
function build(tokens: Token[]): MdNode[] {
  const root: MdElement = { tag: 'span', children: [] };
  const stack: MdElement[] = [root];
  const top = (): MdElement => stack[stack.length - 1]!;
  for (const t of tokens) {
    if (t.nesting === 1) {
      const el: MdElement =
        t.type === 'link_open'
          ? { tag: 'span', href: String(t.attrGet('href') ?? ''), children: [] }
          : { tag: allowed(t.tag) ? t.tag : 'span', children: [] };
      top().children.push(el);
      stack.push(el);
    } else if (t.nesting === -1) {
      const el = stack.pop();
      if (el?.href !== undefined && el.href) el.children.push(` <${el.href}>`);
      if (stack.length === 0) stack.push(root);
    } else if (t.type === 'inline') top().children.push(...build(t.children ?? []));
    else if (t.type === 'text') top().children.push(t.content);
    else if (t.type === 'code_inline') top().children.push({ tag: 'code', children: [t.content] });
    else if (t.type === 'softbreak') top().children.push(' ');
    else if (t.type === 'hardbreak') top().children.push({ tag: 'br', children: [] });
    else if (t.type === 'image') top().children.push(`[${t.content}]`);
    else if (t.type === 'fence' || t.type === 'code_block')
      top().children.push({ tag: 'pre', children: [{ tag: 'code', children: [t.content] }] });
    else if (t.type === 'hr') top().children.push({ tag: 'hr', children: [] });
    else if (t.content) top().children.push(t.content); // html_block/html_inline never occur (html: false)
  }
  return root.children;
}

export function markdownTree(text: string): MdNode[] {
  return build(md.parse(text, {}));
}
