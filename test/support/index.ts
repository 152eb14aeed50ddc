// Shared by the integration tests (*.int.test.ts): the tests' engine, unique names and
// clean-up by label, a client connected as the transports connect, exec into containers.
// Never a mock. Outside src/: product code may not import it (eslint), the app never ships it.
export * from './app';
export * from './engine';
export * from './exec';
export * from './resources';
export * from './test-client';
export * from './waiting';
export * from './docker-contexts';
