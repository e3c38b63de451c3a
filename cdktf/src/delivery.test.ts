import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureActionlint, ensureHadolint, repoRoot, requireOrSkip } from './testing/lint-tools.js';
import { resourcesOf, type SynthesisedStack, synthesise } from './testing/synth.js';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const workflowsDir = path.join(repoRoot, '.github/workflows');

describe('workflows', () => {
  it('pass actionlint, every file in .github/workflows', () => {
    const actionlint = requireOrSkip(ensureActionlint(), 'actionlint');
    if (!actionlint) return;
    const files = readdirSync(workflowsDir)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => path.join(workflowsDir, name));
    expect(files.map((file) => path.basename(file))).toContain('deploy.yml');
    const result = spawnSync(actionlint, ['-no-color', ...files], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  });

  describe('deploy.yml matches the stack it deploys', () => {
    let stacks: { dev: SynthesisedStack; prod: SynthesisedStack; cleanup: () => void };
    beforeAll(() => {
      stacks = synthesise();
    });
    afterAll(() => stacks.cleanup());
    const workflow = read('.github/workflows/deploy.yml');
    const names = (stack: SynthesisedStack, type: string, field: string) =>
      resourcesOf(stack, type).map(([, r]) => String(r[field]));

    it('assumes an AWS role through OpenID Connect, with no stored keys', () => {
      expect(workflow).toContain('id-token: write');
      expect(workflow).toContain('role-to-assume:');
      expect(workflow).not.toMatch(/AWS_SECRET_ACCESS_KEY|aws-secret-access-key/);
    });

    it('pushes images to the repositories the stack creates, tagged with the commit', () => {
      for (const [env, stack] of [
        ['dev', stacks.dev],
        ['prod', stacks.prod],
      ] as const) {
        const repos = names(stack, 'aws_ecr_repository', 'name');
        for (const repo of repos) {
          expect(workflow).toContain(
            repo.replace(`learntrac-${env}/`, `learntrac-\${{ env.TARGET }}/`),
          );
        }
      }
      expect(workflow).toContain(`IMAGE_TAG: \${{ github.sha }}`);
      expect(workflow).toContain(`TF_VAR_image_tag: \${{ env.IMAGE_TAG }}`);
    });

    it('runs the migration task and waits on the services the stack names', () => {
      expect(names(stacks.prod, 'aws_ecs_task_definition', 'family')).toContain(
        'learntrac-prod-migrate',
      );
      expect(workflow).toContain(`family="learntrac-\${TARGET}-migrate"`);
      expect(names(stacks.prod, 'aws_ecs_cluster', 'name')).toEqual(['learntrac-prod']);
      for (const service of names(stacks.prod, 'aws_ecs_service', 'name')) {
        expect(workflow).toContain(
          `"${service.replace('learntrac-prod', `learntrac-\${TARGET}`)}"`,
        );
      }
      // Order: images, plan (shown before the protected environment), migrate, deploy.
      const order = [
        'name: Build and push web',
        'pnpm exec cdktf diff',
        'name: Run database migrations',
        'pnpm exec cdktf deploy',
      ];
      const positions = order.map((step) => workflow.indexOf(step));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(workflow).toMatch(/needs: plan\n[\s\S]*environment:/);
    });
  });
});

const dockerfiles = ['web/Dockerfile', 'learn-api/Dockerfile'] as const;
const packageJson = (dir: string) =>
  JSON.parse(read(`${dir}/package.json`)) as { name: string; scripts?: Record<string, string> };
const workspacePackages = ['web', 'learn-api', 'prisma', 'cdktf', 'e2e', 'dev'].map((dir) => ({
  dir,
  ...packageJson(dir),
}));

describe('Dockerfiles', () => {
  it('pass hadolint', () => {
    const hadolint = requireOrSkip(ensureHadolint(), 'hadolint');
    if (!hadolint) return;
    const result = spawnSync(hadolint, ['--no-color', ...dockerfiles], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  });

  it.each(dockerfiles)(
    '%s is multi-stage on Node 22, runs as non-root and checks /healthz',
    (file) => {
      const text = read(file);
      const stages = text.match(/^FROM .+$/gm) ?? [];
      expect(stages.length).toBeGreaterThanOrEqual(2);
      expect(text).toMatch(/^ARG NODE_IMAGE=node:22-bookworm-slim$/m);
      expect(text).toContain('npm install --global pnpm@12.4.2');
      const runtime = text.slice(text.lastIndexOf('\nFROM '));
      const user = /^USER (\S+)$/m.exec(runtime)?.[1];
      expect(user).toBeDefined();
      expect(user).not.toMatch(/^(root|0)(:|$)/);
      const port = file.startsWith('web') ? '8000' : '8001';
      expect(runtime).toContain(`EXPOSE ${port}`);
      expect(runtime).toMatch(
        new RegExp(`HEALTHCHECK [^\\n]*\\\\\\n.*127\\.0\\.0\\.1:${port}/healthz`),
      );
      // Nothing secret is baked into an image.
      expect(text).not.toMatch(/^(ENV|ARG) .*(PASSWORD|SECRET|TOKEN|API_KEY)/m);
    },
  );

  it.each(dockerfiles)('%s only runs workspace scripts that exist', (file) => {
    const text = read(file);
    const calls = [
      ...text.matchAll(/pnpm --filter "?(@learntrac\/[a-z-]+)(\.\.\.)?"? (run \S+|deploy)/g),
    ];
    expect(calls.length).toBeGreaterThan(0);
    for (const [, name, withDependencies, command] of calls) {
      const pkg = workspacePackages.find((p) => p.name === name);
      expect(pkg, `${name} is a workspace package`).toBeDefined();
      if (command === 'deploy') continue;
      const script = command!.replace('run ', '');
      expect(pkg!.scripts?.[script], `${name} has a "${script}" script`).toBeDefined();
      if (withDependencies) {
        // Workspace dependencies build first (pnpm runs the script where it exists).
        const deps = Object.keys(
          (
            JSON.parse(read(`${pkg!.dir}/package.json`)) as {
              dependencies?: Record<string, string>;
            }
          ).dependencies ?? {},
        ).filter((dep) => dep.startsWith('@learntrac/'));
        for (const dep of deps) {
          expect(workspacePackages.find((p) => p.name === dep)?.scripts?.[script]).toBeDefined();
        }
      }
    }
  });

  it('web ships the standalone Next.js server and the image starts it as its start script does', () => {
    expect(read('web/next.config.ts')).toMatch(/output:\s*'standalone'/);
    expect(read('web/Dockerfile')).toContain('/repo/web/.next/standalone/');
    expect(read('web/Dockerfile')).toContain(
      'CMD ["node", "--heap-growing-percent=200", "docker-entrypoint.mjs", "web/start-server.mjs"]',
    );
    expect(packageJson('web').scripts?.start).toContain(
      '--heap-growing-percent=200 .next/standalone/web/start-server.mjs',
    );
  });

  it('learn-api starts the file its own start script runs, and migrations come from @learntrac/db', () => {
    const start = packageJson('learn-api').scripts?.start;
    expect(start).toBe('node dist/server.js');
    expect(read('learn-api/Dockerfile')).toContain(
      'CMD ["node", "docker-entrypoint.mjs", "dist/server.js"]',
    );
    const db = JSON.parse(read('prisma/package.json')) as { exports: Record<string, unknown> };
    expect(db.exports['./migrate']).toBeDefined();
    expect(read('prisma/src/migrate/apply-migrations.ts')).toMatch(
      /export async function applyMigrations/,
    );
  });

  it('.dockerignore keeps installs, builds, git and env files out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of [
      '**/node_modules',
      '**/.next',
      '**/dist',
      '.git',
      '**/.env',
      '**/.env.*',
    ]) {
      expect(ignored).toContain(entry);
    }
    expect(ignored).not.toContain('cdktf');
  });
});

describe('image entrypoint', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'learntrac-entry-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const entrypoint = path.join(repoRoot, 'cdktf/container/docker-entrypoint.mjs');
  const probe = path.join(work, 'probe.mjs');
  writeFileSync(
    probe,
    'console.log(JSON.stringify({ db: process.env.DATABASE_URL, redis: process.env.REDIS_URL, argv: process.argv.slice(1) }));\n',
  );
  const runEntrypoint = (env: Record<string, string>, args: string[] = []) => {
    const result = spawnSync(process.execPath, [entrypoint, probe, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as { db?: string; redis?: string; argv: string[] };
  };

  it('joins the injected database and Redis parts into URLs, escaping the password', () => {
    const password = 'p@ss:w/rd?#%&=';
    const out = runEntrypoint(
      {
        DATABASE_HOST: 'db.internal',
        DATABASE_PORT: '5432',
        DATABASE_NAME: 'learntrac',
        DATABASE_USER: 'learntrac',
        DATABASE_PASSWORD: password,
        REDIS_HOST: 'cache.internal',
        REDIS_PORT: '6379',
        REDIS_TLS: 'true',
        REDIS_AUTH_TOKEN: 'abc123',
      },
      ['--flag'],
    );
    const db = new URL(out.db!);
    expect(db.hostname).toBe('db.internal');
    expect(db.pathname).toBe('/learntrac');
    expect(decodeURIComponent(db.password)).toBe(password);
    expect(db.searchParams.get('sslmode')).toBe('verify-full');
    expect(out.redis).toBe('rediss://:abc123@cache.internal:6379');
    expect(out.argv).toEqual([probe, '--flag']);
  });

  it('leaves URLs that are already set alone', () => {
    const out = runEntrypoint({
      DATABASE_URL: 'postgres://a:b@local/db',
      DATABASE_HOST: 'ignored',
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_HOST: 'ignored',
    });
    expect(out.db).toBe('postgres://a:b@local/db');
    expect(out.redis).toBe('redis://127.0.0.1:6379');
  });
});
