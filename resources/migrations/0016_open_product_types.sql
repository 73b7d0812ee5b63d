-- Product types are declared by the modules that sell them (provisioning::ProductTypes in the
-- services library), so a new module adds its type without a change to the catalog's schema.
-- The fixed list of types and the rule that exactly the CloudPod type names a template move into
-- those declarations: the catalog refuses a type no module declares, and a template on a type
-- whose declaration takes none. The column keeps a shape check, and the template reference its
-- foreign key.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN
        SELECT conname FROM pg_constraint
         WHERE conrelid = 'products'::regclass AND contype = 'c'
           AND pg_get_constraintdef(oid) LIKE '%cloudpod%'
    LOOP
        EXECUTE format('ALTER TABLE products DROP CONSTRAINT %I', c.conname);
    END LOOP;
END
$$;

ALTER TABLE products ADD CONSTRAINT products_type_name_check CHECK (type ~ '^[a-z][a-z0-9_]{0,31}$');
