/** Upload limits, from the service's configuration. */
export class DocumentLimits {
  constructor(readonly maxBytes: number) {}
}
