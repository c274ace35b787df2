// ESLint (flat config) for all of www/'s JavaScript: `npm run lint` runs it, then the type
// check (tsc with tsconfig.json and tests/tsconfig.json).
import js from '@eslint/js';

export default [
  { ignores: ['dist/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The type check resolves every name against the globals the file really has
      // (browser, Node, extension), which one ESLint environment per folder would only repeat.
      'no-undef': 'off',
      'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
      'object-shorthand': 'error',
      'no-throw-literal': 'error',
    },
  },
];
