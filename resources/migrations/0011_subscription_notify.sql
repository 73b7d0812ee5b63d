-- Live updates for the console's Subscriptions section and payment lists: the same statement-level
-- triggers and tenant-id payload as 0008 (mpanel_notify_changes_of), one channel per section.
-- A subscription's history and renewal claims change what its detail shows, so they share its
-- channel; a refund changes what its payment shows.
SELECT mpanel_notify_changes_of('subscriptions', 'mpanel_changed_subscriptions');
SELECT mpanel_notify_changes_of('subscription_events', 'mpanel_changed_subscriptions');
SELECT mpanel_notify_changes_of('subscription_invoices', 'mpanel_changed_subscriptions');
SELECT mpanel_notify_changes_of('payments', 'mpanel_changed_payments');
SELECT mpanel_notify_changes_of('payment_refunds', 'mpanel_changed_payments');

-- The console's "Pay online" and "Refund" run the payments services on the staff member's own
-- connection (as every console action does), so staff who may write (RLS: mpanel_staff_can_write)
-- need the writes those services make: the Checkout Session they hand out, the refund they ask
-- Stripe for, and the payment it changes. Stripe's events stay the service's alone.
GRANT INSERT, UPDATE ON invoice_checkout_sessions, payment_refunds TO mpanel_staff;
GRANT UPDATE ON payments TO mpanel_staff;
