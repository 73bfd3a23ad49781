#!/usr/bin/env node
// The command line, compiled to dist/ by `npm run build` (run by `npm install` in a checkout).
await import('../dist/cli/samverkan.js');
