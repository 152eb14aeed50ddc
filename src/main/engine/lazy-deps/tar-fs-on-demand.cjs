// Built in place of tar-fs inside dockerode (electron.vite.config.ts). dockerode's util loads it
// at start for building an image from a folder, which Crosstalk never asks for; with tar-stream,
// bl and their streams it was a sixth of the bundled engine client, compiled and run at every
// start-up. The real package is loaded from node_modules on the first call.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS stand-in for a CommonJS module */

const real = () => require('tar-fs/index.js');

exports.pack = (...args) => real().pack(...args);
exports.extract = (...args) => real().extract(...args);
