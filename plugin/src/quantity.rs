//! Kubernetes resource quantities (`100m`, `1`, `64Mi`, `1.5Gi`, `2e3`), checked as the API
//! server parses them, so that `--cpu-limit abc` or a memory request above its limit is
//! refused before anything is created instead of by the API server after `Dumpy init`.
//!
//! The grammar is apimachinery's `resource.Quantity`:
//! `<signedNumber><suffix>`, a number being `<digits>`, `<digits>.<digits>`, `<digits>.` or
//! `.<digits>`, and the suffix a binary SI one (`Ki` … `Ei`), a decimal SI one (`m`, ``, `k`,
//! `M`, `G`, `T`, `P`, `E`) or a decimal exponent (`e3`, `E-2`). k8s-openapi keeps quantities
//! as plain strings, and the crates that parse them accept forms the API server refuses
//! (`inf`, `nan`), so the grammar is here, small and tested.

use crate::spec::Resources;

/// A parsed quantity's value (cores for CPU, bytes for memory); f64 is precise enough to
/// compare a request with its limit.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Quantity(pub f64);

/// Parses `s` by the Kubernetes quantity grammar; the error says what is wrong.
pub fn parse(s: &str) -> Result<Quantity, String> {
    let bad = || format!("{s:?} is not a Kubernetes quantity (e.g. 100m, 1, 0.5, 64Mi, 1Gi)");
    let (sign, rest) = match s.as_bytes().first() {
        Some(b'+') => (1.0, &s[1..]),
        Some(b'-') => (-1.0, &s[1..]),
        _ => (1.0, s),
    };
    let number_len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let (number, suffix) = rest.split_at(number_len);
    if !is_number(number) {
        return Err(bad());
    }
    let multiplier = match suffix {
        "Ki" => 1024f64,
        "Mi" => 1024f64.powi(2),
        "Gi" => 1024f64.powi(3),
        "Ti" => 1024f64.powi(4),
        "Pi" => 1024f64.powi(5),
        "Ei" => 1024f64.powi(6),
        "m" => 1e-3,
        "" => 1.0,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        exp if exp.starts_with(['e', 'E']) => {
            let e = &exp[1..];
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if !is_number(digits) || digits.contains('.') {
                return Err(bad());
            }
            let e: i32 = e.parse().map_err(|_| bad())?;
            10f64.powi(e)
        }
        _ => return Err(bad()),
    };
    let value: f64 = number.parse().map_err(|_| bad())?;
    Ok(Quantity(sign * value * multiplier))
}

/// `<digits>`, `<digits>.<digits>`, `<digits>.` or `.<digits>`.
fn is_number(s: &str) -> bool {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    (!int.is_empty() || !frac.is_empty()) && digits(int) && digits(frac)
}

/// Checks the sniffer container's resources: every quantity parses and is not negative, and
/// each request is at most its limit (which the API server requires).
pub fn check_resources(r: &Resources) -> Result<(), String> {
    let parsed = |flag: &str, v: &str| {
        let q = parse(v).map_err(|e| format!("--{flag} {e}"))?;
        if q.0 < 0.0 {
            return Err(format!("--{flag} {v:?} is negative: use e.g. 100m or 64Mi"));
        }
        Ok(q)
    };
    for (kind, request, limit) in [
        ("cpu", &r.cpu_request, &r.cpu_limit),
        ("memory", &r.memory_request, &r.memory_limit),
    ] {
        let req = parsed(&format!("{kind}-request"), request)?;
        let lim = parsed(&format!("{kind}-limit"), limit)?;
        if req > lim {
            return Err(format!(
                "--{kind}-request {request} is above --{kind}-limit {limit}: a request must be at most its limit"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kubernetes_forms_parse() {
        for (s, v) in [
            ("100m", 0.1),
            ("1", 1.0),
            ("0.5", 0.5),
            (".5", 0.5),
            ("5.", 5.0),
            ("+2", 2.0),
            ("64Mi", 64.0 * 1024.0 * 1024.0),
            ("1Gi", 1024f64.powi(3)),
            ("1k", 1000.0),
            ("1E", 1e18),
            ("2e3", 2000.0),
            ("2E-3", 0.002),
            ("1e+2", 100.0),
            ("0", 0.0),
            ("-1", -1.0),
        ] {
            let q = parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert!((q.0 - v).abs() <= v.abs() * 1e-12, "{s}: {} != {v}", q.0);
        }
    }

    #[test]
    fn what_the_api_server_refuses_is_refused() {
        for s in [
            "", "abc", "1.5.3", ".", "-", "1 Gi", "1gi", "1KiB", "1Mb", "inf", "nan", "1e",
            "1e1.5", "1x", "Mi", "1Mi ", "0x10", "1..2",
        ] {
            let e = parse(s).unwrap_err();
            assert!(e.contains("not a Kubernetes quantity"), "{s:?}: {e}");
        }
    }

    fn resources(cpu: (&str, &str), mem: (&str, &str)) -> Resources {
        Resources {
            cpu_request: cpu.0.into(),
            cpu_limit: cpu.1.into(),
            memory_request: mem.0.into(),
            memory_limit: mem.1.into(),
        }
    }

    #[test]
    fn requests_must_not_pass_their_limits() {
        check_resources(&resources(("100m", "1"), ("64Mi", "256Mi"))).unwrap();
        check_resources(&resources(("1", "1000m"), ("1Gi", "1024Mi"))).unwrap();
        let e = check_resources(&resources(("100m", "1"), ("512Mi", "256Mi"))).unwrap_err();
        assert_eq!(
            e,
            "--memory-request 512Mi is above --memory-limit 256Mi: a request must be at most its limit"
        );
        let e = check_resources(&resources(("2", "1500m"), ("64Mi", "256Mi"))).unwrap_err();
        assert!(
            e.starts_with("--cpu-request 2 is above --cpu-limit 1500m"),
            "{e}"
        );
        let e = check_resources(&resources(("100m", "abc"), ("64Mi", "256Mi"))).unwrap_err();
        assert!(
            e.starts_with("--cpu-limit \"abc\" is not a Kubernetes quantity"),
            "{e}"
        );
        let e = check_resources(&resources(("-1", "1"), ("64Mi", "256Mi"))).unwrap_err();
        assert!(e.contains("negative"), "{e}");
    }
}
