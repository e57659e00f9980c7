// ESLint rule `vigie/layers`: main/'s layers, checked on every relative import once resolved (as VS
// Code's code-import-patterns does). main/platform/ imports only common/ and main/platform/: no
// domain knowledge. A domain (main/<group>/<domain>/) imports common/, main/platform/, itself, and
// the domains its entry in the table names (option `domains`, kept in eslint.config.mjs); a domain
// missing from the table is an error. Only main/app/ composes domains. Product files only: a test
// assembles real parts the way main/app/ does.
import path from 'node:path';

/** The zone of a path relative to the repository: common, platform, app, a domain, or null. */
function zoneOf(rel) {
  const parts = rel.split('/');
  if (parts[0] === 'common') return { kind: 'common' };
  if (parts[0] !== 'main' || parts.length < 3) return null;
  if (parts[1] === 'platform') return { kind: 'platform' };
  if (parts[1] === 'app') return { kind: 'app' };
  if (parts.length < 4) return null;
  return { kind: 'domain', name: `${parts[1]}/${parts[2]}` };
}

const layers = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: {
          domains: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      platform:
        'main/platform/ imports only common/ and main/platform/ (here {{target}}): pass it in as a dependency.',
      app: '{{source}} may not import main/app/: only main/app/ composes domains.',
      domain:
        '{{source}} may not import the {{target}} domain: list it for {{source}} in DOMAINS (eslint.config.mjs), ' +
        'or take what it needs in its deps object.',
      unlisted:
        'The {{source}} domain is not in DOMAINS (eslint.config.mjs): list it with the domains it imports.',
    },
  },
  create(context) {
    const table = context.options[0]?.domains ?? {};
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const source = zoneOf(file);
    if (!source || source.kind === 'app' || source.kind === 'common') return {};
    if (source.kind === 'domain' && !Object.hasOwn(table, source.name)) {
      return {
        Program(node) {
          context.report({ node, messageId: 'unlisted', data: { source: source.name } });
        },
      };
    }
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = zoneOf(
        path
          .relative(root, path.resolve(path.dirname(context.filename), spec))
          .split(path.sep)
          .join('/'),
      );
      if (!target || target.kind === 'common') return;
      if (source.kind === 'platform') {
        if (target.kind !== 'platform')
          context.report({
            node,
            messageId: 'platform',
            data: { target: target.name ?? `main/${target.kind}/` },
          });
        return;
      }
      if (target.kind === 'platform') return;
      if (target.kind === 'app') {
        context.report({ node, messageId: 'app', data: { source: source.name } });
        return;
      }
      if (target.name !== source.name && !table[source.name].includes(target.name))
        context.report({ node, messageId: 'domain', data: { source: source.name, target: target.name } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { layers } };
