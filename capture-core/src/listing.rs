//! `-L` and `-J`: what an interface offers, listed as tcpdump lists it (on stderr, from
//! tcpdump.c's `show_dlts_and_exit` and `show_tstamp_types_and_exit`), looked up in the
//! target's network namespace on a thread of its own so the caller's namespace is untouched.

use crate::netns::Namespace;
use std::ffi::{c_char, c_int, c_void, CStr, CString};

// libpcap is linked through the pcap crate, which has no binding for the time stamp type
// list; these are its documented C functions (pcap_list_tstamp_types(3PCAP)).
extern "C" {
    fn pcap_create(source: *const c_char, errbuf: *mut c_char) -> *mut c_void;
    fn pcap_close(p: *mut c_void);
    fn pcap_geterr(p: *mut c_void) -> *const c_char;
    fn pcap_list_tstamp_types(p: *mut c_void, types: *mut *mut c_int) -> c_int;
    fn pcap_free_tstamp_types(types: *mut c_int);
    fn pcap_tstamp_type_val_to_name(t: c_int) -> *const c_char;
    fn pcap_tstamp_type_val_to_description(t: c_int) -> *const c_char;
}

/// Runs `f` on a new thread inside `namespace`.
fn in_namespace<T: Send + 'static>(
    namespace: &Namespace,
    f: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, String> {
    std::thread::scope(|s| {
        s.spawn(|| {
            namespace.enter().map_err(|e| e.to_string())?;
            f()
        })
        .join()
        .map_err(|_| "listing thread panicked".to_string())?
    })
}

/// `-L`: "Data link types for IFACE (use option -y to set):" and one line per type, with
/// " (printing not supported)" where the sniffer's printer does not decode it.
pub fn datalinks(namespace: &Namespace, iface: &str) -> Result<String, String> {
    let name = iface.to_string();
    in_namespace(namespace, move || {
        let cap = pcap::Capture::from_device(name.as_str())
            .and_then(|c| c.open())
            .map_err(|e| format!("{name}: {e}"))?;
        let dlts = cap.list_datalinks().map_err(|e| e.to_string())?;
        if dlts.is_empty() {
            return Err("No data link types.".into());
        }
        let mut out = format!("Data link types for {name} (use option -y to set):\n");
        for d in dlts {
            match d.get_name() {
                Ok(n) => {
                    out.push_str(&format!(
                        "  {n} ({})",
                        d.get_description().unwrap_or_default()
                    ));
                    if !printer::linktype_supported(d.0 as u32) {
                        out.push_str(" (printing not supported)");
                    }
                    out.push('\n');
                }
                Err(_) => out.push_str(&format!("  DLT {} (printing not supported)\n", d.0)),
            }
        }
        Ok(out)
    })
}

/// `-J`: "Time stamp types for IFACE (use option -j to set):" and one line per type, or
/// "Time stamp type cannot be set for IFACE".
pub fn tstamp_types(namespace: &Namespace, iface: &str) -> Result<String, String> {
    let name = iface.to_string();
    in_namespace(namespace, move || {
        let c_name = CString::new(name.as_str()).map_err(|_| format!("bad interface {name:?}"))?;
        let mut errbuf = [0 as c_char; 256];
        // SAFETY: libpcap's documented calls on a handle created and closed here; the type
        // array is freed with pcap_free_tstamp_types, and the name/description strings are
        // libpcap's static tables.
        unsafe {
            let p = pcap_create(c_name.as_ptr(), errbuf.as_mut_ptr());
            if p.is_null() {
                return Err(CStr::from_ptr(errbuf.as_ptr())
                    .to_string_lossy()
                    .into_owned());
            }
            let mut types: *mut c_int = std::ptr::null_mut();
            let n = pcap_list_tstamp_types(p, &mut types);
            if n < 0 {
                let e = CStr::from_ptr(pcap_geterr(p))
                    .to_string_lossy()
                    .into_owned();
                pcap_close(p);
                return Err(e);
            }
            let out = if n == 0 {
                format!("Time stamp type cannot be set for {name}\n")
            } else {
                let mut out = format!("Time stamp types for {name} (use option -j to set):\n");
                for &t in std::slice::from_raw_parts(types, n as usize) {
                    let tn = pcap_tstamp_type_val_to_name(t);
                    if tn.is_null() {
                        out.push_str(&format!("  {t}\n"));
                    } else {
                        let desc = pcap_tstamp_type_val_to_description(t);
                        let desc = if desc.is_null() {
                            String::new()
                        } else {
                            CStr::from_ptr(desc).to_string_lossy().into_owned()
                        };
                        out.push_str(&format!(
                            "  {} ({desc})\n",
                            CStr::from_ptr(tn).to_string_lossy()
                        ));
                    }
                }
                out
            };
            if !types.is_null() {
                pcap_free_tstamp_types(types);
            }
            pcap_close(p);
            Ok(out)
        }
    })
}
