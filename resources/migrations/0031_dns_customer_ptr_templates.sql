-- DNS, second part: the customer a service's record set belongs to, so customers may set the
-- PTR of their own CloudPods' addresses (and no other's), and the tenant's zone template.

-- The customer whose service a record set was made for (a CloudPod's A and PTR): that customer
-- may change its records through PUT /api/dns/reverse/{address}. NULL: staff's alone.
ALTER TABLE dns_rrsets ADD COLUMN customer_id uuid;
ALTER TABLE dns_rrsets ADD CONSTRAINT dns_rrsets_customer_fk
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id);
UPDATE dns_rrsets r SET customer_id = p.customer_id
    FROM cloud_pods p
    WHERE r.source_type = 'cloud_pod' AND r.source_id = p.id::text AND r.tenant_id = p.tenant_id;
CREATE INDEX dns_rrsets_customer_idx ON dns_rrsets (tenant_id, customer_id, name) WHERE customer_id IS NOT NULL;

-- The tenant's zone template: record sets every new forward zone gets (names relative to the
-- zone, e.g. {"name": "@", "type": "MX", "records": ["10 mail"]}), checked when staff save it.
CREATE TABLE dns_zone_templates (
    tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
    record_sets jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(record_sets) = 'array'),
    updated_at timestamptz NOT NULL
);
SELECT mpanel_isolate_tenant_table('dns_zone_templates');
