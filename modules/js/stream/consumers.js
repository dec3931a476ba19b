'use strict';
// `stream/consumers`: read a whole stream (Node Readable, web ReadableStream or any async
// iterable of chunks) into one value — a Blob, ArrayBuffer, Buffer, Uint8Array, string
// or parsed JSON.

const { Blob } = require('internal/blob');
const { TextDecoder } = require('internal/encoding');

async function blob(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new Blob(chunks);
}

async function arrayBuffer(stream) {
  const collected = await blob(stream);
  return collected.arrayBuffer();
}

async function bytes(stream) {
  const collected = await blob(stream);
  return collected.bytes();
}

async function buffer(stream) {
  return Buffer.from(await arrayBuffer(stream));
}

async function text(stream) {
  const decoder = new TextDecoder();
  let result = '';
  for await (const chunk of stream) {
    result += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  // Flush a multi-byte character left incomplete by the last chunk.
  result += decoder.decode(undefined, { stream: false });
  return result;
}

async function json(stream) {
  return JSON.parse(await text(stream));
}

module.exports = { arrayBuffer, blob, buffer, bytes, text, json };
