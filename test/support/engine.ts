// The one engine the tests talk to, decided in one place: DOCKER_HOST when it is set (read by
// the product's own discovery, TLS variables included), so a suite can run against another
// engine; otherwise the default socket.
import type Dockerode from 'dockerode';
import { dockerFor, engineTargetFromEnvironment } from '../../src/main/engine/connect';
import { parseHost, type EngineEndpoint } from '../../src/main/engine/discovery';

export const TEST_IMAGE = 'crosstalk-test:latest';

function testEndpoint(): EngineEndpoint {
  if (process.env['DOCKER_HOST']) return engineTargetFromEnvironment().endpointInfo;
  return parseHost('unix:///var/run/docker.sock', null, {
    source: 'default socket',
    sourceDetail: 'the tests’ default engine',
    contextName: null,
    machineName: null,
  });
}

export const TEST_ENGINE: EngineEndpoint = testEndpoint();
/** The engine's URL as the app shows it (unix:///var/run/docker.sock by default). */
export const ENDPOINT = TEST_ENGINE.url;

/** The engine's unix socket, for tests that speak to the socket itself. */
export function socketPath(): string {
  if (!TEST_ENGINE.socketPath)
    throw new Error(`This test needs a unix-socket engine; DOCKER_HOST is ${ENDPOINT}.`);
  return TEST_ENGINE.socketPath;
}

/** A new client for the tests' engine. */
export const newDocker = (): Dockerode => dockerFor(TEST_ENGINE);

/** The tests' own line to the engine, for setting the stage and reading the truth. */
export const docker = newDocker();
