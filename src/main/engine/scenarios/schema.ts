// The scenario file's schema: what a person writes (short forms allowed) and
// the plain Scenario it becomes. Every message says what the field should be.
import { z } from 'zod';
import { parsePortSpec, PortSpecError } from '../../../shared/port-spec';
import { keyNames, SCENARIO_FORMAT, type ScenarioAction } from '../../../shared/scenario';
import { containerName, envEntry, imageRef, networkName } from '../../../shared/schemas';
import { check } from './check-schema';
import { issuePath } from './source-lines';

const DURATION_RE = /^(\d+(?:\.\d+)?)\s*(ms|s)$/;

/** 1500, "1500ms" or "1.5s", as milliseconds. */
export const duration = z.union([z.number(), z.string()]).transform((v, ctx) => {
  if (typeof v === 'number') {
    if (v >= 0 && v <= 600_000) return Math.round(v);
  } else {
    const m = DURATION_RE.exec(v.trim());
    if (m) {
      const ms = Number(m[1]) * (m[2] === 's' ? 1000 : 1);
      if (ms <= 600_000) return Math.round(ms);
    }
  }
  ctx.addIssue({
    code: 'custom',
    message:
      'A duration is milliseconds (1500) or a text like "500ms" or "1.5s", at most 10 minutes.',
  });
  return z.NEVER;
});

const port = z.union([z.string(), z.number()]).transform((v, ctx) => {
  try {
    const p = parsePortSpec(String(v));
    return {
      hostIp: p.hostIp ?? '',
      hostPort: p.hostPort,
      containerPort: p.containerPort,
      protocol: p.protocol ?? 'tcp',
    };
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message:
        error instanceof PortSpecError
          ? `${error.message} Write ports as docker run -p does: "127.0.0.1:8080:80", "8080:80" or "1234".`
          : String(error),
    });
    return z.NEVER;
  }
});

const link = z.union([
  containerName.transform((target) => ({ target })),
  z.strictObject({ target: containerName, alias: containerName.optional() }),
]);

const containerSchema = (defaultImage: string | undefined) =>
  z
    .strictObject({
      name: containerName,
      image: imageRef.optional(),
      command: z.string().max(4096).default(''),
      tty: z.boolean().default(true),
      env: z.array(envEntry).max(200).default([]),
      ports: z.array(port).max(100).default([]),
      networks: z.array(networkName).max(10).default([]),
      aliases: z.array(containerName).max(20).default([]),
      links: z.array(link).max(50).default([]),
      expose: z
        .array(z.union([z.number(), z.string()]).transform(String))
        .max(50)
        .pipe(
          z.array(
            z.string().regex(/^\d{1,5}(\/(tcp|udp|sctp))?$/, 'Expose ports as 1234 or "1234/udp".'),
          ),
        )
        .default([]),
    })
    .transform((c, ctx) => {
      const image = c.image ?? defaultImage;
      if (!image) {
        ctx.addIssue({
          code: 'custom',
          message: `Container "${c.name}" has no image: give it one, or give the scenario a default "image".`,
          path: ['image'],
        });
        return z.NEVER;
      }
      return { ...c, image };
    });

const pane = containerName.describe('the container whose console it acts in');

const typeAction = z.strictObject({
  type: z.string().max(10_000),
  in: pane,
  /** Characters a second, or "instant". */
  speed: z
    .union([z.number().min(0).max(1000), z.literal('instant')], {
      error: 'The speed is characters a second (0 to 1000) or "instant".',
    })
    .default(25)
    .transform((s) => (s === 'instant' ? 0 : s)),
  enter: z.boolean().default(true),
});
const keysAction = z.strictObject({
  keys: z.union([z.enum(keyNames), z.array(z.enum(keyNames)).min(1).max(50)]),
  in: pane,
});
const waitAction = z
  .strictObject({
    wait: z.string().min(1).max(1000).optional(),
    regex: z.string().min(1).max(1000).optional(),
    in: pane,
    timeout: duration.default(10_000),
  })
  .superRefine((w, ctx) => {
    if (Boolean(w.wait) === Boolean(w.regex))
      ctx.addIssue({
        code: 'custom',
        message: 'A wait has either "wait: text" or "regex: pattern".',
      });
    if (w.regex) {
      try {
        new RegExp(w.regex);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          message: `Not a regular expression: ${(error as Error).message}`,
          path: ['regex'],
        });
      }
    }
  });
const pauseAction = z.strictObject({ pause: duration });

const ACTION_KEYS = {
  type: typeAction,
  keys: keysAction,
  wait: waitAction,
  regex: waitAction,
  pause: pauseAction,
};

/** An action is chosen by its key (type, keys, wait/regex, pause), so errors speak of that action only. */
const action = z.unknown().transform((raw, ctx): ScenarioAction => {
  const key =
    raw && typeof raw === 'object' ? Object.keys(ACTION_KEYS).find((k) => k in raw) : undefined;
  if (!key) {
    ctx.addIssue({
      code: 'custom',
      message: 'An action is one of: type, keys, wait (or regex), pause.',
    });
    return z.NEVER;
  }
  const parsed = ACTION_KEYS[key as keyof typeof ACTION_KEYS].safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue({
        code: 'custom',
        message: issue.message,
        path: issuePath(issue),
      });
    return z.NEVER;
  }
  const a = parsed.data as Record<string, unknown>;
  if ('type' in a)
    return {
      kind: 'type',
      pane: a.in as string,
      text: a.type as string,
      speed: a.speed as number,
      enter: a.enter as boolean,
    };
  if ('keys' in a)
    return {
      kind: 'keys',
      pane: a.in as string,
      keys: [a.keys].flat() as (typeof keyNames)[number][],
    };
  if ('pause' in a) return { kind: 'pause', ms: a.pause as number };
  return {
    kind: 'wait',
    pane: a.in as string,
    text: (a.wait as string | undefined) ?? null,
    regex: (a.regex as string | undefined) ?? null,
    timeoutMs: a.timeout as number,
  };
});

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'An id is lowercase letters, digits and dashes.');

const probe = z.strictObject({
  from: z.string().min(1).max(64),
  as: z.string().max(64).optional(),
  host: z.string().max(200).default('127.0.0.1'),
  port: z.number().int().min(1).max(65535),
  to: z.string().max(200).optional(),
  never: z.string().max(300).optional(),
});

/** A button a lesson step offers: re-create a container, or probe who reaches whom. */
const offer = z.union(
  [
    z
      .strictObject({ recreate: containerName, label: z.string().max(60).optional() })
      .transform((o) => ({
        kind: 'recreate' as const,
        id: `recreate-${o.recreate}`,
        label: o.label ?? `Re-create ${o.recreate}`,
        container: o.recreate,
      })),
    z
      .strictObject({ probe: z.array(probe).min(1).max(20), label: z.string().max(60).optional() })
      .transform((o) => ({
        kind: 'probe' as const,
        id: 'probe',
        label: o.label ?? 'Probe',
        probes: o.probe.map((p) => ({
          from: p.from,
          as: p.as ?? null,
          host: p.host,
          port: p.port,
          to: p.to ?? null,
          never: p.never ?? null,
        })),
      })),
  ],
  { error: 'An offer is { recreate: CONTAINER } or { probe: [ { from, host, port }, … ] }.' },
);

const step = z.strictObject({
  id: slug.optional(),
  title: z.string().min(1).max(200),
  caption: z.string().max(1000).optional(),
  text: z.string().max(4000).optional(),
  actions: z.array(action).max(100).default([]),
  check: check.optional(),
  offer: offer.optional(),
  /** In autoplay, the wait after this step. */
  after: duration.default(1000),
});

export const scenarioFile = z
  .strictObject({
    format: z.literal(SCENARIO_FORMAT, {
      error: `The first line names the format: "format: ${SCENARIO_FORMAT}".`,
    }),
    id: slug.optional(),
    title: z.string().min(1).max(200),
    description: z.string().max(4000).default(''),
    unsupported: z
      .strictObject({
        podman: z.string().max(1000).optional(),
        'docker-engine': z.string().max(1000).optional(),
        'docker-desktop': z.string().max(1000).optional(),
      })
      .default({}),
    image: imageRef.optional(),
    networks: z.array(networkName).max(20).default([]),
    containers: z.array(z.unknown()).min(1).max(30),
    steps: z.array(step).min(1).max(500),
  })
  .transform((f, ctx) => {
    const containers = f.containers.flatMap((raw, i) => {
      const parsed = containerSchema(f.image).safeParse(raw);
      if (parsed.success) return [parsed.data];
      for (const issue of parsed.error.issues)
        ctx.addIssue({
          code: 'custom',
          message: issue.message,
          path: ['containers', i, ...issuePath(issue)],
        });
      return [];
    });
    return { ...f, containers };
  });

export type ScenarioFile = z.output<typeof scenarioFile>;
