// Built in place of @balena/dockerignore inside dockerode (electron.vite.config.ts), for the same
// reason as tar-fs-on-demand.cjs: only a build from a folder uses it; loaded on the first call.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS stand-in for a CommonJS module */

module.exports = (...args) => require('@balena/dockerignore/ignore.js')(...args);
