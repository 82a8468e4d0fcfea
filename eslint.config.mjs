import nx from '@nx/eslint-plugin';

const layers = ['type:app', 'type:feature', 'type:data-access', 'type:domain', 'type:util', 'type:contracts'];
// A type uses its own layer and those to its right; contracts use nothing of ours.
// Test files may also use type:testing.
const boundaries = (inTests) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    banTransitiveDependencies: false,
    allow: [],
    depConstraints: [
      ...layers.map((tag, index) => ({
        sourceTag: tag,
        onlyDependOnLibsWithTags: [
          ...(tag === 'type:contracts' ? [] : layers.slice(tag === 'type:app' ? index + 1 : index)),
          ...(inTests ? ['type:testing'] : []),
        ],
      })),
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [...layers, 'type:testing'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      {
        sourceTag: 'type:domain',
        onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:contracts', ...(inTests ? ['type:testing'] : [])],
        bannedExternalImports: ['typeorm', '@nestjs/typeorm', 'pg', 'kafkajs', '@grpc/*'],
      },
    ],
  },
];
const testFiles = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/node_modules', '**/dist', '**/tmp', 'libs/contracts/src/generated/**'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: testFiles, rules: { '@nx/enforce-module-boundaries': boundaries(true) } },
  // Whole-stack tests start every app through tools/testing/platform-harness.ts: they alone
  // see across app boundaries, and nothing imports them.
  { files: ['apps/*/e2e/**/*.ts'], rules: { '@nx/enforce-module-boundaries': 'off' } },
  {
    files: ['apps/*/src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['typeorm', '@nestjs/*', 'pg', 'kafkajs', '@grpc/*', '@motcua/persistence', '@motcua/messaging', '@motcua/rpc'] },
      ],
    },
  },
];
