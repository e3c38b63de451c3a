import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../main.js';

/** The parts of a synthesised Terraform JSON document the tests read. */
export interface SynthesisedStack {
  dir: string;
  json: {
    resource: Record<string, Record<string, Record<string, unknown>>>;
    output?: Record<string, { value: unknown; sensitive?: boolean }>;
    variable?: Record<string, { default?: unknown; sensitive?: boolean }>;
    terraform: { backend: Record<string, Record<string, unknown>> };
    provider: Record<string, Record<string, unknown>[]>;
  };
}

/** Synthesises both stacks into a fresh folder, with optional LEARNTRAC_* overrides. */
export function synthesise(env: NodeJS.ProcessEnv = {}): {
  dev: SynthesisedStack;
  prod: SynthesisedStack;
  outdir: string;
  cleanup: () => void;
} {
  const outdir = mkdtempSync(path.join(tmpdir(), 'learntrac-synth-'));
  buildApp({ outdir, env }).synth();
  const read = (name: string): SynthesisedStack => {
    const dir = path.join(outdir, 'stacks', `learntrac-${name}`);
    return { dir, json: JSON.parse(readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')) };
  };
  return {
    dev: read('dev'),
    prod: read('prod'),
    outdir,
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** All resources of one Terraform type, as [logical id, configuration] pairs. */
export function resourcesOf(
  stack: SynthesisedStack,
  type: string,
): [string, Record<string, unknown>][] {
  return Object.entries(stack.json.resource[type] ?? {});
}

export function only(stack: SynthesisedStack, type: string): Record<string, unknown> {
  const found = resourcesOf(stack, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]![1];
}

/** The `${aws_x.y.attr}` reference of a resource, as it appears in other resources. */
export function refTo(
  stack: SynthesisedStack,
  type: string,
  predicate: (r: Record<string, unknown>) => boolean,
  attr = 'id',
): string {
  const match = resourcesOf(stack, type).find(([, r]) => predicate(r));
  if (!match) throw new Error(`no ${type} matches`);
  return `\${${type}.${match[0]}.${attr}}`;
}
