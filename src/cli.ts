import { Command } from 'commander';
import { addContestCommands } from './cli/contest-commands.ts';

const program = new Command('leitai').description('Leitai (擂台): run public innovation contests from one definition');
addContestCommands(program);

await program.parseAsync(process.argv);
