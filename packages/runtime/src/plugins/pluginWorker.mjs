// Worker entry: plugins are TypeScript, so register the TypeScript loader in this thread before
// loading the worker body and, through it, the plugin modules.
import { register } from 'tsx/esm/api';

register();
await import('./pluginWorkerBody.ts');
