//! The sniffer's command line as the plugin writes it: the capture command of a sniffer pod
//! ([`SnifferInvocation`]) and the control commands it runs through exec ([`Control`]).
//!
//! Both render their argv here, and the flag spellings they use ([`flag`], [`subcommand`])
//! are the constants the sniffer's clap definitions name, so the two sides cannot drift:
//! the sniffer's unit tests run every field of these types through its own parser.

/// Where the sniffer image puts its one binary (see images/README.md): the pod runs it
/// directly, since the image has no shell.
pub const SNIFFER_BIN: &str = "/sniffer";

/// The names of the sniffer's options: long names without their `--`, short ones as the
/// letter, as clap's `long = ...` and `short = ...` take them.
pub mod flag {
    /// A tcpdump argument string, expanded by the sniffer into its words.
    pub const TCPDUMP_ARGS: &str = "tcpdump-args";
    pub const NETNS: &str = "netns";
    pub const PID: &str = "pid";
    pub const CONTAINER_ID: &str = "container-id";
    pub const RUNTIME_ENDPOINT: &str = "runtime-endpoint";
    pub const RUNTIME_NAMESPACE: &str = "runtime-namespace";
    /// tcpdump's `-w`: also how the control commands find the capture.
    pub const WRITE: char = 'w';
    /// tcpdump's `-C` (file size, million bytes).
    pub const FILE_SIZE: char = 'C';
    /// tcpdump's `-W` (file count).
    pub const FILE_COUNT: char = 'W';
    /// tcpdump's `-G` (rotation seconds).
    pub const ROTATE_SECONDS: char = 'G';
    pub const PRINT: &str = "print";
    pub const LINGER: &str = "linger";
    pub const CAPTURE_NAME: &str = "capture-name";
    pub const POD: &str = "pod";
    pub const NAMESPACE: &str = "namespace";
    pub const CONTAINER: &str = "container";
    pub const NODE: &str = "node";
    /// `status --ready`.
    pub const READY: &str = "ready";
    /// `export --follow`.
    pub const FOLLOW: &str = "follow";
    /// `export --file NAME`.
    pub const FILE: &str = "file";
}

/// The names of the sniffer's control subcommands.
pub mod subcommand {
    pub const STATUS: &str = "status";
    pub const STOP: &str = "stop";
    pub const EXPORT: &str = "export";
}

/// Which network namespace the sniffer captures in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Target {
    /// Its own (no target option).
    #[default]
    Current,
    /// A network namespace file (`--netns PATH`).
    Netns(String),
    /// The namespace of a process (`--pid PID`).
    Pid(u32),
    /// A container's, looked up through the container runtime (`--container-id ID
    /// [--runtime-endpoint URI]`). The ID may carry its runtime's scheme
    /// (`containerd://`, `cri-o://`, `docker://`); without an endpoint the sniffer asks
    /// containerd at its default socket when there is one, and otherwise (and always for
    /// IDs of other runtimes) finds the container through /proc.
    Container {
        id: String,
        runtime_endpoint: Option<String>,
    },
}

/// tcpdump's rotation options; `None` leaves an option out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rotation {
    /// `-C`: rotate when a file would exceed this many million bytes.
    pub file_size_mb: Option<u64>,
    /// `-W`: keep at most this many files.
    pub file_count: Option<u32>,
    /// `-G`: rotate every this many seconds.
    pub rotate_seconds: Option<u64>,
}

/// Capture metadata, recorded by the sniffer as a comment in every file's section header.
/// The sniffer's parser reads these options (or their environment variables) into this type.
#[derive(clap::Args, Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    #[arg(long = flag::CAPTURE_NAME, env = "DUMPY_CAPTURE_NAME", value_name = "NAME")]
    pub capture_name: Option<String>,
    #[arg(long = flag::POD, env = "DUMPY_POD", value_name = "POD")]
    pub pod: Option<String>,
    #[arg(long = flag::NAMESPACE, env = "DUMPY_NAMESPACE", value_name = "NS")]
    pub namespace: Option<String>,
    #[arg(long = flag::CONTAINER, env = "DUMPY_CONTAINER", value_name = "NAME")]
    pub container: Option<String>,
    #[arg(long = flag::NODE, env = "DUMPY_NODE", value_name = "NODE")]
    pub node: Option<String>,
}

impl Metadata {
    /// The section header comment: `key=value` pairs in a fixed order, or nothing when no
    /// metadata was given.
    pub fn comment(&self) -> Option<String> {
        let pairs: Vec<String> = [
            ("capture", &self.capture_name),
            ("pod", &self.pod),
            ("namespace", &self.namespace),
            ("container", &self.container),
            ("node", &self.node),
        ]
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={v}")))
        .collect();
        (!pairs.is_empty()).then(|| format!("dumpy capture: {}", pairs.join(" ")))
    }
}

/// The sniffer's capture command.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SnifferInvocation {
    /// The user's tcpdump arguments (`-f`), handed over whole as `--tcpdump-args`; `None`
    /// leaves the option out.
    pub tcpdump_args: Option<String>,
    pub target: Target,
    /// `-w`: the capture file (the stem of its files when rotating).
    pub write: Option<String>,
    pub rotation: Rotation,
    /// `--print`: print summaries even while writing.
    pub print: bool,
    /// `--linger`: stay up after the capture ends, so its files can be exported.
    pub linger: bool,
    pub metadata: Metadata,
}

fn long(name: &str) -> String {
    format!("--{name}")
}

fn short(letter: char) -> String {
    format!("-{letter}")
}

/// Appends `option value` when there is a value.
fn push_opt(argv: &mut Vec<String>, option: String, value: Option<impl ToString>) {
    if let Some(v) = value {
        argv.extend([option, v.to_string()]);
    }
}

impl SnifferInvocation {
    /// The command, binary first (a pod's `command`). Every option comes after
    /// `--tcpdump-args`, whose filter expression the sniffer moves to the end, so none of them
    /// is taken for a filter word.
    pub fn argv(&self) -> Vec<String> {
        let mut argv = vec![SNIFFER_BIN.to_string()];
        push_opt(
            &mut argv,
            long(flag::TCPDUMP_ARGS),
            self.tcpdump_args.as_ref(),
        );
        match &self.target {
            Target::Current => {}
            Target::Netns(path) => push_opt(&mut argv, long(flag::NETNS), Some(path)),
            Target::Pid(pid) => push_opt(&mut argv, long(flag::PID), Some(pid)),
            Target::Container {
                id,
                runtime_endpoint,
            } => {
                push_opt(&mut argv, long(flag::CONTAINER_ID), Some(id));
                push_opt(
                    &mut argv,
                    long(flag::RUNTIME_ENDPOINT),
                    runtime_endpoint.as_ref(),
                );
            }
        }
        push_opt(&mut argv, short(flag::WRITE), self.write.as_ref());
        let r = &self.rotation;
        push_opt(&mut argv, short(flag::FILE_SIZE), r.file_size_mb);
        push_opt(&mut argv, short(flag::FILE_COUNT), r.file_count);
        push_opt(&mut argv, short(flag::ROTATE_SECONDS), r.rotate_seconds);
        if self.print {
            argv.push(long(flag::PRINT));
        }
        if self.linger {
            argv.push(long(flag::LINGER));
        }
        let m = &self.metadata;
        for (name, value) in [
            (flag::CAPTURE_NAME, &m.capture_name),
            (flag::POD, &m.pod),
            (flag::NAMESPACE, &m.namespace),
            (flag::CONTAINER, &m.container),
            (flag::NODE, &m.node),
        ] {
            push_opt(&mut argv, long(name), value.as_ref());
        }
        argv
    }
}

/// What a control command does to the capture it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// `status`: print the status file as JSON; with `--ready`, print nothing and exit 0
    /// only while capturing (a readiness probe).
    Status { ready: bool },
    /// `stop`: end the capture, keeping its files.
    Stop,
    /// `export`: write the capture's files to stdout as one pcapng stream; `--follow` keeps
    /// streaming until the capture ends, `--file NAME` exports that one file.
    Export { follow: bool, file: Option<String> },
}

/// A control command for the capture started with `-w write`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Control {
    /// The capture's `-w` path.
    pub write: String,
    pub action: Action,
}

impl Control {
    pub fn status(write: &str) -> Control {
        Control::new(write, Action::Status { ready: false })
    }

    /// `status --ready`, the readiness probe.
    pub fn ready(write: &str) -> Control {
        Control::new(write, Action::Status { ready: true })
    }

    pub fn stop(write: &str) -> Control {
        Control::new(write, Action::Stop)
    }

    pub fn export(write: &str, follow: bool, file: Option<&str>) -> Control {
        let file = file.map(str::to_string);
        Control::new(write, Action::Export { follow, file })
    }

    fn new(write: &str, action: Action) -> Control {
        Control {
            write: write.to_string(),
            action,
        }
    }

    /// The subcommand's name (`status`, `stop`, `export`), for messages.
    pub fn name(&self) -> &'static str {
        match self.action {
            Action::Status { .. } => subcommand::STATUS,
            Action::Stop => subcommand::STOP,
            Action::Export { .. } => subcommand::EXPORT,
        }
    }

    /// The command, binary first: `/sniffer SUBCOMMAND -w PATH [OPTIONS]`.
    pub fn argv(&self) -> Vec<String> {
        let mut argv = vec![SNIFFER_BIN.to_string(), self.name().to_string()];
        push_opt(&mut argv, short(flag::WRITE), Some(&self.write));
        match &self.action {
            Action::Status { ready } => {
                if *ready {
                    argv.push(long(flag::READY));
                }
            }
            Action::Stop => {}
            Action::Export { follow, file } => {
                if *follow {
                    argv.push(long(flag::FOLLOW));
                }
                push_opt(&mut argv, long(flag::FILE), file.as_ref());
            }
        }
        argv
    }
}
