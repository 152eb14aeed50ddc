// Built in place of @grpc/grpc-js, @grpc/proto-loader and protobufjs inside dockerode
// (electron.vite.config.ts): dockerode loads them for BuildKit sessions, which Crosstalk never
// opens, and they cost about 0.4 s of start-up (protobufjs was half of the bundled client's
// 616 kB). Anything that reaches them says so.
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
