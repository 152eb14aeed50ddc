// Built in place of @grpc/grpc-js and @grpc/proto-loader inside dockerode (electron.vite.config.ts):
// dockerode loads them at start for BuildKit sessions, which Crosstalk never opens, and they
// cost about 0.4 s of start-up. Anything that reaches them says so.
'use strict';
module.exports = new Proxy(
  {},
  {
    get(_, key) {
      if (key === '__esModule' || typeof key === 'symbol') return undefined;
      throw new Error(
        `Crosstalk is built without BuildKit sessions (dockerode asked for gRPC's ${String(key)}).`,
      );
    },
  },
);
