import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// Domain folders never reach into the delivery layers (cli, server) — dependencies point inwards.
const deliveryLayers = {
  patterns: [
    {
      group: ['**/cli/**', '../cli/*', '**/server/**', '../server/*'],
      message: 'domain code must not import cli/ or server/',
    },
    {
      group: ['fastify', 'commander', 'cli-progress'],
      message: 'domain code stays free of delivery frameworks',
    },
  ],
}

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'docs', 'coverage', 'bin', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // The console is a browser app with a tsconfig of its own (DOM, JSX, bundler resolution),
    // outside the root project the project service reads.
    files: ['console/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './console/tsconfig.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/server/**'],
    rules: { 'no-restricted-imports': ['error', deliveryLayers] },
  },
  {
    // Migrations take Kysely<any> on purpose: frozen in time, they never see the app's types.
    files: ['src/store/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests read JSON files they wrote themselves; asserting on parsed JSON is the point.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
)
