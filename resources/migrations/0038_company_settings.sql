-- Company and tax settings that staff edit (API and console): whether EU B2B reverse charge
-- applies, the logo printed on invoices, and the seller's country, which stays tenants.country
-- (one place for it) but may now be changed by staff who may write.

-- Off: every buyer pays the rate of their country, VAT ID or not (a seller outside the EU
-- scheme, or one who invoices B2B with VAT for another reason).
ALTER TABLE billing_settings ADD COLUMN reverse_charge boolean NOT NULL DEFAULT true;

-- A PNG or JPEG, at most 512 KiB: printed at the top of every invoice PDF as it is when the
-- PDF is made (branding, not part of the issued document's legal content).
ALTER TABLE billing_settings
    ADD COLUMN logo bytea CHECK (octet_length(logo) <= 524288),
    ADD COLUMN logo_type text CHECK (logo_type IN ('image/png', 'image/jpeg')),
    ADD CONSTRAINT billing_settings_logo_typed CHECK ((logo IS NULL) = (logo_type IS NULL));

GRANT UPDATE (country) ON tenants TO mpanel_app, mpanel_staff;
-- Read-only staff change nothing, here as on every tenant table (0001's restrictive policies).
CREATE POLICY staff_update ON tenants AS RESTRICTIVE FOR UPDATE TO mpanel_staff
    USING ((SELECT mpanel_staff_can_write()));
