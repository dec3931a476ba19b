'use strict';
// The Performance API behind node:perf_hooks and the global `performance`: now() and
// timeOrigin, User Timing (mark, measure, the entry buffers and their getters/clearers),
// PerformanceEntry/Mark/Measure, PerformanceObserver with its entry list (delivered from a
// setImmediate, as in Node), timerify and eventLoopUtilization.
//
// Limits: oxnode's event loop does not measure its idle time, so eventLoopUtilization()
// reports zeros and nodeTiming's loopStart/idleTime are -1/0; there are no 'gc', 'http'
// or 'resource' entries ('net' and 'dns' ones come from those modules, through
// startPerf/stopPerf), and no histograms (monitorEventLoopDelay, createHistogram).

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
    ERR_PERFORMANCE_INVALID_TIMESTAMP,
    ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS,
  },
} = require('internal/errors');
const { validateFunction, validateNumber, validateObject } = require('internal/validators');
const { EventTarget, defineEventHandler } = require('internal/event_target');
const { now, getTimeOrigin } = require('internal/perf/utils');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kSkipThrow = Symbol('kSkipThrow');
const kName = Symbol('kName');
const kType = Symbol('kType');
const kStart = Symbol('kStart');
const kDuration = Symbol('kDuration');
const kDetail = Symbol('kDetail');

function inspect(value, options) {
  return require('internal/util/inspect').inspect(value, options);
}

function nestedOptions(options) {
  return Object.assign({}, options, {
    depth: options.depth == null ? options.depth : options.depth - 1,
  });
}

function isPerformanceEntry(value) {
  return value?.[kName] !== undefined;
}

class PerformanceEntry {
  constructor(skipThrowSymbol = undefined, name = undefined, type = undefined,
              start = undefined, duration = undefined, detail = undefined) {
    if (skipThrowSymbol !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kName] = name;
    this[kType] = type;
    this[kStart] = start;
    this[kDuration] = duration;
    this[kDetail] = detail;
  }

  get name() {
    if (!isPerformanceEntry(this)) throw new ERR_INVALID_THIS('PerformanceEntry');
    return this[kName];
  }

  get entryType() {
    if (!isPerformanceEntry(this)) throw new ERR_INVALID_THIS('PerformanceEntry');
    return this[kType];
  }

  get startTime() {
    if (!isPerformanceEntry(this)) throw new ERR_INVALID_THIS('PerformanceEntry');
    return this[kStart];
  }

  get duration() {
    if (!isPerformanceEntry(this)) throw new ERR_INVALID_THIS('PerformanceEntry');
    return this[kDuration];
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    return `${this.constructor.name} ${inspect(this.toJSON(), nestedOptions(options))}`;
  }

  toJSON() {
    if (!isPerformanceEntry(this)) throw new ERR_INVALID_THIS('PerformanceEntry');
    return {
      name: this[kName],
      entryType: this[kType],
      startTime: this[kStart],
      duration: this[kDuration],
    };
  }
}
for (const name of ['name', 'entryType', 'startTime', 'duration', 'toJSON']) {
  Object.defineProperty(PerformanceEntry.prototype, name, { enumerable: true });
}
Object.defineProperty(PerformanceEntry.prototype, Symbol.toStringTag, {
  value: 'PerformanceEntry', configurable: true,
});

// Entries that carry a `detail` (marks, measures, timerified calls).
function detailEntryJSON(entry) {
  return {
    name: entry[kName],
    entryType: entry[kType],
    startTime: entry[kStart],
    duration: entry[kDuration],
    detail: entry[kDetail],
  };
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (options !== undefined) validateObject(options, 'options');
    const startTime = options?.startTime ?? now();
    validateNumber(startTime, 'startTime');
    if (startTime < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(startTime);
    let detail = options?.detail;
    detail = detail != null ? structuredClone(detail) : null;
    super(kSkipThrow, name, 'mark', startTime, 0, detail);
  }

  get detail() {
    if (!isPerformanceEntry(this)) throw new ERR_INVALID_THIS('PerformanceMark');
    return this[kDetail];
  }

  toJSON() {
    return detailEntryJSON(this);
  }
}
Object.defineProperty(PerformanceMark.prototype, 'detail', { enumerable: true });
Object.defineProperty(PerformanceMark.prototype, Symbol.toStringTag, {
  value: 'PerformanceMark', configurable: true,
});

class PerformanceMeasure extends PerformanceEntry {
  constructor(skipThrowSymbol = undefined, name = undefined, type = undefined,
              start = undefined, duration = undefined, detail = undefined) {
    if (skipThrowSymbol !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(skipThrowSymbol, name, type, start, duration, detail);
  }

  get detail() {
    if (!isPerformanceEntry(this)) throw new ERR_INVALID_THIS('PerformanceMeasure');
    return this[kDetail];
  }

  toJSON() {
    return detailEntryJSON(this);
  }
}
Object.defineProperty(PerformanceMeasure.prototype, 'detail', { enumerable: true });
Object.defineProperty(PerformanceMeasure.prototype, Symbol.toStringTag, {
  value: 'PerformanceMeasure', configurable: true,
});

// A timerified call: a 'function' entry whose detail is the call's arguments.
class PerformanceFunctionEntry extends PerformanceEntry {
  get detail() {
    return this[kDetail];
  }

  toJSON() {
    return detailEntryJSON(this);
  }
}

// What the core modules report ('net' connects, 'dns' queries): an entry with a detail.
class PerformanceNodeEntry extends PerformanceEntry {
  get detail() {
    return this[kDetail];
  }

  toJSON() {
    return detailEntryJSON(this);
  }
}

// Node's startPerf/stopPerf: a module marks the start of an operation on `target` under
// `key` (only while someone observes its type), and its end enqueues the entry, the end's
// detail merged into the start's.
function startPerf(target, key, context) {
  target[key] = { ...context, startTime: now() };
}

function stopPerf(target, key, context = {}) {
  const started = target[key];
  if (started === undefined) return;
  target[key] = undefined;
  const { startTime } = started;
  enqueue(new PerformanceNodeEntry(kSkipThrow, started.name, started.type, startTime,
                                   now() - startTime, { ...started.detail, ...context.detail }));
}

// --- the process-wide timing of this runtime (performance.nodeTiming) --------------------
const kNodeTimingMilestones = ['nodeStart', 'v8Start', 'environment', 'bootstrapComplete',
                               'loopStart', 'loopExit'];

class PerformanceNodeTiming {
  constructor(skipThrowSymbol = undefined) {
    if (skipThrowSymbol !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get name() { return 'node'; }
  get entryType() { return 'node'; }
  get startTime() { return 0; }
  get duration() { return now(); }
  get nodeStart() { return 0; }
  get v8Start() { return 0; }
  get environment() { return 0; }
  get bootstrapComplete() { return bootstrapComplete; }
  get loopStart() { return -1; }
  get loopExit() { return -1; }
  get idleTime() { return 0; }
  get uvMetricsInfo() { return { loopCount: 0, events: 0, eventsWaiting: 0 }; }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    return `PerformanceNodeTiming ${inspect(this.toJSON(), nestedOptions(options))}`;
  }

  toJSON() {
    return {
      name: 'node',
      entryType: 'node',
      startTime: 0,
      duration: this.duration,
      nodeStart: this.nodeStart,
      v8Start: this.v8Start,
      bootstrapComplete: this.bootstrapComplete,
      environment: this.environment,
      loopStart: this.loopStart,
      loopExit: this.loopExit,
      idleTime: this.idleTime,
    };
  }
}
Object.setPrototypeOf(PerformanceNodeTiming.prototype, PerformanceEntry.prototype);
const nodeTiming = new PerformanceNodeTiming(kSkipThrow);
// Taken when this module first loads: the first use of the clock after bootstrap.
const bootstrapComplete = now();

// --- User Timing buffers -------------------------------------------------------------------
let markBuffer = [];
let measureBuffer = [];
const markTimes = new Map();

function filterBuffer(buffer, name, type) {
  return buffer.filter((entry) => (name === undefined || entry.name === name) &&
                                  (type === undefined || entry.entryType === type));
}

function sortedEntries(name, type) {
  const entries = [];
  if (type === undefined || type === 'mark') entries.push(...filterBuffer(markBuffer, name));
  if (type === undefined || type === 'measure') {
    entries.push(...filterBuffer(measureBuffer, name));
  }
  return entries.sort((a, b) => a.startTime - b.startTime);
}

function getMark(name) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(name);
    return name;
  }
  name = `${name}`;
  if (kNodeTimingMilestones.includes(name)) return nodeTiming[name];
  const time = markTimes.get(name);
  if (time === undefined) {
    const { DOMException } = require('internal/dom_exception');
    throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
  }
  return time;
}

function mark(name, options) {
  const entry = new PerformanceMark(name, options);
  markTimes.set(entry.name, entry.startTime);
  markBuffer.push(entry);
  enqueue(entry);
  return entry;
}

// The start and duration of a measure, from its options or its start and end marks.
function startAndDuration(startOrOptions, endMark) {
  startOrOptions ??= 0;
  let start;
  let end;
  let duration;
  let withOptions = false;
  if (typeof startOrOptions === 'object') {
    ({ start, end, duration } = startOrOptions);
    withOptions = start !== undefined || end !== undefined;
  }
  if (withOptions) {
    if (endMark !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS('endMark must not be specified');
    }
    if (start !== undefined && end !== undefined && duration !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
        'Must not have options.start, options.end, and options.duration specified');
    }
  }

  if (endMark !== undefined) {
    end = getMark(endMark);
  } else if (withOptions && end !== undefined) {
    end = getMark(end);
  } else if (withOptions && start !== undefined && duration !== undefined) {
    end = getMark(start) + getMark(duration);
  } else {
    end = now();
  }

  if (typeof startOrOptions === 'string') {
    start = getMark(startOrOptions);
  } else if (withOptions && start !== undefined) {
    start = getMark(start);
  } else if (withOptions && duration !== undefined && end !== undefined) {
    start = end - getMark(duration);
  } else {
    start = 0;
  }
  return { start, duration: end - start };
}

function measure(name, startOrOptions, endMark) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
  name = `${name}`;
  const { start, duration } = startAndDuration(startOrOptions, endMark);
  let detail = startOrOptions?.detail;
  detail = detail != null ? structuredClone(detail) : null;
  const entry = new PerformanceMeasure(kSkipThrow, name, 'measure', start, duration, detail);
  measureBuffer.push(entry);
  enqueue(entry);
  return entry;
}

function clearMarks(name) {
  if (name !== undefined) {
    name = `${name}`;
    markTimes.delete(name);
    markBuffer = markBuffer.filter((entry) => entry.name !== name);
  } else {
    markTimes.clear();
    markBuffer = [];
  }
}

function clearMeasures(name) {
  if (name !== undefined) {
    name = `${name}`;
    measureBuffer = measureBuffer.filter((entry) => entry.name !== name);
  } else {
    measureBuffer = [];
  }
}

// --- PerformanceObserver -------------------------------------------------------------------
const supportedEntryTypes = Object.freeze(['dns', 'function', 'gc', 'http', 'http2', 'mark',
                                           'measure', 'net', 'resource']);
const observers = new Set();
const pendingObservers = new Set();
let deliveryQueued = false;

const kBuffer = Symbol('kBuffer');
const kCallback = Symbol('kCallback');
const kEntryTypes = Symbol('kEntryTypes');
const kObserveType = Symbol('kObserveType');
const kEntries = Symbol('kEntries');

function queueDelivery() {
  if (deliveryQueued) return;
  deliveryQueued = true;
  setImmediate(() => {
    deliveryQueued = false;
    const pending = [...pendingObservers];
    pendingObservers.clear();
    for (const observer of pending) observer[kDeliver]();
  });
}
const kDeliver = Symbol('kDeliver');

function enqueue(entry) {
  for (const observer of observers) {
    if (observer[kEntryTypes].has(entry.entryType)) {
      observer[kBuffer].push(entry);
      pendingObservers.add(observer);
      queueDelivery();
    }
  }
}

function hasObserver(type) {
  for (const observer of observers) if (observer[kEntryTypes].has(type)) return true;
  return false;
}

class PerformanceObserverEntryList {
  constructor(skipThrowSymbol = undefined, entries = []) {
    if (skipThrowSymbol !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kEntries] = entries.slice().sort((a, b) => a.startTime - b.startTime);
  }

  getEntries() {
    if (this?.[kEntries] === undefined) throw new ERR_INVALID_THIS('PerformanceObserverEntryList');
    return this[kEntries].slice();
  }

  getEntriesByType(type) {
    if (this?.[kEntries] === undefined) throw new ERR_INVALID_THIS('PerformanceObserverEntryList');
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    type = `${type}`;
    return this[kEntries].filter((entry) => entry.entryType === type);
  }

  getEntriesByName(name, type = undefined) {
    if (this?.[kEntries] === undefined) throw new ERR_INVALID_THIS('PerformanceObserverEntryList');
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (type !== undefined) type = `${type}`;
    return this[kEntries].filter((entry) => entry.name === name &&
                                            (type === undefined || entry.entryType === type));
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    return `PerformanceObserverEntryList ${inspect(this[kEntries], nestedOptions(options))}`;
  }
}
Object.defineProperty(PerformanceObserverEntryList.prototype, Symbol.toStringTag, {
  value: 'PerformanceObserverEntryList', configurable: true,
});

class PerformanceObserver {
  constructor(callback) {
    validateFunction(callback, 'callback');
    this[kBuffer] = [];
    this[kEntryTypes] = new Set();
    this[kObserveType] = undefined;
    this[kCallback] = callback;
  }

  observe(options = {}) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) {
      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    }
    if (entryTypes != null && type != null) {
      throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
                                      'options.entryTypes can not set with options.type together');
    }
    switch (this[kObserveType]) {
      case 'single':
        if (entryTypes !== undefined) {
          throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
                                          'options.entryTypes can not set with options.type together');
        }
        break;
      case 'multiple':
        if (type !== undefined) {
          throw new ERR_INVALID_ARG_VALUE('options.type', type,
                                          'options.entryTypes can not set with options.type together');
        }
        break;
    }

    if (entryTypes !== undefined) {
      if (!Array.isArray(entryTypes)) {
        throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      }
      this[kObserveType] = 'multiple';
      this[kEntryTypes].clear();
      for (const entryType of entryTypes) {
        if (supportedEntryTypes.includes(entryType)) this[kEntryTypes].add(entryType);
      }
    } else {
      this[kObserveType] = 'single';
      if (!supportedEntryTypes.includes(type)) return;
      this[kEntryTypes].add(type);
      if (buffered) {
        const entries = type === 'mark' || type === 'measure' ? sortedEntries(undefined, type) : [];
        if (entries.length > 0) {
          this[kBuffer].push(...entries);
          pendingObservers.add(this);
          queueDelivery();
        }
      }
    }
    if (this[kEntryTypes].size > 0) observers.add(this);
    else this.disconnect();
  }

  disconnect() {
    observers.delete(this);
    pendingObservers.delete(this);
    this[kBuffer] = [];
    this[kEntryTypes].clear();
    this[kObserveType] = undefined;
  }

  takeRecords() {
    const list = this[kBuffer];
    this[kBuffer] = [];
    return list;
  }

  static get supportedEntryTypes() {
    return supportedEntryTypes;
  }

  [kDeliver]() {
    const entries = this.takeRecords();
    if (entries.length === 0) return;
    const list = new PerformanceObserverEntryList(kSkipThrow, entries);
    this[kCallback].call(this, list, this);
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    return `PerformanceObserver ${inspect({
      connected: observers.has(this),
      pending: pendingObservers.has(this),
      entryTypes: [...this[kEntryTypes]],
      buffer: this[kBuffer],
    }, nestedOptions(options))}`;
  }
}
Object.defineProperty(PerformanceObserver.prototype, Symbol.toStringTag, {
  value: 'PerformanceObserver', configurable: true,
});

// --- timerify and eventLoopUtilization -------------------------------------------------------
function timerify(fn, options = {}) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const isConstructor = typeof fn.prototype === 'object' && fn.prototype !== null;
  function timerified_(...args) {
    const start = now();
    const result = new.target !== undefined && isConstructor ?
      Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
    const finish = () => {
      if (hasObserver('function')) {
        const duration = now() - start;
        enqueue(new PerformanceFunctionEntry(kSkipThrow, fn.name, 'function', start,
                                             duration, args));
      }
    };
    if (!new.target && typeof result?.finally === 'function') return result.finally(finish);
    finish();
    return result;
  }
  Object.defineProperties(timerified_, {
    length: { configurable: false, enumerable: true, value: fn.length },
    name: { configurable: false, enumerable: true, value: `timerified ${fn.name}` },
  });
  return timerified_;
}

// Idle time is not measured by oxnode's loop: the loop never reports as started, so every
// reading is zero (what Node reports before its loop starts).
function eventLoopUtilization(util1, util2) {
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active = util1.active - util2.active;
    return { idle, active, utilization: active / (idle + active) || 0 };
  }
  if (util1) {
    const idle = 0 - util1.idle;
    const active = 0 - util1.active;
    return { idle, active, utilization: active / (idle + active) || 0 };
  }
  return { idle: 0, active: 0, utilization: 0 };
}

// --- Performance -----------------------------------------------------------------------------
function validateThisPerformance(value) {
  if (!(value instanceof Performance)) throw new ERR_INVALID_THIS('Performance');
}

let timeOrigin;

class Performance extends EventTarget {
  constructor(skipThrowSymbol = undefined) {
    if (skipThrowSymbol !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    return `Performance ${inspect({
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
    }, nestedOptions(options))}`;
  }
}

const performanceMethods = {
  clearMarks(name = undefined) {
    validateThisPerformance(this);
    clearMarks(name);
  },
  clearMeasures(name = undefined) {
    validateThisPerformance(this);
    clearMeasures(name);
  },
  clearResourceTimings(name = undefined) {
    validateThisPerformance(this);
  },
  getEntries() {
    validateThisPerformance(this);
    return sortedEntries();
  },
  getEntriesByName(name, type = undefined) {
    validateThisPerformance(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return sortedEntries(`${name}`, type === undefined ? undefined : `${type}`);
  },
  getEntriesByType(type) {
    validateThisPerformance(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    return sortedEntries(undefined, `${type}`);
  },
  mark(name, options = undefined) {
    validateThisPerformance(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return mark(name, options);
  },
  measure(name, startOrMeasureOptions = undefined, endMark = undefined) {
    validateThisPerformance(this);
    return Reflect.apply(measure, undefined, arguments);
  },
  now() {
    validateThisPerformance(this);
    return now();
  },
  setResourceTimingBufferSize(maxSize) {
    validateThisPerformance(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('maxSize');
  },
  toJSON() {
    validateThisPerformance(this);
    return {
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
      eventLoopUtilization: this.eventLoopUtilization(),
    };
  },
};
// Defined in Node's order, which inspect and Object.keys show.
for (const [name, method] of Object.entries(performanceMethods)) {
  Object.defineProperty(Performance.prototype, name, {
    value: method, writable: true, enumerable: true, configurable: true,
  });
  if (name === 'setResourceTimingBufferSize') {
    Object.defineProperty(Performance.prototype, 'timeOrigin', {
      enumerable: true,
      configurable: true,
      get: Object.getOwnPropertyDescriptor({
        get timeOrigin() {
          validateThisPerformance(this);
          timeOrigin ??= getTimeOrigin();
          return timeOrigin;
        },
      }, 'timeOrigin').get,
    });
  }
}
Object.defineProperties(Performance.prototype, {
  eventLoopUtilization: {
    value: eventLoopUtilization, writable: true, enumerable: true, configurable: true,
  },
  nodeTiming: { value: nodeTiming, writable: true, enumerable: true, configurable: true },
  timerify: { value: timerify, writable: true, enumerable: true, configurable: true },
  [Symbol.toStringTag]: { value: 'Performance', configurable: true },
});
defineEventHandler(Performance.prototype, 'resourcetimingbufferfull');

const performance = new Performance(kSkipThrow);

const constants = {
  NODE_PERFORMANCE_GC_MAJOR: 4,
  NODE_PERFORMANCE_GC_MINOR: 1,
  NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16,
  NODE_PERFORMANCE_GC_FLAGS_NO: 0,
  NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
  NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
  NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
};

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  constants,
  eventLoopUtilization,
  hasObserver,
  performance,
  startPerf,
  stopPerf,
  timerify,
};
