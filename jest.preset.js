// Shared by every workspace's jest.config.js: SWC transpiles TypeScript (with Nest's decorator
// metadata) and workspace imports resolve to sources, so tests never need a prior build.
const path = require('node:path');

module.exports = function preset(packageDir, overrides = {}) {
  return {
    rootDir: packageDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
          },
        },
      ],
    },
    moduleNameMapper: {
      '^@par-index/config/testing$': path.join(__dirname, 'libs/config/src/testing'),
      '^@par-index/(domain|scoring|eventstore|read-model|config)$': path.join(__dirname, 'libs/$1/src'),
      '^@par-index/projector$': path.join(__dirname, 'apps/projector/src'),
    },
    ...overrides,
  };
};
