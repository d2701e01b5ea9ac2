import type { CodegenConfig } from '@graphql-codegen/cli';

// GraphQL Code Generator's configuration (`npm run codegen`): typed documents for the integration tests,
// checked against the API schema clients see. scripts/codegen.spec.ts fails while test/generated/ is stale.

/** Where the generated module goes; it is committed, so `npm test` on a fresh clone needs no extra step. */
export const GENERATED_DIRECTORY = 'test/generated/';

const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: [
    // The tests' `gql(...)` documents; the harness's `graphql(...)` request function takes plain strings too
    // (tests not converted, deliberately invalid documents), so only `gql` marks a document to generate.
    'test/**/*.ts',
    `!${GENERATED_DIRECTORY}**`,
    // The operations registered for machine clients: tests send their exact text, typed by these results.
    'gateway/persisted-operations/**/*.graphql',
  ],
  pluckConfig: { globalGqlIdentifierName: 'gql', gqlMagicComment: 'typed-graphql' },
  ignoreNoDocuments: false,
  generates: {
    [GENERATED_DIRECTORY]: {
      preset: 'client',
      presetConfig: { gqlTagName: 'gql', fragmentMasking: false },
      config: {
        scalars: { DateTimeISO: 'string', SafeInt: 'number' },
        // A new custom scalar must be given a type here rather than turning into `any`.
        strictScalars: true,
        enumsAsTypes: true,
        skipTypename: true,
        // A nullable field in an answer is `T | null`, never left out (it is always in the response).
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        useTypeImports: true,
        onlyOperationTypes: true,
      },
    },
  },
};

export default config;
