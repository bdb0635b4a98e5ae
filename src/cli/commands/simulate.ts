import type { Command } from 'commander';

export function registerSimulate(_program: Command): void {}
