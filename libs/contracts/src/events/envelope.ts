/**
 * CloudEvents 1.0 in Kafka binary content mode: the attributes travel as `ce_*` headers and
 * the message value is the JSON `data`. The tenant is the `tenantid` extension attribute
 * (header `ce_tenantid`), the trace the `traceparent` extension.
 */
export interface EventEnvelope<TData = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  dataschema: string;
  tenantid: string;
  traceparent?: string;
  data: TData;
}
