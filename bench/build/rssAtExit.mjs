// Preloaded (node --import) into the `plexus build` child: the CLI cannot report its own peak RSS,
// and plain JavaScript keeps this hook out of the timed start-up (no TypeScript loader needed).
import { writeFileSync } from 'node:fs';

const file = process.env.PLEXUS_BENCH_REPORT;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
  });
}
