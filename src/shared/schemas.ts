// Input schemas: every value that crosses into the main process is parsed here first.
import { z } from 'zod';
import { imageReferenceProblem } from './image-reference';
import { ipVersion } from './ip-address';
import { ENGINE_KEY_RE } from './engine-view';

// Docker's own rule for container names (daemon/names.go), which also serves networks.
const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export const containerName = z
  .string()
  .trim()
  .regex(NAME_RE, {
    message:
      'Container names are at least 2 characters: letters, digits, "_", "." or "-", starting with a letter or digit.',
  })
  .max(128);

export const networkName = z
  .string()
  .trim()
  .regex(NAME_RE, {
    message:
      'Network names are at least 2 characters: letters, digits, "_", "." or "-", starting with a letter or digit.',
  })
  .max(128);

/** A container or network id or name as the engine accepts it. */
export const ref = z
  .string()
  .trim()
  .min(1, { message: 'Pick a container or network.' })
  .max(128)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, { message: 'Not a valid id or name.' });

export const imageRef = z
  .string()
  .trim()
  .min(1, { message: 'Name an image, e.g. crosstalk-test:latest.' })
  .max(512)
  .check((ctx) => {
    const problem = imageReferenceProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });

/** The id of an engine shown in a window (see shared/engine-view.ts). */
export const engineKey = z.string().regex(ENGINE_KEY_RE, {
  message: 'Not an engine id (such as lab-node1, default or context:NAME).',
});

export const portNumber = z
  .number({ message: 'Ports are whole numbers.' })
  .int({ message: 'Ports are whole numbers.' })
  .min(1, { message: 'Ports are between 1 and 65535.' })
  .max(65535, { message: 'Ports are between 1 and 65535.' });

/** Where a published port listens: an IP address of the host, or empty for all of them. */
export const hostIp = z
  .string()
  .trim()
  .refine((v) => v === '' || ipVersion(v) !== 0, {
    message:
      'The host address is an IP address such as 127.0.0.1, ::1 or 0.0.0.0 (or empty for all).',
  });

export const protocol = z.enum(['tcp', 'udp', 'sctp']);

export const portBindingInput = z.object({
  hostIp: hostIp.default(''),
  hostPort: portNumber,
  containerPort: portNumber,
  protocol: protocol.default('tcp'),
});
export type PortBindingInput = z.input<typeof portBindingInput>;

export const envEntry = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*=.*$/s, { message: 'Environment entries are NAME=value.' });

export const linkInput = z.object({
  target: containerName,
  alias: containerName.optional(),
});

/** `--expose PORT[/PROTO]`: a port from 1 to 65535. */
export const exposedPort = z.string().refine(
  (v) => {
    const m = /^(\d{1,5})(\/(tcp|udp|sctp))?$/.exec(v);
    return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= 65535;
  },
  { message: 'Exposed ports are 1 to 65535, optionally with /tcp, /udp or /sctp, e.g. 1234/tcp.' },
);

/** Options that each make sense alone but not together, refused with the reason. */
function refuseContradictions(
  spec: { network?: string | undefined; ports: unknown[]; links: unknown[] },
  ctx: z.RefinementCtx,
): void {
  const net = spec.network;
  if ((net === 'host' || net === 'none') && spec.ports.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['ports'],
      message:
        net === 'host'
          ? 'Published ports do nothing on network "host": the container already uses the host\'s own ports. Remove the ports, or pick another network.'
          : 'Published ports need a network: on network "none" there is nothing to publish from. Remove the ports, or pick another network.',
    });
  }
  if ((net === 'host' || net === 'none') && spec.links.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['links'],
      message: `Links need a network of their own: on network "${net}" there is no one to link to. Remove the links, or pick another network.`,
    });
  }
}

export const labId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'Lab ids are lowercase words joined by "-".' });

export const createContainerInput = z
  .object({
    image: imageRef,
    name: containerName.optional(),
    /** What to run, as a shell would split it; empty keeps the image's default. */
    command: z.string().max(4096).default(''),
    env: z.array(envEntry).max(200).default([]),
    tty: z.boolean().default(true),
    ports: z.array(portBindingInput).max(100).default([]),
    network: networkName.optional(),
    /** Extra names on that (user-defined) network. */
    aliases: z.array(containerName).max(20).default([]),
    links: z.array(linkInput).max(50).default([]),
    /** Ports to expose without publishing (`--expose`), e.g. for legacy link variables. */
    expose: z.array(exposedPort).max(50).default([]),
    labId: labId.optional(),
    start: z.boolean().default(true),
  })
  .superRefine(refuseContradictions);
export type CreateContainerInput = z.input<typeof createContainerInput>;
export type CreateContainerSpec = z.output<typeof createContainerInput>;

export const createNetworkInput = z.object({
  name: networkName,
  labId: labId.optional(),
});
export type CreateNetworkInput = z.input<typeof createNetworkInput>;

/** `docker network connect [--alias a]... [--link y] NET CTR` */
export const connectNetworkInput = z.object({
  network: ref,
  container: ref,
  aliases: z.array(containerName).max(10).default([]),
  links: z.array(linkInput).max(20).default([]),
});
export type ConnectNetworkSpec = z.output<typeof connectNetworkInput>;

export const disconnectNetworkInput = z.object({ network: ref, container: ref });
export type DisconnectNetworkSpec = z.output<typeof disconnectNetworkInput>;

export const consoleId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{6,64}$/, { message: 'Console ids are 6–64 URL-safe characters.' });

export const terminalSize = z.object({
  cols: z.number().int().min(2).max(1000),
  rows: z.number().int().min(1).max(500),
});

export const openConsoleInput = z.object({
  consoleId,
  container: ref,
  /** attach: the container's own TTY; exec: a new shell inside it. */
  mode: z.enum(['attach', 'exec']),
  cols: terminalSize.shape.cols.default(80),
  rows: terminalSize.shape.rows.default(24),
});
export type OpenConsoleInput = z.input<typeof openConsoleInput>;
