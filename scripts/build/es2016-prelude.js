// Prepended, unwrapped, to events.js. Classic Outlook on Windows before Version 2403 runs event
// handlers in an ES2016 engine (troubleshoot-event-based-and-spam-reporting-add-ins), and Babel only
// rewrites syntax: library code still calls later built-ins, and zod reads `globalThis` as soon as
// it loads. This defines the few the bundle uses, only where missing, non-enumerable like the
// originals. Syntax here stays ES2016; the build's ES2016 check parses it with the rest.
(function (root) {
  "use strict";
  function define(target, name, value) {
    if (name in target) return;
    Object.defineProperty(target, name, { value: value, writable: true, configurable: true });
  }
  function pad(text, length, filler) {
    var fill = filler === undefined ? " " : String(filler);
    var missing = Math.floor(length) - text.length;
    if (missing <= 0 || fill === "") return "";
    while (fill.length < missing) fill += fill;
    return fill.slice(0, missing);
  }
  function flatten(source, depth, into) {
    for (var i = 0; i < source.length; i += 1) {
      if (!(i in source)) continue;
      if (depth > 0 && Array.isArray(source[i])) flatten(source[i], depth - 1, into);
      else into.push(source[i]);
    }
    return into;
  }

  define(root, "globalThis", root); // ES2020
  // BigInt (ES2020) cannot be polyfilled, but zod builds BigInt constants while it loads. A stand-in
  // that returns Numbers lets such libraries load; nothing in Reach Guard computes with bigints.
  define(root, "BigInt", function BigInt(value) {
    return Number(value);
  });
  define(Object, "entries", function entries(object) {
    return Object.keys(object).map(function (key) {
      return [key, object[key]];
    });
  });
  define(Object, "values", function values(object) {
    return Object.keys(object).map(function (key) {
      return object[key];
    });
  });
  define(Object, "getOwnPropertyDescriptors", function getOwnPropertyDescriptors(object) {
    var result = {};
    Reflect.ownKeys(object).forEach(function (key) {
      result[key] = Object.getOwnPropertyDescriptor(object, key);
    });
    return result;
  });
  define(Object, "fromEntries", function fromEntries(entries) {
    var result = {};
    Array.from(entries, function (entry) {
      result[entry[0]] = entry[1];
    });
    return result;
  });
  // ES2022; @noble/hashes (the fingerprint's SHA-256) checks its options with it.
  define(Object, "hasOwn", function hasOwn(object, key) {
    return Object.prototype.hasOwnProperty.call(Object(object), key);
  });
  define(String.prototype, "padStart", function padStart(length, filler) {
    var text = String(this);
    return pad(text, length, filler) + text;
  });
  define(String.prototype, "padEnd", function padEnd(length, filler) {
    var text = String(this);
    return text + pad(text, length, filler);
  });
  define(String.prototype, "trimStart", function trimStart() {
    return String(this).replace(/^[\s\uFEFF\xA0]+/, "");
  });
  define(String.prototype, "trimEnd", function trimEnd() {
    return String(this).replace(/[\s\uFEFF\xA0]+$/, "");
  });
  define(Array.prototype, "flat", function flat(depth) {
    return flatten(Object(this), depth === undefined ? 1 : Number(depth), []);
  });
  define(Array.prototype, "flatMap", function flatMap(callback, thisArg) {
    return flatten(Array.prototype.map.call(Object(this), callback, thisArg), 1, []);
  });
  define(Promise.prototype, "finally", function (onFinally) {
    if (typeof onFinally !== "function") return this.then(onFinally, onFinally);
    var P = this.constructor || Promise;
    function settle() {
      return P.resolve(onFinally());
    }
    function passValue(value) {
      return settle().then(function () {
        return value;
      });
    }
    function passReason(reason) {
      return settle().then(function () {
        throw reason;
      });
    }
    return this.then(passValue, passReason);
  });
})(this);
