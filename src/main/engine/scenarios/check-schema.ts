// The schema of a step's check: the kinds of truth a scenario may ask the
// engine for, and the sentence that says what each one verifies.
import { z } from 'zod';
import { containerName } from '../../../shared/schemas';

const text = z.string().min(1).max(1000);
const says = { says: z.string().max(300).optional() };
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
        ...says,
      }),
      z.strictObject({
        kind: z.literal('env'),
        container: containerName,
        name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
        value: z.string().optional(),
        ...says,
      }),
      z.strictObject({
        kind: z.literal('listening'),
        container: containerName,
        port: z.number().int().min(1).max(65535),
        address: z.string().optional(),
        ...says,
      }),
      z.strictObject({
        kind: z.literal('reach'),
        from: containerName,
        host: z
          .string()
          .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'A host is a name or an IP address.'),
        port: z.number().int().min(1).max(65535),
        expect: z.boolean().default(true),
        ...says,
      }),
      z.strictObject({
        kind: z.literal('connected'),
        container: containerName,
        port: z.number().int().min(1).max(65535),
        ...says,
      }),
      z.strictObject({ kind: z.literal('running'), container: containerName, ...says }),
    ],
    { error: 'A check has a kind: output, file, env, listening, reach, connected or running.' },
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
    ...(c.kind === 'listening' ? { address: c.address ?? null } : {}),
    says: c.says ?? describeCheck(c),
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
      return `${c.container} listens on port ${c.port}${c.address ? ` at ${c.address}` : ''}`;
    case 'connected':
      return `${c.container} has a connection open to port ${c.port}`;
    case 'reach':
      return `${c.from} ${c.expect ? 'reaches' : 'cannot reach'} ${c.host}:${c.port}`;
    default:
      return `${c.container} is running`;
  }
}
