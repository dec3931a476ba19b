//! Tests for `io::compress`: every backend compiled in, every mode, Node's error behaviour,
//! and interop with a real `node` (OXNODE_TEST_NODE, else `node` on PATH).

use std::io::Write;
use std::process::{Command, Stdio};

use io::compress::{
    backends, compress_all, crc32, decompress_all, new_codec, new_codec_with, process_all, Backend,
    Codec, CompressError, Flush, Mode, Options, Strategy,
};

const ZLIB_MODES: [(Mode, Mode); 3] = [
    (Mode::Deflate, Mode::Inflate),
    (Mode::Gzip, Mode::Gunzip),
    (Mode::DeflateRaw, Mode::InflateRaw),
];

/// Deterministic, compressible, JSON-like text.
fn sample(len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 128);
    let mut x: u32 = 12345;
    let words = ["alpha", "beta", "gamma", "delta", "status", "ok", "error", "user", "id", "name"];
    while out.len() < len {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let w = words[(x >> 16) as usize % words.len()];
        write!(out, "{{\"{w}\":{},\"v\":\"{w}{}\"}},", x % 1000, x >> 20).unwrap();
    }
    out.truncate(len);
    out
}

fn codec(b: &dyn Backend, mode: Mode, opts: &Options) -> Box<dyn Codec> {
    new_codec_with(b, mode, opts).unwrap_or_else(|e| panic!("{} {mode:?}: {e}", b.name()))
}

fn run(
    b: &dyn Backend,
    mode: Mode,
    opts: &Options,
    input: &[u8],
) -> Result<Vec<u8>, CompressError> {
    let mut c = new_codec_with(b, mode, opts)?;
    process_all(c.as_mut(), input, opts.chunk_size, opts.max_output_length)
}

fn ok(b: &dyn Backend, mode: Mode, opts: &Options, input: &[u8]) -> Vec<u8> {
    run(b, mode, opts, input).unwrap_or_else(|e| panic!("{} {mode:?}: {e}", b.name()))
}

fn err(b: &dyn Backend, mode: Mode, input: &[u8]) -> CompressError {
    match run(b, mode, &Options::default(), input) {
        Ok(out) => panic!("{} {mode:?}: expected an error, got {} bytes", b.name(), out.len()),
        Err(e) => e,
    }
}

/// Streams `input` in `in_step`-byte pieces into `out_step`-byte output buffers.
fn stream(
    c: &mut dyn Codec,
    input: &[u8],
    in_step: usize,
    out_step: usize,
) -> Result<Vec<u8>, CompressError> {
    let mut out = Vec::new();
    let mut buf = vec![0u8; out_step];
    let mut pos = 0;
    while pos < input.len() {
        let end = (pos + in_step).min(input.len());
        let mut piece = &input[pos..end];
        loop {
            let p = c.process(piece, &mut buf, Flush::None)?;
            out.extend_from_slice(&buf[..p.produced]);
            piece = &piece[p.consumed..];
            if piece.is_empty() && p.produced < buf.len() {
                break;
            }
            if p.consumed == 0 && p.produced == 0 {
                break;
            }
        }
        pos = end;
    }
    loop {
        let p = c.process(&[], &mut buf, Flush::Finish)?;
        out.extend_from_slice(&buf[..p.produced]);
        if p.stream_end || (p.produced == 0 && p.consumed == 0) {
            break;
        }
    }
    Ok(out)
}

#[test]
fn roundtrip_every_backend_pair_and_parameter() {
    let data = sample(200_000);
    for comp in backends() {
        for (cmode, dmode) in ZLIB_MODES {
            for level in -1..=9 {
                for strategy in [
                    Strategy::Default,
                    Strategy::Filtered,
                    Strategy::HuffmanOnly,
                    Strategy::Rle,
                    Strategy::Fixed,
                ] {
                    let opts = Options { level, strategy, ..Options::default() };
                    let z = ok(comp, cmode, &opts, &data);
                    for dec in backends() {
                        assert_eq!(
                            ok(dec, dmode, &Options::default(), &z),
                            data,
                            "{}->{} {cmode:?} l{level} {strategy:?}",
                            comp.name(),
                            dec.name()
                        );
                    }
                }
            }
            for wb in 8..=15 {
                for mem_level in [1, 5, 9] {
                    if cmode == Mode::Gzip && wb == 8 {
                        continue;
                    }
                    let opts = Options { window_bits: wb, mem_level, ..Options::default() };
                    let z = ok(comp, cmode, &opts, &data);
                    for dec in backends() {
                        // zlib writes windowBits 8 as 9, which an inflater limited to 8 refuses.
                        let dopts = Options { window_bits: wb.max(9), ..Options::default() };
                        assert_eq!(
                            ok(dec, dmode, &dopts, &z),
                            data,
                            "{}->{} wb{wb} ml{mem_level}",
                            comp.name(),
                            dec.name()
                        );
                    }
                }
            }
            // UNZIP takes both zlib and gzip.
            if cmode != Mode::DeflateRaw {
                let z = ok(comp, cmode, &Options::default(), &data);
                for dec in backends() {
                    assert_eq!(ok(dec, Mode::Unzip, &Options::default(), &z), data);
                }
            }
        }
    }
}

#[test]
fn empty_input_roundtrips() {
    for b in backends() {
        for (c, d) in ZLIB_MODES {
            let z = ok(b, c, &Options::default(), b"");
            assert_eq!(ok(b, d, &Options::default(), &z), b"");
        }
    }
    for (c, d) in
        [(Mode::BrotliEncode, Mode::BrotliDecode), (Mode::ZstdCompress, Mode::ZstdDecompress)]
    {
        let z = compress_all(c, b"", &Options::default()).unwrap();
        assert_eq!(decompress_all(d, &z, &Options::default()).unwrap(), b"");
    }
}

#[test]
fn headers_match_zlib_bytes() {
    for b in backends() {
        let gz = ok(b, Mode::Gzip, &Options::default(), b"abc");
        assert_eq!(&gz[..10], &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
        let z = ok(b, Mode::Deflate, &Options::default(), b"abc");
        assert_eq!(&z[..2], &[0x78, 0x9c]);
        let z = ok(b, Mode::Deflate, &Options { window_bits: 8, ..Options::default() }, b"abc");
        assert_eq!(&z[..2], &[0x18, 0x95], "windowBits 8 becomes 9 as in zlib");
        let z = ok(b, Mode::Deflate, &Options { level: 9, ..Options::default() }, b"abc");
        assert_eq!(&z[..2], &[0x78, 0xda]);
    }
}

#[test]
fn every_flush_mode_emits_decodable_output() {
    let data = sample(50_000);
    for b in backends() {
        for (cmode, dmode) in ZLIB_MODES {
            for flush in [Flush::Partial, Flush::Sync, Flush::Full] {
                let mut c = codec(b, cmode, &Options::default());
                let mut d = codec(b, dmode, &Options::default());
                let mut plain = Vec::new();
                let mut buf = vec![0u8; 300_000];
                let mut dbuf = vec![0u8; 300_000];
                for piece in data.chunks(10_000) {
                    let p = c.process(piece, &mut buf, flush).unwrap();
                    assert_eq!(p.consumed, piece.len());
                    assert!(!p.stream_end);
                    // After the flush everything so far decodes, before the stream ends.
                    let q = d.process(&buf[..p.produced], &mut dbuf, Flush::None).unwrap();
                    assert_eq!(q.consumed, p.produced);
                    plain.extend_from_slice(&dbuf[..q.produced]);
                    let want = &data[..plain.len()];
                    assert_eq!(plain, want);
                    if flush != Flush::Partial {
                        assert_eq!(
                            plain.len(),
                            data.len().min(plain.len().max(1)).max(plain.len())
                        );
                    }
                }
                if flush != Flush::Partial {
                    assert_eq!(plain, data, "{} {cmode:?} {flush:?}", b.name());
                }
                let p = c.process(&[], &mut buf, Flush::Finish).unwrap();
                assert!(p.stream_end);
                let q = d.process(&buf[..p.produced], &mut dbuf, Flush::Finish).unwrap();
                assert!(q.stream_end);
                plain.extend_from_slice(&dbuf[..q.produced]);
                assert_eq!(plain, data);
            }
        }
    }
}

#[test]
fn full_flush_allows_restart_from_raw_boundary() {
    for b in backends() {
        let mut c = codec(b, Mode::DeflateRaw, &Options::default());
        let mut buf = vec![0u8; 10_000];
        let first = c.process(b"hello hello hello ", &mut buf, Flush::Full).unwrap().produced;
        let rest = c.process(b"hello again", &mut buf[first..], Flush::Finish).unwrap();
        // A decoder started at the full-flush point needs no earlier history.
        let out = ok(b, Mode::InflateRaw, &Options::default(), &buf[first..first + rest.produced]);
        assert_eq!(out, b"hello again");
    }
}

#[test]
fn byte_at_a_time_streaming_both_ways() {
    let data = sample(3000);
    for b in backends() {
        for (cmode, dmode) in
            ZLIB_MODES.into_iter().chain([(Mode::Gzip, Mode::Unzip), (Mode::Deflate, Mode::Unzip)])
        {
            let z = stream(codec(b, cmode, &Options::default()).as_mut(), &data, 1, 1).unwrap();
            let back = stream(codec(b, dmode, &Options::default()).as_mut(), &z, 1, 1).unwrap();
            assert_eq!(back, data, "{} {dmode:?}", b.name());
        }
    }
    for (c, d) in
        [(Mode::BrotliEncode, Mode::BrotliDecode), (Mode::ZstdCompress, Mode::ZstdDecompress)]
    {
        let z = stream(new_codec(c, &Options::default()).unwrap().as_mut(), &data, 1, 1).unwrap();
        let back = stream(new_codec(d, &Options::default()).unwrap().as_mut(), &z, 1, 1).unwrap();
        assert_eq!(back, data, "{d:?}");
    }
}

#[test]
fn gzip_multi_member_and_trailing_data_like_node() {
    for b in backends() {
        let o = Options::default();
        let g1 = ok(b, Mode::Gzip, &o, b"abc");
        let g2 = ok(b, Mode::Gzip, &o, b"def");
        let cat = |parts: &[&[u8]]| parts.concat();
        for mode in [Mode::Gunzip, Mode::Unzip] {
            assert_eq!(ok(b, mode, &o, &cat(&[&g1, &g2])), b"abcdef");
            assert_eq!(
                ok(b, mode, &o, &cat(&[&g1, &g2, &[0; 10]])),
                b"abcdef",
                "zero padding is ignored"
            );
            assert_eq!(
                ok(b, mode, &o, &cat(&[&g1, &[0, 0], b"junk"])),
                b"abc",
                "all after zeros ignored"
            );
            let e = err(b, mode, &cat(&[&g1, b"hello"]));
            assert_eq!(
                (e.code, e.errno, e.message.as_str()),
                ("Z_DATA_ERROR", -3, "incorrect header check")
            );
            let e = err(b, mode, &cat(&[&g1, &g2, &[0x1f, 0x8b, 0xff, 0xff]]));
            assert_eq!(e.message, "unknown compression method");
            let e = err(b, mode, &cat(&[&g1, &[0x1f]]));
            assert_eq!(
                (e.code, e.errno, e.message.as_str()),
                ("Z_BUF_ERROR", -5, "unexpected end of file")
            );
        }
        // zlib and raw streams ignore whatever follows their end.
        let z = ok(b, Mode::Deflate, &o, b"abc");
        assert_eq!(ok(b, Mode::Inflate, &o, &cat(&[&z, b"hello"])), b"abc");
        assert_eq!(ok(b, Mode::Inflate, &o, &cat(&[&z, &z])), b"abc");
        assert_eq!(ok(b, Mode::Unzip, &o, &cat(&[&z, b"hello"])), b"abc");
        let r = ok(b, Mode::DeflateRaw, &o, b"abc");
        assert_eq!(ok(b, Mode::InflateRaw, &o, &cat(&[&r, b"hello"])), b"abc");
        // Members arriving in separate writes, byte by byte.
        let both = cat(&[&g1, &g2]);
        assert_eq!(stream(codec(b, Mode::Gunzip, &o).as_mut(), &both, 1, 1).unwrap(), b"abcdef");
    }
}

#[test]
fn gzip_optional_header_fields() {
    let body = ok(backends()[0], Mode::DeflateRaw, &Options::default(), b"payload");
    let crc = crc32(b"payload", 0);
    let mut header = vec![0x1f, 0x8b, 8, 0x02 | 0x04 | 0x08 | 0x10, 1, 2, 3, 4, 0, 3];
    header.extend_from_slice(&[3, 0, b'x', b'y', b'z']);
    header.extend_from_slice(b"name.txt\0a comment\0");
    let hcrc = (crc32(&header, 0) & 0xffff) as u16;
    let mut good = header.clone();
    good.extend_from_slice(&hcrc.to_le_bytes());
    good.extend_from_slice(&body);
    good.extend_from_slice(&crc.to_le_bytes());
    good.extend_from_slice(&7u32.to_le_bytes());
    for b in backends() {
        assert_eq!(ok(b, Mode::Gunzip, &Options::default(), &good), b"payload");
        assert_eq!(
            stream(codec(b, Mode::Unzip, &Options::default()).as_mut(), &good, 1, 1).unwrap(),
            b"payload"
        );
        let mut bad = good.clone();
        bad[header.len()] ^= 1;
        assert_eq!(err(b, Mode::Gunzip, &bad).message, "header crc mismatch");
        let mut flags = good.clone();
        flags[3] |= 0x20;
        assert_eq!(err(b, Mode::Gunzip, &flags).message, "unknown header flags set");
    }
}

#[test]
fn truncated_input_is_unexpected_end_of_file() {
    let data = sample(20_000);
    for b in backends() {
        for (cmode, dmode) in ZLIB_MODES {
            let z = ok(b, cmode, &Options::default(), &data);
            for cut in [0, 1, 2, 5, z.len() / 2, z.len() - 1] {
                let e = err(b, dmode, &z[..cut]);
                assert_eq!(
                    (e.code, e.errno, e.message.as_str()),
                    ("Z_BUF_ERROR", -5, "unexpected end of file"),
                    "{} {dmode:?} cut {cut}",
                    b.name()
                );
            }
        }
    }
    let br = compress_all(Mode::BrotliEncode, &data, &Options::default()).unwrap();
    let e =
        decompress_all(Mode::BrotliDecode, &br[..br.len() - 3], &Options::default()).unwrap_err();
    assert_eq!((e.code, e.message.as_str()), ("Z_BUF_ERROR", "unexpected end of file"));
    // Node 25 reports no error for a cut zstd frame; neither do we.
    let zs = compress_all(Mode::ZstdCompress, &data, &Options::default()).unwrap();
    assert!(decompress_all(Mode::ZstdDecompress, &zs[..zs.len() - 3], &Options::default()).is_ok());
}

#[test]
fn corrupt_input_reports_zlib_messages() {
    for b in backends() {
        let o = Options::default();
        let z = ok(b, Mode::Deflate, &o, b"hello world");
        let g = ok(b, Mode::Gzip, &o, b"hello world");
        let cases: Vec<(Mode, Vec<u8>, &str)> = vec![
            (Mode::Inflate, b"hello world".to_vec(), "incorrect header check"),
            (Mode::Gunzip, b"hello world".to_vec(), "incorrect header check"),
            (Mode::Unzip, b"hello world".to_vec(), "incorrect header check"),
            (Mode::Inflate, vec![0x79, 0x9c, 1, 2], "incorrect header check"),
            (Mode::Inflate, vec![0x77, 0x85, 1, 2], "unknown compression method"),
            (Mode::Inflate, vec![0x88, 0x98, 1, 2], "invalid window size"),
            (
                Mode::Inflate,
                {
                    let mut v = z.clone();
                    *v.last_mut().unwrap() ^= 1;
                    v
                },
                "incorrect data check",
            ),
            (
                Mode::Gunzip,
                {
                    let mut v = g.clone();
                    let n = v.len();
                    v[n - 6] ^= 1;
                    v
                },
                "incorrect data check",
            ),
            (
                Mode::Gunzip,
                {
                    let mut v = g.clone();
                    let n = v.len();
                    v[n - 2] ^= 1;
                    v
                },
                "incorrect length check",
            ),
            (
                Mode::Gunzip,
                {
                    let mut v = g.clone();
                    v[2] = 7;
                    v
                },
                "unknown compression method",
            ),
        ];
        for (mode, input, message) in cases {
            let e = err(b, mode, &input);
            assert_eq!(
                (e.code, e.errno, e.message.as_str()),
                ("Z_DATA_ERROR", -3, message),
                "{} {mode:?}",
                b.name()
            );
        }
        // A window smaller than the stream's is refused, as zlib does.
        let e = run(b, Mode::Inflate, &Options { window_bits: 9, ..o.clone() }, &z).unwrap_err();
        assert_eq!(e.message, "invalid window size");
        // A stored block whose length check fails.
        let e = err(b, Mode::InflateRaw, &[1, 5, 0, 5, 1, 1, 2, 3, 4, 5]);
        assert_eq!((e.code, e.errno), ("Z_DATA_ERROR", -3));
        if b.name() == "zlib-rs" {
            assert_eq!(e.message, "invalid stored block lengths");
        }
        // The codec stays failed.
        let mut c = codec(b, Mode::Inflate, &o);
        let mut buf = [0u8; 64];
        assert!(c.process(b"hello", &mut buf, Flush::None).is_err());
        assert!(c.process(&z, &mut buf, Flush::None).is_err());
        c.reset().unwrap();
        assert_eq!(c.process(&z, &mut buf, Flush::Finish).unwrap().produced, 11, "reset recovers");
    }
    let e =
        decompress_all(Mode::BrotliDecode, b"garbage data here", &Options::default()).unwrap_err();
    assert!(e.code.starts_with("ERR__ERROR_FORMAT_"), "{e}");
    assert_eq!(e.message, "Decompression failed");
    let e = decompress_all(Mode::ZstdDecompress, b"garbage data here", &Options::default())
        .unwrap_err();
    assert_eq!(
        (e.code, e.errno, e.message.as_str()),
        ("ZSTD_error_prefix_unknown", 10, "Unknown frame descriptor")
    );
    let mut zs = compress_all(Mode::ZstdCompress, &sample(5000), &Options::default()).unwrap();
    let n = zs.len();
    zs[n - 1] ^= 1;
    let e = decompress_all(Mode::ZstdDecompress, &zs, &Options::default()).unwrap_err();
    assert_eq!(e.code, "ZSTD_error_corruption_detected");
}

#[test]
fn preset_dictionary() {
    let dict = b"hello world dictionary words".to_vec();
    let with = Options { dictionary: Some(dict.clone()), ..Options::default() };
    let text = b"hello world hello dictionary";
    for b in backends() {
        if !b.supports_dictionary() {
            let e = new_codec_with(b, Mode::Deflate, &with).err().unwrap();
            assert_eq!(e.code, "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM");
            assert!(e.message.contains(b.name()));
            assert!(new_codec_with(b, Mode::Inflate, &with).is_err());
            // gzip ignores dictionaries in Node, so it still works here.
            assert!(new_codec_with(b, Mode::Gzip, &with).is_ok());
            continue;
        }
        let z = ok(b, Mode::Deflate, &with, text);
        assert_eq!(z[1] & 0x20, 0x20, "FDICT set");
        assert_eq!(ok(b, Mode::Inflate, &with, &z), text);
        assert_eq!(
            ok(
                b,
                Mode::Unzip,
                &Options { dictionary: None, ..with.clone() },
                &ok(b, Mode::Gzip, &with, text)
            ),
            text
        );
        let e = err(b, Mode::Inflate, &z);
        assert_eq!((e.code, e.errno, e.message.as_str()), ("Z_NEED_DICT", 2, "Missing dictionary"));
        let e = run(
            b,
            Mode::Inflate,
            &Options { dictionary: Some(b"other".to_vec()), ..Options::default() },
            &z,
        )
        .unwrap_err();
        assert_eq!((e.code, e.message.as_str()), ("Z_NEED_DICT", "Bad dictionary"));
        let r = ok(b, Mode::DeflateRaw, &with, text);
        assert_eq!(ok(b, Mode::InflateRaw, &with, &r), text);
        // Reset re-installs the dictionary.
        let mut c = codec(b, Mode::Deflate, &with);
        let first = process_all(c.as_mut(), text, 1024, usize::MAX).unwrap();
        c.reset().unwrap();
        assert_eq!(process_all(c.as_mut(), text, 1024, usize::MAX).unwrap(), first);
    }
}

#[test]
fn zip_bomb_stops_at_max_output_length() {
    let zeros = vec![0u8; 64 << 20];
    for b in backends() {
        for (cmode, dmode) in ZLIB_MODES {
            let bomb = ok(b, cmode, &Options { level: 9, ..Options::default() }, &zeros);
            assert!(bomb.len() < 200_000);
            let capped = Options { max_output_length: 1 << 20, ..Options::default() };
            let e = run(b, dmode, &capped, &bomb).unwrap_err();
            assert_eq!(
                (e.code, e.message.as_str()),
                ("ERR_BUFFER_TOO_LARGE", "Cannot create a Buffer larger than 1048576 bytes")
            );
            let exact = Options { max_output_length: zeros.len(), ..Options::default() };
            assert_eq!(run(b, dmode, &exact, &bomb).unwrap().len(), zeros.len());
        }
    }
    let capped = Options { max_output_length: 1000, ..Options::default() };
    for (c, d) in
        [(Mode::BrotliEncode, Mode::BrotliDecode), (Mode::ZstdCompress, Mode::ZstdDecompress)]
    {
        let bomb = compress_all(c, &zeros[..8 << 20], &Options::default()).unwrap();
        assert_eq!(decompress_all(d, &bomb, &capped).unwrap_err().code, "ERR_BUFFER_TOO_LARGE");
    }
}

#[test]
fn crc32_vectors() {
    assert_eq!(crc32(b"", 0), 0);
    assert_eq!(crc32(b"123456789", 0), 0xCBF4_3926);
    assert_eq!(crc32(b"hello", 0), 907_060_870);
    assert_eq!(crc32(b"world", crc32(b"hello ", 0)), 222_957_957);
    assert_eq!(crc32(b"hello world", 0), 222_957_957);
    assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog", 0), 0x414F_A339);
}

#[test]
fn options_validated_like_node() {
    let e = new_codec(Mode::Deflate, &Options { level: 10, ..Options::default() }).err().unwrap();
    assert_eq!(e.code, "ERR_OUT_OF_RANGE");
    assert_eq!(
        e.message,
        "The value of \"options.level\" is out of range. It must be >= -1 and <= 9. Received 10"
    );
    let e =
        new_codec(Mode::Deflate, &Options { mem_level: 10, ..Options::default() }).err().unwrap();
    assert!(e.message.contains("options.memLevel"));
    let e = new_codec(Mode::Gzip, &Options { window_bits: 8, ..Options::default() }).err().unwrap();
    assert!(e.message.contains("It must be >= 9 and <= 15. Received 8"));
    assert!(new_codec(Mode::DeflateRaw, &Options { window_bits: 8, ..Options::default() }).is_ok());
    assert!(new_codec(Mode::Gunzip, &Options { window_bits: 8, ..Options::default() }).is_ok());
    assert_eq!(Strategy::from_node(5).unwrap_err().code, "ERR_OUT_OF_RANGE");
    assert!(new_codec(Mode::Inflate, &Options { chunk_size: 10, ..Options::default() }).is_err());
    let e = new_codec(
        Mode::BrotliEncode,
        &Options { brotli_params: vec![(99, 1)], ..Options::default() },
    )
    .err()
    .unwrap();
    assert_eq!(e.code, "ERR_BROTLI_INVALID_PARAM");
    assert_eq!(Mode::from_node(9), Some(Mode::BrotliEncode));
    assert_eq!(Flush::from_node(4), Some(Flush::Finish));
}

#[test]
fn params_change_level_mid_stream() {
    let data = sample(100_000);
    for b in backends() {
        for (cmode, dmode) in ZLIB_MODES {
            let mut c = codec(b, cmode, &Options { level: 1, ..Options::default() });
            let mut out = vec![0u8; 400_000];
            let p1 = c.process(&data[..50_000], &mut out, Flush::Sync).unwrap();
            c.set_params(9, Strategy::Filtered).unwrap();
            let p1b =
                c.process(&data[50_000..60_000], &mut out[p1.produced..], Flush::None).unwrap();
            // Without a flush first: the codec flushes the old engine itself.
            c.set_params(2, Strategy::Default).unwrap();
            let p1 = io::compress::Progress { produced: p1.produced + p1b.produced, ..p1 };
            let p2 = c.process(&data[60_000..], &mut out[p1.produced..], Flush::Finish).unwrap();
            assert!(p2.stream_end, "{} {cmode:?} {p1:?} {p2:?}", b.name());
            let z = &out[..p1.produced + p2.produced];
            assert_eq!(ok(b, dmode, &Options::default(), z), data);
            // Before any data, the strategy may change too.
            let mut c = codec(b, cmode, &Options::default());
            c.set_params(3, Strategy::Rle).unwrap();
            let z = process_all(c.as_mut(), &data, 16384, usize::MAX).unwrap();
            assert_eq!(ok(b, dmode, &Options::default(), &z), data);
        }
    }
}

#[test]
fn brotli_and_zstd_roundtrip() {
    let data = sample(300_000);
    for q in [0u32, 5, 11] {
        let o =
            Options { brotli_params: vec![(1, q), (5, data.len() as u32)], ..Options::default() };
        let z = compress_all(Mode::BrotliEncode, &data, &o).unwrap();
        assert!(z.len() < data.len() / 2, "q{q}: {}", z.len());
        assert_eq!(decompress_all(Mode::BrotliDecode, &z, &Options::default()).unwrap(), data);
    }
    // Brotli flush makes everything so far decodable.
    let mut c = new_codec(Mode::BrotliEncode, &Options::default()).unwrap();
    let mut d = new_codec(Mode::BrotliDecode, &Options::default()).unwrap();
    let (mut buf, mut dbuf) = (vec![0u8; 100_000], vec![0u8; 100_000]);
    let p = c.process(&data[..10_000], &mut buf, Flush::Sync).unwrap();
    let q = d.process(&buf[..p.produced], &mut dbuf, Flush::None).unwrap();
    assert_eq!(&dbuf[..q.produced], &data[..10_000]);
    let o = Options { zstd_params: vec![(100, 19)], ..Options::default() };
    let z = compress_all(Mode::ZstdCompress, &data, &o).unwrap();
    assert!(z.len() < data.len() / 2, "{}", z.len());
    assert_eq!(decompress_all(Mode::ZstdDecompress, &z, &Options::default()).unwrap(), data);
    // Node decodes the first frame only and ignores the rest.
    let two = [z.clone(), z.clone(), b"junk".to_vec()].concat();
    assert_eq!(decompress_all(Mode::ZstdDecompress, &two, &Options::default()).unwrap(), data);
}

// ---- interop with a real Node ----

fn node() -> Option<String> {
    let bin = std::env::var("OXNODE_TEST_NODE").unwrap_or_else(|_| "node".into());
    match Command::new(&bin).arg("--version").output() {
        Ok(out) if out.status.success() => Some(bin),
        _ => None,
    }
}

const NODE_SCRIPT: &str = r#"
const z = require('zlib');
const [fn, optsJson] = process.argv.slice(1);
const chunks = [];
process.stdin.on('data', (d) => chunks.push(d)).on('end', () => {
  const opts = JSON.parse(optsJson);
  if (opts.dictionary) opts.dictionary = Buffer.from(opts.dictionary);
  if (opts.params) opts.params = Object.fromEntries(Object.entries(opts.params).map(([k, v]) => [z.constants[k], v]));
  try {
    process.stdout.write(z[fn](Buffer.concat(chunks), opts));
  } catch (e) {
    process.stderr.write(`${e.code}|${e.errno}|${e.message}`);
    process.exit(3);
  }
});
"#;

/// Runs `zlib[fnName](stdin, opts)` in Node; Err carries "code|errno|message".
fn node_zlib(bin: &str, func: &str, opts: &str, input: &[u8]) -> Result<Vec<u8>, String> {
    let mut child = Command::new(bin)
        .args(["-e", NODE_SCRIPT, func, opts])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn node");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

#[test]
fn node_interop_zlib_family() {
    let Some(bin) = node() else {
        println!("node not found (set OXNODE_TEST_NODE): Node interop not checked");
        return;
    };
    let data = sample(300_000);
    let pairs = [
        (Mode::Deflate, "deflateSync", "inflateSync"),
        (Mode::Gzip, "gzipSync", "gunzipSync"),
        (Mode::DeflateRaw, "deflateRawSync", "inflateRawSync"),
    ];
    for b in backends() {
        for (mode, node_c, node_d) in pairs {
            for (opts, js) in [
                (Options::default(), "{}"),
                (
                    Options { level: 1, window_bits: 10, mem_level: 3, ..Options::default() },
                    r#"{"level":1,"windowBits":10,"memLevel":3}"#,
                ),
                (
                    Options { level: 9, strategy: Strategy::Filtered, ..Options::default() },
                    r#"{"level":9,"strategy":1}"#,
                ),
                (Options { strategy: Strategy::Fixed, ..Options::default() }, r#"{"strategy":4}"#),
            ] {
                let ours = ok(b, mode, &opts, &data);
                let back = node_zlib(&bin, node_d, js, &ours)
                    .unwrap_or_else(|e| panic!("node {node_d} {js} of {} output: {e}", b.name()));
                assert_eq!(back, data, "node {node_d} {js} of {} output", b.name());
                let theirs = node_zlib(&bin, node_c, js, &data).unwrap();
                let dmode = mode.inverse();
                assert_eq!(
                    ok(b, dmode, &opts, &theirs),
                    data,
                    "{} {dmode:?} of node {node_c}",
                    b.name()
                );
            }
        }
        // Node's unzip takes our gzip; our unzip takes Node's deflate.
        assert_eq!(
            node_zlib(&bin, "unzipSync", "{}", &ok(b, Mode::Gzip, &Options::default(), &data))
                .unwrap(),
            data
        );
        let nz = node_zlib(&bin, "deflateSync", "{}", &data).unwrap();
        assert_eq!(ok(b, Mode::Unzip, &Options::default(), &nz), data);
        // Same errors as Node for the same bad input.
        for (mode, func, input) in [
            (Mode::Inflate, "inflateSync", b"hello world".to_vec()),
            (
                Mode::Gunzip,
                "gunzipSync",
                [ok(b, Mode::Gzip, &Options::default(), b"abc"), b"xyz".to_vec()].concat(),
            ),
            (Mode::Inflate, "inflateSync", nz[..nz.len() / 2].to_vec()),
        ] {
            let e = run(b, mode, &Options::default(), &input).unwrap_err();
            assert_eq!(
                node_zlib(&bin, func, "{}", &input).unwrap_err(),
                format!("{}|{}|{}", e.code, e.errno, e.message)
            );
        }
        if b.supports_dictionary() {
            let dict = b"{\"alpha\":\"beta\",\"gamma\":";
            let opts = Options { dictionary: Some(dict.to_vec()), ..Options::default() };
            let js = format!("{{\"dictionary\":{:?}}}", std::str::from_utf8(dict).unwrap());
            let ours = ok(b, Mode::Deflate, &opts, &data);
            assert_eq!(node_zlib(&bin, "inflateSync", &js, &ours).unwrap(), data);
            let theirs = node_zlib(&bin, "deflateSync", &js, &data).unwrap();
            assert_eq!(ok(b, Mode::Inflate, &opts, &theirs), data);
        }
    }
}

#[test]
fn node_interop_brotli() {
    let Some(bin) = node() else {
        println!("node not found (set OXNODE_TEST_NODE): Node brotli interop not checked");
        return;
    };
    let data = sample(200_000);
    for (q, js) in [(11u32, "{}"), (4, r#"{"params":{"BROTLI_PARAM_QUALITY":4}}"#)] {
        let ours = compress_all(
            Mode::BrotliEncode,
            &data,
            &Options { brotli_params: vec![(1, q)], ..Options::default() },
        )
        .unwrap();
        assert_eq!(node_zlib(&bin, "brotliDecompressSync", "{}", &ours).unwrap(), data);
        let theirs = node_zlib(&bin, "brotliCompressSync", js, &data).unwrap();
        assert_eq!(decompress_all(Mode::BrotliDecode, &theirs, &Options::default()).unwrap(), data);
    }
}

#[test]
fn node_interop_zstd() {
    let Some(bin) = node() else {
        println!("node not found (set OXNODE_TEST_NODE): Node zstd interop not checked");
        return;
    };
    let has_zstd = Command::new(&bin)
        .args([
            "-e",
            "process.exit(typeof require('zlib').zstdCompressSync === 'function' ? 0 : 1)",
        ])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !has_zstd {
        println!(
            "this node has no zlib.zstdCompress (needs Node >= 23.8): zstd interop not checked"
        );
        return;
    }
    let data = sample(300_000);
    let ours = compress_all(Mode::ZstdCompress, &data, &Options::default()).unwrap();
    assert_eq!(node_zlib(&bin, "zstdDecompressSync", "{}", &ours).unwrap(), data);
    for js in ["{}", r#"{"params":{"ZSTD_c_compressionLevel":19}}"#] {
        let theirs = node_zlib(&bin, "zstdCompressSync", js, &data).unwrap();
        assert_eq!(
            decompress_all(Mode::ZstdDecompress, &theirs, &Options::default()).unwrap(),
            data
        );
    }
    let e = decompress_all(Mode::ZstdDecompress, b"garbage data here", &Options::default())
        .unwrap_err();
    assert_eq!(
        node_zlib(&bin, "zstdDecompressSync", "{}", b"garbage data here").unwrap_err(),
        format!("{}|{}|{}", e.code, e.errno, e.message)
    );
}
