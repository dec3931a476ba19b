'use strict';
// DOMException: the Web IDL exception class (global `DOMException`). Its name, message and
// code live in private fields behind enumerable prototype getters, as in Node; the code is
// the legacy numeric code that belongs to the name (0 for names without one). Instances are
// real Errors: `instanceof Error`, with a stack captured at construction.

// Names with a legacy code, in code order (INDEX_SIZE_ERR = 1 ... DATA_CLONE_ERR = 25).
const legacyNames = [
  ['IndexSizeError', 'INDEX_SIZE_ERR'],
  ['DOMStringSizeError', 'DOMSTRING_SIZE_ERR'],
  ['HierarchyRequestError', 'HIERARCHY_REQUEST_ERR'],
  ['WrongDocumentError', 'WRONG_DOCUMENT_ERR'],
  ['InvalidCharacterError', 'INVALID_CHARACTER_ERR'],
  ['NoDataAllowedError', 'NO_DATA_ALLOWED_ERR'],
  ['NoModificationAllowedError', 'NO_MODIFICATION_ALLOWED_ERR'],
  ['NotFoundError', 'NOT_FOUND_ERR'],
  ['NotSupportedError', 'NOT_SUPPORTED_ERR'],
  ['InUseAttributeError', 'INUSE_ATTRIBUTE_ERR'],
  ['InvalidStateError', 'INVALID_STATE_ERR'],
  ['SyntaxError', 'SYNTAX_ERR'],
  ['InvalidModificationError', 'INVALID_MODIFICATION_ERR'],
  ['NamespaceError', 'NAMESPACE_ERR'],
  ['InvalidAccessError', 'INVALID_ACCESS_ERR'],
  ['ValidationError', 'VALIDATION_ERR'],
  ['TypeMismatchError', 'TYPE_MISMATCH_ERR'],
  ['SecurityError', 'SECURITY_ERR'],
  ['NetworkError', 'NETWORK_ERR'],
  ['AbortError', 'ABORT_ERR'],
  ['URLMismatchError', 'URL_MISMATCH_ERR'],
  ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR'],
  ['TimeoutError', 'TIMEOUT_ERR'],
  ['InvalidNodeTypeError', 'INVALID_NODE_TYPE_ERR'],
  ['DataCloneError', 'DATA_CLONE_ERR'],
];
const codeByName = new Map(legacyNames.map(([name], i) => [name, i + 1]));

// Node's DOMException throws a plain TypeError with a code here, not an ERR_INVALID_THIS.
function invalidThis() {
  const err = new TypeError('Value of "this" must be of DOMException');
  err.code = 'ERR_INVALID_THIS';
  return err;
}

class DOMException {
  #name;
  #message;
  #code;

  constructor(message = '', options = 'Error') {
    this.#message = `${message}`;
    if (options !== null && typeof options === 'object') {
      this.#name = 'name' in options ? `${options.name}` : 'Error';
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', {
          value: options.cause, writable: true, enumerable: false, configurable: true,
        });
      }
    } else {
      this.#name = `${options}`;
    }
    this.#code = codeByName.get(this.#name) ?? 0;
    Error.captureStackTrace(this);
  }

  static #isDOMException(value) {
    return value !== null && typeof value === 'object' && #name in value;
  }

  get name() {
    if (!DOMException.#isDOMException(this)) throw invalidThis();
    return this.#name;
  }

  get message() {
    if (!DOMException.#isDOMException(this)) throw invalidThis();
    return this.#message;
  }

  get code() {
    if (!DOMException.#isDOMException(this)) throw invalidThis();
    return this.#code;
  }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
Object.defineProperties(DOMException.prototype, {
  [Symbol.toStringTag]: { value: 'DOMException', configurable: true },
  name: { enumerable: true },
  message: { enumerable: true },
  code: { enumerable: true },
});
for (let i = 0; i < legacyNames.length; i++) {
  const descriptor = { value: i + 1, enumerable: true };
  Object.defineProperty(DOMException, legacyNames[i][1], descriptor);
  Object.defineProperty(DOMException.prototype, legacyNames[i][1], descriptor);
}

module.exports = { DOMException };
