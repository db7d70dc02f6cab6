// Lint: TypeScript async safety plus the house module-boundary rule (tools/eslint-rules/module-boundaries.js), and
// the Vue essentials over the single-file components. Formatting is Prettier's (.prettierrc.json), not ESLint's.
import tseslint from 'typescript-eslint';
import boundaries from './tools/eslint-rules/module-boundaries.js';
import pluginVue from 'eslint-plugin-vue';

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'test-results/**', '.xiezhi/**', 'web/vite.config.ts', 'dist/**'] },
  {
    files: [
      'server/**/*.ts',
      'cli/**/*.ts',
      'shared/**/*.ts',
      'scripts/**/*.ts',
      'bench/**/*.ts',
      'e2e/**/*.ts',
      'web/src/**/*.ts',
    ],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: { allowDefaultProject: ['web/src/lib/*.test.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, local: { rules: { 'module-boundaries': boundaries } } },
    rules: {
      'local/module-boundaries': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['warn', { fixStyle: 'inline-type-imports' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      // ExcelJS's own XLSX reader garbles multi-byte text across chunks; the platform's wrapper mends it
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'exceljs',
              message: 'import { ExcelJS } from server/platform/export (it mends the reader)',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  // Single-file components: the Vue rules that catch real bugs, and the template/script parsed with TypeScript. Type-
  // aware rules stay on the .ts files: TypeScript's project service cannot read .vue without Volar (vue-tsc covers them).
  ...pluginVue.configs['flat/essential'].map((c) => ({ ...c, files: ['web/src/**/*.vue'] })),
  {
    files: ['web/src/**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'vue/multi-word-component-names': 'off',
      '@typescript-eslint/consistent-type-imports': ['warn', { fixStyle: 'inline-type-imports' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
);
