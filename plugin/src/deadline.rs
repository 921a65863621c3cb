//! Deadlines on every API request: `--request-timeout` (kubectl's convention) and a connect
//! timeout, and an error that says which one ran out and against which server.
//!
//! kube's own `read_timeout` is an idle limit on the connection itself, so it also cuts
//! upgraded exec streams (a live `export` that sees no packets for a while) and it turns a
//! silent server into `client error (SendRequest)`. dumpy switches it off and bounds each
//! request here instead, as a tower layer around kube's client stack:
//! - until the response headers arrive, every request (so exec handshakes too);
//! - until the last byte of the body, every request that is not a stream (exec and other
//!   upgrades, watches, followed logs), so a stream is never cut once it runs.
//!
//! kube's `connect_timeout` bounds TCP plus TLS for each new connection; hyper-util's
//! `capture_connection` tells whether a request got a connection at all, so a timeout is
//! reported as a connect timeout or as a request the server never answered.

use futures::future::BoxFuture;
use http::{Request, Response};
use http_body::{Body, Frame, SizeHint};
use hyper_util::client::legacy::connect::capture_connection;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::{Instant, Sleep};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// How long TCP plus the TLS handshake may take for one new connection: a reachable API
/// server connects in milliseconds, so this only ever ends waits on a dead address.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Which wait ran out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// No TCP + TLS connection to the server in time.
    Connect,
    /// Connected, but the whole answer did not arrive in time.
    Request,
}

/// A request that ran out of time; one line for the user.
#[derive(Clone, Debug)]
pub struct TimedOut {
    pub phase: Phase,
    /// The API server, as the kubeconfig names it.
    pub server: String,
    /// The limit that ran out.
    pub after: Duration,
    /// Which limit it is, to name the knob in the message.
    pub by_request_timeout: bool,
    /// `GET /api/v1/namespaces/shop/pods`.
    pub request: String,
}

impl fmt::Display for TimedOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let after = show(self.after);
        let knob = if self.by_request_timeout {
            "; raise --request-timeout (0 means no limit)"
        } else {
            ""
        };
        match self.phase {
            Phase::Connect => write!(
                f,
                "connect timed out after {after}: no TCP and TLS connection to the API server {} (is the server address in the kubeconfig right, and is the cluster up?){knob}",
                self.server
            ),
            Phase::Request => write!(
                f,
                "request timed out after {after}: the API server {} accepted the connection but did not answer {}{knob}",
                self.server, self.request
            ),
        }
    }
}

impl std::error::Error for TimedOut {}

/// `2s`, `1m`, `1h30m`, `500ms`: durations as the flag takes them.
fn show(d: Duration) -> String {
    let (secs, ms) = (d.as_secs(), d.subsec_millis());
    if secs == 0 {
        return format!("{ms}ms");
    }
    let mut s = String::new();
    for (unit, n) in [("h", secs / 3600), ("m", secs / 60 % 60), ("s", secs % 60)] {
        if n > 0 {
            s.push_str(&format!("{n}{unit}"));
        }
    }
    if ms > 0 {
        s.push_str(&format!("{ms}ms"));
    }
    s
}

/// The [`TimedOut`] in an error's source chain, if there is one.
pub fn find<'a>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a TimedOut> {
    let mut cur = Some(e);
    while let Some(e) = cur {
        if let Some(t) = e.downcast_ref::<TimedOut>() {
            return Some(t);
        }
        cur = e.source();
    }
    None
}

/// Whether the chain holds an I/O timeout: what kube's connect timeout gives.
fn is_io_timeout(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cur = Some(e);
    while let Some(e) = cur {
        if e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut)
        {
            return true;
        }
        cur = e.source();
    }
    false
}

/// Whether a request opens a stream that may rightly stay open and quiet: an upgrade (exec),
/// a watch, or a followed log.
fn is_stream<B>(req: &Request<B>) -> bool {
    let query = req.uri().query().unwrap_or_default();
    let flag = |key: &str| {
        query
            .split('&')
            .any(|kv| kv == format!("{key}=true") || kv == format!("{key}=1"))
    };
    req.headers().contains_key(http::header::UPGRADE) || flag("watch") || flag("follow")
}

/// The layer: wraps kube's client stack (see the module doc).
#[derive(Clone, Debug)]
pub struct DeadlineLayer {
    server: String,
    request_timeout: Option<Duration>,
    connect_timeout: Duration,
}

impl DeadlineLayer {
    /// `server` is the kubeconfig's server URL; `request_timeout` None means no limit.
    pub fn new(server: &str, request_timeout: Option<Duration>, connect_timeout: Duration) -> Self {
        DeadlineLayer {
            server: server.trim_end_matches('/').to_string(),
            request_timeout,
            connect_timeout,
        }
    }
}

impl<S> tower::Layer<S> for DeadlineLayer {
    type Service = Deadline<S>;
    fn layer(&self, inner: S) -> Deadline<S> {
        Deadline {
            inner,
            layer: self.clone(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Deadline<S> {
    inner: S,
    layer: DeadlineLayer,
}

impl<S, ReqBody, ResBody> tower::Service<Request<ReqBody>> for Deadline<S>
where
    S: tower::Service<Request<ReqBody>, Response = Response<ResBody>>,
    S::Error: Into<BoxError>,
    S::Future: Send + 'static,
    ResBody: Body + Unpin,
    ResBody::Error: Into<BoxError>,
{
    type Response = Response<DeadlineBody<ResBody>>;
    type Error = BoxError;
    type Future = BoxFuture<'static, Result<Self::Response, BoxError>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, mut req: Request<ReqBody>) -> Self::Future {
        let stream = is_stream(&req);
        let connection = capture_connection(&mut req);
        let request = format!("{} {}", req.method(), req.uri().path());
        let layer = self.layer.clone();
        let timed_out = move |phase, by_request_timeout: bool| TimedOut {
            phase,
            server: layer.server.clone(),
            after: match by_request_timeout {
                true => layer.request_timeout.unwrap_or_default(),
                false => layer.connect_timeout,
            },
            by_request_timeout,
            request: request.clone(),
        };
        let deadline = self.layer.request_timeout.map(|t| Instant::now() + t);
        let response = self.inner.call(req);
        Box::pin(async move {
            let phase = || match connection.connection_metadata().as_ref() {
                Some(_) => Phase::Request,
                None => Phase::Connect,
            };
            let result = match deadline {
                Some(d) => match tokio::time::timeout_at(d, response).await {
                    Ok(r) => r,
                    Err(_) => return Err(Box::new(timed_out(phase(), true)) as BoxError),
                },
                None => response.await,
            };
            let res = result.map_err(|e| {
                let e: BoxError = e.into();
                if phase() == Phase::Connect && is_io_timeout(&*e) {
                    Box::new(timed_out(Phase::Connect, false))
                } else {
                    e
                }
            })?;
            let body_deadline = deadline.filter(|_| !stream).map(|d| {
                (
                    Box::pin(tokio::time::sleep_until(d)),
                    timed_out(Phase::Request, true),
                )
            });
            Ok(res.map(|inner| DeadlineBody {
                inner,
                deadline: body_deadline,
            }))
        })
    }
}

/// A response body that fails with [`TimedOut`] when it is not complete by the deadline.
pub struct DeadlineBody<B> {
    inner: B,
    deadline: Option<(Pin<Box<Sleep>>, TimedOut)>,
}

impl<B> Body for DeadlineBody<B>
where
    B: Body + Unpin,
    B::Error: Into<BoxError>,
{
    type Data = B::Data;
    type Error = BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, BoxError>>> {
        let this = self.get_mut();
        if let Poll::Ready(frame) = Pin::new(&mut this.inner).poll_frame(cx) {
            return Poll::Ready(frame.map(|r| r.map_err(Into::into)));
        }
        if let Some((sleep, _)) = &mut this.deadline {
            if sleep.as_mut().poll(cx).is_ready() {
                let (_, e) = this.deadline.take().expect("checked above");
                return Poll::Ready(Some(Err(Box::new(e))));
            }
        }
        Poll::Pending
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_the_flag() {
        assert_eq!(show(Duration::from_secs(2)), "2s");
        assert_eq!(show(Duration::from_secs(60)), "1m");
        assert_eq!(show(Duration::from_secs(5400)), "1h30m");
        assert_eq!(show(Duration::from_millis(500)), "500ms");
        assert_eq!(show(Duration::from_millis(1500)), "1s500ms");
    }

    #[test]
    fn streams_are_told_apart() {
        let req = |uri: &str| Request::get(uri).body(()).unwrap();
        assert!(is_stream(&req("/api/v1/pods?watch=true&resourceVersion=1")));
        assert!(is_stream(&req(
            "/api/v1/namespaces/a/pods/p/log?follow=true"
        )));
        assert!(!is_stream(&req(
            "/api/v1/namespaces/a/pods?labelSelector=watch%3Dtrue"
        )));
        assert!(!is_stream(&req("/api/v1/namespaces/a/pods/p")));
        let mut exec = req("/api/v1/namespaces/a/pods/p/exec?command=x");
        exec.headers_mut()
            .insert(http::header::UPGRADE, "websocket".parse().unwrap());
        assert!(is_stream(&exec));
    }

    /// A body that sends one chunk after `delay`, then ends: a slow answer, or a quiet stream.
    struct Slow {
        sleep: Pin<Box<Sleep>>,
        done: bool,
    }

    impl Body for Slow {
        type Data = bytes::Bytes;
        type Error = std::convert::Infallible;
        fn poll_frame(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<bytes::Bytes>, Self::Error>>> {
            if self.done {
                return Poll::Ready(None);
            }
            std::task::ready!(self.sleep.as_mut().poll(cx));
            self.done = true;
            Poll::Ready(Some(Ok(Frame::data(bytes::Bytes::from_static(b"late")))))
        }
    }

    /// Answers at once with headers, then a body that takes `delay`: the transport under the
    /// layer, standing in for hyper (the real server faults are in tests/faults.rs).
    fn slow_server(
        delay: Duration,
    ) -> impl tower::Service<
        Request<()>,
        Response = Response<Slow>,
        Error = std::convert::Infallible,
        Future = futures::future::Ready<Result<Response<Slow>, std::convert::Infallible>>,
    > + Clone {
        tower::service_fn(move |_req: Request<()>| {
            futures::future::ready(Ok(Response::new(Slow {
                sleep: Box::pin(tokio::time::sleep(delay)),
                done: false,
            })))
        })
    }

    async fn read_body(uri: &str, upgrade: bool) -> Result<Vec<u8>, BoxError> {
        use http_body_util::BodyExt;
        use tower::{Layer, ServiceExt};
        let layer = DeadlineLayer::new(
            "https://192.0.2.10:6443/",
            Some(Duration::from_millis(200)),
            CONNECT_TIMEOUT,
        );
        let mut req = Request::get(uri).body(()).unwrap();
        if upgrade {
            req.headers_mut()
                .insert(http::header::UPGRADE, "websocket".parse().unwrap());
        }
        let res = layer
            .layer(slow_server(Duration::from_millis(600)))
            .oneshot(req)
            .await?;
        Ok(res.into_body().collect().await?.to_bytes().to_vec())
    }

    #[tokio::test]
    async fn answers_are_bounded_and_streams_are_not() {
        let e = read_body("/api/v1/namespaces/shop/pods", false)
            .await
            .unwrap_err();
        let t = e.downcast_ref::<TimedOut>().expect("a TimedOut");
        assert_eq!(t.phase, Phase::Request);
        assert_eq!(t.server, "https://192.0.2.10:6443");
        assert_eq!(t.request, "GET /api/v1/namespaces/shop/pods");
        // Watches, followed logs and upgraded exec streams outlive the request timeout.
        for (uri, upgrade) in [
            ("/api/v1/namespaces/shop/pods?watch=true", false),
            ("/api/v1/namespaces/shop/pods/p/log?follow=true", false),
            ("/api/v1/namespaces/shop/pods/p/exec?command=x", true),
        ] {
            assert_eq!(read_body(uri, upgrade).await.unwrap(), b"late", "{uri}");
        }
    }

    #[test]
    fn timeouts_are_found_in_error_chains() {
        let t = TimedOut {
            phase: Phase::Request,
            server: "https://192.0.2.10:6443".into(),
            after: Duration::from_secs(2),
            by_request_timeout: true,
            request: "GET /api/v1/namespaces/shop/pods".into(),
        };
        let e = kube::Error::Service(Box::new(t));
        let found = find(&e).unwrap();
        assert_eq!(found.phase, Phase::Request);
        let line = found.to_string();
        assert!(
            line.starts_with("request timed out after 2s: the API server https://192.0.2.10:6443")
                && line.contains("GET /api/v1/namespaces/shop/pods")
                && line.contains("--request-timeout"),
            "{line}"
        );
        let io = std::io::Error::new(std::io::ErrorKind::TimedOut, "deadline");
        assert!(is_io_timeout(&io));
        assert!(find(&io).is_none());
    }
}
