// Lint: TypeScript async safety plus the house module-boundary rule (tools/eslint-rules/module-boundaries.js).
import tseslint from 'typescript-eslint';
import boundaries from './tools/eslint-rules/module-boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'test-results/**', '.xiezhi/**', 'web/**/*.vue', 'web/vite.config.ts', 'dist/**'] },
  {
    files: ['server/**/*.ts', 'cli/**/*.ts', 'shared/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'web/src/**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: { allowDefaultProject: ['web/src/lib/*.test.ts'] }, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin, local: { rules: { 'module-boundaries': boundaries } } },
    rules: {
      'local/module-boundaries': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['warn', { fixStyle: 'inline-type-imports' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
);
