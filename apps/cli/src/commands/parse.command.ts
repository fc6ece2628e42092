import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  flattenTasks,
  MAX_PLAN_BYTES,
  parsePlan,
  PlanDraft,
  PlanParseError,
  toLedgerJson,
} from '@duban/plan-parser';
import { CliCommand, CliOutput } from '../cli-command';
import { CliUsageError } from '../cli-error';
import { renderTable, truncate } from '../text-table';

const USAGE = `Usage: duban parse FILE [--json]

Reads an action plan (UTF-8 text) and prints its task ledger: number, title, lead and
supporting departments, deadline.

Options:
  --json    print the ledger as JSON ({source,title,doc_number,tasks:[…]})
  -h, --help  show this help`;

export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'parse an action plan into a task ledger (table or --json)',
  usage: USAGE,
  run(args: string[], output: CliOutput): number {
    const { values, positionals } = readArgs(args);
    if (values.help) {
      output.out(USAGE);
      return 0;
    }
    if (positionals.length !== 1) {
      throw new CliUsageError(
        positionals.length === 0
          ? 'missing FILE: duban parse FILE [--json]'
          : `expected one FILE, got ${positionals.length}`,
      );
    }
    const file = positionals[0];
    const draft = parsePlan(readPlanFile(file));
    if (values.json) {
      output.out(JSON.stringify(toLedgerJson(draft, basename(file)), null, 2));
    } else {
      output.out(renderLedger(draft, basename(file)));
    }
    return 0;
  },
};

function readArgs(args: string[]): {
  values: { json?: boolean; help?: boolean };
  positionals: string[];
} {
  try {
    return parseArgs({
      args,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

function readPlanFile(file: string): Buffer {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) {
      throw new CliUsageError(`${file} is not a file`);
    }
    size = stat.size;
  } catch (error) {
    if (error instanceof CliUsageError) {
      throw error;
    }
    throw new CliUsageError(`cannot read ${file}: no such file or no permission`);
  }
  if (size > MAX_PLAN_BYTES) {
    // Checked before reading, so a wrong multi-gigabyte file is refused at once.
    throw new PlanParseError('TOO_LARGE', `${(size / 1024 / 1024).toFixed(1)} MB`);
  }
  return readFileSync(file);
}

function renderLedger(draft: PlanDraft, source: string): string {
  const tasks = flattenTasks(draft);
  const rows = tasks.map((t) => [
    t.number,
    truncate(t.title, 30),
    truncate(t.lead.join('、') || '—', 30),
    truncate(t.support.join('、') || '—', 36),
    t.deadline ? `${t.deadline.phrase}${t.deadline.date ? ` (${t.deadline.date})` : ''}` : '—',
  ]);
  const head = [
    `${source}: ${draft.title ?? '(no title)'}${draft.docNumber ? ` ${draft.docNumber}` : ''}`,
    `${tasks.length} tasks`,
    '',
    '',
  ];
  return head.join('\n') + renderTable(['No.', 'Title', 'Lead', 'Support', 'Deadline'], rows);
}
