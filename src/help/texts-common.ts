/** Help for the commands every level has, and for the root level's own commands. */
import type { HelpTable } from './types.js';

export const COMMON_HELP: HelpTable = {
  '*.help': {
    text: 'Without an argument, lists the commands of the current level. With a command, prints its usage, what it does and an example; with a level and a command, the help of that command in that level.',
    example: 'help configure primitive',
  },
  '*.ls': {
    text: 'Lists the commands and sublevels of the current level in columns, as Tab Tab on an empty line does.',
    example: 'ls',
  },
  '*.cd': {
    text: 'Moves to another level: a sublevel by name, several at once with `/`, `..` for the level above. Leaving configure with uncommitted changes asks whether to commit them first.',
    example: 'cd configure',
  },
  '*.quit': {
    text: 'Leaves the shell. Uncommitted configure changes are offered for commit first; `cancel` at that question stays in the shell. Ctrl-D on an empty line does the same. `bye` and `exit` are deprecated aliases.',
    example: 'quit',
  },
  '*.up': {
    text: 'Goes back to the level above. Leaving configure with uncommitted changes asks "There are changes pending. Do you want to commit them (y/n)?"; answer y to commit, n to drop them, cancel to stay. `end` and `back` are deprecated aliases.',
    example: 'up',
  },
  'root.status': {
    text: 'Shows the cluster status once, as crm_mon -1 prints it: nodes, resources and failed actions. Options are passed to crm_mon (for example `bynode`, `inactive`, `failcounts`).',
    example: 'status',
  },
  'root.verify': {
    text: 'Checks the configuration and status of the CIB in use with crm_verify and prints its findings; `scores` adds the allocation scores.',
    example: 'verify',
  },
};
