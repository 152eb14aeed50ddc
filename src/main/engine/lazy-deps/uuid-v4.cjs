// Built in place of uuid inside dockerode (electron.vite.config.ts): only its BuildKit session
// asks for an id (uuid's v4 with no options, which is Node's randomUUID), and loading the
// package ran at every start-up.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS stand-in for a CommonJS module */

const { randomUUID } = require('node:crypto');

exports.v4 = () => randomUUID();
