/** Monotonic counters exposed in Prometheus text format at a service's `/metrics`. */
export class Counters {
  private readonly values = new Map<string, number>();

  increment(name: string, by = 1): void {
    this.values.set(name, (this.values.get(name) ?? 0) + by);
  }

  get(name: string): number {
    return this.values.get(name) ?? 0;
  }

  toPrometheus(labels: Record<string, string>): string {
    const labelText = Object.entries(labels)
      .map(([key, value]) => `${key}="${value}"`)
      .join(',');
    return [...this.values.entries()]
      .map(([name, value]) => `# TYPE ${name} counter\n${name}{${labelText}} ${value}`)
      .join('\n')
      .concat('\n');
  }
}
