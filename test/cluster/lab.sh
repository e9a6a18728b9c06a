#!/usr/bin/env bash
# A real one- or two-node Pacemaker/Corosync cluster on this machine, for system tests and demos.
# Each node is a network namespace (veth into a private bridge) plus a private mount and UTS
# namespace held open by an "anchor" process; sshd, corosync and pacemakerd run inside it.
# Everything is tracked by PID and torn down by PID: never by process name, because the PID
# namespace is shared and the host's `ps` sees every node's daemons.
#
#   lab.sh up [1|2]        bring the cluster up, wait until every node is Online
#   lab.sh down            stop everything, remove namespaces, bridge, state directory
#   lab.sh status          what is running
#   lab.sh exec NODE cmd…  run a command inside a node (its net, mount and UTS namespaces)
#   lab.sh crash NODE      SIGKILL the node's corosync (the peer sees it OFFLINE)
#   lab.sh revive NODE     restart the node's corosync and wait until every node is Online
#   lab.sh isolate NODE    take the node off the network (its bridge port down), as a fenced or
#                          powered-off node would be: without STONITH a crashed node keeps the
#                          cluster IP, and the host would see the address twice
#   lab.sh reconnect NODE  put the node back on the network (no-op when it is on it)
#   lab.sh wait-online     wait until every node is Online
#   lab.sh check-clean     exit 1 if anything of a lab is left on the machine
#
# Settings (environment): LAB_DIR (state directory, default /tmp/tcrm-lab), LAB_TRANSPORT
# (knet|udpu, default knet), LAB_FAST (1: seed dc-deadtime=2s, default), LAB_TIMEOUT (seconds per
# wait, default 240).
set -euo pipefail

SELF=$(readlink -f "$0")
LAB_DIR=${LAB_DIR:-/tmp/tcrm-lab}
LAB_TRANSPORT=${LAB_TRANSPORT:-knet}
LAB_FAST=${LAB_FAST:-1}
LAB_TIMEOUT=${LAB_TIMEOUT:-240}
BRIDGE=tcrmbr0
NET_PREFIX=10.200.0
BRIDGE_IP=$NET_PREFIX.1
NODE_NAMES=(Lubuntu Lubuntu1)

log() { printf '[lab %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { printf 'lab: %s\n' "$*" >&2; exit 1; }

node_index() {  # Lubuntu → 1, Lubuntu1 → 2
  local i
  for i in "${!NODE_NAMES[@]}"; do
    [ "${NODE_NAMES[$i]}" = "$1" ] && { echo $((i + 1)); return 0; }
  done
  die "unknown node '$1' (nodes: ${NODE_NAMES[*]})"
}
node_ip() { echo "$NET_PREFIX.$((10 + $(node_index "$1")))"; }
netns_of() { echo "tcrm-$1"; }
node_dir() { echo "$LAB_DIR/nodes/$1"; }
node_count() { cat "$LAB_DIR/node-count" 2>/dev/null || echo 0; }
lab_nodes() { local n; n=$(node_count); echo "${NODE_NAMES[@]:0:$n}"; }

# A zombie still answers kill -0; PID 1 here reaps orphans only after a delay.
alive() {
  local pid=$1 stat
  [ -n "$pid" ] || return 1
  stat=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1
  [[ $stat != Z* ]]
}
pid_of() { cat "$(node_dir "$1")/$2.pid" 2>/dev/null || true; }

wait_until() {  # wait_until SECONDS DESCRIPTION command…
  local timeout=$1 what=$2; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    [ $SECONDS -lt $deadline ] || { log "timed out after ${timeout}s waiting for: $what"; return 1; }
    sleep 0.2
  done
  return 0
}

in_node() {  # in_node NODE cmd…: run inside the node's namespaces
  local node=$1 anchor; shift
  anchor=$(pid_of "$node" anchor)
  alive "$anchor" || die "node $node is not running"
  nsenter -t "$anchor" -m -u -n -- "$@"
}

# Start a daemon inside a node, detached, with its own PID in NODE_DIR/NAME.pid (setsid -f so the
# recorded PID is the daemon's even when the caller leads a process group).
start_daemon() {  # start_daemon NODE NAME command…
  local node=$1 name=$2; shift 2
  local dir; dir=$(node_dir "$node")
  rm -f "$dir/$name.pid"
  in_node "$node" setsid -f sh -c 'echo $$ > "$0"; exec "$@"' "$dir/$name.pid" "$@" \
    </dev/null >>"$dir/$name.out" 2>&1
  wait_until 30 "$name pid file on $node" test -s "$dir/$name.pid"
}

check_prerequisites() {
  [ "$(id -u)" = 0 ] || die "must run as root (network and mount namespaces)"
  local missing=() c
  for c in ip nsenter unshare setsid mount ps sshd ssh ssh-keygen corosync corosync-quorumtool \
           pacemakerd crm_mon cibadmin crm_resource; do
    command -v "$c" >/dev/null 2>&1 || missing+=("$c")
  done
  [ ${#missing[@]} -eq 0 ] || die "missing commands: ${missing[*]} (see docs/cluster-harness.md for the Debian packages)"
  getent passwd hacluster >/dev/null || die "user hacluster missing (package pacemaker)"
}

# ---------------------------------------------------------------- inside the anchor (new mount+UTS ns)
node_init() {  # _node-init NAME DIR
  local name=$1 dir=$2
  hostname "$name"
  # /run first and with -n: libmount would otherwise create /run/mount/utab on the host's /run.
  mount -n --bind "$dir/run" /run
  mount -n --bind "$dir/etc-corosync" /etc/corosync
  mount -n --bind "$dir/var-lib-corosync" /var/lib/corosync
  mount -n --bind "$dir/var-lib-pacemaker" /var/lib/pacemaker
  mount -n --bind "$dir/var-log" /var/log
  mount -n --bind "$dir/hosts" /etc/hosts
  mount -n -t tmpfs -o mode=1777 tmpfs /dev/shm
  if [ -d /var/www ]; then mount -n --bind "$dir/var-www" /var/www; fi
  : > "$dir/anchor.ready"
  exec sleep infinity
}

# ---------------------------------------------------------------- up
prepare_node_dirs() {  # NODE COUNT
  local node=$1 count=$2 dir ip; dir=$(node_dir "$node"); ip=$(node_ip "$node")
  mkdir -p "$dir"/{run/sshd,etc-corosync,var-lib-corosync,ssh,var-www/html} \
           "$dir"/var-lib-pacemaker/{cib,pengine,blackbox,cores} \
           "$dir"/var-log/{pacemaker,corosync,crmsh,apache2}
  chmod 755 "$dir/run"; chmod 711 "$dir/run/sshd"
  # /var/lock is /run/lock: the node's private /run needs it, with the apache2 lock dir that
  # Debian's apache2ctl would make (the apache resource agent starts apache2 directly).
  mkdir -p "$dir/run/lock"; chmod 1777 "$dir/run/lock"
  if getent passwd www-data >/dev/null; then
    mkdir -p "$dir/run/lock/apache2" "$dir/run/apache2"
    chown www-data:www-data "$dir/run/lock/apache2"
  fi
  chown -R hacluster:haclient "$dir/var-lib-pacemaker"/{cib,pengine,blackbox,cores} \
    "$dir/var-log/pacemaker" "$dir/var-log/crmsh"
  chmod 750 "$dir/var-lib-pacemaker"/{cib,pengine,blackbox,cores}
  chmod 770 "$dir/var-log/pacemaker"; chmod 775 "$dir/var-log/crmsh"
  echo "<html><body>$node</body></html>" > "$dir/var-www/html/index.html"
  {
    echo "127.0.0.1 localhost"
    local n; for n in "${NODE_NAMES[@]:0:$count}"; do echo "$(node_ip "$n") $n"; done
  } > "$dir/hosts"
  if [ -d /etc/corosync/uidgid.d ]; then cp -a /etc/corosync/uidgid.d "$dir/etc-corosync/"; fi
  write_corosync_conf "$count" > "$dir/etc-corosync/corosync.conf"
  if [ "$LAB_FAST" = 1 ]; then seed_cib > "$dir/var-lib-pacemaker/cib/cib.xml"; fi
  chown hacluster:haclient "$dir/var-lib-pacemaker/cib/cib.xml" 2>/dev/null || true
  chmod 600 "$dir/var-lib-pacemaker/cib/cib.xml" 2>/dev/null || true

  ssh-keygen -q -t ed25519 -N '' -C "$node" -f "$dir/ssh/host_ed25519"
  local use_pam=no
  # With UsePAM no, sshd refuses any login to an account whose password field starts with '!'.
  [[ $(getent shadow root | cut -d: -f2) == '!'* ]] && use_pam=yes
  cat > "$dir/ssh/sshd_config" <<CONF
ListenAddress $ip
Port 22
HostKey $dir/ssh/host_ed25519
PidFile none
PermitRootLogin prohibit-password
PubkeyAuthentication yes
AuthorizedKeysFile $LAB_DIR/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
StrictModes no
UsePAM $use_pam
X11Forwarding no
PrintMotd no
UseDNS no
LogLevel INFO
CONF
}

write_corosync_conf() {  # COUNT
  local count=$1 n
  cat <<CONF
totem {
    version: 2
    cluster_name: tcrmlab
    transport: $LAB_TRANSPORT
    crypto_cipher: none
    crypto_hash: none
}
logging {
    to_logfile: yes
    logfile: /var/log/corosync/corosync.log
    to_syslog: no
    to_stderr: no
    timestamp: on
}
quorum {
    provider: corosync_votequorum
$( [ "$count" = 2 ] && echo "    two_node: 1" )
}
nodelist {
CONF
  for n in "${NODE_NAMES[@]:0:$count}"; do
    printf '    node {\n        ring0_addr: %s\n        name: %s\n        nodeid: %s\n    }\n' \
      "$(node_ip "$n")" "$n" "$(node_index "$n")"
  done
  echo "}"
}

# dc-deadtime (20 s by default) dominates start-up: seed a CIB that shortens it.
seed_cib() {
  local tmp; tmp=$(mktemp "$LAB_DIR/seed.XXXXXX")
  cibadmin --empty > "$tmp"
  CIB_file=$tmp cibadmin -C -o crm_config -X '<cluster_property_set id="cib-bootstrap-options">
    <nvpair id="cib-bootstrap-options-dc-deadtime" name="dc-deadtime" value="2s"/>
    <nvpair id="cib-bootstrap-options-stonith-enabled" name="stonith-enabled" value="false"/>
  </cluster_property_set>'
  cat "$tmp"; rm -f "$tmp"
}

create_network_node() {  # NODE
  local node=$1 i ns ip; i=$(node_index "$node"); ns=$(netns_of "$node"); ip=$(node_ip "$node")
  ip netns add "$ns"
  ip link add "tcrmv$i" type veth peer name eth0 netns "$ns"
  ip link set "tcrmv$i" master "$BRIDGE" up
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "$ip/24" dev eth0
  ip -n "$ns" link set eth0 up
}

start_anchor() {  # NODE
  local node=$1 dir; dir=$(node_dir "$node")
  # ip, unshare and bash all exec, so $! is the anchor (finally `sleep infinity`).
  ip netns exec "$(netns_of "$node")" unshare --mount --uts --propagation private \
    bash "$SELF" _node-init "$node" "$dir" </dev/null >>"$dir/anchor.out" 2>&1 &
  echo $! > "$dir/anchor.pid"
  wait_until 60 "anchor of $node" test -e "$dir/anchor.ready"
}

members_seen() {  # NODE COUNT: corosync on NODE sees COUNT members
  local out; out=$(in_node "$1" corosync-quorumtool -s 2>/dev/null) || return 1
  [[ $(grep -E '^Nodes:' <<<"$out" | awk '{print $2}') == "$2" ]]
}

corosync_answers() { in_node "$1" corosync-cfgtool -s >/dev/null 2>&1; }

all_members_seen() {
  local n count; count=$(node_count)
  for n in $(lab_nodes); do alive "$(pid_of "$n" corosync)" && members_seen "$n" "$count" || return 1; done
  return 0
}

# Every node's crm_mon: a DC, and every lab node online="true".
node_sees_all_online() {  # NODE
  local xml n; xml=$(in_node "$1" crm_mon -1 --output-as=xml 2>/dev/null) || return 1
  grep -q '<current_dc present="true"' <<<"$xml" || return 1
  for n in $(lab_nodes); do
    grep -Eq "<node name=\"$n\" [^>]*online=\"true\"" <<<"$xml" || return 1
  done
  return 0
}
all_online() {
  local n
  for n in $(lab_nodes); do node_sees_all_online "$n" || return 1; done
  return 0
}
ssh_ready() { ssh -F "$LAB_DIR/ssh_config" "$1" true </dev/null >/dev/null 2>&1; }

start_corosync() { start_daemon "$1" corosync corosync -f; }
start_pacemaker() {
  start_daemon "$1" pacemakerd env PCMK_logfile=/var/log/pacemaker/pacemaker.log \
    PCMK_logfacility=none pacemakerd
}

write_client_files() {
  local n ip
  ssh-keygen -q -t ed25519 -N '' -C tcrm-lab-client -f "$LAB_DIR/id_ed25519"
  cp "$LAB_DIR/id_ed25519.pub" "$LAB_DIR/authorized_keys"
  : > "$LAB_DIR/known_hosts"; : > "$LAB_DIR/ssh_config"
  for n in $(lab_nodes); do
    ip=$(node_ip "$n")
    echo "$n,$ip $(cut -d' ' -f1,2 "$(node_dir "$n")/ssh/host_ed25519.pub")" >> "$LAB_DIR/known_hosts"
    cat >> "$LAB_DIR/ssh_config" <<CONF
Host $n $ip
    HostName $ip
    HostKeyAlias $n
    User root
    IdentityFile $LAB_DIR/id_ed25519
    IdentitiesOnly yes
    UserKnownHostsFile $LAB_DIR/known_hosts
    GlobalKnownHostsFile /dev/null
    StrictHostKeyChecking yes
    BatchMode yes
    ConnectTimeout 15
    LogLevel ERROR

CONF
  done
}

write_env() {
  local n i=1
  {
    echo "LAB_DIR=$LAB_DIR"
    echo "LAB_NODE_COUNT=$(node_count)"
    echo "LAB_NODES=\"$(lab_nodes)\""
    echo "LAB_BRIDGE=$BRIDGE"
    echo "LAB_BRIDGE_IP=$BRIDGE_IP"
    echo "LAB_SSH_PORT=22"
    echo "LAB_SSH_USER=root"
    echo "LAB_SSH_KEY=$LAB_DIR/id_ed25519"
    echo "LAB_SSH_CONFIG=$LAB_DIR/ssh_config"
    echo "LAB_KNOWN_HOSTS=$LAB_DIR/known_hosts"
    echo "LAB_BASELINE_CIB=$LAB_DIR/baseline-configuration.xml"
    for n in $(lab_nodes); do
      echo "LAB_NODE${i}_NAME=$n"
      echo "LAB_NODE${i}_IP=$(node_ip "$n")"
      echo "LAB_NODE${i}_NETNS=$(netns_of "$n")"
      echo "LAB_NODE${i}_DIR=$(node_dir "$n")"
      i=$((i + 1))
    done
  } > "$LAB_DIR/env"
}

cmd_up() {
  local count=${1:-2} n start=$SECONDS
  [[ $count == 1 || $count == 2 ]] || die "up takes 1 or 2 nodes"
  check_prerequisites
  if [ -e "$LAB_DIR" ] || ip link show "$BRIDGE" >/dev/null 2>&1 || ip netns list | grep -q '^tcrm-'; then
    die "a lab is already up (or left over): run '$SELF down' first"
  fi
  # From here on, any failure or interruption tears down what was built.
  UP_DONE=0
  trap 'rc=$?; if [ "$UP_DONE" != 1 ]; then trap - EXIT INT TERM; set +e; log "up failed (rc $rc), tearing down"; [ "${LAB_KEEP_ON_FAIL:-0}" = 1 ] || cmd_down; fi; exit $rc' EXIT
  trap 'exit 130' INT TERM
  mkdir -m 700 "$LAB_DIR"
  mkdir "$LAB_DIR/nodes"
  echo "$count" > "$LAB_DIR/node-count"
  # ip netns add mounts /run/netns; remember whether it was there so down can leave no mount.
  if mountpoint -q /run/netns 2>/dev/null; then echo 1 > "$LAB_DIR/netns-mount-existed"; else echo 0 > "$LAB_DIR/netns-mount-existed"; fi
  [ -d /run/netns ] && echo 1 > "$LAB_DIR/netns-dir-existed" || echo 0 > "$LAB_DIR/netns-dir-existed"

  ip link add "$BRIDGE" type bridge
  ip addr add "$BRIDGE_IP/24" dev "$BRIDGE"
  ip link set "$BRIDGE" up
  # br_netfilter + a FORWARD DROP policy (Docker hosts) would drop frames between our ports.
  if [ "$(cat /proc/sys/net/bridge/bridge-nf-call-iptables 2>/dev/null)" = 1 ] && command -v iptables >/dev/null; then
    iptables -I FORWARD 1 -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT && : > "$LAB_DIR/iptables-rule"
  fi

  for n in $(lab_nodes); do
    prepare_node_dirs "$n" "$count"
    create_network_node "$n"
    start_anchor "$n"
  done
  write_client_files
  for n in $(lab_nodes); do
    start_daemon "$n" sshd /usr/sbin/sshd -D -f "$(node_dir "$n")/ssh/sshd_config" -E /var/log/sshd.log
    start_corosync "$n"
  done
  # pacemakerd starts as soon as its node's corosync answers, as a boot would start it, not after
  # membership: it overlaps the ~3 s knet link set-up (measured: ~3 s faster bring-up).
  for n in $(lab_nodes); do
    wait_until "$LAB_TIMEOUT" "corosync on $n to answer" corosync_answers "$n"
    start_pacemaker "$n"
  done
  wait_until "$LAB_TIMEOUT" "corosync membership of $count node(s)" all_members_seen
  log "corosync membership formed after $((SECONDS - start))s"
  wait_until "$LAB_TIMEOUT" "all nodes Online in crm_mon" all_online
  for n in $(lab_nodes); do wait_until "$LAB_TIMEOUT" "sshd on $n" ssh_ready "$n"; done
  in_node "${NODE_NAMES[0]}" cibadmin -Q --scope configuration > "$LAB_DIR/baseline-configuration.xml"
  write_env
  UP_DONE=1
  trap - EXIT INT TERM
  log "up: $count node(s) Online after $((SECONDS - start))s; env in $LAB_DIR/env"
}

# ---------------------------------------------------------------- down
term_and_wait() {  # SECONDS pid…: TERM, wait up to SECONDS, then KILL
  local timeout=$1 pid; shift
  local pids=()
  for pid in "$@"; do alive "$pid" && pids+=("$pid"); done
  [ ${#pids[@]} -gt 0 ] || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  any_alive() { local p; for p in "${pids[@]}"; do alive "$p" && return 0; done; return 1; }
  local deadline=$((SECONDS + timeout))
  while any_alive && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
  for pid in "${pids[@]}"; do alive "$pid" && kill -KILL "$pid" 2>/dev/null || true; done
  return 0
}

kill_netns_leftovers() {  # NS: anything still running in the network namespace
  local ns=$1 pids round
  for round in TERM KILL; do
    pids=$(ip netns pids "$ns" 2>/dev/null || true)
    [ -n "$pids" ] || return 0
    # shellcheck disable=SC2086
    kill -"$round" $pids 2>/dev/null || true
    wait_until 20 "processes in $ns to exit" netns_empty "$ns" && return 0 || true
  done
}
pids_gone() { local p; for p in "$@"; do [ -d "/proc/$p" ] && return 1; done; return 0; }
netns_empty() {
  local pid
  for pid in $(ip netns pids "$1" 2>/dev/null); do alive "$pid" && return 1; done
  return 0
}

cmd_down() {
  local n names=("${NODE_NAMES[@]}") pids i all=()
  if [ -d "$LAB_DIR" ]; then
    for n in "${names[@]}"; do all+=($(cat "$(node_dir "$n")"/*.pid 2>/dev/null || true)); done
    # Pacemaker first, all nodes in parallel: resources stop gracefully.
    pids=(); for n in "${names[@]}"; do pids+=("$(pid_of "$n" pacemakerd)"); done
    term_and_wait 90 "${pids[@]}"
    pids=(); for n in "${names[@]}"; do pids+=("$(pid_of "$n" corosync)"); done
    term_and_wait 30 "${pids[@]}"
    pids=(); for n in "${names[@]}"; do pids+=("$(pid_of "$n" sshd)" "$(pid_of "$n" anchor)"); done
    term_and_wait 10 "${pids[@]}"
  fi
  for n in "${names[@]}"; do
    if ip netns list | grep -q "^$(netns_of "$n")\b"; then
      kill_netns_leftovers "$(netns_of "$n")"
      ip netns del "$(netns_of "$n")" 2>/dev/null || true
    fi
  done
  for i in 1 2; do ip link del "tcrmv$i" 2>/dev/null || true; done
  ip link del "$BRIDGE" 2>/dev/null || true
  if [ -e "$LAB_DIR/iptables-rule" ]; then
    iptables -D FORWARD -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT 2>/dev/null || true
  fi
  # Undo the /run/netns mount that `ip netns add` made, if it was ours and nobody else uses it.
  if [ "$(cat "$LAB_DIR/netns-mount-existed" 2>/dev/null)" = 0 ] && [ -z "$(ls -A /run/netns 2>/dev/null)" ]; then
    # -n: util-linux umount would otherwise create /run/mount/utab on the host.
    while mountpoint -q /run/netns 2>/dev/null; do umount -n /run/netns || break; done
    [ "$(cat "$LAB_DIR/netns-dir-existed" 2>/dev/null)" = 0 ] && rmdir /run/netns 2>/dev/null || true
  fi
  rm -rf "$LAB_DIR"
  # PID 1 reaps the orphaned daemons after a delay: wait so that not even a zombie is left.
  if [ ${#all[@]} -gt 0 ]; then wait_until 30 "dead daemons to be reaped" pids_gone "${all[@]}" || true; fi
  log "down: done"
}

# ---------------------------------------------------------------- other commands
cmd_status() {
  [ -d "$LAB_DIR" ] || { echo "lab: down"; return 0; }
  local n d pid
  for n in $(lab_nodes); do
    printf '%s %s:' "$n" "$(node_ip "$n")"
    for d in anchor sshd corosync pacemakerd; do
      pid=$(pid_of "$n" "$d")
      if alive "$pid"; then printf ' %s=%s' "$d" "$pid"; else printf ' %s=DEAD' "$d"; fi
    done
    if [ -e "$(node_dir "$n")/isolated" ]; then printf ' (isolated: off the network)'; fi
    echo
  done
  n=$(lab_nodes | awk '{print $1}')
  in_node "$n" crm_mon -1 2>&1 || true
}

# After down (or a failed run): exit 1 and say what is left of a lab on this machine.
cmd_check_clean() {
  local left=() pid ns host_ns init_ns
  ip netns list | grep -q '^tcrm-' && left+=("network namespaces: $(ip netns list | grep '^tcrm-' | tr '\n' ' ')")
  for pid in /sys/class/net/tcrm*; do [ -e "$pid" ] && left+=("link ${pid##*/}"); done
  [ -e "$LAB_DIR" ] && left+=("directory $LAB_DIR")
  [ -e "$LAB_DIR.lock" ] && left+=("lock $LAB_DIR.lock")
  local mounts
  mounts=$(awk -v lab="$LAB_DIR" '$5 == "/run/netns" || index($5, "/run/netns/") == 1 || index($5, lab) == 1 {print $5}' /proc/self/mountinfo)
  [ -z "$mounts" ] || left+=("mounts: $(tr '\n' ' ' <<<"$mounts")")
  # A node's processes live in a network namespace other than the host's.
  host_ns=$(readlink /proc/$$/ns/net); init_ns=$(readlink /proc/1/ns/net 2>/dev/null || true)
  for pid in /proc/[0-9]*; do
    ns=$(readlink "$pid/ns/net" 2>/dev/null) || continue
    [ "$ns" = "$host_ns" ] || [ "$ns" = "$init_ns" ] || left+=("process ${pid#/proc/} in $ns: $(tr '\0' ' ' < "$pid/cmdline" 2>/dev/null | cut -c1-80)")
  done
  if [ ${#left[@]} -gt 0 ]; then printf 'lab leftover: %s\n' "${left[@]}" >&2; return 1; fi
  echo "lab: nothing left"
}

cmd_crash() {
  local node=$1 pid; pid=$(pid_of "$node" corosync)
  alive "$pid" || die "corosync on $node is not running"
  kill -KILL "$pid"
  wait_until 30 "corosync $pid on $node to die" eval "! alive $pid"
  log "crash: killed corosync ($pid) on $node"
}

cmd_isolate() {
  local node=$1
  ip link set "tcrmv$(node_index "$node")" down
  : > "$(node_dir "$node")/isolated"
  log "isolate: $node is off the network"
}

cmd_reconnect() {
  local node=$1
  ip link set "tcrmv$(node_index "$node")" up
  rm -f "$(node_dir "$node")/isolated"
  log "reconnect: $node is back on the network"
}

cmd_revive() {
  local node=$1
  alive "$(pid_of "$node" corosync)" && die "corosync on $node is still running"
  start_corosync "$node"
  wait_until "$LAB_TIMEOUT" "all nodes Online in crm_mon" all_online
  log "revive: $node is back"
}

main() {
  local cmd=${1:-}; shift || true
  case $cmd in
    up) cmd_up "$@" ;;
    down) cmd_down ;;
    status) cmd_status ;;
    exec) [ $# -ge 2 ] || die "usage: exec NODE cmd…"; local node=$1; shift; node_index "$node" >/dev/null; in_node "$node" "$@" ;;
    crash) [ $# -eq 1 ] || die "usage: crash NODE"; node_index "$1" >/dev/null; cmd_crash "$1" ;;
    revive) [ $# -eq 1 ] || die "usage: revive NODE"; node_index "$1" >/dev/null; cmd_revive "$1" ;;
    isolate) [ $# -eq 1 ] || die "usage: isolate NODE"; node_index "$1" >/dev/null; cmd_isolate "$1" ;;
    reconnect) [ $# -eq 1 ] || die "usage: reconnect NODE"; node_index "$1" >/dev/null; cmd_reconnect "$1" ;;
    check-clean) cmd_check_clean ;;
    wait-online) wait_until "$LAB_TIMEOUT" "all nodes Online in crm_mon" all_online ;;
    _node-init) node_init "$@" ;;
    *) die "usage: lab.sh up [1|2] | down | status | exec NODE cmd… | crash NODE | revive NODE | isolate NODE | reconnect NODE | wait-online | check-clean" ;;
  esac
}
main "$@"
