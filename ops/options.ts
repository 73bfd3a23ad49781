/** The suite's command-line options (`npm run ops -- --quick`, …). */
import { parseArgs } from 'node:util';

export interface Options {
  quick: boolean;
  /** Scenario 3: seconds of load at `connections` connections. */
  loadSeconds: number;
  connections: number;
  /** Scenario 4: minutes of soak, and its connections. */
  soakMinutes: number;
  soakConnections: number;
  /** Scenarios 5 and 6: seconds of load around the fault. */
  faultSeconds: number;
  /** Only these scenario ids (start and proxy checks always run). */
  only: Set<string> | undefined;
  /** Scenario 7 without tmpfs even as root: SQLite's max_page_count limit. */
  noMount: boolean;
  /** Leave the temp directory (logs, rendered nginx configuration) for inspection. */
  keep: boolean;
  pgPort: number;
}

const HELP = `npm run ops -- [options]

  --quick               short everything: load 10 s, soak 1 min, faults 12 s
  --load-seconds N      scenario 3: seconds of load (default 60)
  --connections N       scenario 3: connections (default 50)
  --soak-minutes N      scenario 4: minutes of soak (default 30)
  --soak-connections N  scenario 4: connections (default 10)
  --fault-seconds N     scenarios 5 and 6: seconds of load around the fault (default 30)
  --only 1,5,7          only these scenarios (1–7, B, R; the start and the proxy checks always run)
  --no-mount            scenario 7 with SQLite's max_page_count instead of a full tmpfs
  --keep                keep the temp directory (logs, rendered configuration)
  --pg-port N           port of the suite's own PostgreSQL (default 25432, or the next free one)
`;

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      'load-seconds': { type: 'string' },
      connections: { type: 'string' },
      'soak-minutes': { type: 'string' },
      'soak-connections': { type: 'string' },
      'fault-seconds': { type: 'string' },
      only: { type: 'string' },
      'no-mount': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'pg-port': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const number = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number, not "${value}".`);
    return n;
  };
  const quick = values.quick ?? false;
  return {
    quick,
    loadSeconds: number('load-seconds', values['load-seconds'], quick ? 10 : 60),
    connections: number('connections', values.connections, 50),
    soakMinutes: number('soak-minutes', values['soak-minutes'], quick ? 1 : 30),
    soakConnections: number('soak-connections', values['soak-connections'], 10),
    faultSeconds: number('fault-seconds', values['fault-seconds'], quick ? 12 : 30),
    only: values.only ? new Set(values.only.split(',').map((s) => s.trim())) : undefined,
    noMount: values['no-mount'] ?? false,
    keep: values.keep ?? false,
    pgPort: number('pg-port', values['pg-port'], 25432),
  };
}
