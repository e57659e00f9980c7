/** Issue 12: the instructions' Markdown becomes allowed elements and text only, never HTML. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALLOWED_TAGS, markdownTree, type MdNode } from './markdown-tree';

const tags = (nodes: MdNode[]): string[] =>
  nodes.flatMap((n) => (typeof n === 'string' ? [] : [n.tag, ...tags(n.children)]));
const text = (nodes: MdNode[]): string =>
  nodes.map((n) => (typeof n === 'string' ? n : text(n.children))).join('');

test('headings, lists and emphasis become their elements', () => {
  const tree = markdownTree('## Rixe\n- Coups **portés**\n- Arme *visible*\n');
  assert.deepEqual(tree[0], { tag: 'h2', children: ['Rixe'] });
  assert.deepEqual(tags(tree), ['h2', 'ul', 'li', 'p', 'strong', 'li', 'p', 'em']);
  assert.equal(text(tree), 'RixeCoups portésArme visible');
});

test('raw HTML stays text; links are not followable; images are their alt text', () => {
  const tree = markdownTree(
    '## A\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[appeler](javascript:alert(1)) ![plan](http://x/p.png)\n',
  );
  const all = tags(tree);
  for (const t of all) assert.ok((ALLOWED_TAGS as readonly string[]).includes(t), t);
  assert.ok(!all.includes('a' as never));
  const s = text(tree);
  assert.match(s, /<script>alert\(1\)<\/script>/); // shown, as text
  assert.match(s, /<img src=x onerror=alert\(1\)>/);
  assert.match(s, /\[plan\]/);
  // markdown-it refuses javascript: links: the text stays, with no element to click.
  assert.match(s, /appeler/);
  const link = markdownTree('[carte](https://intranet/plan)')[0];
  assert.deepEqual(link, {
    tag: 'p',
    children: [
      { tag: 'span', href: 'https://intranet/plan', children: ['carte', ' <https://intranet/plan>'] },
    ],
  });
});
