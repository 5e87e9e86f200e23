/**
 * The network profiles a load is measured under, applied with Chrome's own throttling
 * (`Network.emulateNetworkConditions`). Throughputs are in bytes per second, as the protocol wants them.
 *
 * Chrome throttles per request, not per packet: `latency` is added once to each request's answer, and
 * the throughput caps each response's body. The "fast-3g" figures are Lighthouse's mobile profile
 * (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up); DevTools' own preset of the same name multiplies the
 * latency by 3.75 to make up for the missing TCP round trips, so this profile is the milder of the two.
 */
export interface NetworkProfile {
  name: string;
  label: string;
  /** Added to every request, ms; 0 with no throttling. */
  latency: number;
  /** Bytes per second; -1 switches the cap off. */
  downloadThroughput: number;
  uploadThroughput: number;
}

const mbits = (megabits: number) => (megabits * 1_000_000) / 8;

export const PROFILES: readonly NetworkProfile[] = [
  {
    name: 'fast-3g',
    label: '150 ms, 1.6 Mbit/s down, 750 kbit/s up',
    latency: 150,
    downloadThroughput: mbits(1.6),
    uploadThroughput: mbits(0.75),
  },
  {
    name: '4g',
    label: '40 ms, 9 Mbit/s down, 1.5 Mbit/s up',
    latency: 40,
    downloadThroughput: mbits(9),
    uploadThroughput: mbits(1.5),
  },
  { name: 'unthrottled', label: 'loopback', latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
];

export function profileNamed(name: string): NetworkProfile | undefined {
  return PROFILES.find((profile) => profile.name === name);
}
