#!/usr/bin/env node
// Runs the Duban CLI from TypeScript source, so `npx duban` works right after `npm ci`.
process.env.SWC_NODE_PROJECT ??= require('node:path').join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
require('../apps/cli/src/main.ts');
