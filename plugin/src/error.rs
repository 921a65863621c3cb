//! The plugin's error: one line for the user that says what is wrong and how to fix it.

use std::fmt;

/// Exit code for a failure (bad input, cluster refused, sniffer failed).
pub const EXIT_FAILURE: i32 = 1;
/// Exit code for bad usage: what clap reports for unknown flags, and dumpy for names that
/// are not valid Kubernetes names.
pub const EXIT_USAGE: i32 = 2;
/// Exit code after Ctrl-C, as shells report SIGINT.
pub const EXIT_INTERRUPTED: i32 = 130;

#[derive(Debug)]
pub struct Error {
    pub message: String,
    pub code: i32,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            code: EXIT_FAILURE,
        }
    }

    /// Bad usage (exit 2): the command line itself is wrong.
    pub fn usage(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            code: EXIT_USAGE,
        }
    }

    pub fn interrupted() -> Self {
        Error {
            message: "interrupted: everything this command created was removed".into(),
            code: EXIT_INTERRUPTED,
        }
    }

    /// Prefixes the message with what was being done.
    pub fn context(self, what: impl fmt::Display) -> Self {
        Error {
            message: format!("{what}: {}", self.message),
            code: self.code,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Builds an [`Error`] with `format!` arguments.
#[macro_export]
macro_rules! err {
    ($($arg:tt)*) => { $crate::error::Error::new(format!($($arg)*)) };
}

impl From<kube::Error> for Error {
    fn from(e: kube::Error) -> Self {
        Error::new(describe_kube_error(&e))
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::new(e.to_string())
    }
}

/// Whether `e` is the API server's 404.
pub fn is_not_found(e: &kube::Error) -> bool {
    matches!(e, kube::Error::Api(r) if r.code == 404)
}

/// One line for a kube error, naming the fix for the common ones.
pub fn describe_kube_error(e: &kube::Error) -> String {
    if let Some(t) = crate::deadline::find(e) {
        return t.to_string();
    }
    match e {
        kube::Error::Api(r) if r.code == 403 && r.message.contains("PodSecurity") => format!(
            "{}; sniffers need hostPID and capabilities: label the capture namespace pod-security.kubernetes.io/enforce=privileged, or use -n with a namespace that allows it",
            r.message
        ),
        kube::Error::Api(r) if r.code == 403 => crate::access::describe_forbidden(&r.message),
        kube::Error::Api(r) if r.code == 401 => crate::access::credentials_refused(&r.message),
        kube::Error::Api(r) => r.message.clone(),
        kube::Error::HyperError(e) => format!("cannot reach the API server: {}; check your kubeconfig and --context", causes(e)),
        kube::Error::Service(e) => format!("cannot reach the API server: {}; check your kubeconfig and --context", causes(&**e)),
        other => other.to_string(),
    }
}

/// An error and its causes on one line (`client error (Connect): tcp connect error:
/// Connection refused`): hyper's own message alone never says what went wrong.
fn causes(e: &(dyn std::error::Error + 'static)) -> String {
    let mut line = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let text = c.to_string();
        if !line.contains(&text) {
            line.push_str(": ");
            line.push_str(&text);
        }
        cur = c.source();
    }
    line.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use kube::core::ErrorResponse;

    fn api(code: u16, message: &str) -> kube::Error {
        kube::Error::Api(ErrorResponse {
            status: "Failure".into(),
            message: message.into(),
            reason: String::new(),
            code,
        })
    }

    #[test]
    fn forbidden_names_the_role() {
        let m = describe_kube_error(&api(
            403,
            r#"pods is forbidden: User "bob" cannot create resource "pods""#,
        ));
        assert!(m.contains("deploy/rbac.yaml") && m.contains("bob"), "{m}");
        let m = describe_kube_error(&api(401, "Unauthorized"));
        assert!(m.contains("refused the credentials"), "{m}");
    }

    #[test]
    fn pod_security_names_the_namespace_label() {
        let m = describe_kube_error(&api(
            403,
            r#"pods "sniffer-x" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostPID=true)"#,
        ));
        assert!(
            m.contains("pod-security.kubernetes.io/enforce=privileged"),
            "{m}"
        );
    }

    #[test]
    fn not_found_is_recognised() {
        assert!(is_not_found(&api(404, "x")));
        assert!(!is_not_found(&api(409, "x")));
        assert_eq!(Error::from(api(500, "boom")).code, EXIT_FAILURE);
    }
}
