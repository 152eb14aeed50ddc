// Attaching to a container's main process. dockerode sends attach's options both
// in the query string and as a JSON request body; Docker ignores the body, but
// Podman feeds it to the container's stdin, so every console began with
// `{"stdin":true,…}` typed into its shell. Here the options travel only in the
// query string and the body is empty, which both engines take cleanly.
import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';

export function attachStream(docker: Dockerode, containerId: string): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/containers/${encodeURIComponent(containerId)}/attach?`,
        method: 'POST',
        isStream: true,
        hijack: true,
        openStdin: true,
        // An empty buffer is sent as the body with Content-Length: 0.
        file: Buffer.alloc(0),
        headers: { 'Content-Type': 'text/plain' },
        statusCodes: { 101: true, 200: true, 404: 'no such container', 500: 'server error' },
        options: { _query: { stream: 1, stdin: 1, stdout: 1, stderr: 1 } },
      },
      (error: unknown, stream: unknown) =>
        error ? reject(error as Error) : resolve(stream as Duplex),
    );
  });
}
