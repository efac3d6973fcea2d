// ESLint: typescript-eslint for the code, @graphql-eslint for the SDL, and the floors of the house.
// A request flows one way, http → resolvers → request → graph → inputs/domain, and inside the graph
// read/write/bulk/analysis → core: `import-x/no-restricted-paths` refuses an import that runs back
// up, `import-x/no-cycle` refuses a cycle anywhere.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Where GraphQL documents live in code: checked against the SDL by @graphql-eslint. */
const DOCUMENT_HOMES = ['explorer/src', 'tests', 'bench', 'scripts'];

const TOP = ['./src/main.ts', './src/server.ts'];
const HTTP = ['./src/http'];
const RESOLVERS = ['./src/resolvers'];
const REQUEST = ['./src/request'];
const INTERCHANGE = ['./src/interchange'];
const ABOVE_GRAPH = [...TOP, ...HTTP, ...RESOLVERS, ...REQUEST, ...INTERCHANGE];
const GRAPH_WINGS = ['./src/graph/read', './src/graph/write', './src/graph/bulk', './src/graph/analysis'];

/** One zone: `target` may not import from `from`. */
const zone = (target, from, floor) => ({ target, from, message: `${floor}: this import runs back up the house.` });
const FLOORS = [
  zone(
    ['./src/config.ts', './src/logger.ts', './src/errors.ts'],
    ['./src', './neo4j-local'],
    'config, logger and errors are the ground floor',
  ),
  zone('./src/domain', ['./src/graph', './src/inputs', './src/auth.ts', ...ABOVE_GRAPH], 'src/domain holds pure rules'),
  zone('./src/inputs', ['./src/graph', './src/auth.ts', ...ABOVE_GRAPH], 'src/inputs validates input for the graph'),
  zone('./src/graph', [...ABOVE_GRAPH, './src/auth.ts'], 'src/graph is below resolvers and the request'),
  zone('./src/graph/core', GRAPH_WINGS, 'graph/core is the floor the other wings stand on'),
  zone('./src/graph/read', ['./src/graph/write', './src/graph/bulk', './src/graph/analysis'], 'graph/read'),
  zone('./src/graph/write', ['./src/graph/bulk', './src/graph/analysis'], 'graph/write'),
  zone('./src/graph/bulk', ['./src/graph/analysis'], 'graph/bulk'),
  zone('./src/graph/analysis', ['./src/graph/write', './src/graph/bulk'], 'graph/analysis reads only'),
  zone('./src/request', [...TOP, ...HTTP, ...RESOLVERS], 'src/request is below the resolvers'),
  zone('./src/resolvers', [...TOP, ...HTTP, ...INTERCHANGE], 'src/resolvers is below the HTTP edge'),
  zone('./src/interchange', [...TOP, ...HTTP, ...RESOLVERS, ...REQUEST], 'src/interchange is below the HTTP edge'),
  zone('./src/http', TOP, 'src/http is below the composition root'),
];

export default [
  {
    ignores: [
      'node_modules/',
      'dist/',
      'src/generated/',
      'explorer/src/generated/',
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
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: FLOORS }],
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
  // GraphQL documents in code (tagged with gql, graphql() or a /* GraphQL */ comment) are
  // extracted and checked against the SDL, so a schema change that breaks one fails lint with its
  // file and line.
  {
    files: DOCUMENT_HOMES.map((home) => `${home}/**/*.ts`),
    processor: graphqlPlugin.processor,
  },
  {
    files: DOCUMENT_HOMES.map((home) => `${home}/**/*.graphql`),
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: {
        graphQLConfig: { schema: 'schema/*.graphql', documents: DOCUMENT_HOMES.map((h) => `${h}/**/*.ts`) },
      },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      '@graphql-eslint/fields-on-correct-type': 'error',
      '@graphql-eslint/known-argument-names': 'error',
      '@graphql-eslint/known-type-names': 'error',
      '@graphql-eslint/known-directives': 'error',
      '@graphql-eslint/known-fragment-names': 'error',
      '@graphql-eslint/no-undefined-variables': 'error',
      '@graphql-eslint/no-unused-variables': 'error',
      '@graphql-eslint/provided-required-arguments': 'error',
      '@graphql-eslint/scalar-leafs': 'error',
      '@graphql-eslint/value-literals-of-correct-type': 'error',
      '@graphql-eslint/variables-are-input-types': 'error',
      '@graphql-eslint/variables-in-allowed-position': 'error',
      '@graphql-eslint/no-anonymous-operations': 'error',
      '@graphql-eslint/no-deprecated': 'error',
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
