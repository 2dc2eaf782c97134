// office.js's logger (o15apptofilemappingtable.js) adds a hidden frame on Microsoft's telemetry host
// three seconds after it loads. Every playground page loads this first, so that the endpoint it
// would use is stubbed and nothing leaves the machine.
/* global window */
(function () {
  var endpoint = null;
  window.Logger = Object.defineProperty({}, "ulsEndpoint", {
    configurable: true,
    enumerable: true,
    get: function () {
      return endpoint;
    },
    set: function (value) {
      if (value) {
        value.loadProxyFrame = function () {};
        value.writeLog = function () {};
      }
      endpoint = value;
    },
  });
})();
