// ESLint: typescript-eslint for the code, @graphql-eslint for the SDL, and import boundaries that
// keep the request flow one-way (graph never imports resolvers or the server).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

export default [
  {
    ignores: [
      'node_modules/',
      'dist/',
      'src/generated/',
      'neo4j-local/target/',
      'explorer/dist/',
      '.data/',
      'bench/results/',
      'tests/artifacts/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/graph/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/resolvers/**', '**/server.js', '**/context.js', '**/plugins/**'],
              message: 'src/graph is the lowest layer: it must not import resolvers, plugins or the server.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/resolvers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server.js', 'neo4j-driver'],
              message: 'Resolvers are thin: Cypher and the driver live in src/graph.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['schema/**/*.graphql'],
    languageOptions: { parser: graphqlPlugin.parser },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      '@graphql-eslint/naming-convention': [
        'error',
        {
          types: 'PascalCase',
          FieldDefinition: 'camelCase',
          EnumValueDefinition: 'UPPER_CASE',
          InputValueDefinition: 'camelCase',
        },
      ],
      '@graphql-eslint/no-hashtag-description': 'off',
      '@graphql-eslint/unique-enum-value-names': 'off',
    },
  },
];
