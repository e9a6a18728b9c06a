/** Help for the configure level: object statements and the commands that manage the working CIB. */
import type { HelpTable } from './types.js';

export const CONFIGURE_HELP: HelpTable = {
  'configure.node': {
    text: 'Defines a cluster node, optionally with its id, type, attributes and utilization. Nodes are usually created by the cluster itself; this sets their attributes.',
    example: 'node 1: Lubuntu attributes standby=off',
  },
  'configure.primitive': {
    text: 'Defines a resource: an id, the agent (class:provider:type, or @template), then `params` for the agent, `meta` for the cluster, and `op` lines for monitor, start and stop. Tab after `params` lists the agent\'s parameters, required ones marked with *.',
    example: 'primitive vip ocf:heartbeat:IPaddr2 params ip=10.200.0.100 cidr_netmask=24 op monitor interval=10s',
  },
  'configure.rsc_template': {
    text: 'Defines a resource template: a primitive definition that other primitives reuse with @template, overriding what they need.',
    example: 'rsc_template web-tpl ocf:heartbeat:apache params configfile=/etc/apache2/apache2.conf op monitor interval=20s',
  },
  'configure.monitor': {
    text: 'Adds a monitor operation to an existing primitive: the interval, and optionally a timeout after a colon.',
    example: 'monitor vip 10s:20s',
  },
  'configure.group': {
    text: 'Groups resources that run together on one node and start in the listed order (stop in reverse). A primitive may belong to one group only.',
    example: 'group web vip apache',
  },
  'configure.clone': {
    text: 'Runs a resource (or group) on several nodes at once. Use meta promotable=true for a resource with promoted and unpromoted roles.',
    example: 'clone ping-clone ping meta clone-max=2',
  },
  'configure.ms': {
    text: 'Defines a promotable (master/slave) resource. Deprecated in Pacemaker 2: prefer `clone … meta promotable=true`.',
    example: 'ms drbd-ms drbd meta notify=true',
  },
  'configure.bundle': {
    text: 'Defines a container bundle (docker, podman, rkt) with its network, storage and an optional primitive running inside.',
    example: 'bundle httpd docker image=pcmk:httpd replicas=2 network ip-range-start=10.200.0.150',
  },
  'configure.location': {
    text: 'Says how much a resource wants (positive score) or must avoid (negative, -inf) a node. Rules can replace the node name.',
    example: 'location prefer-Lubuntu vip 100: Lubuntu',
  },
  'configure.colocation': {
    text: 'Places resources relative to each other: inf keeps them together, -inf apart. The first resource is placed where the second runs.',
    example: 'colocation apache-with-vip inf: apache vip',
  },
  'configure.order': {
    text: 'Orders the start (and, symmetrically, the stop) of resources. Mandatory orders also stop the later resource when the first stops.',
    example: 'order vip-before-apache Mandatory: vip apache',
  },
  'configure.rsc_ticket': {
    text: 'Makes resources depend on a ticket (multi-site clusters): what happens to them when the ticket is revoked is set by loss-policy.',
    example: 'rsc_ticket web-needs-ticket ticketA: web loss-policy=stop',
  },
  'configure.property': {
    text: 'Sets cluster options (crm_config). Tab lists the property names; an unknown name or a wrong value is reported before commit.',
    example: 'property stonith-enabled=false',
  },
  'configure.rsc_defaults': {
    text: 'Sets defaults for every resource\'s meta attributes, such as resource-stickiness or migration-threshold.',
    example: 'rsc_defaults resource-stickiness=100',
  },
  'configure.op_defaults': {
    text: 'Sets defaults for every operation, such as timeout.',
    example: 'op_defaults timeout=60s',
  },
  'configure.fencing_topology': {
    text: 'Lists the fencing devices to try, per node and level, in order.',
    example: 'fencing_topology Lubuntu: fence-ipmi fence-psu',
  },
  'configure.role': {
    text: 'Defines an ACL role: read, write or deny rules on parts of the CIB (by xpath, tag, reference or attribute).',
    example: 'role read-only read xpath:"/cib"',
  },
  'configure.user': {
    text: 'Defines an ACL user (old syntax) with roles or rules. Prefer acl_target.',
    example: 'user alice roles read-only',
  },
  'configure.acl_target': {
    text: 'Gives ACL roles to a user.',
    example: 'acl_target alice read-only',
  },
  'configure.tag': {
    text: 'Names a set of resources so that commands and constraints can refer to them together.',
    example: 'tag web-stack vip apache',
  },
  'configure.alert': {
    text: 'Defines an alert agent that Pacemaker runs on cluster events, with optional recipients and attributes.',
    example: 'alert mail-alert /usr/share/pacemaker/alerts/alert_smtp.sh to admin@example.com',
  },
  'configure.xml': {
    text: 'Adds an object given as raw CIB XML, for what the crm syntax cannot express.',
    example: 'xml <primitive id="d" class="ocf" provider="heartbeat" type="Dummy"/>',
  },
  'configure.show': {
    text: 'Prints objects of the working configuration in crm syntax (or XML with `xml`): all of them, by id or glob, by type:, tag:, related:, or `changed` for what this session changed.',
    example: 'show changed',
  },
  'configure.edit': {
    text: 'Opens the `show` text of the objects (all without ids) in $EDITOR (or `options editor`). On save the text is parsed again and the differences applied: changed objects are re-defined, removed ones deleted. On errors you are asked to edit again or discard.',
    example: 'edit vip',
  },
  'configure.filter': {
    text: 'Pipes the `show` text of the objects through a program and applies what it prints, as edit does.',
    example: 'filter "sed s/100:/200:/" prefer-Lubuntu',
  },
  'configure.verify': {
    text: 'Checks the working configuration without committing: the cluster\'s own rules (as crm_verify) and crmsh\'s semantic checks (agents, parameters, timeouts).',
    example: 'verify',
  },
  'configure.commit': {
    text: 'Writes the changes of this session to the CIB in use (the live cluster, a shadow or a CIB file) after checking them. `force` commits despite errors; `replace` replaces the whole configuration instead of patching.',
    example: 'commit',
  },
  'configure.delete': {
    text: 'Deletes objects by id (globs allowed). Constraints that only referred to them go too. Running resources must be stopped first unless forced.',
    example: 'delete prefer-Lubuntu',
  },
  'configure.rename': {
    text: 'Renames an object and every reference to it.',
    example: 'rename vip cluster-ip',
  },
  'configure.erase': {
    text: 'Erases the whole configuration (and the nodes with `nodes`). Asks first.',
    example: 'erase',
  },
  'configure.refresh': {
    text: 'Drops the uncommitted changes and reloads the CIB in use.',
    example: 'refresh',
  },
  'configure.save': {
    text: 'Saves the objects (all by default) in crm syntax, or XML with `xml`, to a file that `load` can read back.',
    example: 'save /tmp/lab.crm',
  },
  'configure.load': {
    text: 'Loads a configuration from a file: `replace` replaces everything, `update` re-defines the objects it names and adds the new ones, `push` also deletes what the file does not name.',
    example: 'load update /tmp/lab.crm',
  },
  'configure.set': {
    text: 'Sets one attribute by path: a resource id, optionally an operation and interval, and the name.',
    example: 'set vip.cidr_netmask 16',
  },
  'configure.modgroup': {
    text: 'Adds a resource to a group (at the end, or before/after a member) or removes one.',
    example: 'modgroup web add ping after vip',
  },
  'configure.default-timeouts': {
    text: 'Sets the timeouts of the resources\' operations to the values their agents advise.',
    example: 'default-timeouts vip apache',
  },
  'configure.get_property': {
    text: 'Prints the value of cluster properties (with defaults); -t prints true/false values as such.',
    example: 'get_property stonith-enabled',
  },
  'configure.schema': {
    text: 'Shows the schema the CIB is validated with, or switches to another one.',
    example: 'schema pacemaker-3.9',
  },
  'configure.upgrade': {
    text: 'Upgrades the CIB to the newest schema Pacemaker knows (cibadmin --upgrade).',
    example: 'upgrade force',
  },
  'configure.ptest': {
    text: 'Shows what the cluster would do with the working configuration (crm_simulate), optionally with scores and utilization.',
    example: 'ptest scores',
  },
  'configure.graph': {
    text: 'Draws the configuration as a graph (graphviz dot).',
    example: 'graph dot /tmp/lab.dot',
  },
  'configure.validate-all': {
    text: 'Runs the agent\'s validate-all action with the primitive\'s parameters.',
    example: 'validate-all vip',
  },
  'configure.rsctest': {
    text: 'Starts and stops resources directly on nodes, outside the cluster, to test them. Only with the cluster not managing them.',
    example: 'rsctest apache Lubuntu',
  },
};
