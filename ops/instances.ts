/**
 * Instances of the compiled server, started with the command of the shipped systemd unit
 * (deploy/systemd/samverkan@.service: `node --max-old-space-size=256 --max-semi-space-size=16
 * dist/cli/samverkan.js serve`), each on its own port with its log (JSON lines) in a file of the
 * suite's temp directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { onCleanup } from './cleanup.js';
import { createClient, type Client } from './http-client.js';
import { GiveUp, sleep, waitFor } from './processes.js';
import { INSTANCE_UNIT, instanceCommand, unitEnvironment } from './units.js';

export interface InstanceSpec {
  name: string;
  port: number;
  env: Record<string, string>;
  /** Node flags before NODE_FLAGS, e.g. `--import` of a module the suite prepares. */
  nodeFlags?: string[];
}

export class Instance {
  readonly name: string;
  readonly port: number;
  readonly url: string;
  readonly logFile: string;
  readonly client: Client;
  /** The environment of the next start, on top of this process's. */
  readonly env: Record<string, string>;
  /** Extra Node flags for the next start (scenario 7 limits SQLite with one). */
  nodeFlags: string[];
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);
  private exitCode: number | null | undefined;
  /** How often this instance was started (a restart after kill -9 is the second). */
  starts = 0;

  constructor(spec: InstanceSpec, logDir: string) {
    this.name = spec.name;
    this.port = spec.port;
    this.url = `http://127.0.0.1:${spec.port}`;
    this.env = spec.env;
    this.nodeFlags = spec.nodeFlags ?? [];
    this.logFile = join(logDir, `${spec.name}.log`);
    this.client = createClient(this.url);
  }

  get pid(): number | undefined {
    return this.exitCode === undefined ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== undefined && this.exitCode === undefined;
  }

  /** Starts the process (the log is appended to); does not wait for it to answer. */
  start(): void {
    if (this.running) throw new Error(`${this.name} is already running.`);
    const log = openSync(this.logFile, 'a');
    const [node, ...args] = instanceCommand();
    const child = spawn(node!, [...this.nodeFlags, ...args], {
      env: {
        ...process.env,
        ...unitEnvironment(INSTANCE_UNIT),
        PORT: String(this.port),
        HOST: '127.0.0.1',
        ...this.env,
      },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    appendFileSync(this.logFile, `[ops] started pid ${child.pid}\n`);
    this.child = child;
    this.exitCode = undefined;
    this.starts += 1;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        appendFileSync(this.logFile, `[ops] pid ${child.pid} exited: code ${code}, signal ${signal}\n`);
        this.exitCode = code ?? (signal ? -1 : null);
        resolve(this.exitCode);
      }),
    );
    const stop = onCleanup(`instance ${this.name}`, async () => {
      await this.stop();
    });
    void this.exited.then(() => stop());
  }

  /** Waits until `path` answers 200 (default /healthz); fails at once if the process exits. */
  async waitReady(timeoutMs = 180_000, path = '/healthz'): Promise<number> {
    const started = performance.now();
    await waitFor(
      `${this.name} (${this.url}${path})`,
      async () => {
        if (!this.running) throw new GiveUp(`${this.name} exited (${this.exitCode})`);
        const answer = await this.client.get(path).catch(() => undefined);
        return answer?.status === 200 ? true : undefined;
      },
      timeoutMs,
      250,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- ${this.name} log ---\n${this.logTail()}`);
    });
    return (performance.now() - started) / 1000;
  }

  /** SIGKILL: no shutdown at all, as when the machine or the process dies. */
  async kill9(): Promise<void> {
    this.client.close();
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, and SIGKILL after `graceMs`; returns the exit code (null or -1 when killed by a signal). */
  async stop(graceMs = 15_000): Promise<number | null> {
    if (!this.running) return this.exitCode ?? null;
    this.child!.kill('SIGTERM');
    const code = await Promise.race([this.exited, sleep(graceMs).then(() => 'timeout' as const)]);
    if (code === 'timeout') {
      this.child!.kill('SIGKILL');
      return this.exited;
    }
    return code;
  }

  /** Resident memory in MB (VmRSS of /proc/PID/status), or undefined when not running. */
  rssMb(): number | undefined {
    const pid = this.pid;
    if (pid === undefined) return undefined;
    try {
      const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return kb ? Number(kb) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** The JSON log lines with `event` set, parsed (other output is skipped). */
  events(): { event: string; [key: string]: unknown }[] {
    const lines = this.logText().split('\n');
    const events: { event: string; [key: string]: unknown }[] = [];
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        const parsed = JSON.parse(line) as { event?: unknown };
        if (typeof parsed.event === 'string') events.push(parsed as { event: string });
      } catch {
        // not a log line
      }
    }
    return events;
  }

  logText(): string {
    try {
      return readFileSync(this.logFile, 'utf8');
    } catch {
      return '';
    }
  }

  logTail(lines = 30): string {
    return this.logText().split('\n').slice(-lines).join('\n');
  }
}
