import { Command } from 'commander';
import { addAuditCommands } from './cli/audit-command.ts';
import { addContestCommands } from './cli/contest-commands.ts';
import { addProbeCommand } from './cli/probe-command.ts';
import { addRegistrationsCommands } from './cli/registrations-commands.ts';
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

await program.parseAsync(process.argv);
