'use strict';
// node:perf_hooks: the Performance API (see internal/perf/performance for what it covers).

const {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  constants,
  eventLoopUtilization,
  performance,
  timerify,
} = require('internal/perf/performance');

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  eventLoopUtilization,
  timerify,
  performance,
  constants,
};
