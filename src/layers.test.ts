/**
 * The layer rules in eslint.config.js, each shown refusing the import it exists to refuse and letting
 * through its neighbour that is allowed, so a pattern that stops matching is noticed here.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Only the import rules, parsed without type information: the promise rules need a whole program.
const eslint = new ESLint({
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

const refused = async (filePath: string, from: string, importKind: 'value' | 'type' = 'value') => {
  const source = importKind === 'type' ? `import type { X } from '${from}';\nexport type Y = X;\n` : `import { x } from '${from}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages.map((m) => m.ruleId);
};

describe('the layer rules', () => {
  it('refuse a platform file importing a feature or the composition root', async () => {
    expect(await refused('src/platform/clock.ts', '../contest/service.ts')).toEqual(['no-restricted-imports']);
    expect(await refused('src/platform/http/server.ts', '../../registration/routes.ts')).toEqual(['no-restricted-imports']);
    expect(await refused('src/platform/http/server.ts', '../../server.ts')).toEqual(['no-restricted-imports']);
  });

  it('let platform/auth/service.ts append to the audit chain through the audit service, and nothing else of audit', async () => {
    expect(await refused('src/platform/auth/service.ts', '../../audit/service.ts')).toEqual([]);
    expect(await refused('src/platform/auth/service.ts', '../../audit/queries.ts')).toEqual(['no-restricted-imports']);
    expect(await refused('src/platform/http/server.ts', '../../audit/service.ts')).toEqual(['no-restricted-imports']);
  });

  it('let platform/db-columns.ts import the types of what features store in jsonb, and nothing else of theirs', async () => {
    expect(await refused('src/platform/db-columns.ts', '../registration/records.ts', 'type')).toEqual([]);
    expect(await refused('src/platform/db-columns.ts', '../registration/records.ts')).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await refused('src/platform/db-types.ts', '../registration/records.ts', 'type')).toEqual(['no-restricted-imports']);
  });

  it('refuse a feature reading another feature’s queries.ts, and let it use that feature’s service or its own queries', async () => {
    expect(await refused('src/submission/works.ts', '../registration/queries.ts')).toEqual(['no-restricted-imports']);
    expect(await refused('src/demo/service.ts', '../platform/auth/queries.ts')).toEqual(['no-restricted-imports']);
    expect(await refused('src/server.ts', './registration/queries.ts')).toEqual(['no-restricted-imports']);
    expect(await refused('src/submission/works.ts', '../registration/service.ts')).toEqual([]);
    expect(await refused('src/registration/service.ts', './queries.ts')).toEqual([]);
  });

  it('refuse production code importing a test helper, and let tests do it', async () => {
    expect(await refused('src/submission/works.ts', '../../test/support/test-server.ts')).toEqual(['no-restricted-imports']);
    expect(await refused('src/platform/database.ts', '../../test/support/test-database.ts')).toEqual(['no-restricted-imports']);
    expect(await refused('src/submission/works-flow.test.ts', '../../test/support/test-server.ts')).toEqual([]);
  });
});
