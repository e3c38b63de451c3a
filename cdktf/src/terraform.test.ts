import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type SynthesisedStack, synthesise } from './testing/synth.js';

// Terraform is in no package registry, so these checks run only where a machine has it
// and the AWS provider mirrored; elsewhere they are skipped with the reason printed.
const terraform = process.env.TERRAFORM_BIN ?? '/usr/local/bin/terraform';
const mirror = process.env.TF_PROVIDER_MIRROR ?? '/opt/tf-plugins';
const providerDir = path.join(mirror, 'registry.terraform.io/hashicorp/aws/5.100.0');
const missing = !existsSync(terraform)
  ? `no terraform binary at ${terraform}`
  : !existsSync(providerDir)
    ? `no AWS provider 5.100.0 mirrored under ${mirror}`
    : '';
if (missing) console.warn(`Skipping terraform validate/plan: ${missing}`);

const work = mkdtempSync(path.join(tmpdir(), 'learntrac-tf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cliConfig = path.join(work, 'cli.tfrc');
writeFileSync(
  cliConfig,
  `provider_installation {\n  filesystem_mirror {\n    path = "${mirror}"\n  }\n}\n`,
);
const env = {
  ...process.env,
  TF_CLI_CONFIG_FILE: cliConfig,
  TF_IN_AUTOMATION: '1',
  TF_INPUT: '0',
  CHECKPOINT_DISABLE: '1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_EC2_METADATA_DISABLED: 'true',
};

/**
 * Test-time overrides only: a local backend instead of the S3 one, and provider settings
 * that stop the provider from calling AWS to check the (fake) credentials.
 */
function writeOfflineOverrides(stack: SynthesisedStack) {
  const offline = {
    skip_credentials_validation: true,
    skip_requesting_account_id: true,
    skip_metadata_api_check: true,
  };
  const providers = stack.json.provider.aws!.map((block) => ({
    ...(block.alias ? { alias: block.alias } : {}),
    ...offline,
  }));
  writeFileSync(
    path.join(stack.dir, 'offline_override.tf.json'),
    JSON.stringify({
      terraform: { backend: { local: { path: 'terraform.tfstate' } } },
      provider: { aws: providers },
    }),
  );
}

function run(stack: SynthesisedStack, args: string[]) {
  const result = spawnSync(terraform, [...args, '-no-color'], {
    cwd: stack.dir,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`terraform ${args[0]} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

describe.skipIf(Boolean(missing))('terraform on the synthesised output', () => {
  const standard = synthesise();
  // Every switch on, so the optional resources are validated as well.
  const everything = synthesise({
    LEARNTRAC_DEV_ENABLE_CLOUDFRONT: 'true',
    LEARNTRAC_DEV_ENABLE_WAF: 'true',
    LEARNTRAC_DEV_HOSTED_ZONE_ID: 'Z0123456789ABC',
    LEARNTRAC_DEV_ALARM_EMAIL: 'ops@example.com',
    LEARNTRAC_DEV_OPERATOR_CIDR: '203.0.113.10/32',
    LEARNTRAC_DEV_REGION: 'eu-west-1',
  });
  afterAll(() => {
    standard.cleanup();
    everything.cleanup();
  });

  it.each([
    ['dev', standard.dev],
    ['prod', standard.prod],
    ['dev with every switch on', everything.dev],
  ])('validates %s with the mirrored AWS provider', (_name, stack) => {
    writeOfflineOverrides(stack);
    run(stack, ['init', '-input=false']);
    expect(run(stack, ['validate'])).toContain('The configuration is valid');
  });

  // Planning is the slow part on two cores, so only the two real environments are planned.
  it.each([
    ['dev', standard.dev],
    ['prod', standard.prod],
  ])('plans %s with fake credentials: every synthesised resource is created', (_name, stack) => {
    const expected = Object.values(stack.json.resource).reduce(
      (sum, byId) => sum + Object.keys(byId).length,
      0,
    );
    const out = run(stack, [
      'plan',
      '-refresh=false',
      '-lock=false',
      '-input=false',
      '-var',
      'image_tag=0123456789abcdef',
    ]);
    const match = /Plan: (\d+) to add, 0 to change, 0 to destroy/.exec(out);
    expect(match, out.slice(-2000)).not.toBeNull();
    expect(Number(match![1])).toBe(expected);
  });
});

it('reports the terraform version it validated with', () => {
  if (missing) return;
  expect(execFileSync(terraform, ['version'], { env, encoding: 'utf8' })).toMatch(/Terraform v1\./);
});
