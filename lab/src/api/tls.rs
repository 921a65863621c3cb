//! HTTPS for the API server. kubectl (client-go) never sends credentials over plain HTTP, so
//! an API server that authenticates bearer tokens must serve TLS: at each start the lab
//! makes its own CA and a server certificate for 127.0.0.1 signed by it (both only in
//! memory but the CA key, kept for `dumpy-lab user`), and the kubeconfig carries the CA, as
//! a real cluster's does. Client certificates signed by that CA authenticate their subject
//! like the API server's x509 authenticator: the common name is the user, each organization
//! a group (`dumpy-lab user` issues them, as `kubeadm kubeconfig user` does).

use super::auth::User;
use anyhow::{Context, Result};
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, KeyUsagePurpose, SanType};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::{self, ServerConfig};
use tokio_rustls::TlsAcceptor;

/// The server's TLS identity, and the CA clients trust it by.
pub struct Identity {
    /// The CA certificate, PEM (the kubeconfig's certificate-authority-data).
    pub ca_pem: String,
    config: Arc<ServerConfig>,
}

/// The CA's certificate, made again from its key: same subject and key, so what it signs
/// chains to the CA the clients trust.
fn ca_certificate(ca_key: &KeyPair) -> Result<rcgen::Certificate> {
    let mut ca = CertificateParams::new(Vec::<String>::new())?;
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "dumpy-lab-ca");
    ca.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    Ok(ca.self_signed(ca_key)?)
}

/// A client certificate for `user` in `group`, signed by the CA whose key is `ca_key_pem`:
/// (certificate PEM, key PEM).
pub fn client_certificate(
    ca_key_pem: &str,
    user: &str,
    group: Option<&str>,
) -> Result<(String, String)> {
    let ca_key = KeyPair::from_pem(ca_key_pem).context("reading the lab's CA key")?;
    let ca = ca_certificate(&ca_key)?;
    let mut params = CertificateParams::new(Vec::<String>::new())?;
    params.distinguished_name.push(DnType::CommonName, user);
    if let Some(g) = group {
        params.distinguished_name.push(DnType::OrganizationName, g);
    }
    params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ClientAuth];
    let key = KeyPair::generate()?;
    let cert = params.signed_by(&key, &ca, &ca_key)?;
    Ok((cert.pem(), key.serialize_pem()))
}

/// The user a verified client certificate names: CN the name, each O a group.
pub fn certificate_user(der: &[u8]) -> Option<User> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
    let subject = cert.subject();
    let name = subject
        .iter_common_name()
        .next()?
        .as_str()
        .ok()?
        .to_string();
    let mut groups: Vec<String> = subject
        .iter_organization()
        .filter_map(|o| o.as_str().ok().map(str::to_string))
        .collect();
    groups.push("system:authenticated".into());
    Some(User { name, groups })
}

/// A fresh CA and a server certificate for 127.0.0.1 and localhost; the CA key is kept (root
/// only) in `ca_key_path` for `dumpy-lab user`.
pub fn identity(ca_key_path: &std::path::Path) -> Result<Identity> {
    let ca_key = KeyPair::generate()?;
    crate::lifecycle::write_private(ca_key_path, &ca_key.serialize_pem())?;
    let ca_cert = ca_certificate(&ca_key)?;
    let key = KeyPair::generate()?;
    let mut server = CertificateParams::new(vec!["localhost".to_string()])?;
    server
        .subject_alt_names
        .push(SanType::IpAddress(IpAddr::V4(Ipv4Addr::LOCALHOST)));
    server
        .distinguished_name
        .push(DnType::CommonName, "dumpy-lab-apiserver");
    let cert = server.signed_by(&key, &ca_cert, &ca_key)?;
    let chain: Vec<CertificateDer<'static>> = vec![cert.der().clone()];
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    roots.add(ca_cert.der().clone())?;
    // A client certificate is optional (tokens are the other way in), but one that is given
    // must chain to the lab's CA.
    let clients = rustls::server::WebPkiClientVerifier::builder_with_provider(
        Arc::new(roots),
        provider.clone(),
    )
    .allow_unauthenticated()
    .build()?;
    // No ALPN: HTTP/1.1, which WebSocket exec needs anyway.
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_client_cert_verifier(clients)
        .with_single_cert(chain, key)
        .context("building the TLS configuration")?;
    Ok(Identity {
        ca_pem: ca_cert.pem(),
        config: Arc::new(config),
    })
}

/// A TCP listener that hands axum TLS connections.
pub struct Listener {
    tcp: TcpListener,
    acceptor: TlsAcceptor,
}

impl Listener {
    pub fn new(tcp: TcpListener, id: &Identity) -> Self {
        Listener {
            tcp,
            acceptor: TlsAcceptor::from(id.config.clone()),
        }
    }
}

impl axum::serve::Listener for Listener {
    type Io = tokio_rustls::server::TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let (tcp, addr) = match self.tcp.accept().await {
                Ok(c) => c,
                Err(e) => {
                    // Out of file descriptors and the like: wait, as axum's own loop does.
                    tracing::warn!("accept: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            // A client that never finishes its handshake must not hold up the others long.
            match tokio::time::timeout(Duration::from_secs(5), self.acceptor.accept(tcp)).await {
                Ok(Ok(tls)) => return (tls, addr),
                Ok(Err(e)) => tracing::debug!(%addr, "TLS handshake failed: {e}"),
                Err(_) => tracing::debug!(%addr, "TLS handshake timed out"),
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
}

/// Who the client certificate of a connection names, if it presented one.
#[derive(Clone, Debug)]
pub struct Peer(pub Option<User>);

impl axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, Listener>> for Peer {
    fn connect_info(stream: axum::serve::IncomingStream<'_, Listener>) -> Self {
        let (_, session) = stream.io().get_ref();
        Peer(
            session
                .peer_certificates()
                .and_then(|chain| chain.first())
                .and_then(|c| certificate_user(c)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_certificates_name_user_and_groups() {
        let dir = std::env::temp_dir().join(format!("dumpy-lab-tls-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let key_path = dir.join("ca.key");
        let id = identity(&key_path).unwrap();
        let ca_key = std::fs::read_to_string(&key_path).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(id.ca_pem.starts_with("-----BEGIN CERTIFICATE-----"));
        let (cert, _key) = client_certificate(&ca_key, "carol", Some("dev")).unwrap();
        let (_, pem) = x509_parser::pem::parse_x509_pem(cert.as_bytes()).unwrap();
        let user = certificate_user(&pem.contents).unwrap();
        assert_eq!(user.name, "carol");
        assert_eq!(user.groups, ["dev", "system:authenticated"]);
        // Issued by the CA the kubeconfig carries.
        let (_, ca) = x509_parser::pem::parse_x509_pem(id.ca_pem.as_bytes()).unwrap();
        let ca = ca.parse_x509().unwrap();
        let (_, client) = x509_parser::parse_x509_certificate(&pem.contents).unwrap();
        assert_eq!(client.issuer(), ca.subject());
        // (That the server accepts it, chain and signature, is checked end to end by
        // tests/rbac.rs with kubectl.)
    }
}
