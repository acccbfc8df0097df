-- The dashboard's denial rate reads a practice's adjudication events of the last 90 days:
-- an index on exactly those, so the figure costs the window, not the claims' whole history.
create index claim_events_adjudicated on claim_events (organization_id, at)
  where to_status in ('paid', 'partially_paid', 'denied');
