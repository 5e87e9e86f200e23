import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

export type Channel = 'production' | 'staging';
export const CHANNELS: readonly Channel[] = ['production', 'staging'];

/** One version of a product put on a channel. */
export interface Deployment {
  productId: string;
  channel: Channel;
  definitionHash: string;
  dataVersion: string;
  productVersion: string;
  gitCommit: string | null;
  deployedAt: string;
  /** The user id of whoever deployed it (or rolled back to it). */
  deployedBy: string;
}

export interface ChannelState {
  current: Deployment | null;
  /** Earlier deployments, newest first: what a rollback goes back to. */
  history: Deployment[];
}

const KEPT_HISTORY = 20;

/**
 * Which version each channel of a product serves, as `<snapshot root>/channels/<channel>.json`, replaced
 * by rename so that a crash leaves the old pointer or the new one, never half of one.
 */
export class ChannelStore {
  constructor(readonly snapshotRoot: string) {}

  private fileOf(channel: Channel): string {
    return join(this.snapshotRoot, 'channels', `${channel}.json`);
  }

  async read(channel: Channel): Promise<ChannelState> {
    let text: string;
    try {
      text = await readFile(this.fileOf(channel), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { current: null, history: [] };
      throw error;
    }
    // A damaged pointer is an error to fix, never "nothing deployed": that would lose the history.
    return JSON.parse(text) as ChannelState;
  }

  private async write(channel: Channel, state: ChannelState): Promise<void> {
    await mkdir(join(this.snapshotRoot, 'channels'), { recursive: true });
    const temporary = `${this.fileOf(channel)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify(state, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, this.fileOf(channel));
  }

  /** Makes this deployment the channel's current one; the one it replaces heads the history. */
  async switchTo(deployment: Deployment): Promise<ChannelState> {
    const state = await this.read(deployment.channel);
    const next = {
      current: deployment,
      history: [...(state.current ? [state.current] : []), ...state.history].slice(0, KEPT_HISTORY),
    };
    await this.write(deployment.channel, next);
    return next;
  }

  /** Makes the previous deployment current again; the rolled-back one leaves the history. */
  async rollBack(
    channel: Channel,
    by: string,
    at: string,
  ): Promise<{ state: ChannelState; replaced: Deployment }> {
    const state = await this.read(channel);
    const [previous, ...rest] = state.history;
    if (!state.current || !previous) throw new Error('nothing to roll back to');
    const next = { current: { ...previous, deployedAt: at, deployedBy: by }, history: rest };
    await this.write(channel, next);
    return { state: next, replaced: state.current };
  }
}
