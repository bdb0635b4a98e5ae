import type { Command } from 'commander';

export function registerInfo(_program: Command): void {}
