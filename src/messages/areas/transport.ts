/** Messages of the transport area: codes TCRM5xxx (transport owns this range). */
export const EN = {
  // Cluster profiles (--hosts, TCRM_HOSTS, clusters.conf)
  TCRM5001: 'invalid host {spec} in {source} (expected [user@]host[:port], comma-separated)',
  TCRM5002: 'no cluster profile named {name} in {path}',
  TCRM5003: '{path}:{line}: {reason}',
  TCRM5004: 'cluster profile {name} in {path} names no hosts',
  // Node choice
  TCRM5010: 'using node {node} ({where}): its partition has quorum and knows the DC ({dc})',
  TCRM5011: 'using node {node} ({where}): no reachable node reported quorum with a DC',
  TCRM5012: '{where} is not usable: {reason}',
  TCRM5013: 'no node of the cluster could be reached: {hosts}',
  // Host keys
  TCRM5020: 'the host key of {name} is unknown ({type} key, fingerprint {fingerprint}); it is not in {files}. If that fingerprint is right, run again with --accept-new-host-key to add it to {file}',
  TCRM5021: 'the host key of {name} has CHANGED: {file}:{line} holds another {type} key; the key offered now has fingerprint {fingerprint}. Someone may be intercepting the connection, or the node was reinstalled; if the change is expected, remove the old key (ssh-keygen -R {name} -f {file}) and connect again',
  TCRM5022: 'the host key of {name} is revoked ({file}:{line}): refusing to connect',
  TCRM5023: 'added the host key of {name} ({type}, {fingerprint}) to {file}',
  TCRM5024: '{file}:{line}: @cert-authority lines are not checked by tcrm and were skipped',
  TCRM5025: '{path}: ignored for {host} (outside the subset tcrm reads): {keywords}',
  TCRM5026: "The authenticity of host '{name}' can't be established ({type} key fingerprint {fingerprint}). Add it to {file} and continue connecting",
  // Authentication
  TCRM5030: 'authentication to {where} failed: no key was accepted (offered: {offered})',
  TCRM5031: '{path} is encrypted and no ssh-agent offered a key that {where} accepts: load it with ssh-add (tcrm never asks for passphrases)',
  TCRM5032: 'no SSH key to offer to {where}: start ssh-agent (SSH_AUTH_SOCK) or give an identity file (tried {tried})',
  // Connections and commands
  TCRM5040: 'connecting to {where} timed out after {seconds} s',
  TCRM5041: 'cannot connect to {where}: {reason}',
  TCRM5042: '{command} on {where} timed out after {seconds} s and was stopped',
  TCRM5043: '{command} on {where} timed out after {seconds} s and was stopped after its input was sent: its outcome is unknown',
  TCRM5044: 'the connection to {where} dropped while {command} was running: its outcome is unknown',
  TCRM5045: 'the connection to {where} is closed: {command} was not run',
  TCRM5046: '{reason} (the next command connects again)',
} as const satisfies Record<string, string>;

export const FR: Partial<Record<keyof typeof EN, string>> = {
  TCRM5026: "L'authenticité de l'hôte '{name}' ne peut pas être établie (clé {type}, empreinte {fingerprint}). L'ajouter à {file} et poursuivre la connexion",
  TCRM5001: 'hôte invalide {spec} dans {source} (attendu : [utilisateur@]hôte[:port], séparés par des virgules)',
  TCRM5002: 'aucun profil de cluster nommé {name} dans {path}',
  TCRM5010: 'nœud utilisé : {node} ({where}) ; sa partition a le quorum et connaît le DC ({dc})',
  TCRM5011: 'nœud utilisé : {node} ({where}) ; aucun nœud joignable n\'a signalé le quorum avec un DC',
  TCRM5012: '{where} n\'est pas utilisable : {reason}',
  TCRM5013: 'aucun nœud du cluster n\'est joignable : {hosts}',
  TCRM5040: 'la connexion à {where} a expiré après {seconds} s',
  TCRM5041: 'connexion impossible à {where} : {reason}',
  TCRM5046: '{reason} (la prochaine commande se reconnecte)',
};
