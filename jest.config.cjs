// Three tiers: unit (*.spec.ts, no I/O), integration (*.int-spec.ts, real PostgreSQL and
// Kafka wire-protocol broker) and end-to-end (*.e2e-spec.ts, whole stack through the gateway).
const preset = require('./jest.preset.cjs');

const roots = ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'];

module.exports = {
  reporters: ['default', '<rootDir>/tools/testing/summary-reporter.cjs'],
  projects: [
    { ...preset, displayName: 'unit', roots, testMatch: ['**/*.spec.ts'] },
    {
      ...preset,
      displayName: 'integration',
      roots,
      testMatch: ['**/*.int-spec.ts', '**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tools/testing/global-setup.ts',
      globalTeardown: '<rootDir>/tools/testing/global-teardown.ts',
    },
  ],
};
