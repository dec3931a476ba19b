'use strict';
// RFC 6455 framing for the WebSocket client: building masked client frames, and a byte
// parser that turns the server's stream back into messages (reassembling fragments,
// answering pings, reading the close frame) and reports protocol errors with the close code
// and reason Node's WebSocket (undici) sends for them. No extension is negotiated, so the
// RSV bits must be clear.

const { randomFillSync } = require('internal/crypto/random');

/** The GUID the server appends to Sec-WebSocket-Key before hashing (RFC 6455 §1.3). */
const kGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** Frame opcodes (RFC 6455 §5.2). */
const opcodes = {
  CONTINUATION: 0x0,
  TEXT: 0x1,
  BINARY: 0x2,
  CLOSE: 0x8,
  PING: 0x9,
  PONG: 0xa,
};

/** The largest message accepted, as undici's: a payload length over 2^31 - 1 is refused. */
const kMaxPayload = 2 ** 31 - 1;

// Mask keys come from a pool of random bytes refilled 8 KiB at a time, so a small send does
// not pay for a call into the random source.
const kPoolSize = 8 * 1024;
let pool = null;
let poolOffset = kPoolSize;

function maskKey() {
  if (poolOffset === kPoolSize) {
    pool ??= Buffer.allocUnsafeSlow(kPoolSize);
    randomFillSync(pool, 0, kPoolSize);
    poolOffset = 0;
  }
  const key = pool.subarray(poolOffset, poolOffset + 4);
  poolOffset += 4;
  return key;
}

/**
 * One complete (FIN) client frame: header, mask key and the masked payload.
 * @param {number} opcode
 * @param {Uint8Array} [payload]
 * @returns {Buffer}
 */
function createFrame(opcode, payload = undefined) {
  const length = payload?.byteLength ?? 0;
  let offset = 2;
  let lengthField = length;
  if (length > 0xffff) {
    offset += 8;
    lengthField = 127;
  } else if (length > 125) {
    offset += 2;
    lengthField = 126;
  }
  const frame = Buffer.allocUnsafe(offset + 4 + length);
  frame[0] = 0x80 | opcode;
  frame[1] = 0x80 | lengthField;
  if (lengthField === 126) {
    frame.writeUInt16BE(length, 2);
  } else if (lengthField === 127) {
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  const key = maskKey();
  frame[offset] = key[0];
  frame[offset + 1] = key[1];
  frame[offset + 2] = key[2];
  frame[offset + 3] = key[3];
  offset += 4;
  for (let i = 0; i < length; i++) {
    frame[offset + i] = payload[i] ^ key[i & 3];
  }
  return frame;
}

/** The body of a close frame: nothing, or the code and the UTF-8 reason. */
function closeFrameBody(code, reason) {
  if (code === null) return undefined;
  const body = Buffer.allocUnsafe(2 + Buffer.byteLength(reason));
  body.writeUInt16BE(code, 0);
  body.write(reason, 2, 'utf8');
  return body;
}

function isControl(opcode) {
  return opcode === opcodes.CLOSE || opcode === opcodes.PING || opcode === opcodes.PONG;
}

function isData(opcode) {
  return opcode === opcodes.TEXT || opcode === opcodes.BINARY;
}

function isValidOpcode(opcode) {
  return isData(opcode) || opcode === opcodes.CONTINUATION || isControl(opcode);
}

/** Close codes a peer may send (RFC 6455 §7.4): 1000-1014 but 1004-1006, and 3000-4999. */
function isValidCloseCode(code) {
  if (code >= 1000 && code < 1015) return code !== 1004 && code !== 1005 && code !== 1006;
  return code >= 3000 && code <= 4999;
}

const fatalDecoder = new (require('internal/encoding').TextDecoder)('utf-8', { fatal: true });

/** Strict UTF-8 decoding (a leading BOM dropped, as TextDecoder does); throws on bad input. */
function utf8Decode(bytes) {
  return fatalDecoder.decode(bytes);
}

const kReadHeader = 0;
const kReadLength16 = 1;
const kReadLength64 = 2;
const kReadPayload = 3;

/**
 * Parses the server's byte stream. The handler gets:
 *   onMessage(opcode, payload)  a complete text or binary message;
 *   onClose(code, reason)       a valid close frame (code undefined when it had no body);
 *   onPing(payload)             a ping, to be answered;
 *   onError(code, reason)       a protocol error: fail the connection with that close code.
 * After a close frame or an error the parser ignores the rest of the stream.
 */
class FrameParser {
  constructor(handler) {
    this.handler = handler;
    this.chunks = [];
    this.buffered = 0;
    this.state = kReadHeader;
    this.stopped = false;
    this.fin = false;
    this.opcode = 0;
    this.payloadLength = 0;
    // The message being reassembled from fragments.
    this.messageOpcode = 0;
    this.fragments = [];
    this.fragmentBytes = 0;
    this.closeInfo = null;
  }

  /** Feeds bytes read from the socket. */
  write(chunk) {
    if (this.stopped) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    this.run();
  }

  run() {
    while (!this.stopped) {
      if (this.state === kReadHeader) {
        if (this.buffered < 2) return;
        const head = this.consume(2);
        if (!this.readHeader(head[0], head[1])) return;
      } else if (this.state === kReadLength16) {
        if (this.buffered < 2) return;
        this.payloadLength = this.consume(2).readUInt16BE(0);
        this.state = kReadPayload;
      } else if (this.state === kReadLength64) {
        if (this.buffered < 8) return;
        const bytes = this.consume(8);
        const length = bytes.readUInt32BE(0) * 2 ** 32 + bytes.readUInt32BE(4);
        if (length > kMaxPayload) {
          this.fail(1009, 'Received payload length > 2^31 bytes.');
          return;
        }
        this.payloadLength = length;
        this.state = kReadPayload;
      } else {
        if (this.buffered < this.payloadLength) return;
        const payload = this.consume(this.payloadLength);
        this.state = kReadHeader;
        if (isControl(this.opcode)) {
          this.controlFrame(payload);
        } else {
          this.dataFrame(payload);
        }
      }
    }
  }

  // Checks the first two header bytes; false when the connection failed.
  readHeader(b0, b1) {
    const fin = (b0 & 0x80) !== 0;
    const opcode = b0 & 0x0f;
    const masked = (b1 & 0x80) !== 0;
    const length = b1 & 0x7f;
    const fragmented = !fin && opcode !== opcodes.CONTINUATION;
    if (!isValidOpcode(opcode)) return this.fail(1002, 'Invalid opcode received');
    if (masked) return this.fail(1002, 'Frame cannot be masked');
    // RSV1 would mean permessage-deflate, which this client never offers.
    if ((b0 & 0x40) !== 0) return this.fail(1002, 'Expected RSV1 to be clear.');
    if ((b0 & 0x30) !== 0) return this.fail(1002, 'RSV1, RSV2, RSV3 must be clear');
    if (fragmented && !isData(opcode)) {
      return this.fail(1002, 'Invalid frame type was fragmented.');
    }
    if (isData(opcode) && this.fragments.length > 0) {
      return this.fail(1002, 'Expected continuation frame');
    }
    if ((length > 125 || !fin) && isControl(opcode)) {
      return this.fail(1002, 'Control frame either too large or fragmented');
    }
    if (opcode === opcodes.CONTINUATION && this.messageOpcode === 0) {
      return this.fail(1002, 'Unexpected continuation frame');
    }
    this.fin = fin;
    this.opcode = opcode;
    if (isData(opcode)) this.messageOpcode = opcode;
    if (length === 126) {
      this.state = kReadLength16;
    } else if (length === 127) {
      this.state = kReadLength64;
    } else {
      this.payloadLength = length;
      this.state = kReadPayload;
    }
    return true;
  }

  dataFrame(payload) {
    if (this.fragmentBytes + payload.length > kMaxPayload) {
      this.fail(1009, 'Received payload length > 2^31 bytes.');
      return;
    }
    this.fragments.push(payload);
    this.fragmentBytes += payload.length;
    if (!this.fin) return;
    const message = this.fragments.length === 1 ? this.fragments[0] :
      Buffer.concat(this.fragments, this.fragmentBytes);
    const opcode = this.messageOpcode;
    this.fragments = [];
    this.fragmentBytes = 0;
    this.messageOpcode = 0;
    this.handler.onMessage(opcode, message);
  }

  controlFrame(payload) {
    if (this.opcode === opcodes.CLOSE) {
      if (payload.length === 1) {
        this.fail(1002, 'Received close frame with a 1-byte body.');
        return;
      }
      let code;
      if (payload.length >= 2) {
        code = payload.readUInt16BE(0);
        if (!isValidCloseCode(code)) {
          this.fail(1002, 'Invalid status code');
          return;
        }
      }
      let reason;
      try {
        reason = utf8Decode(payload.subarray(2));
      } catch {
        this.fail(1007, 'Invalid UTF-8');
        return;
      }
      this.stopped = true;
      this.closeInfo = { code, reason };
      this.handler.onClose(code, reason);
    } else if (this.opcode === opcodes.PING) {
      this.handler.onPing(payload);
    }
    // A pong needs no answer.
  }

  fail(code, reason) {
    this.stopped = true;
    this.handler.onError(code, reason);
    return false;
  }

  // Takes n bytes off the front of the buffered chunks.
  consume(n) {
    if (n === 0) return Buffer.alloc(0);
    this.buffered -= n;
    const first = this.chunks[0];
    if (first.length > n) {
      this.chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    if (first.length === n) return this.chunks.shift();
    const out = Buffer.allocUnsafe(n);
    let offset = 0;
    while (offset < n) {
      const next = this.chunks[0];
      const take = Math.min(next.length, n - offset);
      out.set(take === next.length ? next : next.subarray(0, take), offset);
      offset += take;
      if (take === next.length) this.chunks.shift();
      else this.chunks[0] = next.subarray(take);
    }
    return out;
  }
}

module.exports = {
  kGuid,
  opcodes,
  createFrame,
  closeFrameBody,
  utf8Decode,
  FrameParser,
};
