// The schema of a step's check: the kinds of truth a scenario may ask the
// engine for, and the sentence that says what each one verifies.
import { z } from 'zod';
import { containerName } from '../../../shared/schemas';

const text = z.string().min(1).max(1000);
const says = {
  says: z.string().max(300).optional(),
  passed: z.string().max(500).optional(),
  recreated: z.array(containerName).max(10).default([]),
};
/** An address or name, or a {{fact}} that becomes one. */
const address = z
  .string()
  .regex(
    /^([A-Za-z0-9][A-Za-z0-9_.:-]*|\{\{[^}]+\}\})$/,
    'A host is a name, an IP address or a {{fact}}.',
  );
export const check = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({
        kind: z.literal('output'),
        container: containerName,
        contains: text.optional(),
        matches: text.optional(),
        ...says,
      }),
      z.strictObject({
        kind: z.literal('file'),
        container: containerName,
        path: z.string().regex(/^\/[^\0]*$/, 'A path inside the container, starting with "/".'),
        contains: text.optional(),
        matches: text.optional(),
        absent: z.boolean().default(false),
        shown: z.boolean().default(false),
        ...says,
      }),
      z.strictObject({
        kind: z.literal('env'),
        container: containerName,
        name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
        value: z.string().optional(),
        shown: z.boolean().default(false),
        ...says,
      }),
      z.strictObject({
        kind: z.literal('listening'),
        container: containerName,
        port: z.number().int().min(1).max(65535),
        address: z.string().optional(),
        scope: z.enum(['loopback', 'all']).optional(),
        ...says,
      }),
      z.strictObject({
        kind: z.literal('reach'),
        from: containerName,
        host: address,
        port: z.number().int().min(1).max(65535),
        expect: z.boolean().default(true),
        ...says,
      }),
      z.strictObject({
        kind: z.literal('connected'),
        container: containerName,
        port: z.number().int().min(1).max(65535),
        to: address.optional(),
        ...says,
      }),
      z.strictObject({
        kind: z.literal('resolves'),
        container: containerName,
        name: containerName,
        target: containerName,
        network: z.string().min(1).max(128),
        ...says,
      }),
      z.strictObject({
        kind: z.literal('link-broken'),
        container: containerName,
        target: containerName,
        ...says,
      }),
      z.strictObject({ kind: z.literal('running'), container: containerName, ...says }),
    ],
    {
      error:
        'A check has a kind: output, file, env, listening, reach, connected, running, resolves or link-broken.',
    },
  )
  .superRefine((c, ctx) => {
    if ((c.kind === 'output' || c.kind === 'file') && !c.contains === !c.matches)
      ctx.addIssue({
        code: 'custom',
        message: `An ${c.kind} check has either "contains" or "matches".`,
      });
    const pattern = 'matches' in c ? c.matches : undefined;
    if (pattern) {
      try {
        new RegExp(pattern);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          message: `Not a regular expression: ${(error as Error).message}`,
          path: ['matches'],
        });
      }
    }
  })
  .transform((c) => ({
    ...c,
    ...(c.kind === 'output' || c.kind === 'file'
      ? { contains: c.contains ?? null, matches: c.matches ?? null }
      : {}),
    ...(c.kind === 'env' ? { value: c.value ?? null } : {}),
    ...(c.kind === 'listening' ? { address: c.address ?? null, scope: c.scope ?? null } : {}),
    ...(c.kind === 'connected' ? { to: c.to ?? null } : {}),
    says: c.says ?? describeCheck(c),
    passed: c.passed ?? null,
  }));

function describeCheck(c: { kind: string } & Record<string, unknown>): string {
  switch (c.kind) {
    case 'output':
      return `${c.container} printed ${c.contains ? `"${c.contains}"` : `text matching /${c.matches}/`}`;
    case 'file':
      return `${c.container}’s ${c.path} ${c.absent ? 'has no' : 'has'} ${c.contains ? `"${c.contains}"` : `line matching /${c.matches}/`}`;
    case 'env':
      return `${c.container}’s environment has ${c.name}${c.value ? `=${c.value}` : ''}`;
    case 'listening':
      return `${c.container} listens on port ${c.port}${c.address ? ` at ${c.address}` : ''}${c.scope === 'loopback' ? ' on loopback only' : c.scope === 'all' ? ' beyond loopback' : ''}`;
    case 'connected':
      return `${c.container} has a connection open to ${c.to ? `${c.to}:` : 'port '}${c.port}`;
    case 'resolves':
      return `${c.name} resolves in ${c.container} to ${c.target}’s address on ${c.network}`;
    case 'link-broken':
      return `${c.container}’s link no longer leads to ${c.target}`;
    case 'reach':
      return `${c.from} ${c.expect ? 'reaches' : 'cannot reach'} ${c.host}:${c.port}`;
    default:
      return `${c.container} is running`;
  }
}
