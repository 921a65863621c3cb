//! Conformance of the printer with tcpdump 4.99 on the traffic of real daemons, line for line.
//!
//! Two throw-away network namespaces joined by a veth pair (documentation addresses only)
//! run the Debian packages' daemons and clients, each from a config written to the test's
//! scratch directory, in the foreground, with pid files, sockets and state there too:
//! snmpd and snmptrapd (SNMP v1, v2c, v3 with and without privacy: gets, walks, sets, errors,
//! traps, an inform), bird2 (BGP over IPv4 and IPv6 with path attributes, a withdrawal, a
//! route refresh and a Cease; RIP with MD5 authentication, RIPng, OSPFv2, OSPFv3), keepalived
//! (VRRP v2 and v3, an election), pimd (PIM-SM), redis-server and redis-cli (RESP), lldpd
//! (LLDP, LLDP-MED, CDP, EDP, SONMP, FDP), chronyd (NTP server; a client that never touches
//! the clock; chronyc on UDP), dnsmasq (DHCP, DHCPv6) with busybox udhcpc and dhclient,
//! logger (syslog), tftpd-hpa with busybox tftp, freeradius with radclient (RADIUS auth,
//! accounting, status), krb5kdc with kinit and kvno (Kerberos 5), NFS (below), and the
//! kernel's own STP between two bridges on a second veth pair. `scripts/install-deps`
//! installs the daemons, and keeps their system services from ever starting. The slow
//! talkers (routing, VRRP, PIM, LLDP) start first and meet while the request/response
//! clients run: the whole test takes about 15 seconds.
//!
//! tcpdump records the veth in namespace a; the capture is split into one file per protocol
//! (a tcpdump filter each, the rest into its own file; STP has its own recorder), and each is
//! printed by tcpdump and by `offline::print_file` with no option, -v, -vv, -vvv, -e and -q
//! (TZ=UTC). Any differing line fails the test, with the diff; the per-protocol match table
//! is printed (`--nocapture`). Needs root; it fails, never skips, without it.
//!
//! NFS runs in user space at both ends: nfs-ganesha (v3 and v4, with an rpcbind of its own in
//! a private /run) and libnfs's nfs-ls/nfs-cat/nfs-cp. The kernel's nfsd is per network
//! namespace, but this machine's kernel has neither it nor the NFS client, and a kernel
//! mount left by a failed run would outlive the test.
//!
//! `DUMPY_DAEMON_CORPUS=DIR` keeps the per-protocol files in DIR (NAME.pcap) and stops
//! before comparing: `printer/tests/golden/regen --live`
//! (and `--corpus`) takes them as `pcap/live-NAME.pcap`.

mod common;

use common::{
    ns_cmd, ns_output, ns_run, ns_spawn, run, start_recorder, stop_recorders, veth_pair, Cleanup,
    Comparison,
};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// One file of the split capture: the packets of one protocol family.
struct Proto {
    name: &'static str,
    /// The tcpdump filter that picks its packets out of the whole capture.
    filter: &'static str,
}

const PROTOS: &[Proto] = &[
    Proto {
        name: "snmp",
        filter: "udp port 161 or udp port 162",
    },
    Proto {
        name: "bgp",
        filter: "tcp port 179",
    },
    Proto {
        name: "rip",
        filter: "udp port 520 or udp port 521",
    },
    Proto {
        name: "ospf",
        filter: "ip proto 89 or ip6 proto 89",
    },
    Proto {
        name: "pim",
        filter: "ip proto 103",
    },
    Proto {
        name: "vrrp",
        filter: "ip proto 112 or ip6 proto 112",
    },
    Proto {
        name: "resp",
        filter: "tcp port 6379",
    },
    Proto {
        name: "lldp",
        filter: "not ip and not ip6 and not arp",
    },
    Proto {
        name: "ntp",
        filter: "udp port 123 or udp port 323",
    },
    Proto {
        name: "dhcp",
        filter: "udp port 67 or udp port 68 or udp port 546 or udp port 547",
    },
    Proto {
        name: "syslog",
        filter: "udp port 514",
    },
    // TFTP's transfers run between two ephemeral ports: the address pair only TFTP uses
    // picks them out.
    Proto {
        name: "tftp",
        filter: "udp and host 198.51.100.2",
    },
    Proto {
        name: "nfs",
        filter: "port 2049 or port 111 or port 20048",
    },
    Proto {
        name: "kerberos",
        filter: "port 88",
    },
    Proto {
        name: "radius",
        filter: "udp port 1812 or udp port 1813",
    },
];

/// The test's two namespaces and its scratch directory.
struct Lab {
    a: String,
    b: String,
    va: String,
    vb: String,
    dir: PathBuf,
}

impl Lab {
    fn path(&self, name: &str) -> String {
        self.dir.join(name).to_str().unwrap().to_string()
    }

    /// Writes a config file into the scratch directory; returns its path.
    fn write(&self, name: &str, text: &str) -> String {
        std::fs::write(self.dir.join(name), text).unwrap();
        self.path(name)
    }

    /// Starts a daemon in `ns`, its output into NAME.log; it is killed when the test ends.
    fn spawn(&self, guard: &mut Cleanup, ns: &str, name: &str, cmd: &[&str]) -> usize {
        let child = ns_spawn(ns, cmd, &self.dir.join(format!("{name}.log")));
        guard.children.push(child);
        guard.children.len() - 1
    }

    fn log(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.join(format!("{name}.log"))).unwrap_or_default()
    }

    /// Waits until the daemon's log says `text`, failing with the log after `secs`.
    fn wait_log(&self, name: &str, text: &str, secs: u64) {
        let t = Instant::now();
        while !self.log(name).contains(text) {
            assert!(
                t.elapsed() < Duration::from_secs(secs),
                "{name} did not say {text:?} within {secs}s; its log:\n{}",
                self.log(name)
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// Runs a client in `ns`; its failure fails the test unless `may_fail` (error cases).
fn client(ns: &str, cmd: &[&str], may_fail: bool) -> String {
    let (ok, out) = ns_output(ns, cmd);
    assert!(ok || may_fail, "{cmd:?} failed:\n{out}");
    out
}

/// Retries `cmd` in `ns` until its output contains `text`.
fn wait_output(ns: &str, cmd: &[&str], text: &str, secs: u64) {
    let t = Instant::now();
    loop {
        let (_, out) = ns_output(ns, cmd);
        if out.contains(text) {
            return;
        }
        assert!(
            t.elapsed() < Duration::from_secs(secs),
            "{cmd:?} did not say {text:?} within {secs}s; last output:\n{out}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// bird2 on both sides: BGP over IPv4 (with add-path and graceful restart) and over IPv6,
/// RIP (with MD5 authentication), RIPng, OSPFv2 and OSPFv3, each exporting the side's static
/// routes (BGP with communities, a MED and a prepended path). Timers are short so that
/// sessions come up in seconds.
fn start_bird(lab: &Lab, guard: &mut Cleanup) {
    for (side, ns, dev, me, me6, peer, peer6, asn, peer_asn, r4, r6) in [
        (
            "a",
            &lab.a,
            &lab.va,
            "192.0.2.1",
            "2001:db8::1",
            "192.0.2.2",
            "2001:db8::2",
            64512,
            64513,
            "203.0.113.0/25",
            "2001:db8:a::/48",
        ),
        (
            "b",
            &lab.b,
            &lab.vb,
            "192.0.2.2",
            "2001:db8::2",
            "192.0.2.1",
            "2001:db8::1",
            64513,
            64512,
            "203.0.113.128/25",
            "2001:db8:b::/48",
        ),
    ] {
        let timers = "hello 1; dead 4; wait 2; retransmit 2;";
        let conf = format!(
            r#"router id {me};
protocol device {{ }}
protocol static st4 {{ ipv4; route {r4} blackhole; route 198.51.100.{n}/32 blackhole; }}
protocol static st6 {{ ipv6; route {r6} blackhole; }}
filter out_bgp {{
  if source != RTS_STATIC then reject;
  bgp_community.add((64512, 100));
  bgp_large_community.add((64512, 7, 42));
  bgp_ext_community.add((rt, 64512, 5));
  bgp_med = 50;
  bgp_path.prepend({asn});
  accept;
}}
protocol bgp bgp4 {{
  local {me} as {asn}; neighbor {peer} as {peer_asn};
  connect delay time 1; connect retry time 2; hold time 9; keepalive time 3;
  graceful restart on; long lived graceful restart on;
  ipv4 {{ import all; export filter out_bgp; add paths on; }};
}}
protocol bgp bgp6 {{
  local {me6} as {asn}; neighbor {peer6} as {peer_asn};
  connect delay time 1; connect retry time 2; hold time 9; keepalive time 3;
  ipv6 {{ import all; export filter out_bgp; }};
}}
protocol rip rip4 {{
  ipv4 {{ import all; export where source = RTS_STATIC; }};
  interface "{dev}" {{ update time 2; authentication cryptographic;
    password "dumpy" {{ algorithm keyed md5; }}; }};
}}
protocol rip ng rip6 {{
  ipv6 {{ import all; export where source = RTS_STATIC; }};
  interface "{dev}" {{ update time 2; }};
}}
protocol ospf v2 ospf4 {{
  ipv4 {{ import all; export where source = RTS_STATIC; }};
  area 0 {{ interface "{dev}" {{ {timers} }}; }};
}}
protocol ospf v3 ospf6 {{
  ipv6 {{ import all; export where source = RTS_STATIC; }};
  area 0 {{ interface "{dev}" {{ {timers} }}; }};
}}
"#,
            n = if side == "a" { 1 } else { 2 }
        );
        let conf = lab.write(&format!("bird-{side}.conf"), &conf);
        let (sock, pid) = (
            lab.path(&format!("bird-{side}.ctl")),
            lab.path(&format!("bird-{side}.pid")),
        );
        lab.spawn(
            guard,
            ns,
            &format!("bird-{side}"),
            &["bird", "-f", "-c", &conf, "-s", &sock, "-P", &pid],
        );
    }
}

/// Waits until bird's BGP sessions are established and its OSPF adjacencies full.
fn wait_bird(lab: &Lab) {
    let sock = lab.path("bird-a.ctl");
    let birdc = |what: &'static [&'static str], text: &str| {
        let mut cmd = vec!["birdc", "-s", &sock];
        cmd.extend_from_slice(what);
        wait_output(&lab.a, &cmd, text, 30);
    };
    birdc(&["show", "protocols", "bgp4"], "Established");
    birdc(&["show", "protocols", "bgp6"], "Established");
    birdc(&["show", "ospf", "neighbors", "ospf4"], "Full");
    birdc(&["show", "ospf", "neighbors", "ospf6"], "Full");
    // What came over RIP and RIPng shows that they talk too.
    birdc(&["show", "route", "protocol", "rip4"], "203.0.113.128/25");
    birdc(&["show", "route", "protocol", "rip6"], "2001:db8:b::/48");
}

/// Once the sessions are up: a withdrawal (a's IPv4 statics go away), a route refresh, and
/// the end of the IPv6 session (a NOTIFICATION, Cease).
fn bird_changes(lab: &Lab) {
    let sock = lab.path("bird-a.ctl");
    for what in [
        &["disable", "st4"][..],
        &["reload", "in", "bgp4"],
        &["disable", "bgp6", "\"dumpy test over\""],
    ] {
        let mut cmd = vec!["birdc", "-s", &sock];
        cmd.extend_from_slice(what);
        client(&lab.a, &cmd, false);
    }
}

/// keepalived on both sides, three VRRP instances (v2 with a password, v3 over IPv4, v3
/// over IPv6). a starts first and becomes master; b, of higher priority, takes over.
fn start_keepalived(lab: &Lab, guard: &mut Cleanup, side: &str) -> usize {
    let (ns, dev, prio) = if side == "a" {
        (&lab.a, &lab.va, 100)
    } else {
        (&lab.b, &lab.vb, 150)
    };
    let conf = format!(
        r#"global_defs {{ router_id dumpy{side} }}
vrrp_instance v2 {{
  state BACKUP
  interface {dev}
  virtual_router_id 51
  priority {prio}
  advert_int 1
  version 2
  authentication {{ auth_type PASS
    auth_pass dumpy }}
  virtual_ipaddress {{ 192.0.2.100/24 }}
}}
vrrp_instance v3 {{
  state BACKUP
  interface {dev}
  virtual_router_id 52
  priority {prio}
  advert_int 1
  version 3
  virtual_ipaddress {{ 192.0.2.101/24 }}
}}
vrrp_instance v3ip6 {{
  state BACKUP
  interface {dev}
  virtual_router_id 53
  priority {prio}
  advert_int 1
  version 3
  virtual_ipaddress {{ 2001:db8::100/64 }}
}}
"#
    );
    let conf = lab.write(&format!("keepalived-{side}.conf"), &conf);
    let p = |what: &str| lab.path(&format!("keepalived-{side}-{what}.pid"));
    let (main, vrrp, check, bfd) = (p("main"), p("vrrp"), p("checkers"), p("bfd"));
    lab.spawn(
        guard,
        ns,
        &format!("keepalived-{side}"),
        &[
            "keepalived",
            "-n",
            "-l",
            "-D",
            "-G",
            "-P",
            "-f",
            &conf,
            "-p",
            &main,
            "-r",
            &vrrp,
            "-c",
            &check,
            "-b",
            &bfd,
        ],
    )
}

/// pimd (PIM-SM) on both sides' veth alone (-N), both candidate BSR and RP, a the static RP
/// of 239/8: hellos, bootstraps, a candidate-RP advertisement, and the join that b (the
/// designated router: the higher address) sends a once a listener joins a group. Its pid
/// file and control socket go to /run, so each pimd gets a tmpfs /run of its own (`ip netns
/// exec` gives each command a mount namespace whose mounts stay there).
fn start_pimd(lab: &Lab, guard: &mut Cleanup) {
    for (side, ns, dev, me, prio) in [
        ("a", &lab.a, &lab.va, "192.0.2.1", 5),
        ("b", &lab.b, &lab.vb, "192.0.2.2", 10),
    ] {
        let conf = lab.write(
            &format!("pimd-{side}.conf"),
            &format!(
                "phyint {dev} enable igmpv2\nbsr-candidate {me} priority {prio}\n\
                 rp-candidate {me} time 10 priority {prio}\ngroup-prefix 239.0.0.0 masklen 8\n\
                 rp-address 192.0.2.1 239.0.0.0/8\n"
            ),
        );
        let script = format!("mount -t tmpfs tmpfs /run && exec pimd -f -N -c {conf}");
        lab.spawn(guard, ns, &format!("pimd-{side}"), &["sh", "-c", &script]);
    }
}

/// lldpd on both sides: a sends every protocol it has (forced: -ccc -ee -ss -ff -l) and
/// LLDP-MED (-M 4); b sends LLDP and CDPv2. -k: the machine's kernel version stays out of
/// the (committed) frames.
fn start_lldpd(lab: &Lab, guard: &mut Cleanup) {
    for (side, ns, dev, protos) in [
        ("a", &lab.a, &lab.va, "-ccc -ee -ss -ff -l -M 4"),
        ("b", &lab.b, &lab.vb, "-cccc"),
    ] {
        let conf = lab.write(
            &format!("lldpd-{side}.conf"),
            &format!(
                "configure system hostname dumpy-{side}\nconfigure system description dumpy-lab\n\
                 configure lldp tx-interval 1\n"
            ),
        );
        let sock = lab.path(&format!("lldpd-{side}.sock"));
        let mut cmd = vec!["lldpd", "-d", "-k", "-u", &sock, "-I", dev, "-O", &conf];
        cmd.extend(protos.split(' '));
        lab.spawn(guard, ns, &format!("lldpd-{side}"), &cmd);
    }
}

fn snmp(lab: &Lab, guard: &mut Cleanup) {
    let state = lab.path("snmp-state");
    std::fs::create_dir_all(&state).unwrap();
    let conf = lab.write(
        "snmpd.conf",
        &format!(
            "[snmp] persistentDir {state}\nrocommunity public 192.0.2.0/24\n\
             rwcommunity private 192.0.2.0/24\nsysLocation dumpy-lab\nsysContact dumpy\n\
             sysDescr dumpy-lab snmpd\n\
             createUser bob SHA dumpy-auth-pw\nrouser bob auth\n\
             createUser carol SHA dumpy-auth-pw AES dumpy-priv-pw\nrouser carol priv\n"
        ),
    );
    let trapconf = lab.write(
        "snmptrapd.conf",
        &format!("[snmp] persistentDir {state}\ndisableAuthorization yes\n"),
    );
    let (pid, tpid) = (lab.path("snmpd.pid"), lab.path("snmptrapd.pid"));
    let b = &lab.b;
    lab.spawn(
        guard,
        b,
        "snmpd",
        &[
            "snmpd",
            "-f",
            "-C",
            "-c",
            &conf,
            "-p",
            &pid,
            "-Lo",
            "udp:192.0.2.2:161",
        ],
    );
    lab.spawn(
        guard,
        b,
        "snmptrapd",
        &[
            "snmptrapd",
            "-f",
            "-C",
            "-c",
            &trapconf,
            "-p",
            &tpid,
            "-Lo",
            "udp:192.0.2.2:162",
        ],
    );
    lab.wait_log("snmpd", "NET-SNMP version", 10);
    lab.wait_log("snmptrapd", "NET-SNMP version", 10);
    let a = &lab.a;
    // -On: numeric OIDs (Debian ships no MIBs); -t 1 -r 0: an unanswered request costs 1s.
    let c = |args: &[&str], may_fail: bool| {
        let mut cmd = args.to_vec();
        cmd.splice(1..1, ["-On", "-t", "1", "-r", "0"]);
        client(a, &cmd, may_fail);
    };
    let h = "192.0.2.2";
    c(
        &[
            "snmpget",
            "-v1",
            "-c",
            "public",
            h,
            "1.3.6.1.2.1.1.1.0",
            "1.3.6.1.2.1.1.6.0",
        ],
        false,
    );
    // v1 error (noSuchName) and v2c exception (noSuchObject).
    c(
        &["snmpget", "-v1", "-c", "public", h, "1.3.6.1.2.1.1.99.0"],
        true,
    );
    c(
        &["snmpget", "-v2c", "-c", "public", h, "1.3.6.1.2.1.1.99.0"],
        true,
    );
    c(
        &["snmpgetnext", "-v2c", "-c", "public", h, "1.3.6.1.2.1.1.4"],
        false,
    );
    c(
        &["snmpwalk", "-v2c", "-c", "public", h, "1.3.6.1.2.1.1"],
        false,
    );
    c(
        &[
            "snmpbulkget",
            "-v2c",
            "-c",
            "public",
            "-Cn1",
            "-Cr3",
            h,
            "1.3.6.1.2.1.1.1",
            "1.3.6.1.2.1.2",
        ],
        false,
    );
    c(
        &[
            "snmpset",
            "-v2c",
            "-c",
            "private",
            h,
            "1.3.6.1.2.1.1.5.0",
            "s",
            "dumpy-node",
        ],
        false,
    );
    c(
        &[
            "snmpset",
            "-v1",
            "-c",
            "private",
            h,
            "1.3.6.1.2.1.1.3.0",
            "t",
            "5",
        ],
        true,
    );
    // v3: engine discovery (a report), an authenticated get, an encrypted one, an unknown
    // user.
    c(
        &[
            "snmpget",
            "-v3",
            "-u",
            "bob",
            "-l",
            "authNoPriv",
            "-a",
            "SHA",
            "-A",
            "dumpy-auth-pw",
            h,
            "1.3.6.1.2.1.1.3.0",
        ],
        false,
    );
    c(
        &[
            "snmpget",
            "-v3",
            "-u",
            "carol",
            "-l",
            "authPriv",
            "-a",
            "SHA",
            "-A",
            "dumpy-auth-pw",
            "-x",
            "AES",
            "-X",
            "dumpy-priv-pw",
            h,
            "1.3.6.1.2.1.1.5.0",
        ],
        false,
    );
    c(
        &[
            "snmpget",
            "-v3",
            "-u",
            "nobody",
            "-l",
            "noAuthNoPriv",
            h,
            "1.3.6.1.2.1.1.3.0",
        ],
        true,
    );
    // Traps (v1 and v2c) and an inform, answered by snmptrapd.
    c(
        &[
            "snmptrap",
            "-v1",
            "-c",
            "public",
            h,
            "1.3.6.1.4.1.8072.3.2.10",
            "192.0.2.1",
            "6",
            "17",
            "",
            "1.3.6.1.4.1.8072.2.3.2.1",
            "i",
            "42",
        ],
        false,
    );
    c(
        &[
            "snmptrap",
            "-v1",
            "-c",
            "public",
            h,
            "1.3.6.1.4.1.8072.3.2.10",
            "192.0.2.1",
            "3",
            "0",
            "",
        ],
        false,
    );
    c(
        &[
            "snmptrap",
            "-v2c",
            "-c",
            "public",
            h,
            "",
            "1.3.6.1.6.3.1.1.5.3",
            "1.3.6.1.2.1.2.2.1.1.2",
            "i",
            "2",
            "1.3.6.1.2.1.2.2.1.2.2",
            "s",
            "eth1",
        ],
        false,
    );
    c(
        &[
            "snmpinform",
            "-v2c",
            "-c",
            "public",
            h,
            "",
            "1.3.6.1.6.3.1.1.5.4",
            "1.3.6.1.2.1.2.2.1.1.2",
            "i",
            "2",
        ],
        false,
    );
}

fn redis(lab: &Lab, guard: &mut Cleanup) {
    lab.spawn(
        guard,
        &lab.b,
        "redis",
        &[
            "redis-server",
            "--bind",
            "192.0.2.2 2001:db8::2",
            "--port",
            "6379",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            lab.dir.to_str().unwrap(),
            "--daemonize",
            "no",
            "--protected-mode",
            "no",
        ],
    );
    let cli = |host: &str, args: &[&str], may_fail: bool| {
        let mut cmd = vec!["redis-cli", "-h", host];
        cmd.extend_from_slice(args);
        client(&lab.a, &cmd, may_fail)
    };
    wait_output(
        &lab.a,
        &["redis-cli", "-h", "192.0.2.2", "ping"],
        "PONG",
        10,
    );
    let h = "192.0.2.2";
    cli(h, &["SET", "greeting", "hello dumpy"], false);
    cli(h, &["GET", "greeting"], false);
    cli(h, &["GET", "missing"], false);
    cli(h, &["RPUSH", "queue", "a", "bb", "ccc"], false);
    cli(h, &["LRANGE", "queue", "0", "-1"], false);
    cli(h, &["MGET", "greeting", "missing", "queue"], false);
    // Errors: a command on the wrong type, and one that does not exist.
    cli(h, &["INCR", "greeting"], true);
    cli(h, &["NOSUCHCOMMAND", "x"], true);
    cli(h, &["HSET", "h", "field", "value", "n", "7"], false);
    cli(h, &["HGETALL", "h"], false);
    cli(h, &["INCRBY", "counter", "41"], false);
    cli("2001:db8::2", &["DEL", "greeting", "queue", "h"], false);
}

fn ntp(lab: &Lab, guard: &mut Cleanup) {
    // The IPv4 exchange is authenticated (a MAC), the IPv6 one is not.
    let keys = lab.write("chrony.keys", "1 SHA1 HEX:64756d70792d6e74702d6b6579\n");
    // The server: local stratum, and -x: chronyd never touches this machine's clock.
    let conf = lab.write(
        "chrony-b.conf",
        &format!(
            "local stratum 8\nallow 192.0.2.0/24\nallow 2001:db8::/64\n\
             cmdallow 192.0.2.0/24\nbindcmdaddress 0.0.0.0\nbindcmdaddress {}\npidfile {}\n\
             keyfile {keys}\n",
            lab.path("chrony-b.sock"),
            lab.path("chrony-b.pid")
        ),
    );
    lab.spawn(
        guard,
        &lab.b,
        "chronyd-b",
        &["chronyd", "-x", "-d", "-u", "root", "-f", &conf],
    );
    lab.wait_log("chronyd-b", "chronyd version", 10);
    std::thread::sleep(Duration::from_millis(300));
    // The client: -Q measures the offset, prints it and exits, never setting the clock.
    let conf = lab.write(
        "chrony-a.conf",
        &format!(
            "server 192.0.2.2 iburst minpoll -4 maxpoll -4 key 1\n\
             server 2001:db8::2 iburst minpoll -4 maxpoll -4\n\
             bindcmdaddress {}\npidfile {}\nkeyfile {keys}\n",
            lab.path("chrony-a.sock"),
            lab.path("chrony-a.pid")
        ),
    );
    client(
        &lab.a,
        &[
            "chronyd", "-x", "-Q", "-d", "-t", "10", "-u", "root", "-f", &conf,
        ],
        false,
    );
    // chronyc's monitoring protocol over UDP (port 323).
    for what in ["tracking", "sources", "activity"] {
        client(&lab.a, &["chronyc", "-n", "-h", "192.0.2.2", what], false);
    }
}

fn dhcp(lab: &Lab, guard: &mut Cleanup) {
    let leases = lab.path("dnsmasq.leases");
    lab.spawn(
        guard,
        &lab.b,
        "dnsmasq-dhcp",
        &[
            "dnsmasq",
            "-k",
            "-C",
            "/dev/null",
            "--port=0",
            "--log-facility=-",
            "--pid-file=",
            "--user=root",
            "--bind-interfaces",
            &format!("--interface={}", lab.vb),
            "--dhcp-range=192.0.2.50,192.0.2.60,255.255.255.0,1h",
            "--dhcp-range=2001:db8::50,2001:db8::60,64,1h",
            "--dhcp-option=option:router,192.0.2.2",
            "--dhcp-option=option:dns-server,192.0.2.2",
            "--dhcp-option=option:domain-name,example.test",
            "--dhcp-option=option6:dns-server,[2001:db8::2]",
            "--dhcp-authoritative",
            &format!("--dhcp-leasefile={leases}"),
        ],
    );
    lab.wait_log("dnsmasq-dhcp", "DHCP, IP range", 10);
    // busybox udhcpc: discover, offer, request, ack, then release (-R); -s /bin/true: the
    // lease configures nothing here.
    client(
        &lab.a,
        &[
            "busybox",
            "udhcpc",
            "-f",
            "-q",
            "-n",
            "-R",
            "-i",
            &lab.va,
            "-s",
            "/bin/true",
            "-t",
            "5",
            "-T",
            "1",
            "-x",
            "hostname:dumpy-a",
            "-V",
            "dumpy",
        ],
        false,
    );
    // dhclient -6: solicit, advertise, request, reply; then a release (-r).
    let (lf, pf) = (lab.path("dhclient6.leases"), lab.path("dhclient6.pid"));
    let i = lab.spawn(
        guard,
        &lab.a,
        "dhclient6",
        &[
            "dhclient",
            "-6",
            "-d",
            "-v",
            "-1",
            "-sf",
            "/bin/true",
            "-lf",
            &lf,
            "-pf",
            &pf,
            &lab.va,
        ],
    );
    let t = Instant::now();
    while !std::fs::read_to_string(&lf)
        .unwrap_or_default()
        .contains("iaaddr")
    {
        assert!(
            t.elapsed() < Duration::from_secs(15),
            "dhclient -6 got no lease; its log:\n{}",
            lab.log("dhclient6")
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = guard.children[i].kill();
    let _ = guard.children[i].wait();
    client(
        &lab.a,
        &[
            "dhclient",
            "-6",
            "-r",
            "-v",
            "-sf",
            "/bin/true",
            "-lf",
            &lf,
            "-pf",
            &pf,
            &lab.va,
        ],
        false,
    );
}

fn syslog(lab: &Lab, guard: &mut Cleanup) {
    // A receiver, so that the messages meet no ICMP port unreachable.
    lab.spawn(
        guard,
        &lab.b,
        "syslog-sink",
        &[
            "python3",
            "-c",
            "import socket\ns = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)\n\
             s.bind(('::', 514))\nprint('bound', flush=True)\nwhile True: s.recv(65535)",
        ],
    );
    lab.wait_log("syslog-sink", "bound", 10);
    for (host, prio, format, msg) in [
        (
            "192.0.2.2",
            "local3.warning",
            "--rfc5424",
            "disk almost full",
        ),
        (
            "192.0.2.2",
            "auth.crit",
            "--rfc3164",
            "login failure for root",
        ),
        ("192.0.2.2", "user.debug", "--rfc3164", "debugging"),
        ("2001:db8::2", "daemon.notice", "--rfc5424", "over IPv6"),
        ("2001:db8::2", "kern.emerg", "--rfc3164", "panic"),
    ] {
        client(
            &lab.a,
            &[
                "logger", "--udp", "-n", host, "-P", "514", "-p", prio, format, "-t", "dumpy", msg,
            ],
            false,
        );
    }
}

fn tftp(lab: &Lab, guard: &mut Cleanup) {
    // Its own address pair (see PROTOS).
    ns_run(
        &lab.a,
        &["ip", "addr", "add", "198.51.100.1/24", "dev", &lab.va],
    );
    ns_run(
        &lab.b,
        &["ip", "addr", "add", "198.51.100.2/24", "dev", &lab.vb],
    );
    let root = lab.dir.join("tftp");
    std::fs::create_dir_all(&root).unwrap();
    // in.tftpd runs as user tftp: the directory takes uploads (-c) from it.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::write(root.join("hello.txt"), "hello from dumpy\n").unwrap();
    let big: String = (0..300).map(|i| format!("line {i:04}\n")).collect();
    std::fs::write(root.join("big.txt"), &big).unwrap();
    std::fs::write(lab.dir.join("upload.txt"), "uploaded\n").unwrap();
    lab.spawn(
        guard,
        &lab.b,
        "tftpd",
        &[
            "in.tftpd",
            "-L",
            "-v",
            "-c",
            "-a",
            "198.51.100.2:69",
            "-s",
            root.to_str().unwrap(),
        ],
    );
    std::thread::sleep(Duration::from_millis(300));
    let got = lab.path("got.txt");
    let up = lab.path("upload.txt");
    let t = |args: &[&str], may_fail: bool| {
        let mut cmd = vec!["busybox", "tftp"];
        cmd.extend_from_slice(args);
        cmd.push("198.51.100.2");
        client(&lab.a, &cmd, may_fail);
    };
    t(&["-g", "-r", "hello.txt", "-l", &got], false);
    // More than one block, and with the blksize option (an OACK).
    t(&["-g", "-r", "big.txt", "-l", &got], false);
    t(&["-g", "-b", "1024", "-r", "big.txt", "-l", &got], false);
    t(&["-p", "-l", &up, "-r", "upload.txt"], false);
    t(&["-g", "-r", "missing.txt", "-l", &got], true);
}

fn radius(lab: &Lab, guard: &mut Cleanup) {
    // A scratch copy of Debian's configuration: no privilege drop, run and log directories
    // in scratch, no EAP (it wants certificates the package does not make), our client and
    // user, no delay on a reject.
    let raddb = lab.path("raddb");
    run(&["cp", "-a", "/etc/freeradius/3.0", &raddb]);
    let rundir = lab.path("raddb-run");
    std::fs::create_dir_all(&rundir).unwrap();
    let conf = Path::new(&raddb).join("radiusd.conf");
    let text = std::fs::read_to_string(&conf).unwrap();
    let text = text
        .replace("\tuser = freerad\n", "")
        .replace("\tgroup = freerad\n", "")
        .replace("reject_delay = 1", "reject_delay = 0")
        .replace(
            "run_dir = ${localstatedir}/run/${name}",
            &format!("run_dir = {rundir}"),
        )
        .replace(
            "logdir = /var/log/freeradius",
            &format!("logdir = {rundir}"),
        );
    std::fs::write(&conf, text).unwrap();
    for f in ["mods-enabled/eap", "sites-enabled/inner-tunnel"] {
        std::fs::remove_file(Path::new(&raddb).join(f)).unwrap();
    }
    let site = Path::new(&raddb).join("sites-enabled/default");
    let text = std::fs::read_to_string(&site).unwrap();
    // A module prefixed with '-' is skipped when it is not loaded.
    let text = text
        .replace("\teap {\n\t\tok = return\n#\t\tupdated = return\n\t}\n", "")
        .replace("\teap\n", "\t-eap\n")
        .replace("\t\teap\n", "\t\t-eap\n");
    std::fs::write(&site, text).unwrap();
    let clients = Path::new(&raddb).join("clients.conf");
    let mut text = std::fs::read_to_string(&clients).unwrap();
    text.push_str("client dumpy {\n\tipaddr = 192.0.2.0/24\n\tsecret = dumpy-secret\n}\n");
    std::fs::write(&clients, text).unwrap();
    let users = Path::new(&raddb).join("mods-config/files/authorize");
    let text = std::fs::read_to_string(&users).unwrap();
    std::fs::write(
        &users,
        format!(
            "alice\tCleartext-Password := \"wonderland\"\n\
             \tReply-Message := \"Hello, %{{User-Name}}\",\n\tSession-Timeout = 3600\n\n{text}"
        ),
    )
    .unwrap();
    lab.spawn(
        guard,
        &lab.b,
        "radiusd",
        &["freeradius", "-X", "-d", &raddb],
    );
    lab.wait_log("radiusd", "Ready to process requests", 30);
    let rad = |attrs: &str, port_kind: &str, may_fail: bool| {
        let mut child = ns_cmd(
            &lab.a,
            &[
                "radclient",
                "-r",
                "1",
                "-t",
                "2",
                "192.0.2.2",
                port_kind,
                "dumpy-secret",
            ],
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(attrs.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success() || may_fail,
            "radclient {attrs}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    rad(
        "User-Name = \"alice\", User-Password = \"wonderland\", \
         NAS-IP-Address = 192.0.2.1, NAS-Port = 7",
        "auth",
        false,
    );
    rad(
        "User-Name = \"alice\", CHAP-Password = \"wonderland\"",
        "auth",
        false,
    );
    rad(
        "User-Name = \"alice\", User-Password = \"wrong\"",
        "auth",
        true,
    );
    rad("Message-Authenticator = 0x00", "status", false);
    rad(
        "User-Name = \"alice\", Acct-Status-Type = Start, Acct-Session-Id = \"dumpy-1\", \
         NAS-IP-Address = 192.0.2.1, Framed-IP-Address = 192.0.2.50",
        "acct",
        false,
    );
    rad(
        "User-Name = \"alice\", Acct-Status-Type = Stop, Acct-Session-Id = \"dumpy-1\", \
         NAS-IP-Address = 192.0.2.1, Acct-Session-Time = 42, Acct-Input-Octets = 1234",
        "acct",
        false,
    );
}

fn nfs(lab: &Lab, guard: &mut Cleanup) {
    let export = lab.dir.join("export");
    std::fs::create_dir_all(export.join("sub")).unwrap();
    std::fs::write(export.join("hello.txt"), "hello from dumpy\n").unwrap();
    let recovery = lab.path("ganesha-recovery");
    let export = export.to_str().unwrap();
    // v3 needs rpcbind; its socket and state go to a tmpfs /run of its own: `ip netns exec`
    // gives each command a mount namespace whose mounts do not reach the host's.
    let rpcbind = lab.spawn(
        guard,
        &lab.b,
        "rpcbind",
        &["sh", "-c", "mount -t tmpfs tmpfs /run && exec rpcbind -f"],
    );
    wait_output(&lab.b, &["ss", "-lnt"], ":111 ", 10);
    let conf = lab.write(
        "ganesha.conf",
        &format!(
            r#"NFS_CORE_PARAM {{ Protocols = 3, 4; NFS_Port = 2049; MNT_Port = 20048;
  Enable_NLM = false; Enable_RQUOTA = false; Bind_addr = 192.0.2.2; }}
NFSV4 {{ RecoveryBackend = fs; RecoveryRoot = "{recovery}"; Graceless = true; }}
EXPORT {{ Export_Id = 1; Path = "{export}"; Pseudo = /export; Access_Type = RW;
  Squash = No_Root_Squash; Protocols = 3, 4; Transports = TCP, UDP; SecType = sys;
  FSAL {{ Name = VFS; }} }}
"#
        ),
    );
    // ganesha joins rpcbind's namespaces (network, and the mounts with its /run).
    let target = guard.children[rpcbind].id().to_string();
    let (log, pid) = (lab.path("ganesha.log"), lab.path("ganesha.pid"));
    let child = std::process::Command::new("nsenter")
        .args(["-t", &target, "-m", "-n", "ganesha.nfsd", "-F", "-f", &conf])
        .args(["-L", &log, "-p", &pid])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn ganesha.nfsd");
    guard.children.push(child);
    lab.wait_log("ganesha", "NFS SERVER INITIALIZED", 20);
    let url = |path: &str, query: &str| format!("nfs://192.0.2.2{export}{path}{query}");
    let v4 = |path: &str| format!("nfs://192.0.2.2/export{path}?version=4");
    let up = lab.path("upload.txt");
    std::fs::write(&up, "uploaded\n").unwrap();
    // v3: rpcbind lookups, MOUNT, then NFS (fsinfo, readdirplus, lookup, read, create,
    // write), and a lookup that fails.
    client(&lab.a, &["nfs-ls", &url("", "")], false);
    client(&lab.a, &["nfs-cat", &url("/hello.txt", "")], false);
    client(&lab.a, &["nfs-cp", &up, &url("/upload.txt", "")], false);
    client(&lab.a, &["nfs-cat", &url("/missing.txt", "")], true);
    // v4: COMPOUNDs, which tcpdump names by the v3 procedure of the same number.
    client(&lab.a, &["nfs-ls", &v4("")], false);
    client(&lab.a, &["nfs-cat", &v4("/hello.txt")], false);
}

/// A Kerberos 5 KDC of a scratch realm (its database, stash and config in scratch, found
/// through KRB5_CONFIG and KRB5_KDC_PROFILE), and kinit/kvno: AS exchanges (preauthentication
/// required, then a good password; a wrong one; an unknown principal) and a TGS exchange.
fn kerberos(lab: &Lab, guard: &mut Cleanup) {
    let db = lab.path("krb5-principal");
    let krb5_conf = lab.write(
        "krb5.conf",
        "[libdefaults]\n default_realm = DUMPY.TEST\n dns_lookup_kdc = false\n\
         dns_lookup_realm = false\n rdns = false\n\
         [realms]\n DUMPY.TEST = {\n  kdc = 192.0.2.2\n }\n",
    );
    let kdc_conf = lab.write(
        "kdc.conf",
        &format!(
            "[kdcdefaults]\n kdc_ports = 88\n kdc_tcp_ports = 88\n\
             [realms]\n DUMPY.TEST = {{\n  database_name = {db}\n  key_stash_file = {db}.stash\n\
             acl_file = {db}.acl\n }}\n[logging]\n kdc = STDERR\n"
        ),
    );
    // Every command finds the realm's files through the environment (scratch paths: no
    // spaces to quote).
    let env = format!(
        "export KRB5_CONFIG={krb5_conf} KRB5_KDC_PROFILE={kdc_conf} KRB5CCNAME=FILE:{};",
        lab.path("krb5-ccache")
    );
    run(&[
        "sh",
        "-c",
        &format!("{env} kdb5_util create -s -P dumpy-master"),
    ]);
    for q in [
        "addprinc +requires_preauth -pw wonderland alice",
        "addprinc -randkey host/b.dumpy.test",
    ] {
        run(&["sh", "-c", &format!("{env} kadmin.local -q '{q}'")]);
    }
    let kdc = format!("{env} exec krb5kdc -n");
    lab.spawn(guard, &lab.b, "krb5kdc", &["sh", "-c", &kdc]);
    lab.wait_log("krb5kdc", "commencing operation", 10);
    for (script, may_fail) in [
        ("echo wonderland | kinit alice", false),
        ("kvno host/b.dumpy.test", false),
        ("echo wrong | kinit alice", true),
        ("echo x | kinit nobody", true),
    ] {
        client(&lab.a, &["sh", "-c", &format!("{env} {script}")], may_fail);
    }
}

/// The kernel's STP: a bridge in each namespace on a veth pair of their own, b's of lower
/// priority (a becomes root, b's port first sends, then listens). Records the BPDUs in a (on
/// `file`); returns the recorder.
fn stp_bridges(lab: &Lab, file: &Path, guard: &mut Cleanup) -> usize {
    let (sa, sb) = (format!("{}s", lab.va), format!("{}s", lab.vb));
    run(&[
        "ip", "link", "add", &sa, "netns", &lab.a, "type", "veth", "peer", "name", &sb, "netns",
        &lab.b,
    ]);
    ns_run(&lab.a, &["ip", "link", "set", &sa, "up"]);
    let recorder = start_recorder(&lab.a, file, &["-i", &sa, "stp"], guard);
    for (ns, dev, prio) in [(&lab.a, &sa, "4096"), (&lab.b, &sb, "32768")] {
        ns_run(
            ns,
            &[
                "ip",
                "link",
                "add",
                "br0",
                "type",
                "bridge",
                "stp_state",
                "1",
                "priority",
                prio,
                "hello_time",
                "100",
            ],
        );
        ns_run(ns, &["ip", "link", "set", dev, "master", "br0"]);
        ns_run(ns, &["ip", "link", "set", dev, "up"]);
        ns_run(ns, &["ip", "link", "set", "br0", "up"]);
    }
    recorder
}

/// What names a packet's protocol in a line of the link-layer and leftover files, first match
/// first (-v's IPv4/IPv6 header lines name it in upper case; EDP and FDP are SNAP frames of
/// their vendors' OUIs, which tcpdump does not name).
const LINK_LABELS: &[(&str, &str)] = &[
    ("LLDP", "LLDP"),
    ("CDPv", "CDP"),
    ("SONMP", "SONMP"),
    ("oui Unknown (0x00e02b)", "EDP"),
    ("oui Unknown (0x00e052)", "FDP"),
    ("ARP", "ARP"),
    ("ICMP6", "ICMPv6"),
    ("ICMPv6", "ICMPv6"),
    ("ICMP", "ICMP"),
    ("igmp", "IGMP"),
    ("IGMP", "IGMP"),
];

/// The table's protocol for a line of `proto`'s file: the file's protocol, or for the
/// link-layer and leftover files the protocol the line names; -v's continuation lines
/// (indented) count with the packet they belong to.
fn classifier(proto: &str) -> impl Fn(&str) -> String + '_ {
    let last = RefCell::new(proto.to_string());
    move |line: &str| {
        if line.starts_with(' ') || line.starts_with('\t') {
            return last.borrow().clone();
        }
        let label = match proto {
            "lldp" | "rest" => LINK_LABELS
                .iter()
                .find(|(needle, _)| line.contains(needle))
                .map_or_else(
                    || format!("{proto}: other"),
                    |(_, label)| format!("{proto}: {label}"),
                ),
            p => p.to_string(),
        };
        *last.borrow_mut() = label.clone();
        label
    }
}

#[test]
fn printer_matches_tcpdump_on_daemon_traffic() {
    assert!(
        nix::unistd::geteuid().is_root(),
        "this test needs root (network namespaces)"
    );
    let started = Instant::now();
    let keep = std::env::var_os("DUMPY_DAEMON_CORPUS").map(PathBuf::from);
    let id = std::process::id();
    let dir = std::env::temp_dir().join(format!("dumpy-daemon-conf-{id}"));
    std::fs::create_dir_all(&dir).unwrap();
    let mut guard = Cleanup {
        netns: Vec::new(),
        children: Vec::new(),
        dir: Some(dir.clone()),
    };
    let (a, b, va, vb) = veth_pair(&format!("ddc{id}"), &mut guard);
    let lab = Lab { a, b, va, vb, dir };

    let all = lab.dir.join("all.pcap");
    let recorder = start_recorder(&lab.a, &all, &["-i", &lab.va], &mut guard);
    let stp = lab.dir.join("stp.pcap");
    let stp_recorder = stp_bridges(&lab, &stp, &mut guard);

    // The talkers that need seconds to meet first; the request/response clients meanwhile.
    start_bird(&lab, &mut guard);
    start_keepalived(&lab, &mut guard, "a");
    start_lldpd(&lab, &mut guard);
    start_pimd(&lab, &mut guard);
    // The listener (on the shared link; b's pimd, its DR, sends the PIM join to the RP).
    lab.spawn(
        &mut guard,
        &lab.a,
        "mcast-listener",
        &[
            "python3",
            "-c",
            "import socket, time\ns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n\
             s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP,\n\
             socket.inet_aton('239.1.2.3') + socket.inet_aton('192.0.2.1'))\ntime.sleep(600)",
        ],
    );
    snmp(&lab, &mut guard);
    redis(&lab, &mut guard);
    syslog(&lab, &mut guard);
    tftp(&lab, &mut guard);
    dhcp(&lab, &mut guard);
    ntp(&lab, &mut guard);
    radius(&lab, &mut guard);
    nfs(&lab, &mut guard);
    kerberos(&lab, &mut guard);
    // a has been VRRP master for a while now; b, of higher priority, takes over, then stops:
    // its last adverts say priority 0, and a is master again.
    let ka_b = start_keepalived(&lab, &mut guard, "b");
    wait_bird(&lab);
    bird_changes(&lab);
    lab.wait_log("keepalived-b", "Entering MASTER STATE", 15);
    let _ = nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(guard.children[ka_b].id() as i32),
        nix::sys::signal::Signal::SIGTERM,
    );
    std::thread::sleep(Duration::from_secs(2));
    stop_recorders(&[recorder, stp_recorder], &mut guard);
    println!(
        "traffic recorded in {:.1}s",
        started.elapsed().as_secs_f64()
    );

    // One file per protocol, and the rest.
    let split = lab.dir.join("split");
    std::fs::create_dir_all(&split).unwrap();
    // (protocol, file)
    let mut files: Vec<(&str, PathBuf)> = Vec::new();
    for p in PROTOS {
        let f = split.join(format!("{}.pcap", p.name));
        run(&[
            "tcpdump",
            "-r",
            all.to_str().unwrap(),
            "-w",
            f.to_str().unwrap(),
            p.filter,
        ]);
        files.push((p.name, f));
    }
    let rest_filter = format!(
        "not ({})",
        PROTOS
            .iter()
            .map(|p| format!("({})", p.filter))
            .collect::<Vec<_>>()
            .join(" or ")
    );
    let rest = split.join("rest.pcap");
    run(&[
        "tcpdump",
        "-r",
        all.to_str().unwrap(),
        "-w",
        rest.to_str().unwrap(),
        &rest_filter,
    ]);
    files.push(("rest", rest));
    files.push(("stp", stp));

    if let Some(keep) = keep {
        std::fs::create_dir_all(&keep).unwrap();
        for (name, f) in &files {
            if *name != "rest" {
                std::fs::copy(f, keep.join(format!("{name}.pcap"))).unwrap();
            }
        }
        println!("corpus kept in {}", keep.display());
        return;
    }

    let option_sets: &[&[&str]] = &[&[], &["-v"], &["-vv"], &["-vvv"], &["-e"], &["-q"]];
    let mut cmp = Comparison::default();
    let mut empty = Vec::new();
    for (name, f) in &files {
        let (plain, _) = common::tcpdump(f, &[], "UTC");
        if plain.is_empty() {
            empty.push(*name);
        }
        for opts in option_sets {
            cmp.compare(f, opts, "UTC", classifier(name));
        }
    }
    cmp.print_table("printer conformance with tcpdump -nn on daemon traffic");
    println!("took {:.1}s", started.elapsed().as_secs_f64());
    assert!(
        empty.is_empty(),
        "no traffic recorded for {empty:?}: the daemons did not talk"
    );
    assert!(
        cmp.failures.is_empty(),
        "output differs from tcpdump:\n{}",
        cmp.failures
    );
}
