import { Command } from 'commander';
import { AppError } from './platform/errors.ts';
import { addAuditCommands } from './cli/audit-command.ts';
import { addContestCommands } from './cli/contest-commands.ts';
import { addProbeCommand } from './cli/probe-command.ts';
import { addRegistrationsCommands } from './cli/registrations-commands.ts';
import { addResultsCommands } from './cli/results-command.ts';
import { addServeCommand } from './cli/serve-command.ts';
import { addStorageCommands, addSubmissionCommands } from './cli/submission-commands.ts';

const program = new Command('leitai').description('Leitai (擂台): run public innovation contests from one definition');
addContestCommands(program);
addRegistrationsCommands(program);
addSubmissionCommands(program);
addStorageCommands(program);
addProbeCommand(program);
addServeCommand(program);
addAuditCommands(program);
addResultsCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // A refusal (the embedded database held by a running server, a bad setting) is a message, not a stack trace.
  if (!(error instanceof AppError)) throw error;
  process.stderr.write(`${error.localised.zh}\n${error.localised.en} (${error.code})\n`);
  process.exitCode = 1;
}
