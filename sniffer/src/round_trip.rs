//! The plugin ↔ sniffer contract, checked from the sniffer's side: the capture command and
//! the control commands, rendered by `sniffer_contract::invocation` as the plugin renders
//! them, go through the sniffer's own parser ([`cli::parse`]) and must come back as the
//! values they were rendered from. Each field is varied on its own, so a flag the contract
//! drops, misspells or puts under another field's name fails here, and so does any flag the
//! sniffer does not know (the parser refuses it).

use crate::cli::{self, Cli, Command};
use sniffer_contract::invocation::{
    Action, Control, Metadata, Rotation, SnifferInvocation, Target, SNIFFER_BIN,
};
use sniffer_contract::options::{parse_tcpdump_words, TcpdumpArgs};
use sniffer_contract::runtime::{DEFAULT_ENDPOINT, DEFAULT_NAMESPACE};

fn parse(argv: Vec<String>) -> Cli {
    // The metadata options fall back to DUMPY_* variables, which would hide a dropped flag.
    let set: Vec<String> = std::env::vars()
        .map(|(k, _)| k)
        .filter(|k| k.starts_with("DUMPY_"))
        .collect();
    assert!(set.is_empty(), "unset {set:?} to run the round trip");
    match cli::parse(argv.clone()) {
        Ok(cli) => cli,
        Err(e) => panic!("the sniffer refuses {argv:?}: {e:?}"),
    }
}

/// Reads a parsed capture command back into the invocation it came from. The tcpdump
/// argument string cannot be read back as a string: it is returned as the options it
/// expanded to, without those the invocation sets itself (-w, -C, -W, -G, --print).
fn read_back(cli: Cli) -> (SnifferInvocation, TcpdumpArgs) {
    assert!(cli.command.is_none(), "a capture command, not {cli:?}");
    let c = cli.capture;
    assert_eq!(
        c.tcpdump_args, None,
        "--tcpdump-args is expanded before clap"
    );
    let t = c.target;
    assert_eq!(t.runtime_namespace, DEFAULT_NAMESPACE);
    let target = match (t.netns, t.pid, t.container_id) {
        (None, None, None) => Target::Current,
        (Some(path), None, None) => Target::Netns(path.to_str().unwrap().to_string()),
        (None, Some(pid), None) => Target::Pid(pid),
        (None, None, Some(id)) => Target::Container {
            id,
            runtime_endpoint: t.runtime_endpoint.clone(),
        },
        other => panic!("more than one target: {other:?}"),
    };
    if !matches!(target, Target::Container { .. }) {
        assert_eq!(t.runtime_endpoint, None, "an endpoint without a container");
    }
    let mut tcpdump = c.tcpdump;
    let invocation = SnifferInvocation {
        tcpdump_args: None,
        target,
        write: tcpdump
            .write
            .take()
            .map(|w| w.to_str().unwrap().to_string()),
        rotation: Rotation {
            file_size_mb: tcpdump.file_size_mb.take(),
            file_count: tcpdump.file_count.take(),
            rotate_seconds: tcpdump.rotate_seconds.take(),
        },
        print: std::mem::take(&mut tcpdump.print),
        linger: c.linger,
        metadata: c.meta,
    };
    (invocation, tcpdump)
}

/// Renders `inv`, parses it as the sniffer does, and checks that every field comes back.
fn assert_round_trip(what: &str, inv: &SnifferInvocation) {
    let argv = inv.argv();
    assert_eq!(argv[0], SNIFFER_BIN, "{what}: the binary comes first");
    let (back, tcpdump) = read_back(parse(argv.clone()));
    let expected = SnifferInvocation {
        tcpdump_args: None,
        ..inv.clone()
    };
    assert_eq!(back, expected, "{what}: {argv:?}");
    // The tcpdump options mean on the full command line what they mean on their own.
    let alone = parse_tcpdump_words(inv.tcpdump_args.as_deref().unwrap_or("")).unwrap();
    assert_eq!(tcpdump, alone, "{what}: {argv:?}");
}

/// The plugin's invocation for a container target, every field set.
fn full() -> SnifferInvocation {
    SnifferInvocation {
        tcpdump_args: Some("-i eth0 -nn -s 96 'tcp port 80' and host 192.0.2.1".into()),
        target: Target::Container {
            id: "containerd://abc123".into(),
            runtime_endpoint: Some(DEFAULT_ENDPOINT.into()),
        },
        write: Some("/dumpy/cap-web-1.pcapng".into()),
        rotation: Rotation {
            file_size_mb: Some(100),
            file_count: Some(10),
            rotate_seconds: Some(60),
        },
        print: true,
        linger: true,
        metadata: Metadata {
            capture_name: Some("cap".into()),
            pod: Some("web-1".into()),
            namespace: Some("shop".into()),
            container: Some("nginx".into()),
            node: Some("node-1".into()),
        },
    }
}

#[test]
fn every_field_of_the_capture_command_round_trips() {
    let one = |f: &dyn Fn(&mut SnifferInvocation)| {
        let mut inv = SnifferInvocation::default();
        f(&mut inv);
        inv
    };
    let cases: Vec<(&str, SnifferInvocation)> = vec![
        ("nothing", SnifferInvocation::default()),
        (
            "tcpdump args",
            one(&|i| i.tcpdump_args = Some("-i eth0 -nn -c 5 'tcp port 80' and not icmp".into())),
        ),
        (
            "empty tcpdump args",
            one(&|i| i.tcpdump_args = Some(String::new())),
        ),
        (
            "netns",
            one(&|i| i.target = Target::Netns("/var/run/netns/dumpy-x".into())),
        ),
        ("pid", one(&|i| i.target = Target::Pid(4242))),
        (
            "container",
            one(&|i| {
                i.target = Target::Container {
                    id: "containerd://abc123".into(),
                    // Not the default, so a dropped --runtime-endpoint shows.
                    runtime_endpoint: Some("unix:///run/k3s/containerd/containerd.sock".into()),
                }
            }),
        ),
        (
            "container without a runtime socket",
            one(&|i| {
                i.target = Target::Container {
                    id: "cri-o://abc123".into(),
                    runtime_endpoint: None,
                }
            }),
        ),
        ("-w", one(&|i| i.write = Some("/dumpy/cap.pcapng".into()))),
        ("-C", one(&|i| i.rotation.file_size_mb = Some(7))),
        ("-W", one(&|i| i.rotation.file_count = Some(3))),
        ("-G", one(&|i| i.rotation.rotate_seconds = Some(60))),
        ("--print", one(&|i| i.print = true)),
        ("--linger", one(&|i| i.linger = true)),
        (
            "--capture-name",
            one(&|i| i.metadata.capture_name = Some("cap".into())),
        ),
        ("--pod", one(&|i| i.metadata.pod = Some("web-1".into()))),
        (
            "--namespace",
            one(&|i| i.metadata.namespace = Some("shop".into())),
        ),
        (
            "--container",
            one(&|i| i.metadata.container = Some("nginx".into())),
        ),
        ("--node", one(&|i| i.metadata.node = Some("node-1".into()))),
        ("everything", full()),
    ];
    for (what, inv) in &cases {
        assert_round_trip(what, inv);
    }
}

#[test]
fn options_after_tcpdump_args_stay_options() {
    let inv = full();
    let (back, tcpdump) = read_back(parse(inv.argv()));
    assert_eq!(back.metadata.node.as_deref(), Some("node-1"));
    assert_eq!(tcpdump.interface, "eth0");
    assert_eq!(
        tcpdump.filter_expression(),
        "tcp port 80 and host 192.0.2.1"
    );
}

#[test]
fn a_flag_the_sniffer_does_not_know_is_refused() {
    // What the round trip relies on: an unknown option anywhere in the plugin's shape, even
    // after a filter expression, is an error rather than a filter word or ignored.
    let mut argv = full().argv();
    for at in [1, 3, argv.len()] {
        let mut bad = argv.clone();
        bad.insert(at, "--capture-nam".into());
        bad.insert(at + 1, "x".into());
        assert!(
            matches!(cli::parse(bad.clone()), Err(cli::Unparsed::Bad(_))),
            "{bad:?}"
        );
    }
    argv.push("--linger".into());
    assert!(cli::parse(argv).is_err(), "a flag given twice");
}

fn read_back_control(cli: Cli) -> Control {
    let path = |at: cli::CaptureLocation| at.write.to_str().unwrap().to_string();
    match cli.command.expect("a control command") {
        Command::Status { at, ready } => Control {
            write: path(at),
            action: Action::Status { ready },
        },
        Command::Stop { at } => Control {
            write: path(at),
            action: Action::Stop,
        },
        Command::Export { at, follow, file } => Control {
            write: path(at),
            action: Action::Export { follow, file },
        },
    }
}

#[test]
fn every_control_command_round_trips() {
    let w = "/dumpy/cap-web-1.pcapng";
    for control in [
        Control::status(w),
        Control::ready(w),
        Control::stop(w),
        Control::export(w, false, None),
        Control::export(w, true, None),
        Control::export(w, false, Some("cap-web-1-000002.pcapng")),
        Control::export(w, true, Some("cap-web-1-000003.pcapng")),
    ] {
        let argv = control.argv();
        assert_eq!(argv[0], SNIFFER_BIN);
        assert_eq!(read_back_control(parse(argv.clone())), control, "{argv:?}");
    }
}
