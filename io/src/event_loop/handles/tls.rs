//! TLS on a stream handle (Node's TLSWrap over a TCP or pipe handle): the handle's connected
//! stream moves into a TLS session from `io::tls`, under the same id. The handshake is
//! polled like a connect; then the session is read, written and shut down like any stream,
//! through tokio's `AsyncRead`/`AsyncWrite` on the loop's own thread.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::ReadBuf;

use super::stream::Stream;
use super::{
    errno_of, HandleId, HandleTable, IoEvent, Kind, PendingWrite, READS_PER_POLL, READ_CHUNK,
};
use crate::tls::{BoxFuture, IoStream, TlsConnection, TlsError, TlsStreamInfo};

/// A handshake in progress.
pub(super) type Handshake = BoxFuture<'static, Result<Box<dyn TlsConnection>, TlsError>>;

/// What `tls_wrap` does with the handle's stream: start a client or server handshake on it.
pub type TlsStart = Box<dyn FnOnce(Box<dyn IoStream>) -> Handshake>;

impl HandleTable {
    /// Moves connected stream `id` into a TLS session started by `start`; an
    /// [`IoEvent::Handshake`] tells how the handshake went.
    pub(crate) fn tls_wrap(&mut self, id: HandleId, start: TlsStart) -> io::Result<()> {
        let handle = self.get(id)?;
        let kind = std::mem::replace(&mut handle.kind, Kind::Failed);
        let stream: Box<dyn IoStream> = match kind {
            Kind::Stream(Stream::Tcp(s)) => Box::new(s),
            Kind::Stream(Stream::Unix(s)) => Box::new(s),
            other => {
                handle.kind = other;
                return Err(io::Error::from_raw_os_error(libc::ENOTCONN));
            }
        };
        handle.kind = Kind::TlsHandshake(start(stream));
        Ok(())
    }

    /// Runs `f` on the session facts of TLS handle `id`.
    pub(crate) fn tls_info<T>(
        &mut self,
        id: HandleId,
        f: impl FnOnce(&dyn TlsStreamInfo) -> T,
    ) -> io::Result<T> {
        match &self.get(id)?.kind {
            Kind::Tls(session) => Ok(f(session.as_ref())),
            _ => Err(io::Error::from_raw_os_error(libc::ENOTCONN)),
        }
    }
}

/// Polls a handshake; on success the handle's kind becomes the session.
pub(super) fn poll_handshake(
    id: HandleId,
    handshake: &mut Handshake,
    cx: &mut Context<'_>,
    events: &mut Vec<IoEvent>,
) -> Option<Result<Box<dyn TlsConnection>, ()>> {
    match handshake.as_mut().poll(cx) {
        Poll::Pending => None,
        Poll::Ready(Ok(session)) => {
            events.push(IoEvent::Handshake { id, error: None });
            Some(Ok(session))
        }
        Poll::Ready(Err(e)) => {
            events.push(IoEvent::Handshake {
                id,
                error: Some((e.code().to_owned(), e.message().to_owned())),
            });
            Some(Err(()))
        }
    }
}

/// Writes queued plaintext into the session and flushes it to the transport.
pub(super) fn poll_tls_writes(
    id: HandleId,
    session: &mut Box<dyn TlsConnection>,
    writes: &mut std::collections::VecDeque<PendingWrite>,
    cx: &mut Context<'_>,
    events: &mut Vec<IoEvent>,
) {
    while let Some(front) = writes.front_mut() {
        match Pin::new(&mut **session).poll_write(cx, &front.data[front.written..]) {
            Poll::Pending => break,
            Poll::Ready(Ok(n)) => {
                front.written += n;
                if front.written >= front.data.len() {
                    let req = front.req;
                    writes.pop_front();
                    events.push(IoEvent::WriteDone { id, req, status: 0 });
                }
            }
            Poll::Ready(Err(e)) => {
                let status = errno_of(&e);
                for write in writes.drain(..) {
                    events.push(IoEvent::WriteDone { id, req: write.req, status });
                }
                return;
            }
        }
    }
    // Pending records go out now; a full socket wakes this poll again.
    let _ = Pin::new(&mut **session).poll_flush(cx);
}

/// Sends close_notify and half-closes the transport: a shutdown's result, once done.
pub(super) fn poll_tls_shutdown(
    session: &mut Box<dyn TlsConnection>,
    cx: &mut Context<'_>,
) -> Poll<io::Result<()>> {
    Pin::new(&mut **session).poll_shutdown(cx)
}

/// Reads decrypted data (a bounded number of chunks): read, EOF or error events.
pub(super) fn poll_tls_reads(
    id: HandleId,
    session: &mut Box<dyn TlsConnection>,
    cx: &mut Context<'_>,
    events: &mut Vec<IoEvent>,
) -> super::ReadOutcome {
    for _ in 0..READS_PER_POLL {
        let mut buf = vec![0u8; READ_CHUNK];
        let mut read_buf = ReadBuf::new(&mut buf);
        match Pin::new(&mut **session).poll_read(cx, &mut read_buf) {
            Poll::Pending => return super::ReadOutcome::Open,
            Poll::Ready(Ok(())) => {
                let n = read_buf.filled().len();
                if n == 0 {
                    events.push(IoEvent::End { id });
                    return super::ReadOutcome::Eof;
                }
                buf.truncate(n);
                events.push(IoEvent::Read { id, data: buf });
            }
            // The transport ended without close_notify: Node (TLSWrap passes the stream's
            // EOF straight through) reports an end, not an error.
            Poll::Ready(Err(e)) if e.kind() == io::ErrorKind::UnexpectedEof => {
                events.push(IoEvent::End { id });
                return super::ReadOutcome::Eof;
            }
            Poll::Ready(Err(e)) => {
                events.push(IoEvent::ReadError { id, errno: errno_of(&e) });
                return super::ReadOutcome::Failed;
            }
        }
    }
    cx.waker().wake_by_ref();
    super::ReadOutcome::Open
}
