/** Where a command writes; injected so commands can be tested without a terminal. */
export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface CliCommand {
  name: string;
  /** One line for `duban --help`. */
  summary: string;
  /** Full usage text for `duban <command> --help`. */
  usage: string;
  /** Returns the process exit code. */
  run: (args: string[], output: CliOutput) => number;
}
