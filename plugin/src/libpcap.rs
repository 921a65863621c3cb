//! The local filter check, with libpcap loaded at run time instead of linked.
//!
//! Linking libpcap would tie `kubectl-dumpy` to it (and, on Debian, to the libdbus and
//! libsystemd it pulls in), and would not build for macOS or Windows. Loaded, it is used
//! where the user has one (Linux, macOS's own, Npcap on Windows): the filter is compiled
//! before any pod is created, with the link type, arguments and error of the sniffer's
//! linked check (`sniffer_contract::filter`), so both give libpcap's same words. Where none
//! can be loaded the check is skipped; the sniffer compiles the filter when it starts and
//! reports libpcap's message as its pod's failure reason.

use libloading::Library;
use sniffer_contract::filter::{self, FilterError};
use std::ffi::{c_char, c_int, c_uint, c_void, CStr};
use std::sync::OnceLock;

/// Where each platform's libpcap is found, in the order tried. Linux distributions name the
/// runtime library `libpcap.so.1` or (Debian) `libpcap.so.0.8`; `libpcap.so` is the
/// development link. macOS ships it in /usr/lib.
#[cfg(not(windows))]
fn candidates() -> Vec<std::path::PathBuf> {
    let names: &[&str] = if cfg!(target_os = "macos") {
        &["/usr/lib/libpcap.A.dylib", "libpcap.dylib"]
    } else {
        &["libpcap.so.1", "libpcap.so.0.8", "libpcap.so"]
    };
    names.iter().map(Into::into).collect()
}

/// Npcap installs `wpcap.dll` in System32\Npcap, on the search path only in its
/// WinPcap-compatible mode; so that folder is tried too.
#[cfg(windows)]
fn candidates() -> Vec<std::path::PathBuf> {
    let mut c = vec!["wpcap.dll".into()];
    if let Some(root) = std::env::var_os("SystemRoot") {
        c.push(std::path::Path::new(&root).join(r"System32\Npcap\wpcap.dll"));
    }
    c
}

/// Opens a library; on Windows with the library's own folder searched for what it needs
/// (Npcap's `wpcap.dll` needs the `Packet.dll` beside it).
fn open(path: &std::path::Path) -> Result<Library, libloading::Error> {
    // SAFETY: loading runs the library's initialisers; these are the platform's libpcap
    // (by its well-known names), whose initialisers only set up libpcap's own state.
    #[cfg(windows)]
    unsafe {
        use libloading::os::windows::{Library as WinLibrary, LOAD_WITH_ALTERED_SEARCH_PATH};
        WinLibrary::load_with_flags(path, LOAD_WITH_ALTERED_SEARCH_PATH).map(Into::into)
    }
    // SAFETY: as above.
    #[cfg(not(windows))]
    unsafe {
        Library::new(path)
    }
}

/// `pcap_t`, opaque.
#[repr(C)]
struct Pcap {
    _private: [u8; 0],
}

/// `struct bpf_program` from pcap/bpf.h.
#[repr(C)]
struct BpfProgram {
    bf_len: c_uint,
    bf_insns: *mut c_void,
}

/// The five functions the check needs, with pcap/pcap.h's prototypes, and the library that
/// keeps them valid (kept loaded for the life of the process, in [`LIBPCAP`]).
struct Libpcap {
    open_dead: unsafe extern "C" fn(c_int, c_int) -> *mut Pcap,
    compile: unsafe extern "C" fn(*mut Pcap, *mut BpfProgram, *const c_char, c_int, u32) -> c_int,
    geterr: unsafe extern "C" fn(*mut Pcap) -> *mut c_char,
    freecode: unsafe extern "C" fn(*mut BpfProgram),
    close: unsafe extern "C" fn(*mut Pcap),
    _lib: Library,
}

impl Libpcap {
    /// The first candidate that loads and has all five functions.
    fn load(candidates: &[std::path::PathBuf]) -> Result<Libpcap, String> {
        let mut tried = Vec::new();
        for path in candidates {
            match open(path).and_then(Libpcap::bind) {
                Ok(l) => {
                    tracing::debug!("filter check: using {}", path.display());
                    return Ok(l);
                }
                Err(e) => tried.push(format!("{}: {e}", path.display())),
            }
        }
        Err(tried.join("; "))
    }

    fn bind(lib: Library) -> Result<Libpcap, libloading::Error> {
        // SAFETY: each type is the function's prototype in pcap/pcap.h (libpcap ≥ 0.4, every
        // version in use); the pointers stay valid because `_lib` is kept with them.
        unsafe {
            Ok(Libpcap {
                open_dead: *lib.get(b"pcap_open_dead\0")?,
                compile: *lib.get(b"pcap_compile\0")?,
                geterr: *lib.get(b"pcap_geterr\0")?,
                freecode: *lib.get(b"pcap_freecode\0")?,
                close: *lib.get(b"pcap_close\0")?,
                _lib: lib,
            })
        }
    }

    /// Compiles `expression` as `sniffer_contract::filter::check` does: optimised, for the
    /// interface's link type, with the same snaplen and netmask; libpcap's message if not.
    fn check(&self, expression: &str, interface: &str) -> Result<(), FilterError> {
        let c_expression = filter::c_expression(expression)?;
        let linktype = filter::check_linktype(interface) as c_int;
        // SAFETY: plain values in; a NULL result (out of memory) is checked below.
        let pcap = unsafe { (self.open_dead)(linktype, filter::COMPILE_SNAPLEN) };
        if pcap.is_null() {
            return Err(FilterError::new(expression, "insufficient memory"));
        }
        let mut program = BpfProgram {
            bf_len: 0,
            bf_insns: std::ptr::null_mut(),
        };
        // SAFETY: `pcap` is the live handle opened above and closed only at the end;
        // `program` is a valid out-parameter, freed once below if compiled; the expression
        // is NUL-terminated and outlives the call; geterr's string is copied before close.
        unsafe {
            let result = if (self.compile)(
                pcap,
                &mut program,
                c_expression.as_ptr(),
                1,
                filter::COMPILE_NETMASK,
            ) == 0
            {
                (self.freecode)(&mut program);
                Ok(())
            } else {
                let message = CStr::from_ptr((self.geterr)(pcap));
                Err(FilterError::new(expression, message.to_string_lossy()))
            };
            (self.close)(pcap);
            result
        }
    }
}

/// The process's libpcap, loaded on first use; `None` when there is none.
static LIBPCAP: OnceLock<Option<Libpcap>> = OnceLock::new();

/// Checks `expression` for a capture on `interface` with the installed libpcap, or `None`
/// when no libpcap can be loaded (said once, at debug level: it is not the user's error).
pub fn check(expression: &str, interface: &str) -> Option<Result<(), FilterError>> {
    let libpcap = LIBPCAP.get_or_init(|| {
        Libpcap::load(&candidates())
            .inspect_err(|tried| {
                tracing::debug!(
                    "filter check skipped, no libpcap could be loaded ({tried}); \
                     the sniffer checks the filter when it starts"
                )
            })
            .ok()
    });
    libpcap.as_ref().map(|l| l.check(expression, interface))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The loaded check must answer exactly as the sniffer's linked one, accepted or with
    /// the same message, on both link types.
    #[test]
    fn loaded_check_matches_the_linked_one() {
        let expressions = [
            "",
            "tcp port 80 and not host 192.0.2.1",
            "ip broadcast",
            "vlan and udp",
            "tcp port eighty",
            "host 192.0.2.300",
            "port 99999",
            "(tcp",
            "ether host 01:02",
        ];
        for interface in ["any", "eth0"] {
            for e in expressions {
                let loaded = check(e, interface)
                    .expect("no libpcap could be loaded; install it (scripts/install-deps)");
                assert_eq!(loaded, filter::check(e, interface), "{e:?} on {interface}");
            }
        }
        // Both kinds of answer were compared.
        assert!(check("tcp port eighty", "any").unwrap().is_err());
        assert!(check("vlan and udp", "eth0").unwrap().is_ok());
    }

    #[test]
    fn no_library_means_no_check() {
        let err = Libpcap::load(&["libpcap-does-not-exist.so".into()])
            .err()
            .unwrap();
        assert!(err.contains("libpcap-does-not-exist.so"), "{err}");
    }
}
