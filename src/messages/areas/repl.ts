/** Messages of the repl area: codes TCRM7xxx (repl owns this range). */
export const EN = {
  TCRM7002: 'the editor ({editor}) exited with status {status}: nothing was changed',
  TCRM7004: 'Type "help COMMAND" for a command\'s usage and an example; Tab completes, Tab Tab lists.',
  TCRM7005: 'y: commit them, n: drop them, cancel: stay here with the changes',
} as const satisfies Record<string, string>;

export const FR: Partial<Record<keyof typeof EN, string>> = {
  TCRM7002: 'l\'éditeur ({editor}) s\'est terminé avec le code {status} : rien n\'a été modifié',
  TCRM7004: 'Tapez « help COMMANDE » pour l\'usage et un exemple d\'une commande ; Tab complète, Tab Tab liste.',
  TCRM7005: 'y : les valider, n : les abandonner, cancel : rester ici avec les modifications',
};
