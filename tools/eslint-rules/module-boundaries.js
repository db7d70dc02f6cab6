// House rule: the layering of STYLE.md §5, checked on every import.
// - another module is imported only through its index.ts;
// - platform/ never imports modules/; shared/ imports nothing from server/ or web/;
// - domain/ code does no I/O (no DB, HTTP framework, fs, or repositories);
// - SQL clients (pg, PGlite) only in server/platform/db;
// - `import('…').T` type expressions obey the same paths as import declarations (type-only, so I/O is allowed);
// - SQL text only in repositories (repository.ts, repository/*.ts), server/platform/db and the platform stores below.
import path from 'node:path';

const IO = /^(pg|@electric-sql\/pglite|fastify|@fastify\/.*|node:fs|fs|node:child_process|exceljs)$/;

// a string that starts like a statement: what a query() call is given. Case-sensitive: the code writes SQL upper-case,
// and Chinese or English prose that happens to start with "select" is not flagged.
const SQL =
  /^\s*(SELECT\s|INSERT\s+INTO\s|UPDATE\s+\w+(\s+\w+)?\s+SET\s|DELETE\s+FROM\s|WITH\s+(RECURSIVE\s+)?\w+\s+AS\s*\(|TRUNCATE\s|ALTER\s+TABLE\s|CREATE\s+(UNIQUE\s+)?(TABLE|INDEX)\s|LOCK\s+TABLE\s)/;
// platform services that own tables of their own (the audit log and its chain, the outbox and its cursors, the key
// ring and the re-sealing of columns) are their own repositories: platform may not import modules, and nothing else
// writes those tables
const SQL_HOMES = [
  /\/repository(\.ts|\/)/,
  /\/server\/platform\/(db|audit|events|crypto)\//,
  /\/server\/test\//,
  /\.test\.ts$/,
];

function moduleOf(file) {
  const m = /server\/modules\/([^/]+)\//.exec(file.split(path.sep).join('/'));
  return m ? m[1] : null;
}

export default {
  meta: { type: 'problem', docs: { description: 'module boundaries of Xiezhi' }, schema: [] },
  create(context) {
    const file = context.filename.split(path.sep).join('/');
    const check = (node, source, typeExpr = false) => {
      if (typeof source !== 'string') return;
      const isTypeOnly = typeExpr || node.importKind === 'type';
      const report = (message) => context.report({ node, message });
      if (!source.startsWith('.')) {
        if (/(pg|@electric-sql\/pglite)$/.test(source) && !file.includes('/server/platform/db/') && !isTypeOnly)
          report(`${source} may only be used in server/platform/db`);
        if (file.includes('/domain/') && IO.test(source) && !isTypeOnly && !file.endsWith('.test.ts'))
          report(`domain code does no I/O: ${source}`);
        if (file.includes('/shared/') && source.startsWith('node:'))
          report('shared/ is browser-safe: no node: imports');
        return;
      }
      const target = path.resolve(path.dirname(file), source).split(path.sep).join('/');
      if (file.includes('/server/platform/') && target.includes('/server/modules/'))
        report('platform/ must not import modules/');
      if (file.includes('/shared/') && (target.includes('/server/') || target.includes('/web/')))
        report('shared/ must not import server/ or web/');
      if (
        file.includes('/domain/') &&
        !file.endsWith('.test.ts') &&
        (/repository(\.ts|\.js)?$/.test(target) || target.includes('/platform/db/')) &&
        !isTypeOnly
      )
        report('domain code does no I/O: no repositories or database');
      const from = moduleOf(file);
      const to = moduleOf(target + '/');
      const toFile = moduleOf(target);
      const mod = toFile ?? to;
      if (mod && mod !== from && toFile) {
        const rest = target.split(`/server/modules/${mod}/`)[1] ?? '';
        if (
          rest &&
          !/^index(\.ts|\.js)?$/.test(rest) &&
          !(rest.startsWith('http/routes') && (file.endsWith('/server/http.ts') || file.endsWith('/server/routes.ts')))
        ) {
          report(`import ${mod} through its index.ts, not ${rest}`);
        }
      }
    };
    const sqlChecked = file.includes('/server/') && !SQL_HOMES.some((r) => r.test(file));
    const sqlText = (node, text) => {
      if (sqlChecked && typeof text === 'string' && SQL.test(text))
        context.report({
          node,
          message: `SQL belongs in a repository (repository.ts or repository/*.ts), not here: ${text.trim().slice(0, 40)}…`,
        });
    };
    return {
      TSImportType: (n) => check(n, n.source?.value ?? n.argument?.literal?.value, true),
      Literal: (n) => sqlText(n, n.value),
      TemplateLiteral: (n) => sqlText(n, n.quasis[0]?.value.cooked),
      ImportDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
    };
  },
};
