import { PlanParseError } from '@duban/plan-parser';
import { CliCommand, CliOutput } from './cli-command';
import { CliUsageError } from './cli-error';
import { parseCommand } from './commands/parse.command';

/** Every command of `duban`; a new command is one more module in commands/ and one entry here. */
export const COMMANDS: CliCommand[] = [parseCommand];

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: duban <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `duban <command> --help` for the options of a command.',
  ].join('\n');
}

/** Runs the CLI; returns the exit code (0 ok, 1 unexpected failure, 2 bad input or usage). */
export function runCli(argv: string[], output: CliOutput): number {
  const [name, ...rest] = argv;
  if (name === undefined) {
    output.err(helpText());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    output.out(helpText());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) {
      throw new CliUsageError(`unknown command "${name}"; run duban --help`);
    }
    return command.run(rest, output);
  } catch (error) {
    if (error instanceof PlanParseError) {
      output.err(`duban ${name}: ${error.message} ${error.messageZh}`);
      return 2;
    }
    if (error instanceof CliUsageError) {
      output.err(`duban ${name}: ${error.message}`);
      return 2;
    }
    output.err(
      `duban ${name}: unexpected failure: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}
