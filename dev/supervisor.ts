import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';

// Runs the local services as child processes, each in its own process group so that a stop
// reaches everything it started. Once the stack is up, a service that stops by itself is
// reported (which one, its exit code or signal, its last log lines) and started again after a
// growing pause; one that keeps crashing soon after each start is given up on.

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Signal that makes it shut down cleanly (default SIGTERM). */
  stopSignal?: NodeJS.Signals;
}

export interface Service {
  readonly spec: ServiceSpec;
  child: ChildProcess;
  /** Resolves when the current process exits. */
  exited: Promise<ExitStatus>;
  startedAt: number;
  stopping: boolean;
  /** Crashes in a row that came soon after a start. */
  fastCrashes: number;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RestartPolicy {
  /** Pause before the first restart; doubled after each crash that follows soon after a start. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A crash sooner than this after starting counts as a fast crash. */
  fastCrashMs: number;
  /** Fast crashes in a row after which the service is given up on. */
  maxFastCrashes: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  fastCrashMs: 30_000,
  maxFastCrashes: 5,
};

export function describeExit(status: ExitStatus): string {
  if (status.signal) {
    const hint =
      status.signal === 'SIGKILL'
        ? ' (killed from outside, often by the kernel when memory ran out)'
        : status.signal === 'SIGABRT'
          ? ' (aborted; a JavaScript heap out of memory ends this way)'
          : '';
    return `signal ${status.signal}${hint}`;
  }
  return `exit code ${status.code}`;
}

function duration(ms: number): string {
  if (ms < 10_000) return `${Math.round(ms / 100) / 10} s`;
  const seconds = Math.round(ms / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

export class Supervisor {
  readonly services: Service[] = [];
  /** Set once the stack is up: from then on a crash restarts the service. */
  supervising = false;
  private stopped = false;
  private readonly logs = new Map<string, WriteStream>();

  constructor(
    private readonly options: {
      logDir: string;
      /** Also print each service's output, prefixed with its name. */
      streamLogs?: boolean;
      say: (message: string) => void;
      policy?: RestartPolicy;
      /** A crash before the stack is up, or a service given up on: the caller stops everything. */
      onFatal: (message: string) => void;
    },
  ) {}

  logFile(name: string): string {
    return join(this.options.logDir, `${name}.log`);
  }

  tailOf(name: string, lines = 30): string {
    try {
      return readFileSync(this.logFile(name), 'utf8')
        .trimEnd()
        .split('\n')
        .slice(-lines)
        .join('\n');
    } catch {
      return '';
    }
  }

  launch(spec: ServiceSpec): Service {
    const service = { spec, fastCrashes: 0, stopping: false } as Service;
    this.services.push(service);
    this.start(service);
    return service;
  }

  private start(service: Service): void {
    const { spec } = service;
    let log = this.logs.get(spec.name);
    if (!log) {
      log = createWriteStream(this.logFile(spec.name), { flags: 'w' });
      this.logs.set(spec.name, log);
    }
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const output = log;
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        output.write(chunk);
        if (this.options.streamLogs) {
          for (const line of chunk.toString('utf8').trimEnd().split('\n')) {
            console.log(`[${spec.name}] ${line}`);
          }
        }
      });
    }
    service.child = child;
    service.startedAt = Date.now();
    service.exited = new Promise((done) => {
      child.once('exit', (code, signal) => done({ code, signal }));
      child.once('error', (error) => {
        output.write(`${error.message}\n`);
        done({ code: 127, signal: null });
      });
    });
    const exited = service.exited;
    void exited.then((status) => {
      // Let the last output reach the log before it is quoted.
      setTimeout(() => this.onExit(service, child, status), 50);
    });
  }

  private onExit(service: Service, child: ChildProcess, status: ExitStatus): void {
    if (service.stopping || this.stopped || service.child !== child) return;
    const { name } = service.spec;
    const ran = Date.now() - service.startedAt;
    const report = `${name} stopped unexpectedly (${describeExit(status)}) after ${duration(ran)}. Last lines of ${this.logFile(name)}:\n${this.tailOf(name)}`;
    if (!this.supervising) {
      this.options.onFatal(report);
      return;
    }
    this.options.say(report);
    const policy = this.options.policy ?? DEFAULT_RESTART_POLICY;
    // A crash after a good run starts the count afresh.
    service.fastCrashes = ran < policy.fastCrashMs ? service.fastCrashes + 1 : 0;
    if (service.fastCrashes >= policy.maxFastCrashes) {
      this.options.onFatal(
        `${name} crashed ${service.fastCrashes} times in a row, each within ${duration(policy.fastCrashMs)} of starting: giving up. Fix what its log shows (${this.logFile(name)}) and start again.`,
      );
      return;
    }
    const delay = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** service.fastCrashes);
    this.options.say(
      `restarting ${name} in ${duration(delay)}${service.fastCrashes > 0 ? ` (${service.fastCrashes} quick crash${service.fastCrashes === 1 ? '' : 'es'} in a row; giving up at ${policy.maxFastCrashes})` : ''}`,
    );
    setTimeout(() => {
      if (service.stopping || this.stopped) return;
      this.logs.get(name)?.write(`\n--- restarted at ${new Date().toISOString()} ---\n`);
      this.start(service);
      this.options.say(`${name} restarted`);
    }, delay).unref();
  }

  private signalGroup(service: Service, signal: NodeJS.Signals): void {
    if (service.child?.pid === undefined) return;
    try {
      process.kill(-service.child.pid, signal);
    } catch {
      // the group is already gone
    }
  }

  private async stopService(service: Service): Promise<void> {
    service.stopping = true;
    const { child } = service;
    if (child.exitCode === null && child.signalCode === null) {
      this.signalGroup(service, service.spec.stopSignal ?? 'SIGTERM');
      const timeout = new Promise<'timeout'>((done) =>
        setTimeout(() => done('timeout'), 15_000).unref(),
      );
      if ((await Promise.race([service.exited, timeout])) === 'timeout') {
        this.options.say(`${service.spec.name} did not stop in 15 s; killing it`);
        this.signalGroup(service, 'SIGKILL');
        await service.exited;
      }
    }
    // Children the service itself left behind in its group.
    this.signalGroup(service, 'SIGKILL');
  }

  /** Stops every service, last started first, and waits for each. */
  async stopAll(): Promise<void> {
    this.stopped = true;
    for (const service of [...this.services].reverse()) await this.stopService(service);
    for (const log of this.logs.values()) log.end();
  }

  /** Last resort when this process dies some other way: never leave the services running. */
  signalAll(): void {
    for (const service of this.services) {
      this.signalGroup(service, service.spec.stopSignal ?? 'SIGTERM');
    }
  }
}
