#!/usr/bin/env node
// The lurewatch CLI: a thin launcher that lets Node run the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../infra/local/cli.ts', import.meta.url).href);
