// ESLint rule `vigie/stable-selector`: a store hook's selector never builds a fresh value.
// `useConsole((s) => s.list ?? [])`, `.map`, `.filter`, `{ … }`, `new …` hand React a new
// value on every render: "Maximum update depth exceeded", and the whole window goes blank.
// Every value the selector can return is checked (both sides of ??, ||, && and ?:, each
// `return`). A selector wrapped in useShallow is not a function literal here, so it passes.
// renderer/ui/stable-selector.ts checks at run time what no syntax can show.

/** Array methods and helpers that always build a new array or object. */
const FRESH_METHODS = new Set([
  'map',
  'filter',
  'slice',
  'concat',
  'flat',
  'flatMap',
  'toSorted',
  'toReversed',
  'toSpliced',
  'with',
  'split',
]);
const FRESH_STATICS = {
  Object: new Set(['keys', 'values', 'entries', 'fromEntries', 'assign', 'create', 'groupBy']),
  Array: new Set(['from', 'of']),
  JSON: new Set(['parse']),
};
const FRESH_FUNCTIONS = new Set(['structuredClone']);

/** What fresh value `node` builds when returned, or null when it may return a stored one. */
function freshKind(node) {
  switch (node.type) {
    case 'ArrayExpression':
      return 'array';
    case 'ObjectExpression':
      return 'object';
    case 'NewExpression':
    case 'ClassExpression':
      return 'object';
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return 'function';
    case 'LogicalExpression':
      return freshKind(node.left) ?? freshKind(node.right);
    case 'ConditionalExpression':
      return freshKind(node.consequent) ?? freshKind(node.alternate);
    case 'SequenceExpression':
      return freshKind(node.expressions.at(-1));
    case 'ChainExpression':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
      return freshKind(node.expression);
    case 'CallExpression': {
      const c = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
      if (c.type === 'Identifier') return FRESH_FUNCTIONS.has(c.name) ? 'object' : null;
      if (c.type !== 'MemberExpression' || c.computed || c.property.type !== 'Identifier') return null;
      const name = c.property.name;
      if (c.object.type === 'Identifier' && FRESH_STATICS[c.object.name])
        return FRESH_STATICS[c.object.name].has(name) ? 'object' : null;
      return FRESH_METHODS.has(name) ? 'array' : null;
    }
    default:
      return null;
  }
}

/** The `return` arguments of a block, not counting nested functions' own returns. */
function returnsOf(node, out = []) {
  if (!node || typeof node.type !== 'string') return out;
  if (node.type === 'ReturnStatement') {
    if (node.argument) out.push(node.argument);
    return out;
  }
  if (/Function|ClassDeclaration|ClassExpression/.test(node.type)) return out;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(value)) for (const v of value) returnsOf(v, out);
    else if (value && typeof value === 'object') returnsOf(value, out);
  }
  return out;
}

export const stableSelector = {
  meta: {
    type: 'problem',
    docs: { description: 'A store selector returns stored values, never a fresh array or object.' },
    schema: [
      {
        type: 'object',
        properties: { hooks: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      fresh:
        'This selector builds a new {{what}} on every call: React re-renders forever and the window goes blank. ' +
        'Return what the store holds and put the fallback outside (`useX((s) => s.list) ?? NONE`, ' +
        'renderer/ui/empty.ts), derive with useMemo, or wrap the selector in useShallow.',
    },
  },
  create(context) {
    const hooks = new Set(context.options[0]?.hooks ?? ['useConsole', 'useWall']);
    return {
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || !hooks.has(node.callee.name)) return;
        const fn = node.arguments[0];
        if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) return;
        const results = fn.body.type === 'BlockStatement' ? returnsOf(fn.body) : [fn.body];
        for (const r of results) {
          const what = freshKind(r);
          if (what) context.report({ node: r, messageId: 'fresh', data: { what } });
        }
      },
    };
  },
};

export default { rules: { 'stable-selector': stableSelector } };
