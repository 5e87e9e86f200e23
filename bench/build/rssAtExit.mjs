// Preloaded (node --import) into the `plexus build` child: the CLI cannot report its own peak RSS,
// and plain JavaScript keeps this hook out of the timed start-up (no TypeScript loader needed).
import { writeFileSync } from 'node:fs';

const file = process.env.PLEXUS_BENCH_REPORT;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    const report = { maxRssKiB: process.resourceUsage().maxRSS, processCpuMs: (user + system) / 1000 };
    writeFileSync(file, JSON.stringify(report));
  });
}
