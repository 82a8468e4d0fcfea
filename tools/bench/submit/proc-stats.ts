// Resource readings from /proc (Linux): resident memory of a process and CPU time of
// processes and of the whole machine, to see where the CPU went during the measured window.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface MemoryReading {
  /** VmRSS: resident now, in KiB. */
  rssKiB: number;
  /** VmHWM: peak resident, in KiB. */
  peakKiB: number;
}

export function readMemory(pid: number): MemoryReading {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${name}`);
    return Number(match[1]);
  };
  return { rssKiB: field('VmRSS'), peakKiB: field('VmHWM') };
}

let clockTicks: number | undefined;

/** Clock ticks per second of /proc's CPU counters (`getconf CLK_TCK`, almost always 100). */
function ticksPerSecond(): number {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return clockTicks;
}

export interface ProcessStat {
  command: string;
  parentPid: number;
  /** user + system CPU of every thread, in seconds. */
  cpuSeconds: number;
}

/** Returns undefined when the process is gone (it may exit between listing and reading). */
export function readProcessStat(pid: number): ProcessStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ESRCH') return undefined;
    throw error;
  }
  // pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after the last ')'.
  const close = text.lastIndexOf(')');
  const command = text.slice(text.indexOf('(') + 1, close);
  const fields = text.slice(close + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after "state".
  return { command, parentPid: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond() };
}

/** Every process whose stat matches, with its CPU seconds. */
export function findProcesses(matches: (stat: ProcessStat) => boolean): Map<number, number> {
  const result = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcessStat(Number(entry));
    if (stat && matches(stat)) result.set(Number(entry), stat.cpuSeconds);
  }
  return result;
}

export interface MachineCpu {
  busySeconds: number;
  totalSeconds: number;
}

/** The machine's CPU time since boot, summed over all cores (from the `cpu` line of /proc/stat). */
export function readMachineCpu(): MachineCpu {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal guest guest_nice: guest time is already in user.
  const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = values[3] + values[4];
  return { busySeconds: (total - idle) / ticksPerSecond(), totalSeconds: total / ticksPerSecond() };
}
