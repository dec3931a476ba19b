'use strict';
// node:v8, the part this runtime can answer: heap, heap-space and code statistics, the
// code-cache version tag, isStringOneByteRepresentation, and setFlagsFromString (accepted;
// flags cannot change once the engine runs here).

const { validateString } = require('internal/validators');
const engine = internalBinding('engine');
const { engineVersion } = internalBinding('process_methods').info();

function getHeapStatistics() {
  const [
    totalHeapSize, usedHeapSize, externalMemory, , totalHeapSizeExecutable, totalPhysicalSize,
    totalAvailableSize, heapSizeLimit, mallocedMemory, peakMallocedMemory, nativeContexts,
    detachedContexts, totalGlobalHandlesSize, usedGlobalHandlesSize, totalAllocatedBytes,
  ] = engine.getHeapStatistics();
  return {
    total_heap_size: totalHeapSize,
    total_heap_size_executable: totalHeapSizeExecutable,
    total_physical_size: totalPhysicalSize,
    total_available_size: totalAvailableSize,
    used_heap_size: usedHeapSize,
    heap_size_limit: heapSizeLimit,
    malloced_memory: mallocedMemory,
    peak_malloced_memory: peakMallocedMemory,
    does_zap_garbage: 0,
    number_of_native_contexts: nativeContexts,
    number_of_detached_contexts: detachedContexts,
    total_global_handles_size: totalGlobalHandlesSize,
    used_global_handles_size: usedGlobalHandlesSize,
    external_memory: externalMemory,
    total_allocated_bytes: totalAllocatedBytes,
  };
}

function getHeapSpaceStatistics() {
  return engine.getHeapSpaceStatistics().map(
    ([spaceName, spaceSize, spaceUsedSize, spaceAvailableSize, physicalSpaceSize]) => ({
      space_name: spaceName,
      space_size: spaceSize,
      space_used_size: spaceUsedSize,
      space_available_size: spaceAvailableSize,
      physical_space_size: physicalSpaceSize,
    }));
}

function getHeapCodeStatistics() {
  const [codeAndMetadata, bytecodeAndMetadata, externalScriptSource, cpuProfilerMetadata] =
    engine.getHeapCodeStatistics();
  return {
    code_and_metadata_size: codeAndMetadata,
    bytecode_and_metadata_size: bytecodeAndMetadata,
    external_script_source_size: externalScriptSource,
    cpu_profiler_metadata_size: cpuProfilerMetadata,
  };
}

function isStringOneByteRepresentation(content) {
  validateString(content, 'content');
  return engine.isStringOneByteRepresentation(content);
}

// A fixed 32-bit tag per engine version (V8 hashes its version and flags).
let versionTag;
function cachedDataVersionTag() {
  if (versionTag === undefined) {
    let hash = 2166136261;
    for (const char of `${engineVersion}`) {
      hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    }
    versionTag = hash;
  }
  return versionTag;
}

function setFlagsFromString(flags) {
  validateString(flags, 'flags');
}

module.exports = {
  cachedDataVersionTag,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  isStringOneByteRepresentation,
};
