#!/usr/bin/env node
// Plexus is written in TypeScript and so are product plugins: register the TypeScript loader, then
// hand over to the real entry point.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
