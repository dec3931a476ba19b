'use strict';
// node:worker_threads, for the main thread: isMainThread, threadId, parentPort and
// workerData as Node reports them there, and same-thread messaging (MessageChannel,
// MessagePort, BroadcastChannel, receiveMessageOnPort, markAsUntransferable). Starting
// workers (Worker) is not implemented yet and throws ERR_METHOD_NOT_IMPLEMENTED.

const {
  BroadcastChannel, MessageChannel, MessagePort, receiveMessageOnPort,
} = require('internal/worker/io');
const { isMarkedAsUntransferable, markAsUntransferable } = require('internal/structured_clone');

class Worker {
  constructor() {
    const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');
    throw new ERR_METHOD_NOT_IMPLEMENTED('Worker');
  }
}

module.exports = {
  isMainThread: true,
  threadId: 0,
  parentPort: null,
  workerData: null,
  resourceLimits: {},
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
  Worker,
  isInternalThread: false,
  getEnvironmentData() {},
  setEnvironmentData() {},
  BroadcastChannel,
  MessageChannel,
  MessagePort,
  receiveMessageOnPort,
  isMarkedAsUntransferable,
  markAsUntransferable,
};
