module.exports = require('../../jest.preset.js')(__dirname, {
  globalSetup: '../../libs/config/src/testing/global-setup.ts',
  globalTeardown: '../../libs/config/src/testing/global-teardown.ts',
  testTimeout: 60000,
});
