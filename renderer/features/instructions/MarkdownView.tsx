import { createElement, useMemo, type ReactNode } from 'react';
import { markdownTree, type MdNode } from './markdown-tree';

function render(nodes: MdNode[], prefix: string): ReactNode[] {
  return nodes.map((n, i) => {
    if (typeof n === 'string') return n;
    const key = `${prefix}.${i}`;
    const children = n.children.length > 0 ? render(n.children, key) : undefined;
    if (n.href !== undefined)
      return createElement('span', { key, className: 'md-link', title: n.href }, children);
    return createElement(n.tag, { key }, children);
  });
}

/** The instructions' Markdown as React elements (see markdown-tree.ts: no HTML is injected). */
export function MarkdownView({ text }: { text: string }) {
  const nodes = useMemo(() => render(markdownTree(text), 'md'), [text]);
  return (
    <div className="markdown" data-testid="instructions-markdown">
      {nodes}
    </div>
  );
}
