//! `internalBinding('zlib')`: one native stream per JS zlib object, on `io::compress`, as
//! Node's `node_zlib.cc` is on zlib, brotli and zstd.
//!
//! The JS side (`internal/zlib/handle`) keeps Node's handle contract: a write hands over an
//! input range and an output room and learns how much of each is left (`avail_in`,
//! `avail_out`), so `lib/zlib`'s chunking, `bytesWritten` and backpressure stay Node's. A
//! synchronous write fills the caller's output buffer in place. An asynchronous write copies
//! its input once (continuations of the same write reuse that copy), runs on the blocking
//! pool (the stream sits behind a mutex so the job can own a reference while JS keeps the
//! id) and completes with the produced bytes, which JS copies into its output buffer: never
//! touching JS memory off-thread costs one copy each way.
//!
//! Codec faults come back as values (`{ message, errno, code }`), not exceptions, because
//! Node reports them through the stream's `error` event with zlib's own message and number.

use std::sync::{Arc, Mutex};

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};
use io::compress::{self, Codec, CompressError, Flush, Mode, Options, Strategy};

use super::async_op;

pub(super) const OPS: &[Op] = &[
    Op { binding: "zlib", name: "create", func: create },
    Op { binding: "zlib", name: "writeSync", func: write_sync },
    Op { binding: "zlib", name: "writeAsync", func: write_async },
    Op { binding: "zlib", name: "params", func: params },
    Op { binding: "zlib", name: "reset", func: reset },
    Op { binding: "zlib", name: "close", func: close },
    Op { binding: "zlib", name: "crc32", func: crc32 },
    Op { binding: "zlib", name: "backend", func: backend },
];

/// One stream: its codec, and the input of the current asynchronous write.
struct Stream {
    codec: Box<dyn Codec>,
    /// A write's input, copied once: when the output room fills before the input is used
    /// up, JS asks again for the rest, which is taken from here instead of copied again.
    input: Vec<u8>,
    /// How much of `input` the codec has consumed.
    input_pos: usize,
}

impl Stream {
    /// Records a step's consumption; the copy is dropped once nothing of it is left.
    fn consumed(&mut self, consumed: usize, avail_in: usize) {
        self.input_pos += consumed;
        if avail_in == 0 {
            self.input = Vec::new();
            self.input_pos = 0;
        }
    }
}

/// A stream shared between the realm's table and a pool job working on it.
type SharedCodec = Arc<Mutex<Stream>>;

/// The realm's streams, by id (index + 1); freed slots are reused.
#[derive(Default)]
struct StreamTable {
    slots: Vec<Option<SharedCodec>>,
    free: Vec<usize>,
}

impl StreamTable {
    fn insert(&mut self, codec: SharedCodec) -> usize {
        match self.free.pop() {
            Some(index) => {
                self.slots[index] = Some(codec);
                index + 1
            }
            None => {
                self.slots.push(Some(codec));
                self.slots.len()
            }
        }
    }

    fn get(&self, id: f64) -> Option<SharedCodec> {
        self.slots.get(slot_index(id)?)?.clone()
    }

    fn remove(&mut self, id: f64) {
        if let Some(index) = slot_index(id) {
            if let Some(slot) = self.slots.get_mut(index) {
                if slot.take().is_some() {
                    self.free.push(index);
                }
            }
        }
    }
}

fn slot_index(id: f64) -> Option<usize> {
    (id.is_finite() && id >= 1.0 && id <= u32::MAX as f64).then(|| id as usize - 1)
}

fn codec_of(ctx: &mut dyn OpCtx, id: f64) -> Result<SharedCodec, ThrowError> {
    ctx.state()
        .get_or_default::<StreamTable>()
        .get(id)
        .ok_or_else(|| ThrowError::error("zlib binding closed"))
}

/// The error value JS turns into Node's zlib error (`message`, `errno`, `code`).
fn error_value(err: CompressError) -> HostValue {
    HostValue::Object(vec![
        ("message".to_owned(), err.message.into()),
        ("errno".to_owned(), HostValue::Number(err.errno.into())),
        ("code".to_owned(), err.code.into()),
    ])
}

/// An exception for a fault at creation or in `params()`, where Node throws.
fn throw(err: CompressError) -> ThrowError {
    let base = if err.code == "ERR_OUT_OF_RANGE" {
        ThrowError::range_error(err.code, err.message)
    } else {
        ThrowError::error(err.message)
    };
    let base = base.with("code", err.code);
    if err.errno != 0 {
        base.with("errno", HostValue::Number(err.errno.into()))
    } else {
        base
    }
}

fn int_arg(ctx: &mut dyn OpCtx, i: usize, default: i32) -> i32 {
    ctx.arg_number(i).filter(|n| n.is_finite()).map_or(default, |n| n as i32)
}

/// Node's brotli/zstd parameter array (a `Uint32Array`, `0xffffffff` for "unset") as pairs.
fn param_pairs(bytes: Option<&mut [u8]>) -> Vec<(u32, u32)> {
    let Some(bytes) = bytes else { return Vec::new() };
    bytes
        .chunks_exact(4)
        .enumerate()
        .filter_map(|(key, word)| {
            let value = u32::from_le_bytes([word[0], word[1], word[2], word[3]]);
            (value != u32::MAX).then_some((key as u32, value))
        })
        .collect()
}

/// `create(mode, windowBits, level, memLevel, strategy, dictionary?, params?, pledgedSize?)` →
/// a stream id.
/// JS has validated the options with Node's messages; what still fails here (an option the
/// backend cannot honour, a bad brotli/zstd parameter) throws.
fn create(ctx: &mut dyn OpCtx) -> OpResult {
    let mode =
        Mode::from_node(int_arg(ctx, 0, 0)).ok_or_else(|| throw(CompressError::init_failed()))?;
    let mut opts = Options {
        window_bits: int_arg(ctx, 1, 0),
        level: int_arg(ctx, 2, -1),
        mem_level: int_arg(ctx, 3, 8),
        strategy: Strategy::from_node(int_arg(ctx, 4, 0)).map_err(throw)?,
        ..Options::default()
    };
    if !ctx.arg_is_nullish(5) {
        opts.dictionary = ctx.arg_bytes(5).map(|d| d.to_vec());
    }
    let pairs = param_pairs(ctx.arg_bytes(6));
    opts.zstd_pledged_src_size =
        ctx.arg_number(7).filter(|n| n.is_finite() && *n >= 0.0).map(|n| n as u64);
    match mode {
        Mode::BrotliEncode | Mode::BrotliDecode => opts.brotli_params = pairs,
        Mode::ZstdCompress | Mode::ZstdDecompress => {
            opts.zstd_params = pairs.into_iter().map(|(k, v)| (k, v as i32)).collect();
        }
        _ => {}
    }
    // Node's own errors (a bad option or parameter) pass through; a codec that fails to
    // start is Node's ERR_ZLIB_INITIALIZATION_FAILED.
    let codec = compress::new_codec(mode, &opts).map_err(|err| {
        if err.code.starts_with("ERR_") {
            throw(err)
        } else {
            throw(CompressError::init_failed())
        }
    })?;
    let stream = Stream { codec, input: Vec::new(), input_pos: 0 };
    let id = ctx.state().get_or_default::<StreamTable>().insert(Arc::new(Mutex::new(stream)));
    Ok(HostValue::Number(id as f64))
}

/// Maps a zlib flush, brotli operation or zstd end directive (numbered per `mode`) to a flush.
fn flush_of(mode: Mode, value: i32) -> Flush {
    match mode {
        Mode::BrotliEncode | Mode::BrotliDecode | Mode::ZstdCompress | Mode::ZstdDecompress => {
            match value {
                0 => Flush::None,
                2 => Flush::Finish,
                _ => Flush::Sync,
            }
        }
        // Z_BLOCK (5) has no engine counterpart; a sync flush is the nearest complete one.
        _ => Flush::from_node(value).unwrap_or(Flush::Sync),
    }
}

fn lock(codec: &SharedCodec) -> std::sync::MutexGuard<'_, Stream> {
    // A panic inside a codec is a bug, but the data is only a codec: keep going with it.
    codec.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// `writeSync(id, flush, input, output)` → `[availOut, availIn]`, or `{ message, errno, code }`.
/// `output` (the caller's view of its out buffer) is filled in place; `input` undefined
/// continues the previous write with the input it left.
fn write_sync(ctx: &mut dyn OpCtx) -> OpResult {
    let id = ctx.arg_number(0).unwrap_or(0.0);
    let flush = int_arg(ctx, 1, 0);
    let codec = codec_of(ctx, id)?;
    let mut guard = lock(&codec);
    let stream = &mut *guard;
    // The input is copied (the op context lends one buffer argument at a time), once per write.
    if !ctx.arg_is_nullish(2) {
        stream.input = ctx.arg_bytes(2).map(|b| b.to_vec()).unwrap_or_default();
        stream.input_pos = 0;
    }
    let Some(output) = ctx.arg_bytes(3) else {
        return Err(ThrowError::type_error("ERR_INVALID_ARG_TYPE", "output must be a buffer"));
    };
    let flush = flush_of(stream.codec.mode(), flush);
    let rest = &stream.input[stream.input_pos..];
    Ok(match stream.codec.process(rest, output, flush) {
        Ok(step) => {
            let avail_in = rest.len() - step.consumed;
            stream.consumed(step.consumed, avail_in);
            HostValue::Array(vec![
                HostValue::Number((output.len() - step.produced) as f64),
                HostValue::Number(avail_in as f64),
            ])
        }
        Err(err) => error_value(err),
    })
}

/// `writeAsync(id, flush, input, outLen)` → a request id; completes with
/// `[producedBytes, availIn]` or `{ message, errno, code }`, the work done on the pool.
/// `input` undefined continues the previous write with the input it left.
fn write_async(ctx: &mut dyn OpCtx) -> OpResult {
    let id = ctx.arg_number(0).unwrap_or(0.0);
    let flush = int_arg(ctx, 1, 0);
    let codec = codec_of(ctx, id)?;
    let input = if ctx.arg_is_nullish(2) {
        None
    } else {
        Some(ctx.arg_bytes(2).map(|b| b.to_vec()).unwrap_or_default())
    };
    let out_len = ctx.arg_number(3).filter(|n| n.is_finite() && *n >= 0.0).unwrap_or(0.0) as usize;
    async_op::spawn(ctx, move || {
        let mut guard = lock(&codec);
        let stream = &mut *guard;
        if let Some(input) = input {
            stream.input = input;
            stream.input_pos = 0;
        }
        let flush = flush_of(stream.codec.mode(), flush);
        let mut output = vec![0u8; out_len];
        let rest = &stream.input[stream.input_pos..];
        Ok(match stream.codec.process(rest, &mut output, flush) {
            Ok(step) => {
                let avail_in = rest.len() - step.consumed;
                stream.consumed(step.consumed, avail_in);
                output.truncate(step.produced);
                HostValue::Array(vec![HostValue::Bytes(output), HostValue::Number(avail_in as f64)])
            }
            Err(err) => error_value(err),
        })
    })
}

/// `params(id, level, strategy)`: new level and strategy from here on (zlib compression).
fn params(ctx: &mut dyn OpCtx) -> OpResult {
    let id = ctx.arg_number(0).unwrap_or(0.0);
    let level = int_arg(ctx, 1, -1);
    let strategy = Strategy::from_node(int_arg(ctx, 2, 0)).map_err(throw)?;
    let codec = codec_of(ctx, id)?;
    let mut stream = lock(&codec);
    // As in Node's binding, params() only reaches a deflating zlib stream; elsewhere a no-op.
    if !matches!(stream.codec.mode(), Mode::Deflate | Mode::Gzip | Mode::DeflateRaw) {
        return Ok(HostValue::Undefined);
    }
    Ok(match stream.codec.set_params(level, strategy) {
        Ok(()) => HostValue::Undefined,
        Err(err) => error_value(err),
    })
}

/// `reset(id)`: starts a new stream with the same options.
fn reset(ctx: &mut dyn OpCtx) -> OpResult {
    let id = ctx.arg_number(0).unwrap_or(0.0);
    let codec = codec_of(ctx, id)?;
    let mut stream = lock(&codec);
    Ok(match stream.codec.reset() {
        Ok(()) => HostValue::Undefined,
        Err(err) => error_value(err),
    })
}

/// `close(id)`: drops the stream (a pool job still running keeps its codec until it ends).
fn close(ctx: &mut dyn OpCtx) -> OpResult {
    let id = ctx.arg_number(0).unwrap_or(0.0);
    ctx.state().get_or_default::<StreamTable>().remove(id);
    Ok(HostValue::Undefined)
}

/// `crc32(data, value)`: CRC-32 of `data` continuing from `value`.
fn crc32(ctx: &mut dyn OpCtx) -> OpResult {
    let initial = ctx.arg_number(1).filter(|n| n.is_finite()).unwrap_or(0.0) as u32;
    let data = ctx.arg_bytes(0).map(|b| &*b).unwrap_or(&[]);
    Ok(HostValue::Number(compress::crc32(data, initial).into()))
}

/// `backend()`: the name of the deflate backend in use ("zlib-rs", "miniz_oxide").
fn backend(_ctx: &mut dyn OpCtx) -> OpResult {
    Ok(compress::default_backend().map_or("none", |b| b.name()).into())
}
